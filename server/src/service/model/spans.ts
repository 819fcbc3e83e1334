/**
 * Look-ups over spans sorted by start, in O(log n): what the rules and the parser ask of skip regions and date
 * points ("does anything overlap this?") without scanning every span of the document per question.
 */
import type { ResumeDocument, SkipRegion, Span } from './types';

/** The first index in `items` (ordered so that `past` is false, then true) for which `past` holds; `items.length` if none. */
export function firstIndexWith<T>(items: readonly T[], past: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (past(items[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Whether [start, end) overlaps one of `spans`, which are sorted by start and do not overlap each other. */
export function overlapsSorted(spans: readonly Span[], start: number, end: number): boolean {
  const last = firstIndexWith(spans, (span) => span.start >= end) - 1;
  return last >= 0 && spans[last].end > start;
}

/** Whether `offset` lies inside one of `spans` (sorted by start, not overlapping each other). */
export function withinSorted(spans: readonly Span[], offset: number): boolean {
  const last = firstIndexWith(spans, (span) => span.start > offset) - 1;
  return last >= 0 && offset < spans[last].end;
}

/**
 * Spans sorted by start that may nest or overlap (skip regions: a code span inside a prose fence), with a running
 * maximum of their ends, so that "does any span overlap [start, end)?" is one binary search.
 */
export class SpanIndex {
  private readonly maxEnd: number[];

  constructor(private readonly spans: readonly Span[]) {
    let max = -Infinity;
    this.maxEnd = spans.map((span) => (max = Math.max(max, span.end)));
  }

  /** Whether any span overlaps [start, end) (an empty span overlaps nothing at its edges). */
  overlaps(start: number, end: number): boolean {
    const last = firstIndexWith(this.spans, (span) => span.start >= end) - 1;
    return last >= 0 && this.maxEnd[last] > start;
  }
}

const skipIndexes = new WeakMap<ResumeDocument, Map<string, SpanIndex>>();

/**
 * The document's skip regions (of `kinds`, or all) as a {@link SpanIndex}, built once per document model and kinds.
 */
export function skipRegionIndex(doc: ResumeDocument, kinds?: readonly SkipRegion['kind'][]): SpanIndex {
  let perKinds = skipIndexes.get(doc);
  if (!perKinds) skipIndexes.set(doc, (perKinds = new Map()));
  const key = kinds ? [...kinds].sort().join(',') : '*';
  let index = perKinds.get(key);
  if (!index) {
    const wanted = kinds && new Set(kinds);
    perKinds.set(key, (index = new SpanIndex(wanted ? doc.skipRegions.filter((region) => wanted.has(region.kind)) : doc.skipRegions)));
  }
  return index;
}
