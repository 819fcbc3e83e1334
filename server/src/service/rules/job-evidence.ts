import { matchOf } from '../match/index';
import { rangeToSpan } from '../positions';
import type { Rule } from './types';

/**
 * Where the résumé lacks evidence of what the job asks for (`vita.match.job`, or the job picked with "vita: Match
 * Résumé Against Job Description…"): a skill only listed, with no entry, bullet or summary sentence showing it, and a
 * required term the résumé never names. Silent when no job is set. The matcher decides (service/match/); this rule
 * only reports its hints.
 */
export const jobEvidence: Rule = {
  id: 'job-evidence',
  description: 'A requirement of the job description matched against (vita.match.job) that the résumé only lists among its skills, or never shows.',
  tags: ['match'],
  defaultSeverity: 'hint',
  fixable: false,
  example: '## Skills\nKubernetes, Terraform\n(the job requires Kubernetes; no entry or bullet shows it)',
  check(doc, report, context) {
    if (!context.job) return;
    for (const hint of matchOf(doc, context.job).hints) {
      const span = rangeToSpan(doc.lines, hint.range);
      report({ ...span, message: hint.message, data: { term: matchOf(doc, context.job).terms[hint.term].term, status: hint.status } });
    }
  },
};
