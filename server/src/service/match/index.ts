/**
 * `vita match`: a résumé against a job description. Pure (text and models in, results out), like the rest of the
 * service: the CLI and the server read the files and hand the text in.
 *
 *   const job = parseJob(jobText, { format: jobFormatOf(jobPath) });
 *   const result = matchResume(service.parse(resume), job);
 *   JSON.stringify(matchJson(resumePath, jobPath, result));
 *
 * How terms, aliases, statuses and coverage are decided: docs/match.md.
 */
import type { Position } from 'vscode-languageserver-types';
import type { ResumeDocument } from '../model/types';
import { matchResume } from './matcher';
import type { JobDescription, MatchResult, ResumeMention, TermMatch } from './types';

export { parseJob, jobFormatOf, headingMode, type ParseJobOptions } from './job';
export { matchResume, coverageOf, lineKinds } from './matcher';
export { JsonSyntaxError } from './json';
export type { JobDescription, JobFormat, JobTerm, MatchHint, MatchResult, ResumeMention, TermMatch, TermSource, TermStatus } from './types';

/** Results per (model, job): the rule's hints, the hover and the editor's panel share one match per version. */
const results = new WeakMap<ResumeDocument, WeakMap<JobDescription, MatchResult>>();

/** {@link matchResume}, once per model and job. */
export function matchOf(doc: ResumeDocument, job: JobDescription): MatchResult {
  let perJob = results.get(doc);
  if (!perJob) results.set(doc, (perJob = new WeakMap()));
  let result = perJob.get(job);
  if (!result) perJob.set(job, (result = matchResume(doc, job)));
  return result;
}

/** One résumé's result in the JSON shape of `vita match --format json` (an array of these is printed). */
export interface MatchJson {
  file: string;
  job: string;
  coverage: number;
  terms: TermMatch[];
}

export function matchJson(file: string, job: string, result: MatchResult): MatchJson {
  return {
    file,
    job,
    coverage: result.coverage,
    terms: result.terms.map(({ term, aliases, required, status, jobRange, evidence }) => ({ term, aliases, required, status, jobRange, evidence })),
  };
}

/** `72%`. */
export function coveragePercent(coverage: number): string {
  return `${Math.round(coverage * 100)}%`;
}

/**
 * The text form for `vita match --format text`: the coverage, then one line per term, required ones first:
 * `✓ evidenced  Kubernetes (k8s)  line 12`, `~ listed …`, `✗ missing …` (lines 1-based).
 */
export function matchText(file: string, job: string, result: MatchResult): string {
  const required = result.terms.filter((t) => t.required).length;
  const out = [`${file} against ${job}: coverage ${coveragePercent(result.coverage)} (${required > 0 ? `${required} required` : 'no term marked required: all'} of ${result.terms.length} terms)`];
  const order = [...result.terms].sort((a, b) => Number(b.required) - Number(a.required));
  for (const term of order) {
    const mark = term.status === 'evidenced' ? '✓' : term.status === 'listed' ? '~' : '✗';
    const alias = term.aliases.length > 0 ? ` (${term.aliases.slice(0, 3).join(', ')})` : '';
    const where = term.evidence.length > 0 ? `  line ${[...new Set(term.evidence.map((r) => r.start.line + 1))].slice(0, 5).join(', ')}` : '';
    out.push(`  ${mark} ${term.status.padEnd(9)} ${term.required ? 'required' : 'optional'}  ${term.term}${alias}${where}`);
  }
  return `${out.join('\n')}\n`;
}

/** The mention of a job term at a position of the résumé, if any (mentions are in document order: binary search). */
export function mentionAt(result: MatchResult, position: Position): ResumeMention | undefined {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  let low = 0;
  let high = result.mentions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const mention = result.mentions[mid];
    if (!before(mention.range.start, position)) high = mid - 1;
    else if (!before(position, mention.range.end)) low = mid + 1;
    else return mention;
  }
  return undefined;
}

/**
 * The hover on a skill the job asks for: which requirement it answers, its status and what coverage counts.
 * `**Kubernetes** answers a required term of the job (evidenced) …`
 */
export function matchHoverMarkdown(result: MatchResult, mention: ResumeMention): string {
  const term = result.terms[mention.term];
  const status =
    term.status === 'evidenced'
      ? `evidenced on ${term.evidence.length === 1 ? 'line' : 'lines'} ${[...new Set(term.evidence.map((r) => r.start.line + 1))].slice(0, 5).join(', ')}`
      : term.status === 'listed'
        ? 'only listed: no entry, bullet or summary sentence shows it'
        : 'missing';
  const alias = term.aliases.length > 0 ? ` (also ${term.aliases.slice(0, 4).join(', ')})` : '';
  return [
    `**${term.term}**${alias} answers a ${term.required ? 'required' : 'nice-to-have'} term of the job: ${status}.`,
    '',
    `Job coverage ${coveragePercent(result.coverage)}: the share of required terms evidenced, a listed one counting half.`,
  ].join('\n');
}
