import type { SectionKind } from './types';

/**
 * Words that make a heading a section heading, by the kind of section they name. A heading is a known section
 * when, after normalisation, it is short and every word is either one of these keywords or a common qualifier
 * ("Work Experience", "Key Achievements", "Licenses & Certifications", "TECHNICAL SKILLS").
 */
const SECTION_KEYWORDS: Record<string, SectionKind> = {
  summary: 'summary', profile: 'summary', objective: 'summary', about: 'summary', overview: 'summary',
  introduction: 'summary', statement: 'summary', highlights: 'summary',
  experience: 'experience', experiences: 'experience', employment: 'experience', work: 'experience',
  history: 'experience', career: 'experience', positions: 'experience', appointments: 'experience',
  internships: 'experience', internship: 'experience',
  education: 'education', academic: 'education', academics: 'education', qualifications: 'education',
  degrees: 'education', schooling: 'education', training: 'education', coursework: 'education', courses: 'education',
  skills: 'skills', skill: 'skills', competencies: 'skills', expertise: 'skills', technologies: 'skills',
  tools: 'skills', proficiencies: 'skills', strengths: 'skills', abilities: 'skills', stack: 'skills',
  projects: 'projects', project: 'projects', portfolio: 'projects',
  publications: 'publications', papers: 'publications', research: 'publications', patents: 'publications',
  presentations: 'publications', talks: 'publications', conferences: 'publications', theses: 'publications',
  awards: 'awards', honors: 'awards', honours: 'awards', achievements: 'awards', accomplishments: 'awards',
  distinctions: 'awards', scholarships: 'awards', recognition: 'awards', grants: 'awards', fellowships: 'awards',
  certifications: 'certifications', certification: 'certifications', certificates: 'certifications',
  licenses: 'certifications', licences: 'certifications', licensure: 'certifications', credentials: 'certifications',
  volunteering: 'volunteering', volunteer: 'volunteering', community: 'volunteering', service: 'volunteering',
  leadership: 'volunteering', activities: 'volunteering', extracurricular: 'volunteering',
  involvement: 'volunteering', affiliations: 'volunteering', memberships: 'volunteering',
  languages: 'languages',
  interests: 'interests', hobbies: 'interests',
  references: 'references', referees: 'references',
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
  'for', 'in', 'with', 'at', 'on',
]);

/** Normalises a heading for comparison: lower case, `&` and `and` alike, no punctuation, single spaces. */
export function sectionKey(text: string): string {
  return text
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
  // Bilingual or compound headings: `Berufserfahrung / Experience`, `Skills | Fähigkeiten`, `INTERESTS / HOBBIES`.
  // Every part must read as a short heading (no digits, commas or dashes), and one must name a section.
  if (!text.includes('/') && !text.includes('|')) return singleSectionKind(text);
  const parts = text.split(/\s*[/|]\s*/);
  if (parts.length > 1) {
    if (parts.length > 3 || parts.some((part) => part.length === 0 || /[,•–—]|\s-\s|\d/.test(part) || part.split(/\s+/).length > 4)) return undefined;
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
  for (const word of words) {
    const keywordKind = SECTION_KEYWORDS[word];
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
  if (words.length === 1 && ['work', 'service', 'research', 'community', 'tools', 'stack', 'history', 'about', 'project'].includes(words[0])) {
    return undefined;
  }
  return kind;
}
