import type { TextEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import { applyEdits } from '../edits';
import { parseResume } from '../model/parse';
import type { ResumeDocument } from '../model/types';
import type { OffsetEdit } from '../rules/types';
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
    const edits: OffsetEdit[] = [];
    for (const finding of runRules(current, context)) {
      const fix = finding.fixes?.find((candidate) => candidate.safe);
      if (!fix) continue;
      // A fix's edits go together or not at all: take it only when none of them overlaps an edit already taken.
      if (fix.edits.some((edit) => edits.some((taken) => overlaps(edit, taken)))) continue;
      edits.push(...fix.edits);
    }
    if (edits.length === 0) break;
    const result = applyEdits(current.text, edits);
    if (result.applied.length === 0 || result.text === current.text) break;
    applied += result.applied.length;
    current = parseResume(result.text);
  }
  const edits = diffEdits(doc.text, current.text);
  return { text: current.text, edits, textEdits: toTextEdits(doc, edits), applied };
}

/** Two edits touch the same text, or insert at the same place. */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}
