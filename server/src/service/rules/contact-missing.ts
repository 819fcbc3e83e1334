import { visibleLines } from './_header';
import type { ResumeDocument } from '../model/types';
import type { Rule } from './types';

/** Metadata keys that hold the person's name, and the ways to reach them a site's layout shows with it. */
const NAME_KEYS = new Set(['name', 'author', 'fullname', 'full_name', 'full-name']);
const LINK_KEYS = new Set(['email', 'e-mail', 'mail', 'phone', 'mobile', 'website', 'url', 'homepage', 'github', 'gitlab', 'linkedin', 'twitter', 'mastodon', 'orcid', 'scholar', 'google_scholar', 'researchgate', 'bluesky']);

/**
 * Whether the page's front matter puts the person's name and links on it: a name with links beside it, or a site's
 * author profile (`author_profile: true`: the theme shows the author's name, email and links with the page).
 */
function frontMatterShowsContact(doc: ResumeDocument): boolean {
  const keys = new Map(doc.metadata.map((field) => [field.key, field.value.text]));
  if (/^(?:true|yes)$/i.test(keys.get('author_profile') ?? '')) return true;
  return [...keys.keys()].some((key) => NAME_KEYS.has(key)) && [...keys.keys()].some((key) => LINK_KEYS.has(key));
}

export const contactMissing: Rule = {
  id: 'contact-missing',
  description: 'The résumé has no email address in its header, its front matter or anywhere on the page.',
  tags: ['contact'],
  defaultSeverity: 'warning',
  fixable: false,
  example: '# Jane Doe\nSeattle, WA | +1 555 010 2030',
  check(doc, report) {
    // The header's contacts include the metadata's (front matter `email:`, Org `#+EMAIL:`).
    if (doc.header.contacts.some((item) => item.kind === 'email')) return;
    if (doc.skipRegions.some((region) => region.kind === 'email')) return;
    if (frontMatterShowsContact(doc)) return;
    // Where a name would be: the name, else the first line a reader sees (not front matter, a comment or a tag).
    const anchor = doc.header.name ?? visibleLines(doc, doc.text.length)[0];
    if (!anchor) return;
    const text = doc.text.slice(anchor.start, anchor.end);
    const start = anchor.start + (text.length - text.trimStart().length);
    report({
      start,
      end: anchor.start + text.trimEnd().length,
      message: 'No email address in the header: recruiters reply by email, so put one under your name.',
    });
  },
};
