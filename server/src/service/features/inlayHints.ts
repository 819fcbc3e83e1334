/**
 * Inlay hints: the duration after each date range (` · 4 yrs 1 mo`), for every parsed range with a start and an
 * end or an open end. A split range (PDF layout) gets its hint after its end point, on the later line.
 */
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { ResumeDocument } from '../model/types';
import { offsetToPosition, rangeToSpan } from '../positions';
import { summarizeRange } from './summary';

/** Hints for the ranges whose end lies inside `visible` (the whole document when not given). */
export function inlayHints(doc: ResumeDocument, context: ServiceContext, visible?: Range): InlayHint[] {
  if (!context.options.inlayHints.durations) return [];
  const within = visible ? rangeToSpan(doc.lines, visible) : undefined;
  const hints: InlayHint[] = [];
  for (const range of doc.dateRanges) {
    if (!range.end && !range.open) continue; // a lone date has no duration to add
    const facts = summarizeRange(range, context.options.today);
    if (facts.duration === undefined) continue; // invalid or reversed: date rules speak about it
    const at = range.split && range.end ? range.end.end : range.span.end;
    if (within && (at < within.start || at > within.end)) continue;
    hints.push({
      position: offsetToPosition(doc.lines, at),
      label: `· ${facts.approximate ? '≈ ' : ''}${facts.duration}`,
      paddingLeft: true,
      tooltip: `${facts.text}: ${facts.months} ${facts.months === 1 ? 'month' : 'months'}${facts.ongoing ? ', ongoing' : ''}, both ends included`,
    });
  }
  return hints;
}
