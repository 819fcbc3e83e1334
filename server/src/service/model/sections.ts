import type { SectionKind } from './types';

/**
 * Words that make a heading a section heading, by the kind of section they name. A heading is a known section
 * when, after normalisation, it is short and every word is either one of these keywords or a common qualifier
 * ("Work Experience", "Key Achievements", "Licenses & Certifications", "TECHNICAL SKILLS"). Singular and plural
 * both: a heading names a section either way ("Award", "Publication", "Reference").
 */
const SECTION_KEYWORDS: Record<string, SectionKind> = {
  summary: 'summary', profile: 'summary', objective: 'summary', objectives: 'summary', about: 'summary',
  overview: 'summary', introduction: 'summary', statement: 'summary', highlights: 'summary', bio: 'summary',
  biography: 'summary', synopsis: 'summary',
  experience: 'experience', experiences: 'experience', employment: 'experience', work: 'experience',
  history: 'experience', career: 'experience', position: 'experience', positions: 'experience',
  appointment: 'experience', appointments: 'experience', internships: 'experience', internship: 'experience',
  placement: 'experience', placements: 'experience', residency: 'experience', residencies: 'experience',
  jobs: 'experience', consultancy: 'experience', consultancies: 'experience', consulting: 'experience',
  teaching: 'experience', mentoring: 'experience', mentorship: 'experience', supervision: 'experience',
  education: 'education', academic: 'education', academics: 'education', academia: 'education',
  qualifications: 'education', degree: 'education', degrees: 'education', schooling: 'education',
  training: 'education', trainings: 'education', coursework: 'education', courses: 'education', thesis: 'education',
  dissertation: 'education', studies: 'education', phd: 'education',
  skills: 'skills', skill: 'skills', competencies: 'skills', competences: 'skills', expertise: 'skills',
  technologies: 'skills', tools: 'skills', proficiencies: 'skills', proficiency: 'skills', strengths: 'skills',
  abilities: 'skills', capabilities: 'skills', stack: 'skills', techniques: 'skills', methods: 'skills',
  knowledge: 'skills',
  projects: 'projects', project: 'projects', portfolio: 'projects', contributions: 'projects', works: 'projects',
  exhibitions: 'projects', performances: 'projects', performance: 'projects',
  publications: 'publications', publication: 'publications', papers: 'publications', research: 'publications',
  patents: 'publications', presentations: 'publications', talks: 'publications', conferences: 'publications',
  theses: 'publications', manuscripts: 'publications', articles: 'publications', books: 'publications',
  chapters: 'publications', writing: 'publications', writings: 'publications', posters: 'publications',
  abstracts: 'publications', lectures: 'publications', seminars: 'publications', preprints: 'publications',
  proceedings: 'publications', bibliography: 'publications', press: 'publications', media: 'publications',
  blogs: 'publications', interviews: 'publications',
  awards: 'awards', award: 'awards', honors: 'awards', honours: 'awards', honor: 'awards', honour: 'awards',
  achievements: 'awards', achievement: 'awards', accomplishments: 'awards', accomplishment: 'awards',
  distinctions: 'awards', scholarships: 'awards', scholarship: 'awards', recognition: 'awards',
  recognitions: 'awards', grants: 'awards', grant: 'awards', fellowships: 'awards', funding: 'awards',
  prizes: 'awards', prize: 'awards', nominations: 'awards',
  certifications: 'certifications', certification: 'certifications', certificates: 'certifications',
  certificate: 'certifications', licenses: 'certifications', licences: 'certifications', license: 'certifications',
  licence: 'certifications', licensure: 'certifications', credentials: 'certifications',
  accreditations: 'certifications',
  volunteering: 'volunteering', volunteer: 'volunteering', community: 'volunteering', service: 'volunteering',
  leadership: 'volunteering', activities: 'volunteering', extracurricular: 'volunteering',
  involvement: 'volunteering', affiliations: 'volunteering', memberships: 'volunteering', membership: 'volunteering',
  organizations: 'volunteering', organisations: 'volunteering', associations: 'volunteering',
  societies: 'volunteering', committees: 'volunteering', networks: 'volunteering', outreach: 'volunteering',
  reviewing: 'volunteering', engagement: 'volunteering',
  languages: 'languages',
  interests: 'interests', interest: 'interests', hobbies: 'interests', pursuits: 'interests',
  references: 'references', reference: 'references', referees: 'references', referee: 'references',
  contact: 'contact', contacts: 'contact',
  miscellaneous: 'other', misc: 'other',
};

/** Words that may stand beside a keyword in a section heading without making it something else. */
const QUALIFIERS = new Set([
  'and', '&', 'of', 'the', 'my', 'other', 'additional', 'relevant', 'professional', 'work', 'working', 'key',
  'technical', 'selected', 'personal', 'academic', 'teaching', 'research', 'industry', 'clinical', 'military',
  'related', 'core', 'select', 'recent', 'previous', 'employment', 'career', 'computer', 'programming', 'soft',
  'hard', 'language', 'side', 'open', 'source', 'open-source', 'independent', 'volunteer', 'leadership',
  'community', 'honors', 'honours', 'awards', 'professional', 'continuing', 'further', 'extra', 'curricular',
  'major', 'notable', 'key', 'summary', 'qualifications', 'history', 'experience', 'information', 'info',
  'skills', 'development', 'training', 'licenses', 'certifications', 'courses', 'interests', 'hobbies',
  'project', 'software', 'engineering', 'management', 'leadership', 'international', 'global', 'overseas',
  'for', 'in', 'with', 'at', 'on', 'past', 'current', 'present', 'first', 'author', 'co-author', 'lab',
  'laboratory', 'field', 'responsibility', 'responsibilities', 'organisation', 'organization', 'organising',
  'organizing', 'conference', 'invited', 'guest', 'public', 'peer', 'editorial', 'social', 'graduate',
  'undergraduate', 'postgraduate', 'doctoral', 'postdoctoral', 'details', 'me', 'known', 'spoken', 'minor',
  'journal', 'refereed', 'scientific', 'areas', 'area', 'general', 'digital', 'creative', 'online', 'presence',
  'print', 'oral', 'poster', 'student', 'students', 'specialized', 'specialised', 'transferable', 'language', 'domain', 'subject',
]);

/** Keywords that are not a heading by themselves ("Work", "Service", "Research", "Position"). */
const NOT_ALONE = new Set(['work', 'service', 'research', 'community', 'tools', 'stack', 'history', 'about', 'project', 'position', 'knowledge', 'methods', 'techniques', 'works', 'performance']);

/**
 * Keywords long enough that a heading misspelling one (`Employement`, `Postition`, `Activites`) still names it, by
 * their first letter (a misspelling keeps it).
 */
const FUZZY_KEYWORDS = new Map<string, string[]>();
for (const word of Object.keys(SECTION_KEYWORDS)) {
  // (Shorter ones are one letter from common words: `contact` from `contract`.)
  if (word.length < 8) continue;
  const list = FUZZY_KEYWORDS.get(word[0]);
  if (list) list.push(word);
  else FUZZY_KEYWORDS.set(word[0], [word]);
}

/** Normalises a heading for comparison: lower case, `&` and `and` alike, no punctuation, single spaces. */
export function sectionKey(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '') // zero-width characters a PDF converter leaves inside words
    .toLowerCase()
    .replace(/[*_`#:]+/g, ' ')
    .replace(/[^\p{L}\p{N}&\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The kind of section a heading names, or undefined when it does not read as a section heading
 * ("Microsoft Corporation, Software Engineer" does not; "Work Experience" and "KEY ACHIEVEMENTS" do).
 */
export function sectionKind(text: string): SectionKind | undefined {
  // Every line that may be a heading is asked, in every version of the document: the answer per text is kept.
  let kind = kindCache.get(text);
  if (kind === undefined) {
    kind = readSectionKind(text) ?? null;
    if (kindCache.size >= 4096) kindCache.clear();
    kindCache.set(text, kind);
  }
  return kind ?? undefined;
}

/**
 * The kind of a section whose heading is a heading already (Markdown, reStructuredText, Org): as {@link sectionKind},
 * else what its last word names — the head noun after a modifier vita does not list (`Frontline Experience`, `Selected
 * Exhibitions`), or a word that is no heading alone in plain text but is one here (`Work`, `Service`).
 */
export function headingSectionKind(text: string): SectionKind | undefined {
  const kind = sectionKind(text);
  if (kind !== undefined || /[,|•–—/]|\s-\s|\d/.test(text)) return kind;
  const words = sectionKey(text).split(' ').filter((word) => word.length > 0);
  if (words.length === 0 || words.length > 4) return undefined;
  return SECTION_KEYWORDS[words[words.length - 1]];
}

/** {@link sectionKind}'s answers by text (null: no section). */
const kindCache = new Map<string, SectionKind | null>();

function readSectionKind(text: string): SectionKind | undefined {
  // Bilingual or compound headings: `Berufserfahrung / Experience`, `Skills | Fähigkeiten`, `INTERESTS / HOBBIES`.
  // Every part must read as a short heading (no digits, commas or dashes), and one must name a section.
  if (!text.includes('/') && !text.includes('|')) return singleSectionKind(text);
  const parts = text.split(/\s*[/|]\s*/);
  if (parts.length > 1) {
    // (`Portfolio | LinkedIn | ada@example.com` is a header's links: an address is no heading's part.)
    if (parts.length > 3 || parts.some((part) => part.length === 0 || /[,•–—@:]|\s-\s|\d/.test(part) || part.split(/\s+/).length > 4)) return undefined;
    for (const part of parts) {
      const kind = singleSectionKind(part);
      if (kind !== undefined) return kind;
    }
    return undefined;
  }
  return singleSectionKind(text);
}

/** The kind of section one heading (not split on `/` or `|`) names. */
function singleSectionKind(text: string): SectionKind | undefined {
  if (/[,|•–—]|\s-\s|\d/.test(text)) return undefined;
  const words = sectionKey(text).split(' ').filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 5) return undefined;
  const kinds: SectionKind[] = [];
  let misspelt = false;
  for (const word of words) {
    let keywordKind = SECTION_KEYWORDS[word];
    if (keywordKind === undefined && !QUALIFIERS.has(word) && !misspelt && word.length >= 8 && words.every((other) => other === word || SECTION_KEYWORDS[other] !== undefined || QUALIFIERS.has(other))) {
      // One misspelt keyword: `Past Employement`, `Other activites`.
      const near = nearKeyword(word);
      if (near !== undefined) {
        keywordKind = SECTION_KEYWORDS[near];
        misspelt = true;
      }
    }
    if (keywordKind !== undefined) {
      // "Research" qualifies the keyword after it ("Research Experience") unless it stands alone.
      if (!(word === 'research' && words.length > 1)) kinds.push(keywordKind);
    } else if (!QUALIFIERS.has(word)) {
      return undefined;
    }
  }
  if (kinds.length === 0) return undefined;
  // The first keyword names the section: "Project Experience" lists projects, "Skills & Interests" skills.
  const kind = kinds[0];
  // A lone qualifier-like keyword ("Work", "Service", "Research") is not a heading by itself.
  if (words.length === 1 && NOT_ALONE.has(words[0])) return undefined;
  return kind;
}

/**
 * The keyword a word misspells by one letter inside it (one added, dropped, changed, or two swapped), never at its
 * end: a different ending makes a word of its own (`Experienced` is not `Experience` or `Experiences` misspelt).
 */
function nearKeyword(word: string): string | undefined {
  const keywords = FUZZY_KEYWORDS.get(word[0]);
  if (!keywords) return undefined;
  for (const keyword of keywords) {
    const difference = word.length - keyword.length;
    if (difference < -1 || difference > 1 || !oneEditApart(word, keyword)) continue;
    if (word.slice(0, -1) === keyword.slice(0, -1) || word.startsWith(keyword) || keyword.startsWith(word)) continue;
    return keyword;
  }
  return undefined;
}

/** Whether two different words are one edit apart (insertion, deletion, substitution, adjacent transposition). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
