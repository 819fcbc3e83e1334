import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { dictionaryWordProblem } from '../../protocol';
import { firstIndexWith } from '../model/spans';
import type { ResumeDocument } from '../model/types';
import { offsetToPosition } from '../positions';
import { DIAGNOSTIC_SOURCE, type DiagnosticFix, type VitaDiagnosticData } from './diagnostics';
import { ADD_TO_USER_DICTIONARY_COMMAND, ADD_TO_WORKSPACE_DICTIONARY_COMMAND, SPELLING_RULES, spellingActions, type SpellingActionOptions } from './spellingActions';

const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character <= q.character);
const samePosition = (p: Position, q: Position) => p.line === q.line && p.character === q.character;

function overlaps(a: Range, b: Range): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}

function isPosition(value: unknown): value is Position {
  const p = value as Position | null | undefined;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
}

/** A well-formed range: what the client sends back is checked before anything reads it. */
export function isRange(value: unknown): value is Range {
  const r = value as Range | null | undefined;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end) && before(r.start, r.end);
}

/** Whether a position is inside the document's text (a character at most at its line's end). */
function insideText(doc: ResumeDocument, p: Position): boolean {
  const line = doc.lines[p.line];
  return line !== undefined && p.character <= line.end - line.start;
}

/** A fix whose every edit is well formed and inside the document; anything else (a forged `data`) is refused. */
function isApplicable(fix: DiagnosticFix | undefined, doc: ResumeDocument | undefined): fix is DiagnosticFix {
  if (typeof fix !== 'object' || fix === null || typeof fix.title !== 'string' || !Array.isArray(fix.edits) || fix.edits.length === 0) return false;
  return fix.edits.every((edit) => typeof edit === 'object' && edit !== null && typeof edit.newText === 'string' && isRange(edit.range) && (!doc || (insideText(doc, edit.range.start) && insideText(doc, edit.range.end))));
}

/**
 * The diagnostic of `current` (the server's diagnostics of the document's text now, sorted by range start) that
 * `diagnostic` is, as the client holds it: same source, rule, range and message. Undefined when there is none: the
 * client's diagnostic was made for another text (VS Code moves a diagnostic's range as the user types but not its
 * `data`), or was never vita's.
 */
export function currentDiagnostic(diagnostic: Diagnostic, current: readonly Diagnostic[]): Diagnostic | undefined {
  for (let i = firstIndexWith(current, (d) => before(diagnostic.range.start, d.range.start)); i < current.length && samePosition(current[i].range.start, diagnostic.range.start); i++) {
    const candidate = current[i];
    if (samePosition(candidate.range.end, diagnostic.range.end) && candidate.code === diagnostic.code && candidate.message === diagnostic.message && candidate.source === diagnostic.source) return candidate;
  }
  return undefined;
}

/** "Add 'w' to … dictionary" of a word no dictionary may hold (an invisible or control character in it). */
function addsUnfitWord(action: CodeAction): boolean {
  const command = action.command?.command;
  if (command !== ADD_TO_WORKSPACE_DICTIONARY_COMMAND && command !== ADD_TO_USER_DICTIONARY_COMMAND) return false;
  const word = (action.command?.arguments?.[0] as { word?: unknown } | undefined)?.word;
  return typeof word !== 'string' || dictionaryWordProblem(word) !== undefined;
}

/** The document's line break, as its first line ends. */
function lineBreak(doc: ResumeDocument): string {
  const first = doc.lines[0];
  return first.next > first.end ? doc.text.slice(first.end, first.next) : '\n';
}

/**
 * "Disable <rule> for this line" (a `vita-disable-next-line` comment above the line, at its indentation, or the
 * id added to one already there) and "… for this file" (a `vita-disable` comment at the top, after front matter).
 */
function disableActions(uri: string, diagnostic: Diagnostic, ruleId: string, doc: ResumeDocument): CodeAction[] {
  const eol = lineBreak(doc);
  const lineIndex = Math.min(diagnostic.range.start.line, doc.lines.length - 1);
  const line = doc.lines[lineIndex];
  const indent = /^[ \t]*/.exec(line.text)![0];
  const above = doc.directives.find((d) => d.kind === 'disable-next-line' && d.line === lineIndex - 1 && d.rules.length > 0);
  let lineEdit: TextEdit;
  if (above) {
    const close = doc.text.lastIndexOf('-->', above.end);
    lineEdit = { range: { start: offsetToPosition(doc.lines, close), end: offsetToPosition(doc.lines, close) }, newText: `${ruleId} ` };
  } else {
    lineEdit = { range: { start: { line: lineIndex, character: 0 }, end: { line: lineIndex, character: 0 } }, newText: `${indent}<!-- vita-disable-next-line ${ruleId} -->${eol}` };
  }
  const frontMatter = doc.skipRegions.find((region) => region.kind === 'front-matter');
  const fileLine = frontMatter ? offsetToPosition(doc.lines, frontMatter.end).line + 1 : 0;
  const fileAt = { line: fileLine, character: 0 };
  const fileEdit: TextEdit =
    fileLine < doc.lines.length
      ? { range: { start: fileAt, end: fileAt }, newText: `<!-- vita-disable ${ruleId} -->${eol}` }
      : { range: { start: offsetToPosition(doc.lines, doc.text.length), end: offsetToPosition(doc.lines, doc.text.length) }, newText: `${eol}<!-- vita-disable ${ruleId} -->` };
  return [
    { title: `Disable ${ruleId} for this line`, kind: 'quickfix', diagnostics: [diagnostic], edit: { changes: { [uri]: [lineEdit] } } },
    { title: `Disable ${ruleId} for this file`, kind: 'quickfix', diagnostics: [diagnostic], edit: { changes: { [uri]: [fileEdit] } } },
  ];
}

/**
 * Quick fixes for the diagnostics the client sends back. A fix travelled in `Diagnostic.data`, so no rule runs here
 * (spelling findings carry only their word; `spelling.suggest` is asked for suggestions now). With `current` — the
 * server's diagnostics of the document's text now — a fix is never taken from the client's copy: each diagnostic is
 * matched to its current twin (same rule, range and message) and the twin's fixes are offered; a diagnostic with no
 * twin was made for another text and gets no action at all. Every edit offered lies inside the document (`doc`); a
 * forged `data` is refused. With the document's model, every vita diagnostic also gets "Disable <rule> for this line /
 * for this file".
 */
export function quickFixes(
  uri: string,
  range: Range,
  diagnostics: readonly Diagnostic[],
  doc?: ResumeDocument,
  spelling: SpellingActionOptions = {},
  current?: readonly Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const offered = new Set<string>();
  if (!isRange(range) || !Array.isArray(diagnostics)) return [];
  for (const given of diagnostics) {
    if (typeof given !== 'object' || given === null || given.source !== DIAGNOSTIC_SOURCE || !isRange(given.range) || !overlaps(given.range, range)) continue;
    const diagnostic = current ? currentDiagnostic(given, current) : given;
    if (!diagnostic) continue;
    const data = diagnostic.data as VitaDiagnosticData | undefined;
    const fixes = Array.isArray(data?.fixes) ? data.fixes : [];
    let preferred = true;
    for (const fix of fixes) {
      if (!isApplicable(fix, doc)) continue;
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [given],
        isPreferred: preferred,
        edit: { changes: { [uri]: fix.edits } },
      });
      preferred = false;
    }
    const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    // Spelling: "Change to" suggestions (computed now, on request), add to a dictionary, ignore in this file.
    if (ruleId && SPELLING_RULES.has(ruleId) && (!doc || (insideText(doc, diagnostic.range.start) && insideText(doc, diagnostic.range.end)))) {
      actions.push(...spellingActions(uri, diagnostic, doc, spelling).filter((action) => !addsUnfitWord(action)));
    }
    if (doc && ruleId) {
      for (const action of disableActions(uri, diagnostic, ruleId, doc)) {
        const key = action.title.endsWith('for this file') ? action.title : `${action.title}@${diagnostic.range.start.line}`;
        if (offered.has(key)) continue;
        offered.add(key);
        disables.push(action);
      }
    }
  }
  // The rules' own fixes first, then the ways to silence them.
  return [...actions, ...disables];
}
