/// <reference types="mocha" />
// The editor experience (issue 17) and the job match (issue 18) inside a real VS Code: one outline for a Markdown
// résumé (its own, after edits too), Markdown's preview one command away, one count of findings everywhere, the
// leftover fix, Fix All's feedback, the timeline view, and matching against a job description. Each test fails when
// its feature is missing; none sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, codeActionsAt, createResume, describeActions, describeDiagnostics, findings, getExtension, lines,
  openWorkspaceFile, vitaReady, waitForCondition, waitForDiagnostics, waitForText, workspaceFile,
} from './helpers';

/** What the extension's API gives its tests beyond `ready`. */
interface EditorApi {
  summaryText(): string;
  timeline: { state(): { resume: string; entries: number } | undefined; click(line: number): Promise<void> };
  match: { text(): string; state(): { resume: string; job: string; coverage: number; terms: number } | undefined; update(): Promise<void> };
}

async function api(): Promise<EditorApi> {
  await vitaReady();
  return getExtension().exports as unknown as EditorApi;
}

type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;
async function symbolsOf(uri: vscode.Uri): Promise<AnySymbol[]> {
  return (await vscode.commands.executeCommand<AnySymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

/** The findings the Problems panel lists for vita (errors, warnings, infos), and the hints apart. */
function problemCounts(uri: vscode.Uri): { problems: number; hints: number } {
  const vita = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vita');
  return { problems: vita.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).length, hints: vita.filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).length };
}

suite('the editor around vita', () => {
  suiteSetup(async () => {
    await vitaReady();
  });

  test('resume.md opens in the resume language, with one outline — vita\'s — before and after an edit; notes.md stays Markdown', async () => {
    const document = await openWorkspaceFile('resume.md');
    assert.equal(document.languageId, 'resume');
    const notes = await openWorkspaceFile('notes.md');
    assert.equal(notes.languageId, 'markdown');
    const check = async (when: string) => {
      const top = (await symbolsOf(document.uri)).map((s) => s.name);
      // Two providers (Markdown's headings and vita's sections) would list each section twice.
      assert.equal(new Set(top).size, top.length, `${when}: a section is listed twice: ${JSON.stringify(top)}`);
      for (const section of ['Experience', 'Education']) assert.ok(top.some((name) => name.includes(section)), `${when}: no ${section} section in ${JSON.stringify(top)}`);
    };
    await check('on open');
    const editor = await vscode.window.showTextDocument(document);
    const before = document.version;
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), '- Mentored three new engineers.\n'));
    await waitForCondition(() => document.version > before, 5_000, 'the edit to apply');
    await check('after an edit');
  });

  test('"vita: Open Preview to the Side" opens Markdown\'s preview of a résumé that opens in the resume language', async () => {
    const document = await openWorkspaceFile('resume.md');
    await vscode.commands.executeCommand('vita.showPreview');
    const previewOpen = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => /preview/i.test(tab.label) && tab.label.includes('resume.md'));
    await waitForCondition(previewOpen, 15_000, `a preview tab of ${document.fileName}`);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });

  test('one count everywhere: the status item says as many findings as the Problems panel lists (hints apart)', async () => {
    const vita = await api();
    const document = await createResume('count.resume', lines(
      'Ada Ferreira',
      'ada.ferreira@example.com',
      '',
      'EXPERIENCE',
      'Platform Engineer, Northwind Analytics, Jan 2019 – Mar 2021',
      '- o Cut the deploy time by 40%.',
      '- Responsible for the release train.',
      '- Moved the team from Github to GitHub Actions .',
    ));
    await waitForDiagnostics(document.uri, (all) => findings(all, 'bullet-stray-glyph').length > 0, 15_000, 'the stray glyph');
    const { problems, hints } = problemCounts(document.uri);
    assert.ok(problems > 0 && hints > 0, `a fixture with problems and hints: ${describeDiagnostics(vscode.languages.getDiagnostics(document.uri))}`);
    const wanted = `${problems} ${problems === 1 ? 'finding' : 'findings'}`;
    await waitForCondition(() => vita.summaryText().endsWith(wanted), 15_000, `the status item to say "${wanted}" (it says "${vita.summaryText()}")`);
    // The summary the command opens says the same.
    await vscode.commands.executeCommand('vita.showSummary');
    await waitForCondition(() => vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'vita-summary'), 10_000, 'the summary document');
    const summary = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'vita-summary')!.getText();
    assert.match(summary, new RegExp(`Findings: ${problems}\\b`), summary);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });

  test('contact-leftover: one quick fix removes every template leftover of a converted header line', async () => {
    const document = await createResume('leftover.resume', lines(
      'HALVARD OKONJO',
      '',
      ' $\\checkmark$  555.010.2030 •  $\\blacksquare$  halvard@example.com •  $\\textdegree$  Website • **in** halvard-okonjo',
      '',
      'EXPERIENCE',
      'Designer, Quillfeather Studio, 2021 – 2024',
      '- Built the booking system used by 40 studios.',
    ));
    const all = await waitForDiagnostics(document.uri, (d) => findings(d, 'contact-leftover').length >= 5, 15_000, 'five contact-leftover findings');
    const [first] = findings(all, 'contact-leftover');
    const actions = await codeActionsAt(document.uri, first.range);
    const all5 = actions.find((a) => /^Remove the \d+ leftovers on this line$/.test(a.title));
    assert.ok(all5, `no "Remove the … leftovers" action: ${describeActions(actions)}`);
    await applyCodeAction(all5);
    await waitForText(document, (text) => text.split('\n')[2] === '555.010.2030 • halvard@example.com • halvard-okonjo', 10_000, 'the tidy contact line');
    await waitForDiagnostics(document.uri, (d) => findings(d, 'contact-leftover').length === 0, 15_000, 'the leftovers to go');
  });

  test('vita: Fix All Auto-Fixable Problems says what it did', async () => {
    const document = await createResume('fixall-count.resume', lines('Ada Ferreira', 'ada@example.com', '', 'EXPERIENCE', 'Engineer, Northwind, 2019 – 2021', '- o Cut costs by 10%.', '- Shipped   the app.   '));
    await waitForDiagnostics(document.uri, (d) => findings(d, 'bullet-stray-glyph').length > 0, 15_000, 'the stray glyph');
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<{ applied: number }>('vita.fixAll');
    assert.equal(result?.applied, 3, 'a glyph, a run of spaces and trailing spaces');
    await waitForText(document, (text) => text.includes('- Cut costs by 10%.\n- Shipped the app.\n'), 10_000, 'the fixed text');
  });

  test('the timeline view opens beside the résumé and a click on a bar reveals the entry', async () => {
    const vita = await api();
    const document = await openWorkspaceFile('resume.md');
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('vita.showTimeline');
    await waitForCondition(() => (vita.timeline.state()?.entries ?? 0) > 0, 15_000, 'the timeline to draw its entries');
    assert.equal(vita.timeline.state()!.resume, document.uri.toString());
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('### Senior Platform Engineer'));
    assert.ok(line > 0);
    await vita.timeline.click(line);
    await waitForCondition(() => vscode.window.activeTextEditor?.document.uri.toString() === document.uri.toString() && vscode.window.activeTextEditor.selection.active.line === line, 10_000, `the cursor on line ${line + 1}`);
  });

  test('matching against a job: hints where evidence is missing, the coverage in the status item, the terms in the view', async () => {
    const vita = await api();
    await vscode.workspace.fs.writeFile(workspaceFile('job.md'), new TextEncoder().encode(lines('# Platform Engineer', '', '## Requirements', '', '- Python', '- Kubernetes', '- PostgreSQL')));
    const document = await openWorkspaceFile('resume.md');
    await vscode.commands.executeCommand('vita.matchJob', workspaceFile('job.md'));
    const all = await waitForDiagnostics(document.uri, (d) => findings(d, 'job-evidence').length > 0, 15_000, 'job-evidence hints');
    assert.ok(findings(all, 'job-evidence').some((d) => /Kubernetes: required by the job, not in the résumé/.test(d.message)), describeDiagnostics(findings(all, 'job-evidence')));
    await waitForCondition(() => /^job: \d+%$/.test(vita.match.text()), 10_000, `the status item to show the coverage (it says "${vita.match.text()}")`);
    const state = vita.match.state();
    assert.ok(state && state.terms === 3 && state.job.endsWith('job.md'), JSON.stringify(state));
    // The hover on a skill the job asks for names the requirement.
    const position = document.positionAt(document.getText().indexOf('Python'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /\*\*Python\*\*[^*]* answers a required term of the job/);
    // Stop matching: the hints go.
    await vscode.commands.executeCommand('vita.matchJob', '');
    await waitForDiagnostics(document.uri, (d) => findings(d, 'job-evidence').length === 0, 15_000, 'the hints to go');
  });
});
