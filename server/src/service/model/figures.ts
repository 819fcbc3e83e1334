/**
 * Figures in a bullet: the ONE definition of "a bullet with a figure", read by `style-unquantified` and by the
 * summary's quantified-bullet counts (hover, status item, `vita summary`), so the two never disagree. Pure.
 */
import { asciiFirst } from './asciiFirst';
import { withinSorted } from './spans';
import type { ResumeDocument, Span } from './types';

/**
 * A number standing as a quantity: `40%`, `$9.2M`, `3x`, `×10` (not `x86`), `1.2ms`, `30min`, `2M`, `300K`, `48 sales`,
 * `95th`. Not a digit inside a word or a version (`x86`, `E2E`, `C++14`, `layer1-5`, `3.92/4.0`'s second half), and
 * not the number of a technical compound (`2-factor`, `3-tier`).
 */
const DIGIT_QUANTITY = asciiFirst(
  /(?<![\p{L}\p{N}_+#/.\-])(?:×\s?\d+(?:\.\d+)?(?![\p{L}\p{N}])|([$€£¥]\s?)?(\d+(?:[.,]\d+)*)\+?(\s?%|\s?(?:[x×]|k|m|b|bn|mm|million|billion|thousand|ms|µs|us|ns|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|yrs?|tb|gb|mb|kb|qps|rps|tps|users?|st|nd|rd|th)(?![\p{L}\p{N}]))?(?![\p{L}\p{N}_])(?!-(?:factor|phase|tier|way|step|dimensional)\b))/giu,
);

/**
 * A figure written in words. A reviewer reading "Mentored four engineers", "Doubled the coverage", "Cut latency by
 * half" or "Served millions of users" sees the scale of the work as plainly as with digits (style guides spell out
 * numbers under ten), so these count. Not counted: `one` (mostly "one of", "no one", "one-on-one"), vague words
 * (`several`, `many`, `a few`, `multiple`), ordinals (`first`, `third-party`) and technical compounds
 * (`two-factor`, `three-tier`, `two-phase`).
 */
const WORD_QUANTITY = new RegExp(
  [
    String.raw`\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b(?!-(?:factor|phase|tier|way|step|dimensional)\b)`,
    String.raw`\b(?:dozens?|hundreds?|thousands?|millions?|billions?)\b`,
    String.raw`\b(?:doubled|doubling|tripled|tripling|quadrupled|halved|halving|twice)\b`,
    String.raw`\b(?:by|in) (?:a |one[- ])?(?:half|third|quarter)\b`,
  ].join('|'),
  'i',
);

/** What every {@link DIGIT_QUANTITY} match holds. */
const ANY_DIGIT = /[0-9]/;

/** A bare year standing alone (`2021`): a date, not a quantity. */
const YEAR = /^(?:19|20)\d\d$/;

/**
 * Whether `text` carries a figure: a quantity in digits ({@link DIGIT_QUANTITY}) or in words ({@link WORD_QUANTITY}).
 * Dates are not figures: a bare year never counts, and digits inside `dates` (document offsets of date points,
 * with `offset` the document offset of `text`; sorted by start and not overlapping, as {@link datePointSpans} gives
 * them: each number is one binary search) are skipped, so `03/2021` or `3 Apr 2020` in a bullet do not count.
 */
export function hasFigure(text: string, dates: readonly Span[] = [], offset = 0): boolean {
  // Every match of DIGIT_QUANTITY holds an ASCII digit (`\d`, even with `u`): text without one needs no scan.
  if (ANY_DIGIT.test(text)) {
    const digitQuantity = DIGIT_QUANTITY.pick(text);
    digitQuantity.lastIndex = 0;
    for (let m = digitQuantity.exec(text); m !== null; m = digitQuantity.exec(text)) {
      const at = offset + m.index;
      if (withinSorted(dates, at)) continue;
      const [, currency, digits, unit] = m;
      if (digits !== undefined && !currency && !unit && YEAR.test(digits)) continue;
      return true;
    }
  }
  return WORD_QUANTITY.test(text);
}

/** Spans of every date point in the document, sorted by start, for {@link hasFigure}'s `dates`. */
export function datePointSpans(doc: ResumeDocument): Span[] {
  const spans: Span[] = [];
  for (const range of doc.dateRanges) {
    spans.push(range.start);
    if (range.end) spans.push(range.end);
  }
  // A split range's end point stands lines below its start: a later range's points may come between.
  return spans.sort((a, b) => a.start - b.start);
}
