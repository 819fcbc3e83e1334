import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type VitaDiagnosticData } from './diagnostics';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * Quick fixes for the diagnostics the client sends back: each fix travelled in `Diagnostic.data`, so no
 * rule runs here.
 */
export function quickFixes(uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
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
  }
  return actions;
}
