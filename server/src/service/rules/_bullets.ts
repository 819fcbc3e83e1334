import { firstIndexWith } from '../model/spans';
import type { Bullet, Entry, ResumeDocument, Section, Word } from '../model/types';

/** The words inside a bullet's text, in order (a date glued at its start and the marker are not words). */
export function bulletWords(doc: ResumeDocument, bullet: Bullet): Word[] {
  const words: Word[] = [];
  const list = doc.words;
  for (let i = list.firstAtOrAfter(bullet.content.start); i < list.length && list.end(i) <= bullet.content.end; i++) words.push(list.at(i)!);
  return words;
}

/** Every entry of the sections of these kinds, sub-entries included, with the section it stands in. */
export function entriesOf(doc: ResumeDocument, kinds: ReadonlySet<Section['kind']>): { entry: Entry; parent?: Entry; section: Section }[] {
  const out: { entry: Entry; parent?: Entry; section: Section }[] = [];
  const walk = (entry: Entry, section: Section, parent?: Entry) => {
    out.push({ entry, parent, section });
    for (const child of entry.children) walk(child, section, entry);
  };
  for (const section of doc.sections) if (kinds.has(section.kind)) for (const entry of section.entries) walk(entry, section);
  return out;
}

/** Sections whose entries are work: the writing rules look at these. */
export const WORK_SECTIONS: ReadonlySet<Section['kind']> = new Set(['experience', 'projects', 'volunteering']);

/**
 * The bullet's first word when it opens the bullet: only spaces, emphasis, quotes or a date may stand before it
 * (`- **Led** …`, `- 2025/09 Designed …`). Undefined when the bullet starts with something the tokenizer does not
 * count as a word (`- AWS migration…`, `- 3 engineers…`), so that rules never read its second word as its first.
 */
export function openingWord(doc: ResumeDocument, bullet: Bullet): Word | undefined {
  const index = doc.words.firstAtOrAfter(bullet.content.start);
  if (index >= doc.words.length || doc.words.end(index) > bullet.content.end) return undefined;
  const first = doc.words.at(index)!;
  if (first.start === bullet.content.start) return first; // nothing before it (most bullets)
  let before = doc.text.slice(bullet.content.start, first.start);
  // The date ranges between the content's start and the word (ranges are sorted by start: a binary search to them).
  for (let i = firstIndexWith(doc.dateRanges, (range) => range.span.start >= bullet.content.start); i < doc.dateRanges.length; i++) {
    const range = doc.dateRanges[i];
    if (range.span.start >= first.start) break;
    if (range.span.end <= first.start) before = before.replace(doc.text.slice(range.span.start, range.span.end), '');
  }
  return /^[\s*_"“‘'(\[]*$/u.test(before) ? first : undefined;
}
