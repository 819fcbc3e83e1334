import type { Range } from 'vscode-languageserver-types';
import type { Line, Span } from '../model/types';
import type { Spelling } from './vocabulary';
import type { TermMatch } from '../../protocol';

/** How a job description is written. */
export type JobFormat = 'markdown' | 'text' | 'json';

/** How a term was recognised in the job: a vocabulary entry, a brand of vita's list, an acronym, a phrase after a cue. */
export type TermSource = 'vocabulary' | 'brand' | 'acronym' | 'phrase';

/** One requirement of a job description. */
export interface JobTerm {
  /** The canonical spelling (`Kubernetes`, `Registered Nurse`), or the job's own for a term outside the vocabulary. */
  term: string;
  /** Other spellings that count as the term (`k8s`), the job's own spelling first when it differs. */
  aliases: string[];
  /** Asked for under a requirement-like heading or in a plain sentence; false when only "nice to have". */
  required: boolean;
  /** Where the job names it first (a required mention when there is one), in the job's LSP coordinates. */
  jobRange: Range;
  /** The same, in offsets of the job text. */
  jobSpan: Span;
  /** Every mention in the job, in offsets. */
  mentions: Span[];
  source: TermSource;
  /** The spellings a résumé may show it with. */
  spellings: Spelling[];
}

export interface JobDescription {
  /** The job text as given. */
  text: string;
  lines: Line[];
  format: JobFormat;
  /** The job title, when the job gives one (JSON `title`, a first heading). */
  title?: string;
  /** The employer, when the job names it (JSON `company`, "About X", "X is a …"): never a term. */
  employer?: string;
  terms: JobTerm[];
}

export type { TermMatch, TermStatus } from '../../protocol';

/** A place in the résumé that names a term of the job: what the hover on a skill tells. */
export interface ResumeMention {
  span: Span;
  range: Range;
  /** Index into {@link MatchResult.terms}. */
  term: number;
  /** `evidenced`: an entry, a bullet, a sentence; `listed`: a skills list (or the header's tagline). */
  kind: 'evidenced' | 'listed';
}

/** Where the résumé lacks evidence of a term: a listed skill with no entry showing it, or a missing requirement. */
export interface MatchHint {
  range: Range;
  /** Index into {@link MatchResult.terms}. */
  term: number;
  status: 'listed' | 'missing';
  message: string;
}

export interface MatchResult {
  /** Share of the required terms evidenced, a listed one counting half (all terms when none is required); 0–1. */
  coverage: number;
  terms: TermMatch[];
  /** Every mention of a term in the résumé, in document order. */
  mentions: ResumeMention[];
  hints: MatchHint[];
}
