import type { Rule } from './types';

export const contactMissing: Rule = {
  id: 'contact-missing',
  description: 'The résumé has no email address in its header (or anywhere).',
  tags: ['contact'],
  defaultSeverity: 'warning',
  fixable: false,
  example: '# Jane Doe\nSeattle, WA | +1 555 010 2030',
  check(doc, report) {
    if (doc.header.contacts.some((item) => item.kind === 'email')) return;
    if (doc.skipRegions.some((region) => region.kind === 'email')) return;
    const first = doc.header.name ?? doc.lines.find((line) => line.text.trim().length > 0);
    if (!first) return;
    const text = doc.text.slice(first.start, first.end);
    const start = first.start + (text.length - text.trimStart().length);
    report({
      start,
      end: first.start + text.trimEnd().length,
      message: 'No email address in the header: recruiters reply by email, so put one under your name.',
    });
  },
};
