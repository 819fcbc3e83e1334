/**
 * A résumé model against a job's terms: where the résumé names each term, and whether that is evidence (an entry
 * title, a bullet, a sentence of a summary or any section's prose) or only a listing (a skills section, a
 * `Skills:` line, the tagline under the name). One pass over the résumé's lines; each token is looked up in an index
 * of the job's spellings by its folded form.
 */
import { lineAt } from '../model/lines';
import { spanToRange } from '../positions';
import type { Entry, ResumeDocument, Section, Span } from '../model/types';
import { tokenize, type Token } from './tokens';
import type { JobDescription, MatchHint, MatchResult, ResumeMention, TermMatch } from './types';
import { bySpelling, indexKey, matchEnd, type Spelling } from './vocabulary';

const SKIP = 0;
const LISTED = 1;
const EVIDENCED = 2;

/** A line of a skills list inside any section: `Skills: …`, `**Technical skills:** …`, `Core competencies: …`. */
const SKILLS_LABEL =
  /^\s*(?:[-*+•▪◦]\s+)?(?:\*\*|__)?(?:key |core |technical |relevant |other |additional |computer |software |it |language |soft |hard |professional )?(?:skills?|competenc(?:y|ies)|proficienc(?:y|ies)|expertise|languages|strengths|technologies|tech stack|tools)(?:\*\*|__)?\s*:/i;

/** A skills list: a skills, languages or interests section, or another whose heading names skills ("IT Skills"). */
function isListSection(section: Section): boolean {
  if (section.kind === 'skills' || section.kind === 'languages' || section.kind === 'interests') return true;
  return section.kind === 'other' && SKILLS_HEADING.test(section.heading.text) && !/experience|project|work|employment/i.test(section.heading.text);
}

const SKILLS_HEADING = /\b(?:skills?|competenc(?:y|ies)|proficienc(?:y|ies)|technologies|tools|software|stack|expertise)\b/i;

/** The résumé's tokens with what each line counts as: made once per model. */
interface ResumeTokens {
  tokens: Token[];
  /** Per token: EVIDENCED or LISTED. */
  kinds: Uint8Array;
}

const cache = new WeakMap<ResumeDocument, ResumeTokens>();

/** What each line of the résumé counts as: evidence, a listing or nothing (name, contacts, headings). */
export function lineKinds(doc: ResumeDocument): Uint8Array {
  const kinds = new Uint8Array(doc.lines.length).fill(EVIDENCED);
  const lineOf = (offset: number) => lineAt(doc.lines, offset);
  const setLines = (span: Span, kind: number) => {
    const last = lineOf(Math.max(span.start, span.end - 1));
    for (let line = lineOf(span.start); line <= last; line++) kinds[line] = kind;
  };
  // The header: a tagline (and what follows the name: "Jo Example, RN") is a listing; a sentence is a summary
  // (evidence). The name and the contacts themselves are not read (resumeTokens drops their words).
  if (doc.header.end > doc.header.start) {
    setLines(doc.header, LISTED);
    for (const line of doc.header.lines) {
      const words = line.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      setLines(line, words >= 8 || /[.!?]\s*$/.test(line.text) ? EVIDENCED : LISTED);
    }
  }
  /** Lines inside an entry: a `Skills:` line there says what that job or project used (evidence). */
  const inEntry = new Uint8Array(doc.lines.length);
  const markEntry = (entry: Entry) => {
    const last = lineOf(Math.max(entry.start, entry.end - 1));
    for (let line = lineOf(entry.start); line <= last; line++) inEntry[line] = 1;
  };
  for (const section of doc.sections) {
    const kind = isListSection(section) ? LISTED : section.kind === 'references' ? SKIP : EVIDENCED;
    setLines(section, kind);
    setLines(section.heading, SKIP);
    if (kind === EVIDENCED) section.entries.forEach(markEntry);
  }
  // A `Skills: …` line outside an entry (in a summary, under the name) is a list.
  for (const line of doc.lines) {
    if (kinds[line.index] === EVIDENCED && !inEntry[line.index] && SKILLS_LABEL.test(line.text)) kinds[line.index] = LISTED;
  }
  // Code fences, comments and front matter are not read.
  for (const region of doc.skipRegions) {
    if (region.kind === 'code-fence' || region.kind === 'html-comment' || region.kind === 'front-matter') setLines(region, SKIP);
  }
  return kinds;
}

function resumeTokens(doc: ResumeDocument): ResumeTokens {
  let known = cache.get(doc);
  if (known) return known;
  const lineKind = lineKinds(doc);
  const tokens: Token[] = [];
  const kinds: number[] = [];
  // URLs and emails inside lines are not read (skip regions are sorted: one sweep); nor the name and the contacts.
  const regions: Span[] = doc.skipRegions.filter((r) => r.kind === 'url' || r.kind === 'email' || r.kind === 'latex');
  const personal: Span[] = [...(doc.header.name ? [doc.header.name] : []), ...doc.header.contacts];
  if (personal.length > 0) regions.push(...personal);
  regions.sort((a, b) => a.start - b.start);
  let r = 0;
  for (const line of doc.lines) {
    const kind = lineKind[line.index];
    if (kind === SKIP || line.end === line.start) continue;
    const before = tokens.length;
    tokenize(doc.text, line.start, line.end, tokens);
    let keep = before;
    for (let i = before; i < tokens.length; i++) {
      const t = tokens[i];
      while (r < regions.length && regions[r].end <= t.start) r++;
      if (r < regions.length && regions[r].start < t.end) continue;
      tokens[keep++] = t;
      kinds.push(kind);
    }
    tokens.length = keep;
  }
  known = { tokens, kinds: Uint8Array.from(kinds) };
  cache.set(doc, known);
  return known;
}

/**
 * Matches a résumé against a job: per term its status and the résumé ranges that decided it, the coverage, every
 * mention (for hovers) and hints where evidence is missing.
 */
export function matchResume(doc: ResumeDocument, job: JobDescription): MatchResult {
  const { tokens, kinds } = resumeTokens(doc);
  // The job's spellings by the folded form of their first token, longest first.
  const index = new Map<string, Array<{ term: number; spelling: Spelling }>>();
  job.terms.forEach((term, t) => {
    for (const spelling of term.spellings) {
      if (spelling.tokens.length === 0) continue;
      const key = indexKey(spelling);
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      list.push({ term: t, spelling });
    }
  });
  for (const list of index.values()) list.sort(bySpelling);

  const mentions: ResumeMention[] = [];
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const list = index.get(tokens[i].norm);
    if (!list) continue;
    for (const { term, spelling } of list) {
      const end = matchEnd(tokens, i, n, spelling, doc.text);
      // A spelling never runs across lines (or lines of different kinds).
      if (end < 0 || kinds[end - 1] !== kinds[i]) continue;
      const span = { start: tokens[i].start, end: tokens[end - 1].end };
      if (doc.text.slice(span.start, span.end).includes('\n')) continue;
      mentions.push({ span, range: spanToRange(doc.lines, span), term, kind: kinds[i] === EVIDENCED ? 'evidenced' : 'listed' });
      // Words a gap skipped are read on their own.
      if (!spelling.gap) i = end - 1;
      break;
    }
  }

  const terms: TermMatch[] = job.terms.map((term, t) => {
    const own = mentions.filter((m) => m.term === t);
    const evidenced = own.filter((m) => m.kind === 'evidenced');
    const listed = own.filter((m) => m.kind === 'listed');
    const status = evidenced.length > 0 ? 'evidenced' : listed.length > 0 ? 'listed' : 'missing';
    return {
      term: term.term,
      aliases: term.aliases,
      required: term.required,
      status,
      jobRange: term.jobRange,
      evidence: (evidenced.length > 0 ? evidenced : listed).map((m) => m.range),
    };
  });
  return { coverage: coverageOf(terms), terms, mentions, hints: hintsFor(doc, terms, mentions) };
}

/** Share of the required terms evidenced, a listed one counting half; all terms when none is required; 0 for none. */
export function coverageOf(terms: readonly Pick<TermMatch, 'required' | 'status'>[]): number {
  const required = terms.filter((t) => t.required);
  const counted = required.length > 0 ? required : terms;
  if (counted.length === 0) return 0;
  const score = counted.reduce((sum, t) => sum + (t.status === 'evidenced' ? 1 : t.status === 'listed' ? 0.5 : 0), 0);
  return score / counted.length;
}

/**
 * Hints where evidence is missing: on each listing of a term no entry shows, and, for a required term the résumé
 * never names, at the end of the first skills section's heading (or of the first line).
 */
function hintsFor(doc: ResumeDocument, terms: TermMatch[], mentions: ResumeMention[]): MatchHint[] {
  const hints: MatchHint[] = [];
  for (const mention of mentions) {
    const term = terms[mention.term];
    if (term.status !== 'listed') continue;
    hints.push({
      range: mention.range,
      term: mention.term,
      status: 'listed',
      message: `${term.term}: listed, but no entry, bullet or summary sentence shows it${term.required ? ' (required by the job)' : ''}`,
    });
  }
  const skills = doc.sections.find((s) => s.kind === 'skills');
  const anchorLine = skills ? doc.lines[lineAt(doc.lines, skills.heading.start)] : doc.lines[0];
  const anchor = spanToRange(doc.lines, { start: anchorLine.end, end: anchorLine.end });
  terms.forEach((term, t) => {
    if (term.status === 'missing' && term.required) hints.push({ range: anchor, term: t, status: 'missing', message: `${term.term}: required by the job, not in the résumé` });
  });
  return hints;
}
