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
  'guard installer fitter painter mason conductor faculty courier';
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
    'photographer videographer animator mechanic electrician carpenter plumber welder machinist ' +
    'pipefitter roofer landscaper gardener foreman forewoman inspector surveyor appraiser adjuster examiner ' +
    'actuary economist statistician mathematician biologist chemist physicist geologist epidemiologist ' +
    'ecologist psychologist dietitian dietician nutritionist optometrist veterinarian teller laborer labourer ' +
    'stocker housekeeper custodian janitor nanny firefighter lifeguard steward stewardess salesperson ' +
    'investigator detective sergeant lieutenant ' +
    // News, arts, academia and volunteering.
    'reporter correspondent columnist artist host liaison organizer organiser facilitator presenter reviewer grader ' +
    'participant scholar commissioner moderator maintainer contributor speaker panelist panellist delegate captain ' +
    'practitioner extern marketer copywriter modeler modeller drafter draftsman tester webmaster sysadmin dean ' +
    'registrar provost headteacher doula placement ' +
    WEAK_ROLE_NOUNS_TEXT
  ).split(' '),
);

/**
 * Title endings no list can hold: `-ologist` (radiologist, technologist), `-ician` (electrician, statistician),
 * `-ographer` (sonographer, cartographer), and `-ist` (phlebotomist, cellist, hospitalist: a person who does a thing).
 */
const ROLE_NOUN_ENDINGS = /^[a-z]{3,}(?:ologists?|icians?|ographers?|ists?)$/;

/** Words ending in `-ist` that name no person. */
const NOT_PERSONS_IST = new Set(
  'list lists playlist playlists checklist checklists wishlist wishlists shortlist shortlists waitlist assist assists exist exists insist insists persist persists consist consists resist resists subsist twist twists whilst amidst midst'.split(' '),
);

function isRoleNoun(word: string): boolean {
  if (ROLE_NOUNS.has(word)) return true;
  // The shortest word the endings allow is 6 letters (`xxxist`).
  if (word.length >= 6 && ROLE_NOUN_ENDINGS.test(word) && !NOT_PERSONS_IST.has(word)) return true;
  // `Co-Editor`, `Vice-Chair`: a prefixed title; `Reporter/Producer`: two titles in one word.
  if (word.startsWith('co-') || word.startsWith('vice-')) return isRoleNoun(word.slice(word.indexOf('-') + 1));
  if (word.includes('/')) return word.split('/').some((part) => part.length > 0 && isRoleNoun(part));
  return false;
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
    'ambulance route tow airline commercial bike drone helicopter charter flight parking conference freelance ' +
    'literary scientific book music radio podcast content digital farm factory community cable solar healthcare ' +
    'tech dev sde swe sdet postdoctoral doctoral adjunct tenure-track volunteer student academic editorial creative ' +
    'production communications design art news ux/ui ui/ux'
  ).split(' '),
);

/** Words that mark an organisation. */
const ORGANISATION_MARKERS = asciiFirst(
  /\b(?:universit\p{L}*|college|colegio|school|escuela|[ée]cole|hochschule|institute|institut[oe]?|academy|akademie|polytechnic|politecnico|vidyalaya|kindergarten|conservatory|inc\.?|corp\.?|corporation|llc|llp|pllc|ltd\.?|limited|pvt\.?|gmbh|ag|s\.?a\.?|plc|group|company|co\.|hospital|infirmary|clinic|medical center|health|bank|credit union|agency|foundation|labs?|laborator(?:y|ies)|laboratoire|technologies|systems|solutions|services|partners|associates|consulting|studios?|ventures|capital|enterprises|holdings|government|ministry|department|council|district|county|office of|embassy|bureau|authority|federation|association|society|trust|organi[sz]ation|centre|center|realty|church|restaurant|diner|caf[ée]|bakery|hotel|resort|salon|motors|industries|airlines|airways|railways?|cooperative|co-op|orchestra|ensemble|quartet|choir|theat(?:re|er)|journal|magazine|newspaper|news|press|radio|broadcasting|publishing)(?![\p{L}\p{N}_])/iu,
);

/** Whether a text holds a word that marks an organisation (University, Inc., Hospital, Ministry…). */
export function hasOrganisationMarker(text: string): boolean {
  return ORGANISATION_MARKERS.test(text);
}

/** Degrees, which play the role of a job title in education entries. */
const DEGREE_PATTERN =
  /^(?:b\.?s\.?c?|m\.?s\.?c?|b\.?a\.?|m\.?a\.?|ph\.?\s?d\.?|m\.?b\.?a|b\.?eng|m\.?eng|m\.?d|j\.?d|ll\.?m|bachelor'?s?|master'?s?|doctor|doctorate|associate'?s?|diploma|certificate|cert\.?|pg\s?cert|pgce|pg\s?dip|postgraduate|b\.?\s?mus|m\.?\s?mus|b\.?tech|m\.?tech|b\.?des|m\.?des|hsc|ssc|sslc|gcse|igcse|a[\s-]levels?|baccalaur[ée]at|abitur|licence|licenci[ée]e?|licenciatura|a\.?a\.?s?|b\.?sc|m\.?phil|d\.?phil|ed\.?d|m\.?ed|b\.?ed|ed\.?s|msw|mph|mpa|llb|bba|b\.?com|m\.?com|dds|pharm\.?d|dnp|m\.?arch|b\.?arch|b\.?f\.?a|m\.?f\.?a|high school|ged|rn|bsn|msn)\b/i;

/** A qualification named by its last word: "Automotive Technology Certificate", "Culinary Arts Diploma", "Example Specialization". */
const DEGREE_ENDING = asciiFirst(/^[\p{Lu}][\p{L}'&\s-]*\s(?:certificates?|certifications?|speciali[sz]ation|diploma|degree)$/iu);

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
    // A comma inside a bracket splits nothing (`Assistant (part-time, remote)`).
    let depth = 0;
    for (let i = span.start; i < span.end; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x28) depth++;
      else if (code === 0x29 && depth > 0) depth--;
      if (code !== 0x2c || depth > 0) continue;
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
  let firstNoun = -1;
  let lastIndex = -1;
  /** `&`, `and`, `/`, `+` between two title words: "Journalist & News Editor", "Analyst / Data Assistant". */
  const joins = (i: number) => CONNECTORS.has(key(i)) && i + 1 < words.length && (isRoleNoun(key(i + 1)) || ROLE_MODIFIERS.has(key(i + 1)));
  for (let i = 0; i < words.length; i++) {
    const word = key(i);
    if (isRoleNoun(word) && counts(i)) {
      if (nounIndex < 0) firstNoun = i;
      nounIndex = i;
      lastIndex = i;
    } else if (nounIndex >= 0 && /^(?:i{1,3}|iv|v|[1-5])$/.test(word)) {
      lastIndex = i; // "Engineer II", "Analyst 2"
    } else if (nounIndex >= 0 && !ROLE_MODIFIERS.has(word) && !isRoleNoun(word) && !joins(i)) {
      break;
    }
  }
  if (nounIndex < 0) return undefined;
  let first = firstNoun;
  while (first > 0 && ((capital(first - 1) && (ROLE_MODIFIERS.has(key(first - 1)) || isRoleNoun(key(first - 1)))) || (first > 1 && joins(first - 1) && capital(first - 2) && (isRoleNoun(key(first - 2)) || ROLE_MODIFIERS.has(key(first - 2)))))) {
    first--;
  }
  return { start: segment.start + words[first].start, end: segment.start + words[lastIndex].start + words[lastIndex].text.length };
}

/** Words that join two titles into one role. */
const CONNECTORS = new Set(['&', 'and', '/', '+']);

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
  // Reading a title costs tens of microseconds (many patterns) and a title reads the same in every version of the
  // document: the reading of each title text is kept (offsets relative to the title), and a re-parse after a
  // keystroke reads only the titles that changed. Only the text inside `span` is read (a test holds the cache to
  // the reading itself).
  const title = text.slice(span.start, span.end);
  const key = bold ? `${title}\u0000${bold.start - span.start}:${bold.end - span.start}` : title;
  let relative = fieldsCache.get(key);
  if (relative === undefined) {
    relative = shifted(readEntryFields(title, { start: 0, end: title.length }, bold && { start: bold.start - span.start, end: bold.end - span.start }), 0);
    if (fieldsCache.size >= FIELDS_CACHE_SIZE) fieldsCache.clear();
    fieldsCache.set(key, relative);
  }
  return shifted(relative, span.start);
}

/** Title readings by title text (and bold lead), relative to the title's start; cleared when full. */
const fieldsCache = new Map<string, EntryFields>();
const FIELDS_CACHE_SIZE = 4096;

/** The fields moved by `delta` (fresh objects: callers may keep or change them). */
function shifted(fields: EntryFields, delta: number): EntryFields {
  const out: EntryFields = {};
  if (fields.organisation) out.organisation = { text: fields.organisation.text, start: fields.organisation.start + delta, end: fields.organisation.end + delta };
  if (fields.role) out.role = { text: fields.role.text, start: fields.role.start + delta, end: fields.role.end + delta };
  if (fields.location) out.location = { text: fields.location.text, start: fields.location.start + delta, end: fields.location.end + delta };
  return out;
}

/** {@link entryFields} without the cache: reads the title `text[span]`. */
export function readEntryFields(text: string, span: Span, bold?: Span): EntryFields {
  const fields: EntryFields = {};
  let rest: Span = span;
  // A bold title (`**Linux Engineer** at Example Corp`) is a role, not the organisation a bold lead usually is.
  const boldText = bold ? trimmed(text, bold.start, bold.end) : undefined;
  const at = roleAtOrganisation(text, span);
  if (at) return at;
  const bracketed = bracketedField(text, span);
  if (bracketed) return bracketed;
  const issued = issuerAndCredential(text, span);
  if (issued) return issued;
  const wholeTitle = bold !== undefined && trimmed(text, bold.end, span.end) === undefined;
  // A bold lead that names no organisation, then a part that does (`**Werkstudent Data Engineering**, Example GmbH,
  // München`): the lead is the role, whatever its words.
  let boldRole = false;
  if (bold && boldText && !wholeTitle && !ORGANISATION_MARKERS.test(boldText.text)) {
    const after = splitTitle(text, { start: bold.end, end: span.end }).segments;
    if (after.length > 0 && ORGANISATION_MARKERS.test(after[0].text) && !HONOUR_ENDING.test(after[0].text) && !endsInRoleNoun(after[0].text)) {
      fields.role = boldText;
      rest = { start: bold.end, end: span.end };
      boldRole = true;
    }
  }
  if (!boldRole && bold && boldText && !wholeTitle && !(endsInRoleNoun(boldText.text) && !ORGANISATION_MARKERS.test(boldText.text))) {
    fields.organisation = unwrapLink(text, boldText);
    rest = { start: bold.end, end: span.end };
  }
  const { segments, strong } = splitTitle(text, rest);
  splitWorkMode(text, segments);
  mergeLegalSuffixes(text, segments);
  const commaSeparated = segments.length > 1 && !strong;
  const used = new Set<number>();
  const roleAt = boldRole ? undefined : readRole(text, segments, strong, fields.organisation !== undefined);
  if (roleAt) {
    used.add(roleAt.index);
    fields.role = roleAt.role;
    if (roleAt.organisation) fields.organisation = roleAt.organisation;
    if (roleAt.location) fields.location = roleAt.location;
  }
  // An organisation named inside a long role phrase: "Internship in the Trade Unit of the Ministry of Fisheries".
  const embedded = !fields.organisation && roleAt?.long ? embeddedOrganisation(text, segments[roleAt.index]) : undefined;
  // Organisation: the segments with an organisation marker (side by side: "Department of Economics, University of
  // Utopia"), else the first unused segment that is no place; never a segment that ends in a title ("Agency Nurse").
  // Segments that may name the organisation: not a title's, an event's or a duration's (read once each).
  let eligible: boolean[] | undefined;
  const candidate = (_: TextSpan, i: number) => {
    eligible ??= segments.map((s) => !endsInRoleNoun(s.text) && !EVENT_ENDING.test(s.text) && !DURATION.test(s.text));
    return !used.has(i) && eligible[i];
  };
  if (!fields.organisation) {
    const marked = segments.findIndex((s, i) => candidate(s, i) && ORGANISATION_MARKERS.test(s.text) && !HONOUR_ENDING.test(s.text));
    if (marked < 0 && embedded) fields.organisation = embedded;
  }
  if (!fields.organisation) {
    // An honour is named after who gives it, not given by it (`Example Institute (EXI) Scholarship`).
    let index = segments.findIndex((s, i) => candidate(s, i) && ORGANISATION_MARKERS.test(s.text) && !HONOUR_ENDING.test(s.text));
    if (index >= 0) {
      let last = index;
      while (last + 1 < segments.length && candidate(segments[last + 1], last + 1) && ORGANISATION_MARKERS.test(segments[last + 1].text)) last++;
      // A series inside the name, split on its commas: "Centre for Maternal, Adolescent, & Child Health".
      const series = commaSeparated ? seriesEnd(segments, last) : last;
      const unit = series > last ? isUnitName(segments[last].text) || UNIT_OPENING.test(segments[last].text) : isUnitName(segments[last].text);
      last = series;
      // A unit, then what it is part of: "Operations Center (NOC) - Jive Software", "Disease Group, LSHTM", "Centre for
      // Child Health, Example School of Medicine".
      if (unit && last + 1 < segments.length && candidate(segments[last + 1], last + 1) && isNameSegment(segments[last + 1])) last++;
      for (let i = index; i <= last; i++) used.add(i);
      fields.organisation = last === index ? segments[index] : { text: text.slice(segments[index].start, segments[last].end), start: segments[index].start, end: segments[last].end };
    } else {
      // The last of three or more comma parts, one word (not an acronym), is a place (`…, Science Meeting, Eastport`); an event
      // names the entry only when nothing else does.
      const place = (s: TextSpan, i: number) => LOCATION_PATTERN.test(s.text) || (commaSeparated && segments.length >= 3 && i === segments.length - 1 && /^\p{Lu}\p{Ll}+$/u.test(s.text));
      index = segments.findIndex((s, i) => candidate(s, i) && !place(s, i));
      if (index < 0) index = segments.findIndex((s, i) => !used.has(i) && EVENT_ENDING.test(s.text) && !place(s, i) && looksLikeName(s.text));
      if (index >= 0) {
        const next = index + 1;
        if (UNIT_ENDING.test(segments[index].text) && next < segments.length && candidate(segments[next], next) && isNameSegment(segments[next])) {
          fields.organisation = { text: text.slice(segments[index].start, segments[next].end), start: segments[index].start, end: segments[next].end };
          used.add(next);
        } else {
          fields.organisation = segments[index];
        }
        used.add(index);
      }
    }
  }
  // Location: a segment that reads as a place (or the last two, `Austin` and `TX`), else the last unused short segment
  // after the role.
  const last = segments.length - 1;
  if (commaSeparated && last >= 2 && !used.has(last) && !used.has(last - 1) && /^[A-Z]{2}$/.test(segments[last].text)) {
    const start = segments[last - 1].start;
    const place = { text: text.slice(start, segments[last].end), start, end: segments[last].end };
    if (LOCATION_PATTERN.test(place.text)) {
      fields.location = place;
      used.add(last);
      used.add(last - 1);
    }
  }
  let locationIndex = fields.location ? -1 : segments.findIndex((s, i) => !used.has(i) && LOCATION_PATTERN.test(s.text));
  if (locationIndex < 0 && fields.organisation && commaSeparated) {
    const last = segments.length - 1;
    if (last >= 0 && !used.has(last) && segments[last].text.split(/\s+/).length <= 3 && /^[\p{Lu}]/u.test(segments[last].text) && !ORGANISATION_MARKERS.test(segments[last].text)) {
      locationIndex = last;
    }
  }
  if (fields.location) {
    // read with the role
  } else if (locationIndex >= 0) {
    fields.location = segments[locationIndex];
    used.add(locationIndex);
  } else if (fields.organisation && strong) {
    // "Acme Corp, Seattle, WA" as one segment of "Engineer - Acme Corp, Seattle, WA": the place after the name.
    const split = trailingPlace(text, fields.organisation);
    if (split) [fields.organisation, fields.location] = split;
  }
  // An honour beside who gave it: "Estuary Fund Travel Grant, Westmarch Marine Laboratory" → what was received.
  if (!fields.role && fields.organisation) {
    const index = segments.findIndex((s, i) => !used.has(i) && HONOUR_ENDING.test(s.text) && s.end <= fields.organisation!.start);
    if (index >= 0) {
      fields.role = segments[index];
      used.add(index);
    }
  }
  // A project title without a role noun: "Lattice Project – Research Project – [Link]" → the second segment.
  if (!fields.role && fields.organisation && !commaSeparated) {
    const index = segments.findIndex((s, i) => !used.has(i) && !/^\[?link\]?$/i.test(s.text) && s.text.split(/\s+/).length <= 4);
    if (index >= 0 && index <= 2) fields.role = segments[index];
  }
  // An issuer, then a colon and the courses it gave (`Example Academy / EXU: Tide Mapping; Shore Surveys`).
  if (fields.organisation && fields.organisation.text.indexOf(';') > 0) {
    const colon = fields.organisation.text.indexOf(': ');
    if (colon > 0 && fields.organisation.text.indexOf(';') > colon) fields.organisation = trimmed(text, fields.organisation.start, fields.organisation.start + colon) ?? fields.organisation;
  }
  if (fields.organisation) fields.organisation = withoutAmount(text, withoutFullStop(text, unwrapLink(text, fields.organisation)));
  if (fields.role) fields.role = withoutFullStop(text, fields.role);
  if (fields.location) fields.location = withoutFullStop(text, fields.location);
  return fields;
}

/** A sum in brackets after a name (`Example Society (£10,000)`, `Example Fund ($50k)`): what was given, not who. */
const TRAILING_AMOUNT = /\s*\((?:[£$€¥₹]|(?:USD|EUR|GBP|CHF|CAD|AUD|INR)\s?)[\d.,]+\s?(?:[kKmM]|million|bn)?\)$/;

function withoutAmount(text: string, span: TextSpan): TextSpan {
  if (span.text.charCodeAt(span.text.length - 1) !== 0x29) return span; // )
  const match = TRAILING_AMOUNT.exec(span.text);
  return match && match.index > 0 ? (trimmed(text, span.start, span.start + match.index) ?? span) : span;
}

/** A field without the full stop of the sentence it ended (`Doctoral Fellow (full time).`, `Belgium.`), not an abbreviation's. */
function withoutFullStop(text: string, span: TextSpan): TextSpan {
  if (text[span.end - 1] !== '.' || !/(?:\)|\p{L}{4,})\.$/u.test(span.text)) return span;
  return { text: span.text.slice(0, -1), start: span.start, end: span.end - 1 };
}

/** A segment naming a unit of an organisation (`Operations Team`, `Network Operations Center (NOC)`, `Research Group`). */
const UNIT_ENDING = /\b(?:team|division|unit|cent(?:er|re)|department|dept\.?|group|lab|laboratory|office|section|program(?:me)?)\s*(?:\([^)]*\))?$/i;

/** A unit named by its head (`Department of Public Health`, `The Centre for Child Health`, `School of Engineering`). */
const UNIT_OPENING = /^(?:the\s+)?(?:department|dept\.?|school|faculty|division|section|unit|cent(?:er|re)|laboratory|lab|office|program(?:me)?|group)\s+(?:of|for|in)\s/i;

/**
 * Whether a name is a unit of a larger organisation (`Department of Public Health`, `Kim Lab`, `Operations Team`):
 * the organisation it is part of may be named beside it or on the next line.
 */
export function isUnitName(text: string): boolean {
  return UNIT_ENDING.test(text) || UNIT_OPENING.test(text);
}

/**
 * The last segment of a series inside a name that its commas split (`Maternal`, `Adolescent`, `& Child Health`):
 * short capitalised parts after `index`, the last one opening with `&` or `and`. `index` when there is none.
 */
function seriesEnd(segments: readonly TextSpan[], index: number): number {
  // The name opens the series with its last word (`Centre for Maternal`, `Department of Earth`).
  if (!/\b(?:of|for|in|on)\s+\p{Lu}[\p{L}'-]*$/u.test(segments[index].text)) return index;
  for (let j = index + 1; j < segments.length && j <= index + 6; j++) {
    const value = segments[j].text;
    if (/^(?:&|and)\s+\p{Lu}/u.test(value)) return j;
    if (!/^\p{Lu}[\p{L}'-]*(?:\s\p{Lu}[\p{L}'-]*)?$/u.test(value)) return index;
  }
  return index;
}

/** A segment that reads as a name and not as a place: `Jive Software, Portland, OR` (its place is split off later). */
function isNameSegment(segment: TextSpan): boolean {
  return !LOCATION_PATTERN.test(segment.text) && looksLikeName(segment.text.split(',')[0]);
}

/** A segment that says how long, not where (`2 Months`, `6 mos`). */
const DURATION = /^\d+(?:\.\d+)?\+?\s*(?:months?|mos?\.?|years?|yrs?\.?|weeks?|wks?\.?|days?)$/i;

/** Whether a name is an event's (`Design Hackathon`, `Spring Workshop`), not who ran it. */
export function isEventName(text: string): boolean {
  return EVENT_ENDING.test(text);
}

/** A segment naming an event, not who ran it (`Running Kiln Workshop`, `"Women in Tech" panel`). */
const EVENT_ENDING = /\b(?:workshops?|conferences?|seminars?|summits?|panels?|sessions?|symposi(?:um|a)|meetings?|courses?|masterclass(?:es)?|hackathons?|webinars?|talks?|lectures?|tutorials?|bootcamps?)["”']?$/i;

/** A segment naming an honour, not who gave it (`Example Institute (EXI) Scholarship`, `Founders' Medal`). */
export const HONOUR_ENDING = /\b(?:scholarships?|awards?|prizes?|fellowships?|grants?|medals?|bursar(?:y|ies)|traineeships?|studentships?)["”']?$/i;

/** Work modes that may follow a name after a comma: `Packlane, Remote` is an organisation and where the work was. */
const WORK_MODE = /,\s*(?:[Rr]emote|REMOTE|[Hh]ybrid|HYBRID|[Oo]n-?[Ss]ite|ON-?SITE)$/;

/** A legal form after a comma belongs to the name before it: `Involver, Inc. (now Oracle)`, `Hoovers, Inc.`. */
const LEGAL_FORM = /^(?:inc|incorporated|llc|llp|ltd|limited|corp|co|gmbh|plc|s\.?a|s\.?l|b\.?v|n\.?v|pty|pte|ag)\b\.?/i;

/** Joins `Name` and `Inc. …` segments split on a comma (in place). */
function mergeLegalSuffixes(text: string, segments: TextSpan[]): void {
  for (let i = segments.length - 1; i > 0; i--) {
    if (!LEGAL_FORM.test(segments[i].text) || text.slice(segments[i - 1].end, segments[i].start).trim() !== ',') continue;
    const start = segments[i - 1].start;
    const end = segments[i].end;
    segments.splice(i - 1, 2, { text: text.slice(start, end), start, end });
  }
}

/** Splits `Name, Remote` segments in two (in place). */
function splitWorkMode(text: string, segments: TextSpan[]): void {
  for (let i = 0; i < segments.length; i++) {
    const match = WORK_MODE.exec(segments[i].text);
    if (!match || match.index === 0) continue;
    const name = trimmed(text, segments[i].start, segments[i].start + match.index);
    const mode = trimmed(text, segments[i].start + match.index + 1, segments[i].end);
    if (name && mode) segments.splice(i, 1, name, mode);
  }
}

/**
 * `Role at Organisation (Place)`: "**Linux Engineer** at **[Jane Street](https://…)** (New York, NY)", "Teaching
 * Assistant (TA) at Alma College", "Faculty of Computer Science at Drexel University".
 */
function roleAtOrganisation(text: string, span: Span): EntryFields | undefined {
  const slice = text.slice(span.start, span.end);
  const at = slice.indexOf(' at ');
  if (at <= 0) return undefined;
  const role = trimmed(text, span.start, span.start + at);
  let after = trimmed(text, span.start + at + 4, span.end);
  if (!role || !after || !/^[*_[\s]*[\p{Lu}\p{N}]/u.test(after.text)) return undefined;
  // The role ends in a title (a bracket after it at most): "Teaching Assistant (TA)".
  const head = role.text.replace(/\s*\([^)]*\)[*_]*$/, '');
  const plain = head.replace(/^[*_]+|[*_]+$/g, '');
  const namesRole = endsInRoleNoun(plain) || looksLikeDegree(plain) || /\b(?:faculty|staff|member)\b/i.test(plain) || (plain.split(/\s+/).length <= 6 && findRole({ text: plain, start: 0, end: plain.length }) !== undefined);
  if (!namesRole) return undefined;
  const fields: EntryFields = { role };
  // A place in brackets after the organisation: "(New York, NY)", "(Remote)".
  const place = /\(([^()]*)\)[\s.,;]*$/.exec(after.text);
  if (place && LOCATION_PATTERN.test(place[1].trim())) {
    const start = after.start + place.index + 1;
    fields.location = trimmed(text, start, start + place[1].length);
    after = trimmed(text, after.start, after.start + place.index) ?? after;
  }
  const split = !fields.location ? trailingPlace(text, after) : undefined;
  if (split) [after, fields.location] = split;
  fields.organisation = unwrapLink(text, after);
  return fields;
}

/**
 * `Name (Other)`: a bracket that closes a one-part title holds the field the name lacks — a role after an
 * organisation (`Kestrel Labs (Co-Founder)`), an organisation after a role or a project (`Research Assistant
 * (Department of Physics)`, `Tide Gauge Scraper (Harbor Data Center)`), a place after an organisation (`Example
 * University (Riverton, OR)`). Any other bracket (`(TA)`, `(full time)`, `(VRL)`) is left to the title's reading.
 */
function bracketedField(text: string, span: Span): EntryFields | undefined {
  let end = span.end;
  while (end > span.start && (text[end - 1] === '*' || text[end - 1] === '_' || isSpace(text.charCodeAt(end - 1)))) end--;
  if (text[end - 1] !== ')') return undefined;
  const open = text.lastIndexOf('(', end - 1);
  if (open <= span.start || text.indexOf(')', open) !== end - 1) return undefined;
  const name = trimmed(text, span.start, open);
  const inside = trimmed(text, open + 1, end - 1);
  if (!name || !inside || name.text.indexOf('(') >= 0 || name.text.indexOf(',') >= 0 || splitTitle(text, name).strong) return undefined;
  const nameIsRole = findRole(name) !== undefined && !ORGANISATION_MARKERS.test(name.text);
  if (LOCATION_PATTERN.test(inside.text) && !ORGANISATION_MARKERS.test(inside.text)) {
    if (nameIsRole) return undefined;
    return { organisation: unwrapLink(text, name), location: inside };
  }
  if (ORGANISATION_MARKERS.test(inside.text) && looksLikeName(inside.text) && !endsInRoleNoun(inside.text)) {
    if (ORGANISATION_MARKERS.test(name.text) && looksLikeName(name.text)) return undefined;
    return { organisation: inside, role: withoutFullStop(text, name) };
  }
  if (!nameIsRole && looksLikeName(name.text) && name.text.split(/\s+/).length <= 6 && findRole(inside) !== undefined && !ORGANISATION_MARKERS.test(inside.text)) {
    return { organisation: unwrapLink(text, name), role: inside };
  }
  return undefined;
}

/** A credential a title names (`Robotics Certification`, `Certified achievement in …`, `Nursing Licence`). */
const CREDENTIAL_WORD = /\b(?:certificat(?:es?|ions?)|certified|licen[cs](?:e|es|ed)|diplomas?|speciali[sz]ations?|accreditations?|qualifications?)\b/i;

/**
 * `Issuer: Credential`: a short name, a colon, then a credential it gave (`EXU: Robotics Certification`, `Example
 * Polytechnic CNSE: Solar Technology Certification`). The name is no field label (`Certifications:`, `Skills:`) and no
 * title (`Bachelor of Science in Nursing: Example University` reads the other way round).
 */
function issuerAndCredential(text: string, span: Span): EntryFields | undefined {
  const slice = text.slice(span.start, span.end);
  const colon = slice.indexOf(':');
  if (colon <= 0 || colon > 48) return undefined;
  const name = trimmed(text, span.start, span.start + colon);
  let restStart = span.start + colon + 1;
  if (text[restStart] === '-') restStart++;
  const rest = trimmed(text, restStart, span.end);
  if (!name || !rest || !CREDENTIAL_WORD.test(rest.text) || CREDENTIAL_WORD.test(name.text) || HONOUR_ENDING.test(name.text)) return undefined;
  if (name.text.split(/\s+/).length > 5 || !looksLikeName(name.text) || DEGREE_PATTERN.test(name.text) || findRole(name) !== undefined) return undefined;
  // A name, not a field label: an acronym or a name with an organisation's mark (`EXU`, `Example Polytechnic CNSE`).
  if (!/\b[A-Z]{2,}\b/.test(name.text) && !ORGANISATION_MARKERS.test(name.text)) return undefined;
  return { organisation: name, role: withoutFullStop(text, rest) };
}

/** Whether a `Name: value` line is an issuer and the credential it gave (`EXU: Robotics Certification`), not a label. */
export function namesIssuedCredential(text: string): boolean {
  return issuerAndCredential(text, { start: 0, end: text.length }) !== undefined;
}

/** The text of a Markdown link or bracketed span (`[Jane Street](https://…)`, `[Acme, Inc.]{.redacted}`), else the span. */
function unwrapLink(text: string, span: TextSpan): TextSpan {
  let start = span.start;
  let end = span.end;
  while (start < end && (text[start] === '*' || text[start] === '_')) start++;
  if (text[start] !== '[') return span;
  const close = text.indexOf(']', start);
  if (close < 0 || close >= end || (text[close + 1] !== '(' && text[close + 1] !== '{')) return span;
  return trimmed(text, start + 1, close) ?? span;
}

/** The segment that names the role, the role in it, and an organisation standing before it in the same segment. */
interface RoleReading {
  index: number;
  role: TextSpan;
  organisation?: TextSpan;
  location?: TextSpan;
  /** The segment is long (a sentence more than a title): the role is only the phrase found in it. */
  long: boolean;
}

/**
 * The role of a title: a degree segment; else the segment whose role phrase ends it and that names no organisation
 * ("Equipment Packaging Engineer | Haskell", not "Michigan Student Robotics Lab - Co-Editor & Designer"); else the first
 * segment holding a role noun. A short segment is the role as a whole ("TechOps Engineer", "Tech Lead", "Kubernetes
 * Platform Engineer"); an organisation is read before the role only when it says so, by a marker beside a name or a
 * bracket ("Globex Corp. Software Engineer", "ByteDance (TikTok) Software Engineer Intern"), or in the first part of
 * "Org Title – Team".
 */
function readRole(text: string, segments: readonly TextSpan[], strong: boolean, hasOrganisation: boolean): RoleReading | undefined {
  for (let i = 0; i < segments.length; i++) {
    if (!DEGREE_PATTERN.test(segments[i].text) && !DEGREE_ENDING.test(segments[i].text)) continue;
    // "Bachelor of Science in Nursing: Corran State University": the school after a colon.
    const colon = segments[i].text.indexOf(': ');
    const school = colon > 0 ? trimmed(text, segments[i].start + colon + 1, segments[i].end) : undefined;
    if (school && ORGANISATION_MARKERS.test(school.text)) return { index: i, role: trimmed(text, segments[i].start, segments[i].start + colon)!, organisation: school, long: false };
    return { index: i, role: segments[i], long: false };
  }
  let index = -1;
  let phrase: { start: number; end: number } | undefined;
  for (let i = 0; i < segments.length; i++) {
    const found = findRole(segments[i], segments.length > 1);
    if (!found) continue;
    const endsSegment = /^[\s.)]*(?:\([^)]*\)[\s.]*)?$/.test(text.slice(found.end, segments[i].end));
    // A title word inside a name is no role ("Harbor Doula Project", "Student Robotics Lab").
    if (!endsSegment && ORGANISATION_MARKERS.test(segments[i].text) && segments[i].text.split(/\s+/).length <= 6 && !/,/.test(text.slice(found.end, segments[i].end))) continue;
    if (index < 0 || (endsSegment && !ORGANISATION_MARKERS.test(segments[i].text))) {
      const first = index < 0;
      index = i;
      phrase = found;
      if (!first || (endsSegment && !ORGANISATION_MARKERS.test(segments[i].text))) break;
    }
  }
  if (index < 0 || !phrase) return undefined;
  const segment = segments[index];
  const words = segment.text.split(/\s+/).length;
  if (!hasOrganisation && phrase.start > segment.start + 1) {
    const prefix = trimmed(text, segment.start, phrase.start);
    const prefixWords = prefix ? prefix.text.split(/\s+/).length : 0;
    // A marker alone is no name ("Lab assistant"); a name before a role needs a marker beside it or a bracket, or
    // stands before a full title in the first part of "Org Title – Team" ("Urbania Developments Project Coordinator –
    // Housing").
    const phraseWords = text.slice(phrase.start, phrase.end).split(/\s+/).length;
    const leadsTitle =
      strong &&
      index === 0 &&
      segments.length > 1 &&
      phraseWords >= 2 &&
      prefix !== undefined &&
      startsCapitalised(prefix.text) &&
      segments.every((other, i) => i === 0 || !(LOCATION_PATTERN.test(other.text) || ORGANISATION_MARKERS.test(other.text)));
    const saysOrganisation = prefix !== undefined && (leadsTitle || (prefixWords >= 2 && ORGANISATION_MARKERS.test(prefix.text) && looksLikeName(prefix.text)) || /[()[\]]/.test(prefix.text));
    if (saysOrganisation) {
      // `Example Bank / Research Fellow`: a slash between the name and the title belongs to neither.
      let end = prefix.end;
      while (end > prefix.start && (text[end - 1] === '/' || isSpace(text.charCodeAt(end - 1)))) end--;
      const organisation = end < prefix.end ? { text: text.slice(prefix.start, end), start: prefix.start, end } : prefix;
      return { index, role: trimmed(text, phrase.start, phrase.end)!, organisation, long: false };
    }
  }
  // "Reporter/Producer, Harbor Public Radio" as the first part of "… | Sep 2022 – Present": the role, then a comma,
  // then the organisation.
  const comma = strong && index === 0 ? text.indexOf(',', phrase.end) : -1;
  if (comma >= 0 && comma < segment.end && isOnlySpaces(text, phrase.end, comma)) {
    const after = trimmed(text, comma + 1, segment.end);
    const role = trimmed(text, segment.start, comma)!;
    if (after && !LOCATION_PATTERN.test(after.text) && role.text.split(/\s+/).length <= 6) {
      const split = trailingPlace(text, after);
      return { index, role, organisation: split ? split[0] : after, location: split?.[1], long: false };
    }
  }
  if (words <= 6) return { index, role: segment, long: false };
  return { index, role: trimmed(text, phrase.start, phrase.end)!, long: true };
}

/** Whether the last word of a text is a title ("Agency Nurse", "Charge Nurse"), so that it names no organisation. */
function endsInRoleNoun(text: string): boolean {
  const words = wordsOf(text);
  if (words.length === 0) return false;
  const last = roleKey(words[words.length - 1].text);
  // A weak noun names a title after a modifier (`Loan Processor`), a paper or a product alone (`The Harbour Courier`).
  if (WEAK_ROLE_NOUNS.has(last)) return words.length > 1 && ROLE_MODIFIERS.has(roleKey(words[words.length - 2].text));
  return isRoleNoun(last);
}

/** A name followed by a place after a comma ("Acme Corp, Seattle, WA" → "Acme Corp" and "Seattle, WA"). */
function trailingPlace(text: string, span: TextSpan): [TextSpan, TextSpan] | undefined {
  for (let comma = text.indexOf(',', span.start); comma >= 0 && comma < span.end; comma = text.indexOf(',', comma + 1)) {
    const place = trimmed(text, comma + 1, span.end);
    const name = trimmed(text, span.start, comma);
    if (place && name && LOCATION_PATTERN.test(place.text)) return [name, place];
  }
  return undefined;
}

/** Lower-case words that may stand inside an organisation's name: "Ministry of Foreign Affairs", "Bank of the West". */
const NAME_JOINERS = new Set(['of', 'and', 'for', 'the', 'de', 'du', 'des', 'la', 'le', 'di', 'da', 'del', '&', 'at', 'on', 'in', 'y', 'e', 'und']);

/** Whether a short text reads as a name: its words (joiners aside) start with a capital letter or a digit. */
export function looksLikeName(text: string): boolean {
  // A name opens with a capital letter, a digit or a mark (`"Advancing Women" Panel`, `[Acme](…)`), not a joiner.
  if (!/^[\s*_"“'‘[(]*[\p{Lu}\p{N}@]/u.test(text)) return false;
  const words = text
    .replace(/\([^()]*\)/g, ' ')
    .split(/[\s,|•·–—/()-]+/)
    .filter((word) => word.length > 0 && !NAME_JOINERS.has(word) && !/^[&.'’*_"“”]+$/.test(word));
  if (words.length === 0 || words.length > 10) return false;
  const capitalised = (word: string) => /^[\p{Lu}\p{N}@]/u.test(word.replace(/^[*_"“'‘[]+/, ''));
  // A word or two in lower case may stand inside a longer name ("Wellcome Trust clinical Research Programme",
  // "Ecole normale supérieure de Lyon"); never at its start.
  let count = 0;
  for (const word of words) if (capitalised(word)) count++;
  return capitalised(words[0]) && (count === words.length || (words.length >= 4 && count * 3 >= words.length * 2));
}

/** Whether `text[start, end)` is blanks only. */
function isOnlySpaces(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** A run of capitalised words around an organisation marker inside a longer phrase (joiners inside, never at its ends). */
function embeddedOrganisation(text: string, segment: TextSpan): TextSpan | undefined {
  const words = wordsOf(segment.text);
  const capitalised = (i: number) => startsCapitalised(words[i].text) && words[i].text !== '&';
  // A comma between two words ends a name.
  const joined = (a: number, b: number) => !segment.text.slice(words[a].start + words[a].text.length, words[b].start).includes(',');
  const part = (i: number) => capitalised(i) || NAME_JOINERS.has(words[i].text.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    if (!capitalised(i) || !ORGANISATION_MARKERS.test(i + 1 < words.length ? `${words[i].text} ${words[i + 1].text}` : words[i].text)) continue;
    let first = i;
    while (first > 0 && part(first - 1) && joined(first - 1, first)) first--;
    while (first < i && !capitalised(first)) first++;
    let last = i;
    while (last + 1 < words.length && part(last + 1) && joined(last, last + 1)) last++;
    while (last > i && !capitalised(last)) last--;
    const start = segment.start + words[first].start;
    let end = segment.start + words[last].start + words[last].text.length;
    while (end > start && (text[end - 1] === '.' || text[end - 1] === ',')) end--;
    return { text: text.slice(start, end), start, end };
  }
  return undefined;
}

/** Whether a title reads as a role at an organisation (as opposed to a project under one). */
export function looksLikeRole(text: string): boolean {
  let answer = roleCache.get(text);
  if (answer === undefined) {
    answer = readsAsRole(text);
    if (roleCache.size >= FIELDS_CACHE_SIZE) roleCache.clear();
    roleCache.set(text, answer);
  }
  return answer;
}

/** {@link looksLikeRole}'s answers by text (a title reads the same in every version of a document). */
const roleCache = new Map<string, boolean>();

function readsAsRole(text: string): boolean {
  const span = { start: 0, end: text.length };
  const segments = titleSegments(text, span);
  return segments.some((segment) => findRole(segment, segments.length > 1) !== undefined) || ORGANISATION_MARKERS.test(text);
}

/** Whether a short text reads as a location ("Hangzhou, China", "Urbana, IL", "Remote"). */
export function looksLikeLocation(text: string): boolean {
  const value = text.trim();
  // `Town, Region` in shape, but naming no organisation and no title (`Research Fellow, Example University`).
  const comma = value.indexOf(',');
  return LOCATION_PATTERN.test(value) && !ORGANISATION_MARKERS.test(value) && !endsInRoleNoun(comma >= 0 ? value.slice(0, comma) : value);
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

/** Whether a title names a degree or a qualification ("MA in Economics", "B.Sc.", "Culinary Arts Diploma"). */
export function looksLikeDegree(text: string): boolean {
  const value = text.trim();
  return DEGREE_PATTERN.test(value) || DEGREE_ENDING.test(value);
}
