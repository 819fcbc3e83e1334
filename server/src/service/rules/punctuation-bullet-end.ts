import type { Bullet, ResumeDocument } from '../model/types';
import { isLetterOrDigit, isSpace } from '../model/words';
import { SpanIndex } from '../model/spans';
import type { Rule } from './types';

/** Endings that hold a period for another reason: `etc.`, `Inc.`, `e.g.`, an ellipsis. */
const ABBREVIATION_END = /(?:\b(?:etc|inc|ltd|co|corp|jr|sr|vs|al|approx|dept|st|e\.g|i\.e|u\.s|a\.m|p\.m)\.|\.\.\.|…)$/i;
/** Closing markup after a bullet's last word (`[*_"”’')\]]`): emphasis, closing quotes, brackets; a period goes after. */
function isClosingMarkup(code: number): boolean {
  return code === 0x2a || code === 0x5f || code === 0x22 || code === 0x201d || code === 0x2019 || code === 0x27 || code === 0x29 || code === 0x5d;
}
/** The longest {@link ABBREVIATION_END} match (`approx.`) and a character before it, for its `\b`. */
const ABBREVIATION_TAIL = 12;

interface BulletEnd {
  bullet: Bullet;
  style: 'period' | 'none';
  /** Where the period is, or where one would go. */
  at: number;
  /** Offset just past the text, markup included (where a missing period is inserted). */
  textEnd: number;
}

/**
 * The bullets whose last character says something about style: prose bullets of four words or more, outside
 * skills, certifications, languages, interests and references sections, not introducing sub-bullets, not labelled
 * lists (`Tools: Go, Rust`), not ending in `?`, `!`, `:` or an abbreviation.
 */
function bulletEnds(doc: ResumeDocument): BulletEnd[] {
  const ends: BulletEnd[] = [];
  // Lists of items rather than sentences: skills, certifications, languages, interests, references.
  const LIST_SECTIONS = new Set(['skills', 'certifications', 'languages', 'interests', 'references']);
  const skills = doc.sections.filter((section) => LIST_SECTIONS.has(section.kind));
  // A binary search, not a scan of every such section per bullet (quadratic on a long document of many résumés).
  const skillSpans = new SpanIndex(skills.map((section) => ({ start: section.start, end: section.end + 1 })));
  const inSkills = (bullet: Bullet) => skillSpans.overlaps(bullet.start, bullet.start + 1);
  const firstSection = doc.sections[0]?.start ?? Infinity;
  for (let index = 0; index < doc.bullets.length; index++) {
    const bullet = doc.bullets[index];
    const markerStart = bullet.marker.text.charCodeAt(0);
    if (bullet.start < firstSection || (skills.length > 0 && inSkills(bullet)) || (markerStart >= 0x30 && markerStart <= 0x39)) continue;
    const next = doc.bullets[index + 1];
    if (next && next.firstLine === bullet.lastLine + 1 && next.indent > bullet.indent) continue; // a lead-in to sub-bullets
    const content = bullet.content.text;
    let length = content.length;
    while (length > 0 && isSpace(content.charCodeAt(length - 1))) length--;
    const text = length === content.length ? content : content.slice(0, length);
    if (!hasWords(text, 4)) continue;
    // `Technologies: Linux, Python, PostgreSQL`: a labelled list, not a sentence.
    const colon = text.indexOf(':');
    const label = colon > 0 && colon <= 40 ? /^[^:.]{1,40}:\s+(.*)$/s.exec(text) : null;
    if (label && label[1].includes(',') && !/[.!?]\s/.test(label[1])) continue;
    // The text without closing markup (`**`, quotes, brackets) is text[0, coreLength).
    let coreLength = text.length;
    while (coreLength > 0 && isClosingMarkup(text.charCodeAt(coreLength - 1))) coreLength--;
    if (coreLength === 0) continue;
    const textEnd = bullet.content.start + text.length;
    const last = text[coreLength - 1];
    // An abbreviation ends in `.` or `…`; only the tail can hold it (an end-anchored pattern tries every start).
    if ((last === '…' || (last === '.' && mayEndInAbbreviation(text, coreLength - 1))) && ABBREVIATION_END.test(text.slice(Math.max(0, coreLength - ABBREVIATION_TAIL), coreLength))) continue;
    if (last === '.') ends.push({ bullet, style: 'period', at: bullet.content.start + coreLength - 1, textEnd });
    else if (last === '%' || last === ')' || last === ']' || isLetterOrDigit(text, coreLength - 1, coreLength)) ends.push({ bullet, style: 'none', at: bullet.content.start + coreLength, textEnd });
  }
  return ends;
}

/**
 * Whether the `.` at `dot` may end an {@link ABBREVIATION_END}: every one ends in a dot after another dot (`...`) or
 * after a run of one to six ASCII letters (`etc.`, `approx.`, `e.g.`). Most bullets end in a longer word or a figure.
 */
function mayEndInAbbreviation(text: string, dot: number): boolean {
  if (dot > 0 && text.charCodeAt(dot - 1) === 0x2e) return true;
  let letters = 0;
  for (let i = dot - 1; i >= 0 && letters <= 6; i--) {
    const code = text.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    letters++;
  }
  return letters >= 1 && letters <= 6;
}

/** Whether `text.split(/\s+/)` gives at least `count` pieces, without splitting (this runs for every bullet). */
function hasWords(text: string, count: number): boolean {
  let pieces = 1;
  for (let i = 0; i < text.length && pieces < count; i++) {
    if (isSpace(text.charCodeAt(i)) && (i + 1 >= text.length || !isSpace(text.charCodeAt(i + 1)))) pieces++;
  }
  return pieces >= count;
}

export const punctuationBulletEnd: Rule = {
  id: 'punctuation-bullet-end',
  description: 'Bullets mix ending with a period and ending without one; the fix follows what most bullets do.',
  tags: ['formatting'],
  defaultSeverity: 'info',
  fixable: true,
  fixes: { safe: 'a period added or removed at a bullet\'s end, as most bullets do' },
  example: '- Built the billing service.\n- Cut cloud costs by 20%',
  check(doc, report) {
    const ends = bulletEnds(doc);
    const periods = ends.filter((end) => end.style === 'period').length;
    const none = ends.length - periods;
    if (periods === 0 || none === 0 || periods === none) return;
    const dominant = periods > none ? 'period' : 'none';
    for (const end of ends) {
      if (end.style === dominant) continue;
      if (dominant === 'period') {
        report({
          start: Math.max(end.bullet.content.start, end.at - 1),
          end: end.at,
          message: `This bullet ends without a period while ${periods} of ${ends.length} end with one: consistent endings read as care.`,
          fixes: [{ title: 'Add a period', edits: [{ start: end.textEnd, end: end.textEnd, newText: '.' }], safe: true }],
        });
      } else {
        report({
          start: end.at,
          end: end.at + 1,
          message: `This bullet ends with a period while ${none} of ${ends.length} end without one: consistent endings read as care.`,
          fixes: [{ title: 'Remove the period', edits: [{ start: end.at, end: end.at + 1, newText: '' }], safe: true }],
        });
      }
    }
  },
};
