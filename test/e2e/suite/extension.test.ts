/// <reference types="mocha" />
// The foundation, checked inside a real VS Code extension host: activation, the Markdown route, document symbols,
// a diagnostic with its quick fix, folding ranges and document links. Every test fails loudly when its feature is
// missing; none of them sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, applyCodeAction, codeActionsAt, codeOf, createResume, describeActions, describeDiagnostics, findings,
  getExtension, lines, openWorkspaceFile, vitaReady, waitForCondition, waitForDiagnostics, waitForText,
} from './helpers';

suite('activation', () => {
  test(`${EXTENSION_ID} is present (and, for a .vsix run, is the installed copy)`, () => {
    const extension = getExtension();
    console.log(`    extension under test: ${extension.extensionPath}`);
    const expectedUnder = process.env.VITA_E2E_EXPECT_EXTENSION_UNDER;
    if (expectedUnder) {
      assert.ok(extension.extensionPath.startsWith(expectedUnder),
        `expected the installed extension under ${expectedUnder}, got ${extension.extensionPath}`);
    }
  });

  test('opening a .resume file activates the extension (language resume) and its API becomes ready', async () => {
    const extension = getExtension();
    const document = await openWorkspaceFile('jane.resume');
    assert.equal(document.languageId, 'resume');
    // No event announces activation; opening the document must trigger it (onLanguage:resume).
    await waitForCondition(() => extension.isActive, 15_000, 'activation after opening jane.resume');
    await vitaReady();
    await waitForDiagnostics(document.uri, (all) => all.some((d) => d.source === 'vita'), 15_000, 'any vita diagnostic');
  });

  test('a résumé named resume.md opens in the resume language and is served; other Markdown is not', async () => {
    await vitaReady();
    const notes = await openWorkspaceFile('notes.md');
    const resume = await openWorkspaceFile('resume.md');
    assert.equal(resume.languageId, 'resume');
    await waitForDiagnostics(resume.uri, (all) => findings(all, 'bullet-stray-glyph').length > 0, 15_000,
      'bullet-stray-glyph on resume.md');
    const onNotes = vscode.languages.getDiagnostics(notes.uri).filter((d) => d.source === 'vita');
    assert.equal(onNotes.length, 0, `notes.md is not a résumé but has vita findings: ${describeDiagnostics(onNotes)}`);
  });
});

suite('language features', () => {
  suiteSetup(async () => {
    await vitaReady();
  });

  test('document symbols list the sections', async () => {
    const document = await openWorkspaceFile('jane.resume');
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
      'vscode.executeDocumentSymbolProvider', document.uri);
    const names: string[] = [];
    const collect = (items: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): void => {
      for (const item of items) {
        names.push(item.name);
        if ('children' in item) collect(item.children);
      }
    };
    collect(symbols ?? []);
    for (const section of ['Summary', 'Experience', 'Education', 'Skills']) {
      assert.ok(names.some((name) => name.toLowerCase().includes(section.toLowerCase())),
        `no symbol for the ${section} section; symbols: ${JSON.stringify(names)}`);
    }
  });

  test('bullet-stray-glyph is reported on "- o Technologies: Linux" and its quick fix removes the glyph', async () => {
    const document = await createResume('stray-glyph.resume', lines(
      'Jane Q. Doe',
      'jane.doe@example.com',
      '',
      'EXPERIENCE',
      'Platform Engineer, Northwind Analytics',
      'Jan 2019 – Mar 2021',
      '- o Technologies: Linux',
    ));
    const all = await waitForDiagnostics(document.uri, (d) => findings(d, 'bullet-stray-glyph').length > 0, 15_000,
      'bullet-stray-glyph');
    const [finding] = findings(all, 'bullet-stray-glyph');
    assert.equal(finding.range.start.line, 6, `finding on the wrong line: ${describeDiagnostics([finding])}`);
    assert.equal(finding.source, 'vita');

    const actions = await codeActionsAt(document.uri, finding.range);
    const fix = actions.find((a) => a.diagnostics?.some((d) => codeOf(d) === 'bullet-stray-glyph'))
      ?? actions.find((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    assert.ok(fix, `no quick fix for bullet-stray-glyph; actions: ${describeActions(actions)}`);
    await applyCodeAction(fix);
    await waitForText(document, (text) => text.split('\n')[6] === '- Technologies: Linux', 10_000,
      'line 7 to read "- Technologies: Linux"');
    await waitForDiagnostics(document.uri, (d) => findings(d, 'bullet-stray-glyph').length === 0, 15_000,
      'the fixed finding to go away');
  });

  test('folding ranges cover the sections', async () => {
    const document = await openWorkspaceFile('jane.resume');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(ranges && ranges.length > 0, 'no folding ranges');
    const experience = document.getText().split('\n').indexOf('EXPERIENCE');
    assert.ok(ranges.some((r) => r.start === experience && r.end > experience + 3),
      `no folding range starts at the EXPERIENCE heading (line ${experience}); ranges: ${JSON.stringify(ranges)}`);
  });

  test('document links include the mailto: of the e-mail address', async () => {
    const document = await openWorkspaceFile('jane.resume');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>(
      'vscode.executeLinkProvider', document.uri, 100);
    const targets = (links ?? []).map((link) => link.target?.toString(true) ?? '(unresolved)');
    assert.ok(targets.some((t) => t.startsWith('mailto:jane.doe@example.com')), `no mailto link; links: ${JSON.stringify(targets)}`);
  });
});
