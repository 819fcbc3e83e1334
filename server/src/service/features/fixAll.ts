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
}

/**
 * Applies every safe fix of every enabled rule (never spelling guesses or style rewrites: those are not safe),
 * as "Fix All" on save, the `vita.fixAll` command and `vita check --fix` do. Each round applies the fixes that do
 * not overlap, then parses and checks the new text again, until nothing fixable is left or MAX_FIX_ROUNDS.
 * Settings and `vita-disable` comments are honoured: a rule that is off fixes nothing.
 */
export function fixAll(doc: ResumeDocument, context: ServiceContext): FixAllResult {
  let current = doc;
  let applied = 0;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const fixes: (readonly OffsetEdit[])[] = [];
    for (const finding of runRules(current, context)) {
      const fix = finding.fixes?.find((candidate) => candidate.safe);
      if (fix && fix.edits.length > 0) fixes.push(fix.edits);
    }
    const edits = compatibleFixes(fixes);
    if (edits.length === 0) break;
    const result = applyEdits(current.text, edits);
    if (result.applied.length === 0 || result.text === current.text) break;
    applied += result.applied.length;
    current = parseResume(result.text);
  }
  const edits = diffEdits(doc.text, current.text);
  return { text: current.text, edits, textEdits: toTextEdits(doc, edits), applied };
}

/**
 * The edits of the fixes to apply together, in the fixes' order of priority: a fix's edits go together or not at
 * all, and a fix is taken only when none of its edits overlaps (or inserts at the same place as) an edit of a fix
 * taken before it. The edits are sorted once and swept to find which fixes clash, so this is linear in the edits
 * (plus the clashes), not a comparison of every fix with every fix taken.
 */
export function compatibleFixes(fixes: readonly (readonly OffsetEdit[])[]): OffsetEdit[] {
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
  const edits: OffsetEdit[] = [];
  fixes.forEach((fixEdits, fix) => {
    if (clashes.get(fix)?.some((earlier) => taken[earlier] === 1)) return;
    taken[fix] = 1;
    for (const edit of fixEdits) edits.push(edit);
  });
  return edits;
}
