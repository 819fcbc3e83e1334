import { headerLines, headerTokens } from './_header';
import type { Fix, Rule } from './types';

const VALID = /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
/** Mail providers whose domains people mistype; a typo here is a guess, so its fix is never safe. */
const PROVIDERS = ['gmail', 'googlemail', 'yahoo', 'hotmail', 'outlook', 'icloud', 'proton', 'protonmail', 'aol', 'live', 'msn', 'me'];
const PROVIDER_TYPOS: Readonly<Record<string, string>> = {
  gmial: 'gmail', gmal: 'gmail', gamil: 'gmail', gmaill: 'gmail', gnail: 'gmail', gmai: 'gmail',
  yaho: 'yahoo', yahooo: 'yahoo', hotmial: 'hotmail', hotmal: 'hotmail', hotmai: 'hotmail', outlok: 'outlook', iclod: 'icloud',
};
const TLD_TYPOS: Readonly<Record<string, string>> = { con: 'com', cmo: 'com', cm: 'com', comm: 'com', ocm: 'com', om: 'com', vom: 'com', xom: 'com' };

interface Diagnosis {
  problem: string;
  fix?: Fix;
}

function diagnose(email: string, start: number): Diagnosis | undefined {
  const replaceAll = (newText: string, title: string, safe: boolean): Fix => ({ title, edits: [{ start, end: start + email.length, newText }], safe });
  const at = email.split('@');
  if (at.length > 2) return { problem: 'has more than one "@"' };
  const [local, domain] = at;
  if (local.length === 0 || domain.length === 0) return undefined; // a handle or a lone @: not an email
  if (VALID.test(email)) {
    // Well formed; a mistyped provider or ending is still worth a look.
    const labels = domain.toLowerCase().split('.');
    const provider = PROVIDER_TYPOS[labels[0]];
    const tld = labels.length === 2 && PROVIDERS.includes(labels[0]) ? TLD_TYPOS[labels[1]] : undefined;
    if (provider || tld) {
      const fixed = `${local}@${provider ?? labels[0]}.${tld ?? labels.slice(1).join('.')}`;
      return { problem: `has "${domain}", likely a typo`, fix: replaceAll(fixed, `Change to ${fixed}`, false) };
    }
    return undefined;
  }
  if (domain.includes(',')) {
    const fixed = `${local}@${domain.replace(/,/g, '.')}`;
    if (VALID.test(fixed)) return { problem: 'has a comma where a dot belongs', fix: replaceAll(fixed, `Change to ${fixed}`, true) };
  }
  if (email.includes('..')) {
    const fixed = email.replace(/\.{2,}/g, '.');
    if (VALID.test(fixed)) return { problem: 'has two dots in a row', fix: replaceAll(fixed, `Change to ${fixed}`, true) };
  }
  const glued = new RegExp(`^(${PROVIDERS.join('|')})(com|net|org)$`, 'i').exec(domain);
  if (glued) {
    const fixed = `${local}@${glued[1]}.${glued[2]}`;
    return { problem: `is missing the dot in "${domain}"`, fix: replaceAll(fixed, `Change to ${fixed}`, true) };
  }
  if (!domain.includes('.')) return { problem: `has no dot in its domain "${domain}"` };
  if (/[^A-Za-z0-9.-]/.test(domain)) return { problem: `has characters a domain cannot hold in "${domain}"` };
  if (/[^A-Za-z0-9._%+-]/.test(local)) return { problem: `has characters an address cannot hold before the "@"` };
  return { problem: 'is not a well-formed address' };
}

export const contactEmail: Rule = {
  id: 'contact-email',
  description: 'An email address in the header is malformed (`jane@gmail,com`, `jane@gmailcom`) or has a mistyped provider.',
  tags: ['contact'],
  defaultSeverity: 'error',
  fixable: true,
  fixes: { safe: 'a comma where a dot belongs, a doubled dot, a missing dot before the domain\'s ending', quickFix: 'a mistyped mail provider (`gmial.com` → `gmail.com`): a guess' },
  example: 'jane.doe@gmail,com | +1 555 010 2030',
  check(doc, report) {
    for (const line of headerLines(doc)) {
      for (const token of headerTokens(line)) {
        if (!token.text.includes('@')) continue;
        const diagnosis = diagnose(token.text, token.start);
        if (!diagnosis) continue;
        report({
          start: token.start,
          end: token.end,
          message: `The email "${token.text}" ${diagnosis.problem}: a recruiter's reply would bounce.`,
          fixes: diagnosis.fix ? [diagnosis.fix] : undefined,
        });
      }
    }
  },
};
