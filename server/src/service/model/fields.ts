import type { Span, TextSpan } from './types';
import { asciiFirst } from './asciiFirst';
import { isSpace } from './words';

/**
 * Titles that are also the names of things a software résumé builds ("Payment Processor", "USB Driver", "Python
 * Interpreter", "Event Dispatcher", "Pose Estimator"): they read as a role only after a modifier ("Loan Processor",
 * "Truck Driver", "Medical Interpreter") or as a segment of their own beside another ("Harbor Transit, Dispatcher").
 */
const WEAK_ROLE_NOUNS_TEXT =
  'processor driver pilot interpreter translator dispatcher estimator producer illustrator worker attendant ' +
  'guard installer fitter painter mason';
const WEAK_ROLE_NOUNS = new Set(WEAK_ROLE_NOUNS_TEXT.split(' '));

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
    'sre devops contractor freelancer staff leader ' +
    // Trades, care, service, public-sector and science titles.
    'underwriter bartender waiter waitress hostess dishwasher baker butcher caregiver aide hygienist ' +
    'sonographer technologist radiographer educator counselor counsellor librarian curator archivist ' +
    'photographer videographer animator courier mechanic electrician carpenter plumber welder machinist ' +
    'pipefitter roofer landscaper gardener foreman forewoman inspector surveyor appraiser adjuster examiner ' +
    'actuary economist statistician mathematician biologist chemist physicist geologist epidemiologist ' +
    'ecologist psychologist dietitian dietician nutritionist optometrist veterinarian teller laborer labourer ' +
    'stocker housekeeper custodian janitor nanny firefighter lifeguard steward stewardess salesperson ' +
    'investigator detective sergeant lieutenant ' +
    WEAK_ROLE_NOUNS_TEXT
  ).split(' '),
);

/**
 * Title endings no list can hold: `-ologist` (radiologist, technologist), `-ician` (electrician, statistician),
 * `-ographer` (sonographer, cartographer).
 */
const ROLE_NOUN_ENDINGS = /^[a-z]{3,}(?:ologists?|icians?|ographers?)$/;

function isRoleNoun(word: string): boolean {
  // The shortest word the endings allow is 8 letters (`xxxician`).
  return ROLE_NOUNS.has(word) || (word.length >= 8 && ROLE_NOUN_ENDINGS.test(word));
}

/** Words that may stand before a role noun inside the title. */
const ROLE_MODIFIERS = new Set(
  (
    'senior sr sr. junior jr jr. principal staff lead chief head associate assistant deputy executive ' +
    'software hardware data research teaching graduate undergraduate registered certified licensed clinical ' +
    'machine learning full stack full-stack front front-end frontend back back-end backend devops product ' +
    'project program programme marketing sales account financial finance tax audit legal medical nursing ' +
    'systems system network security cloud site reliability platform infrastructure mobile web ios android qa ' +
    'test quality business operations technical solutions support customer r&d r & d i ii iii iv summer ' +
    'visiting managing general real estate property mortgage loan investment equity credit risk ux ui ' +
    'claims insurance dental diagnostic radiologic medical surgical pharmacy veterinary home health care ' +
    'personal patient physical occupational respiratory speech behavioral behavioural mental school guidance ' +
    'career youth social case child court library museum sign truck delivery bus auto automotive diesel hvac ' +
    'journeyman construction building field safety environmental cost land title forensic emergency police ' +
    'fire graphic interior fashion landscape line prep sous store shift floor night shop retail warehouse ' +
    'forklift cnc tool video photo wedding news practical vocational crisis payroll billing taxi rideshare van ' +
    'ambulance route tow airline commercial drone helicopter charter flight parking conference freelance ' +
    'literary scientific book music radio podcast content digital farm factory community cable solar healthcare'
  ).split(' '),
);

/** Words that mark an organisation. */
const ORGANISATION_MARKERS = asciiFirst(
  /\b(?:university|universit[éa]t?|college|school|institute|institut|academy|polytechnic|inc\.?|corp\.?|corporation|llc|llp|pllc|ltd\.?|limited|gmbh|ag|s\.?a\.?|plc|group|company|co\.|hospital|clinic|medical center|bank|credit union|agency|foundation|labs?|laboratory|technologies|systems|solutions|partners|associates|consulting|studios?|ventures|capital|government|ministry|department|council|district|county|realty|church|restaurant|diner|caf[ée]|bakery|hotel|resort|salon|motors|industries|airlines|airways|railways?|cooperative|co-op)(?![\p{L}\p{N}_])/iu,
);

/** Degrees, which play the role of a job title in education entries. */
const DEGREE_PATTERN =
  /^(?:b\.?s\.?c?|m\.?s\.?c?|b\.?a\.?|m\.?a\.?|ph\.?d\.?|m\.?b\.?a|b\.?eng|m\.?eng|m\.?d|j\.?d|ll\.?m|bachelor|master|doctor|associate|diploma|certificate|a\.?a\.?s?|b\.?sc|m\.?phil|d\.?phil|ed\.?d|m\.?ed|b\.?ed|ed\.?s|msw|mph|mpa|llb|bba|b\.?com|m\.?com|dds|pharm\.?d|dnp|m\.?arch|b\.?arch|b\.?f\.?a|m\.?f\.?a|high school|ged|rn|bsn|msn)\b/i;

/** A qualification named by its last word: "Automotive Technology Certificate", "Culinary Arts Diploma". */
const DEGREE_ENDING = asciiFirst(/^[\p{Lu}][\p{L}'&\s-]*\s(?:certificate|diploma|degree)$/iu);

/** Places that commonly stand alone as the location of an entry: a work mode (`Remote`), a `Town, Region`. */
const LOCATION_PATTERN = asciiFirst(
  /^(?:[Rr]emote|REMOTE|[Hh]ybrid|HYBRID|[Oo]n-?[Ss]ite|ON-?SITE|[\p{Lu}][\p{L}.'-]+(?:[ -][\p{Lu}][\p{L}.'-]+)*,\s*(?:[A-Z]{2}|[\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+)*))$/u,
);

export interface EntryFields {
  organisation?: TextSpan;
  role?: TextSpan;
  location?: TextSpan;
}

function trimmed(text: string, start: number, end: number): TextSpan | undefined {
  let s = start;
  let e = end;
  // Trim spaces, Markdown emphasis and dangling separators.
  while (s < e && isTrimmed(text.charCodeAt(s))) s++;
  while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
  if (e <= s) return undefined;
  return { text: text.slice(s, e), start: s, end: e };
}

/** What {@link trimmed} takes off a segment's ends: `[\s*_|•,;:–—-]`. */
function isTrimmed(code: number): boolean {
  return code === 0x2a || code === 0x5f || isSeparatorOrBlank(code); // * _
}

/** `[\s|•,;:–—-]`: a blank or a separator that may stand between the parts of a title or a date line. */
export function isSeparatorOrBlank(code: number): boolean {
  switch (code) {
    case 0x7c: // |
    case 0x2022: // •
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x3a: // :
    case 0x2013: // –
    case 0x2014: // —
    case 0x2d: // -
      return true;
    default:
      return isSpace(code);
  }
}

/** Splits a title into segments on strong separators (`|`, `•`, `·`, ` – `, ` — `, ` - `), else on commas. */
export function titleSegments(text: string, span: Span): TextSpan[] {
  return splitTitle(text, span).segments;
}

/**
 * {@link titleSegments}, and whether the title had a strong separator. A scan, no pattern: titles are read several
 * times per entry, and the scan finds exactly the separators of {@link STRONG_SEPARATOR}, the specification a test
 * holds it to: `|`, `•`, `·`; `–` or `—` before a blank; `-` between blanks (the blank before not already taken by the
 * separator before it).
 */
export function splitTitle(text: string, span: Span): { segments: TextSpan[]; strong: boolean } {
  const segments: TextSpan[] = [];
  let last = span.start;
  let strong = false;
  for (let i = span.start; i < span.end; i++) {
    const code = text.charCodeAt(i);
    let separator: boolean;
    if (code === 0x7c || code === 0x2022 || code === 0xb7) separator = true; // | • ·
    else if (code === 0x2013 || code === 0x2014) separator = i + 1 < span.end && isSpace(text.charCodeAt(i + 1)); // – —
    else if (code === 0x2d) separator = i - 1 >= last && isSpace(text.charCodeAt(i - 1)) && i + 1 < span.end && isSpace(text.charCodeAt(i + 1));
    else separator = false;
    if (!separator) continue;
    strong = true;
    const segment = trimmed(text, last, i);
    if (segment) segments.push(segment);
    // The blanks after a separator belong to it.
    i++;
    while (i < span.end && isSpace(text.charCodeAt(i))) i++;
    last = i;
    i--;
  }
  if (!strong) {
    for (let i = span.start; i < span.end; i++) {
      if (text.charCodeAt(i) !== 0x2c) continue;
      const segment = trimmed(text, last, i);
      if (segment) segments.push(segment);
      last = i + 1;
    }
  }
  const tail = trimmed(text, last, span.end);
  if (tail) segments.push(tail);
  return { segments, strong };
}

/** The separators {@link splitTitle} finds, as a pattern: its specification (the test compares the two). */
export const STRONG_SEPARATOR = /\s*(?:\||•|·|\s[–—-]\s|[–—](?=\s))\s*/g;

/**
 * Where a role phrase stands inside a segment ("ByteDance (TikTok) Software Engineer Intern", "Engineer II").
 * `beside`: the title has other segments, so a segment made only of title words ("Dispatcher") is a role.
 */
function findRole(segment: TextSpan, beside = false): { start: number; end: number } | undefined {
  const words = wordsOf(segment.text);
  const keys = words.map((word) => roleKey(word.text));
  const key = (i: number) => keys[i];
  const capital = (i: number) => startsCapitalised(words[i].text);
  const titleWordsOnly = () => beside && keys.every((word) => ROLE_MODIFIERS.has(word) || isRoleNoun(word));
  /** A weak noun counts after a capitalised modifier, or when the segment holds only title words. */
  const counts = (i: number) => !WEAK_ROLE_NOUNS.has(key(i)) || (i > 0 && capital(i - 1) && ROLE_MODIFIERS.has(key(i - 1))) || titleWordsOnly();
  let nounIndex = -1;
  let lastIndex = -1;
  for (let i = 0; i < words.length; i++) {
    const word = key(i);
    if (isRoleNoun(word) && counts(i)) {
      nounIndex = i;
      lastIndex = i;
    } else if (nounIndex >= 0 && /^(?:i{1,3}|iv|v|[1-5])$/.test(word)) {
      lastIndex = i; // "Engineer II", "Analyst 2"
    } else if (nounIndex >= 0 && !ROLE_MODIFIERS.has(word) && !isRoleNoun(word)) {
      break;
    }
  }
  if (nounIndex < 0) return undefined;
  let first = nounIndex;
  while (first > 0 && capital(first - 1) && (ROLE_MODIFIERS.has(key(first - 1)) || isRoleNoun(key(first - 1)))) {
    first--;
  }
  return { start: segment.start + words[first].start, end: segment.start + words[lastIndex].start + words[lastIndex].text.length };
}

/** The runs of characters other than spaces and commas (`[^\s,]+`), with where each starts. */
function wordsOf(text: string): Array<{ text: string; start: number }> {
  const words: Array<{ text: string; start: number }> = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (code === 0x2c || isSpace(code)) {
      if (start >= 0) words.push({ text: text.slice(start, i), start });
      start = -1;
    } else if (start < 0) start = i;
  }
  return words;
}

/** A word as the role lists hold it: lower case, without trailing brackets and dots (`(Intern)` → `(intern`). */
function roleKey(word: string): string {
  let end = word.length;
  while (end > 0) {
    const code = word.charCodeAt(end - 1);
    if (code !== 0x28 && code !== 0x29 && code !== 0x2e) break;
    end--;
  }
  return (end === word.length ? word : word.slice(0, end)).toLowerCase();
}

/** Starts with a capital letter or `&` (`/^[\p{Lu}&]/u`). */
function startsCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || code === 0x26;
  return /^\p{Lu}/u.test(word);
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
  const { segments, strong } = splitTitle(text, rest);
  const commaSeparated = segments.length > 1 && !strong;
  const used = new Set<number>();
  // Role: the first segment holding a role noun or a degree.
  for (let i = 0; i < segments.length && !fields.role; i++) {
    const segment = segments[i];
    if (DEGREE_PATTERN.test(segment.text) || DEGREE_ENDING.test(segment.text)) {
      fields.role = segment;
      used.add(i);
      break;
    }
    const role = findRole(segment, segments.length > 1);
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
  const segments = titleSegments(text, span);
  return segments.some((segment) => findRole(segment, segments.length > 1) !== undefined) || ORGANISATION_MARKERS.test(text);
}

/** Whether a short text reads as a location ("Hangzhou, China", "Urbana, IL", "Remote"). */
export function looksLikeLocation(text: string): boolean {
  return LOCATION_PATTERN.test(text.trim());
}

/**
 * Whether a title has the shape of "Org — Title": two or more short segments split by a dash, pipe, bullet or comma,
 * the first two starting with a capital ("Aspen Mortgage Co. — Loan Processor", "Globex | Buyer"). A heading of this
 * shape at the level of the role above it is a role of its own, whatever its title says.
 */
export function hasOrganisationTitleShape(text: string): boolean {
  const segments = titleSegments(text, { start: 0, end: text.length });
  if (segments.length < 2) return false;
  return segments.slice(0, 2).every((segment) => /^[\p{Lu}\p{N}]/u.test(segment.text) && segment.text.split(/\s+/).length <= 6);
}
