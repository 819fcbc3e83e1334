import type { TextEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import { applyEdits } from '../edits';
import { parseResume } from '../model/parse';
import type { ResumeDocument } from '../model/types';
import type { OffsetEdit } from '../model/types';
import { diffEdits } from '../textDiff';
import { runRules, toTextEdits } from './diagnostics';

/** Rounds of apply → re-parse → re-check; fixes that overlapped in one round land in the next. */
export const MAX_FIX_ROUNDS = 5;

export interface FixAllResult {
  /** The text with every safe fix applied. */
  text: string;
  /** Edits in the original document's offsets that turn its text into `text` (empty when nothing changed). */
  edits: OffsetEdit[];
  /** The same edits in LSP ranges of the original document. */
  textEdits: TextEdit[];
  /** How many fixes were applied, over all rounds. */
  applied: number;
  /** Each fix applied, in the order applied, with where it applied in the original text. */
  fixes: AppliedFix[];
}

/** One fix Fix All applied: its rule, its title, and the span of the original text it changed. */
export interface AppliedFix {
  rule: string;
  title: string;
  /** Offsets in the original document (a fix of a later round is mapped back through the rounds before it). */
  start: number;
  end: number;
}

/**
 * Applies every safe fix of every enabled rule (never spelling guesses or style rewrites: those are not safe),
 * as "Fix All" on save, the `vita.fixAll` command and `vita check --fix` do. Each round applies the fixes that do
 * not overlap, then parses and checks the new text again, until nothing fixable is left or MAX_FIX_ROUNDS.
 * Settings and `vita-disable` comments are honoured: a rule that is off fixes nothing.
 */
export function fixAll(doc: ResumeDocument, context: ServiceContext): FixAllResult {
  let current = doc;
  const appliedFixes: AppliedFix[] = [];
  /** The edits of each round, to map a later round's offsets back to the original text. */
  const rounds: OffsetEdit[][] = [];
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const candidates: { rule: string; title: string; edits: readonly OffsetEdit[] }[] = [];
    for (const finding of runRules(current, context)) {
      const fix = finding.fixes?.find((candidate) => candidate.safe);
      if (fix && fix.edits.length > 0) candidates.push({ rule: finding.rule.id, title: fix.title, edits: fix.edits });
    }
    const taken = compatibleFixIndices(candidates.map((candidate) => candidate.edits));
    const edits = taken.flatMap((index) => candidates[index].edits);
    if (edits.length === 0) break;
    const result = applyEdits(current.text, edits);
    if (result.applied.length === 0 || result.text === current.text) break;
    for (const index of taken) {
      const { rule, title, edits: fixEdits } = candidates[index];
      let start = Math.min(...fixEdits.map((edit) => edit.start));
      let end = Math.max(...fixEdits.map((edit) => edit.end));
      for (let back = rounds.length - 1; back >= 0; back--) {
        start = originalOffset(rounds[back], start);
        end = originalOffset(rounds[back], end);
      }
      appliedFixes.push({ rule, title, start, end: Math.max(start, end) });
    }
    rounds.push([...result.applied].sort((a, b) => a.start - b.start));
    current = parseResume(result.text);
  }
  const edits = diffEdits(doc.text, current.text);
  return { text: current.text, edits, textEdits: toTextEdits(doc, edits), applied: appliedFixes.length, fixes: appliedFixes };
}

/**
 * The offset in the text before `edits` (sorted, non-overlapping) of `offset` in the text after them: an offset
 * inside replaced text maps to the start of what it replaced.
 */
function originalOffset(edits: readonly OffsetEdit[], offset: number): number {
  let delta = 0;
  for (const edit of edits) {
    const newStart = edit.start + delta;
    if (offset < newStart) break;
    const newEnd = newStart + edit.newText.length;
    if (offset < newEnd) return edit.start;
    delta += edit.newText.length - (edit.end - edit.start);
  }
  return offset - delta;
}

/**
 * The edits of the fixes to apply together, in the fixes' order of priority: a fix's edits go together or not at
 * all, and a fix is taken only when none of its edits overlaps (or inserts at the same place as) an edit of a fix
 * taken before it. The edits are sorted once and swept to find which fixes clash, so this is linear in the edits
 * (plus the clashes), not a comparison of every fix with every fix taken.
 */
export function compatibleFixes(fixes: readonly (readonly OffsetEdit[])[]): OffsetEdit[] {
  return compatibleFixIndices(fixes).flatMap((index) => fixes[index]);
}

/** The indices of the fixes {@link compatibleFixes} takes, in order. */
function compatibleFixIndices(fixes: readonly (readonly OffsetEdit[])[]): number[] {
  const all: { edit: OffsetEdit; fix: number }[] = [];
  fixes.forEach((edits, fix) => {
    for (const edit of edits) all.push({ edit, fix });
  });
  all.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
  // Clashes between two fixes, from the later (lower priority) fix to the earlier ones. Sorted by start, an edit can
  // only clash with the edits after it that start where it starts or before it ends.
  const clashes = new Map<number, number[]>();
  for (let i = 0; i < all.length; i++) {
    const a = all[i].edit;
    for (let j = i + 1; j < all.length && (all[j].edit.start === a.start || all[j].edit.start < a.end); j++) {
      const [earlier, later] = all[i].fix < all[j].fix ? [all[i].fix, all[j].fix] : [all[j].fix, all[i].fix];
      if (earlier === later) continue;
      let list = clashes.get(later);
      if (!list) clashes.set(later, (list = []));
      list.push(earlier);
    }
  }
  const taken = new Uint8Array(fixes.length);
  const indices: number[] = [];
  for (let fix = 0; fix < fixes.length; fix++) {
    if (clashes.get(fix)?.some((earlier) => taken[earlier] === 1)) continue;
    taken[fix] = 1;
    indices.push(fix);
  }
  return indices;
}
