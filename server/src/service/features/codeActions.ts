import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { ResumeDocument } from '../model/types';
import { offsetToPosition } from '../positions';
import { DIAGNOSTIC_SOURCE, type VitaDiagnosticData } from './diagnostics';
import { SPELLING_RULES, spellingActions, type SpellingActionOptions } from './spellingActions';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
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
 * Quick fixes for the diagnostics the client sends back: each fix travelled in `Diagnostic.data`, so no
 * rule runs here (spelling findings carry only their word; `spelling.suggest` is asked for suggestions now). With the document's model, every vita diagnostic also gets "Disable <rule> for this line /
 * for this file".
 */
export function quickFixes(uri: string, range: Range, diagnostics: readonly Diagnostic[], doc?: ResumeDocument, spelling: SpellingActionOptions = {}): CodeAction[] {
  const actions: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const offered = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !overlaps(diagnostic.range, range)) continue;
    const data = diagnostic.data as VitaDiagnosticData | undefined;
    const fixes = Array.isArray(data?.fixes) ? data.fixes : [];
    fixes.forEach((fix, index) => {
      if (!fix || typeof fix.title !== 'string' || !Array.isArray(fix.edits)) return;
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: { changes: { [uri]: fix.edits } },
      });
    });
    const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    // Spelling: "Change to" suggestions (computed now, on request), add to a dictionary, ignore in this file.
    if (ruleId && SPELLING_RULES.has(ruleId)) actions.push(...spellingActions(uri, diagnostic, doc, spelling));
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
