import type { Span, TextSpan } from './types';

/** Nouns that end a job title or a degree: "Software Engineer Intern", "Registered Nurse", "M.S.". */
const ROLE_NOUNS = new Set(
  (
    'engineer engineers developer developers programmer architect scientist analyst manager director lead ' +
    'intern internship trainee apprentice consultant specialist administrator officer coordinator assistant ' +
    'associate designer researcher fellow professor lecturer teacher tutor instructor nurse physician doctor ' +
    'therapist pharmacist technician accountant auditor controller bookkeeper clerk agent broker realtor ' +
    'representative rep advisor adviser counsel attorney lawyer paralegal editor writer author journalist ' +
    'president vp ceo cto cfo coo cio founder co-founder cofounder owner partner principal head chief executive ' +
    'supervisor superintendent operator volunteer member chair chairman chairperson secretary treasurer ' +
    'ambassador mentor coach student candidate postdoc postdoctoral resident surgeon dentist midwife paramedic ' +
    'planner strategist recruiter generalist buyer merchandiser cashier barista chef cook server receptionist ' +
    'sre devops contractor freelancer staff leader'
  ).split(' '),
);

/** Words that may stand before a role noun inside the title. */
const ROLE_MODIFIERS = new Set(
  (
    'senior sr sr. junior jr jr. principal staff lead chief head associate assistant deputy executive ' +
    'software hardware data research teaching graduate undergraduate registered certified licensed clinical ' +
    'machine learning full stack full-stack front front-end frontend back back-end backend devops product ' +
    'project program programme marketing sales account financial finance tax audit legal medical nursing ' +
    'systems system network security cloud site reliability platform infrastructure mobile web ios android qa ' +
    'test quality business operations technical solutions support customer r&d r & d i ii iii iv summer ' +
    'visiting managing general real estate property mortgage loan investment equity credit risk ux ui'
  ).split(' '),
);

/** Words that mark an organisation. */
const ORGANISATION_MARKERS =
  /\b(?:university|universit[éa]t?|college|school|institute|institut|academy|polytechnic|inc\.?|corp\.?|corporation|llc|ltd\.?|limited|gmbh|ag|s\.?a\.?|plc|group|company|co\.|hospital|clinic|medical center|bank|agency|foundation|labs?|laboratory|technologies|systems|solutions|partners|associates|consulting|studios?|ventures|capital|government|ministry|department|council|district|realty|church)\b/i;

/** Degrees, which play the role of a job title in education entries. */
const DEGREE_PATTERN =
  /^(?:b\.?s\.?c?|m\.?s\.?c?|b\.?a\.?|m\.?a\.?|ph\.?d\.?|m\.?b\.?a|b\.?eng|m\.?eng|m\.?d|j\.?d|ll\.?m|bachelor|master|doctor|associate|diploma|certificate|a\.?a\.?s?|b\.?sc|m\.?phil|d\.?phil|ed\.?d|m\.?ed|b\.?ed|ed\.?s|msw|mph|mpa|llb|bba|b\.?com|m\.?com|dds|pharm\.?d|dnp|m\.?arch|b\.?arch|b\.?f\.?a|m\.?f\.?a|high school|ged|rn|bsn|msn)\b/i;

/** Places that commonly stand alone as the location of an entry. */
const LOCATION_PATTERN =
  /^(?:remote|hybrid|on-?site|[\p{Lu}][\p{L}.'-]+(?:[ -][\p{Lu}][\p{L}.'-]+)*,\s*(?:[A-Z]{2}|[\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+)*))$/u;

export interface EntryFields {
  organisation?: TextSpan;
  role?: TextSpan;
  location?: TextSpan;
}

function trimmed(text: string, start: number, end: number): TextSpan | undefined {
  let s = start;
  let e = end;
  // Trim spaces, Markdown emphasis and dangling separators.
  while (s < e && /[\s*_|•,;:–—-]/.test(text[s])) s++;
  while (e > s && /[\s*_|•,;:–—-]/.test(text[e - 1])) e--;
  if (e <= s) return undefined;
  return { text: text.slice(s, e), start: s, end: e };
}

/** Splits a title into segments on strong separators (`|`, `•`, ` – `, ` — `, ` - `), else on commas. */
export function titleSegments(text: string, span: Span): TextSpan[] {
  const slice = text.slice(span.start, span.end);
  const strong = /\s*(?:\||•|·|\s[–—-]\s|[–—](?=\s))\s*/g;
  const separator = strong.test(slice) ? strong : /\s*,\s*/g;
  separator.lastIndex = 0;
  const segments: TextSpan[] = [];
  let last = 0;
  for (let match = separator.exec(slice); match !== null; match = separator.exec(slice)) {
    const segment = trimmed(text, span.start + last, span.start + match.index);
    if (segment) segments.push(segment);
    last = match.index + match[0].length;
    if (match[0].length === 0) separator.lastIndex++;
  }
  const tail = trimmed(text, span.start + last, span.end);
  if (tail) segments.push(tail);
  return segments;
}

/** Where a role phrase stands inside a segment ("ByteDance (TikTok) Software Engineer Intern", "Engineer II"). */
function findRole(segment: TextSpan): { start: number; end: number } | undefined {
  const words = [...segment.text.matchAll(/[^\s,]+/g)];
  const key = (i: number) => words[i][0].toLowerCase().replace(/[().]+$/g, '');
  let nounIndex = -1;
  let lastIndex = -1;
  for (let i = 0; i < words.length; i++) {
    const word = key(i);
    if (ROLE_NOUNS.has(word)) {
      nounIndex = i;
      lastIndex = i;
    } else if (nounIndex >= 0 && /^(?:i{1,3}|iv|v|[1-5])$/.test(word)) {
      lastIndex = i; // "Engineer II", "Analyst 2"
    } else if (nounIndex >= 0 && !ROLE_MODIFIERS.has(word)) {
      break;
    }
  }
  if (nounIndex < 0) return undefined;
  let first = nounIndex;
  while (first > 0 && /^[\p{Lu}&]/u.test(words[first - 1][0]) && (ROLE_MODIFIERS.has(key(first - 1)) || ROLE_NOUNS.has(key(first - 1)))) {
    first--;
  }
  const startWord = words[first];
  const endWord = words[lastIndex];
  return { start: segment.start + (startWord.index ?? 0), end: segment.start + (endWord.index ?? 0) + endWord[0].length };
}

/**
 * Reads organisation, role and location out of an entry title. `bold` is the span of a leading bold
 * phrase (`**Alibaba Group** Software Engineer`), which names the organisation when present.
 */
export function entryFields(text: string, span: Span, bold?: Span): EntryFields {
  const fields: EntryFields = {};
  let rest: Span = span;
  if (bold) {
    fields.organisation = trimmed(text, bold.start, bold.end);
    rest = { start: bold.end, end: span.end };
  }
  const segments = titleSegments(text, rest);
  const commaSeparated = segments.length > 1 && !/\||•|·|\s[–—-]\s|[–—]\s/.test(text.slice(rest.start, rest.end));
  const used = new Set<number>();
  // Role: the first segment holding a role noun or a degree.
  for (let i = 0; i < segments.length && !fields.role; i++) {
    const segment = segments[i];
    if (DEGREE_PATTERN.test(segment.text)) {
      fields.role = segment;
      used.add(i);
      break;
    }
    const role = findRole(segment);
    if (!role) continue;
    used.add(i);
    // A segment of its own is the whole title ("Softerware Engineer"); in the first segment the role may
    // follow the organisation ("ByteDance (TikTok) Software Engineer Intern").
    const ownSegment = (i > 0 || fields.organisation !== undefined) && segment.text.split(/\s+/).length <= 6;
    fields.role = ownSegment ? segment : trimmed(text, role.start, role.end);
    if (!ownSegment && !fields.organisation && role.start > segment.start + 1) {
      // "ByteDance (TikTok) Software Engineer Intern": what stands before the role names the organisation.
      fields.organisation = trimmed(text, segment.start, role.start);
    }
  }
  // Organisation: a segment with an organisation marker, else the first unused segment.
  if (!fields.organisation) {
    let index = segments.findIndex((s, i) => !used.has(i) && ORGANISATION_MARKERS.test(s.text));
    if (index < 0) index = segments.findIndex((s, i) => !used.has(i) && !LOCATION_PATTERN.test(s.text));
    if (index >= 0) {
      fields.organisation = segments[index];
      used.add(index);
    }
  }
  // Location: a segment that reads as a place, else the last unused short segment after the role.
  let locationIndex = segments.findIndex((s, i) => !used.has(i) && LOCATION_PATTERN.test(s.text));
  if (locationIndex < 0 && fields.organisation && commaSeparated) {
    const last = segments.length - 1;
    if (last >= 0 && !used.has(last) && segments[last].text.split(/\s+/).length <= 3 && /^[\p{Lu}]/u.test(segments[last].text)) {
      locationIndex = last;
    }
  }
  if (locationIndex >= 0) {
    fields.location = segments[locationIndex];
    used.add(locationIndex);
  }
  // A project title without a role noun: "Lattice Project – Research Project – [Link]" → the second segment.
  if (!fields.role && fields.organisation && !commaSeparated) {
    const index = segments.findIndex((s, i) => !used.has(i) && !/^\[?link\]?$/i.test(s.text) && s.text.split(/\s+/).length <= 4);
    if (index >= 0 && index <= 2) fields.role = segments[index];
  }
  return fields;
}

/** Whether a title reads as a role at an organisation (as opposed to a project under one). */
export function looksLikeRole(text: string): boolean {
  const span = { start: 0, end: text.length };
  return titleSegments(text, span).some((segment) => findRole(segment) !== undefined) || ORGANISATION_MARKERS.test(text);
}

/** Whether a short text reads as a location ("Hangzhou, China", "Urbana, IL", "Remote"). */
export function looksLikeLocation(text: string): boolean {
  return LOCATION_PATTERN.test(text.trim());
}
