/// <reference types="mocha" />
// Features that land after the foundation (spelling, dictionary, date checks, hover, fix-all, formatting, per-rule
// settings). Each test FAILS when its feature is missing — none is skipped.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, codeActionsAt, createResume, describeActions, describeDiagnostics, findings, hoverText, lines,
  openWorkspaceFile, positionOf, vitaReady, waitForDiagnostics, waitForText, workspaceFile,
} from './helpers';

const TYPO = 'Softerware';

function typoResume(): string {
  return lines(
    'Jane Q. Doe',
    'jane.doe@example.com',
    '',
    'EXPERIENCE',
    `${TYPO} Engineer, Northwind Analytics`,
    'Jan 2019 – Mar 2021',
    '- Led the migration of forty services to a shared deployment pipeline.',
  );
}

async function typoFinding(document: vscode.TextDocument): Promise<vscode.Diagnostic> {
  const isTypo = (d: vscode.Diagnostic): boolean => document.getText(d.range) === TYPO;
  const all = await waitForDiagnostics(document.uri, (d) => findings(d, 'spelling').some(isTypo), 15_000,
    `a spelling finding on "${TYPO}"`);
  const finding = findings(all, 'spelling').find(isTypo);
  assert.ok(finding);
  return finding;
}

async function assertCommandRegistered(command: string): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  assert.ok(commands.includes(command), `command ${command} is not registered`);
}

/**
 * Sets `vita.rules.<rule>` in the workspace settings, whether the extension declares `vita.rules` as one object
 * setting (`{ "bullet-stray-glyph": "off" }`) or one setting per rule. `undefined` removes the entry.
 */
async function setRuleSeverity(rule: string, severity: string | undefined): Promise<void> {
  const vita = vscode.workspace.getConfiguration('vita');
  const target = vscode.ConfigurationTarget.Workspace;
  if (vita.inspect(`rules.${rule}`)?.defaultValue !== undefined) {
    await vita.update(`rules.${rule}`, severity, target);
    return;
  }
  const declared = vita.inspect<Record<string, string>>('rules');
  assert.ok(declared?.defaultValue !== undefined, 'neither vita.rules nor vita.rules.<rule> is a declared setting');
  const rules = { ...(declared.workspaceValue ?? {}) };
  if (severity === undefined) delete rules[rule];
  else rules[rule] = severity;
  await vita.update('rules', Object.keys(rules).length > 0 ? rules : undefined, target);
}

suite('features from later issues', () => {
  suiteSetup(async () => {
    await vitaReady();
  });

  test(`spelling: "${TYPO}" is flagged and "Change to 'Software'" fixes it`, async () => {
    const document = await createResume('spelling.resume', typoResume());
    const finding = await typoFinding(document);
    const actions = await codeActionsAt(document.uri, finding.range);
    const change = actions.find((a) => a.title === "Change to 'Software'");
    assert.ok(change, `no "Change to 'Software'" action; actions: ${describeActions(actions)}`);
    await applyCodeAction(change);
    await waitForText(document, (text) => text.includes('Software Engineer, Northwind') && !text.includes(TYPO), 10_000,
      `"${TYPO}" to become "Software"`);
    await waitForDiagnostics(document.uri, (d) => !findings(d, 'spelling').some((f) => document.getText(f.range) === TYPO),
      15_000, 'the spelling finding to go away');
  });

  test('spelling: "Add to workspace dictionary" writes .vita/words.txt and the finding goes away', async () => {
    const document = await createResume('dictionary.resume', typoResume());
    const finding = await typoFinding(document);
    const actions = await codeActionsAt(document.uri, finding.range);
    const add = actions.find((a) => a.command?.command === 'vita.addToWorkspaceDictionary');
    assert.ok(add, `no action running vita.addToWorkspaceDictionary; actions: ${describeActions(actions)}`);
    await applyCodeAction(add);
    await waitForDiagnostics(document.uri, (d) => !findings(d, 'spelling').some((f) => document.getText(f.range) === TYPO),
      15_000, `the spelling finding on "${TYPO}" to go away after adding it to the dictionary`);
    const words = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('.vita/words.txt')));
    assert.ok(words.split(/\r?\n/).some((w) => w.trim().toLowerCase() === TYPO.toLowerCase()),
      `.vita/words.txt does not list ${TYPO}:\n${words}`);
  });

  test('dates: a reversed range "Jun 2021 – Jan 2020" is flagged date-reversed', async () => {
    const document = await createResume('reversed.resume', lines(
      'Jane Q. Doe',
      '',
      'EXPERIENCE',
      'Platform Engineer, Northwind Analytics',
      'Jun 2021 – Jan 2020',
      '- Led the migration of forty services to a shared deployment pipeline.',
    ));
    const all = await waitForDiagnostics(document.uri, (d) => findings(d, 'date-reversed').length > 0, 15_000,
      'date-reversed');
    const [finding] = findings(all, 'date-reversed');
    assert.equal(finding.range.start.line, 4, `date-reversed on the wrong line: ${describeDiagnostics([finding])}`);
  });

  test('hover on a date range shows its duration', async () => {
    const document = await openWorkspaceFile('jane.resume');
    const position = positionOf(document, 'Jan 2019 – Mar 2021', 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /\d+\s*(yr|mo)/, `hover on "Jan 2019 – Mar 2021" shows no duration: ${JSON.stringify(text)}`);
  });

  test('vita.fixAll applies every fix in the active editor', async () => {
    await assertCommandRegistered('vita.fixAll');
    const document = await createResume('fix-all.resume', lines(
      'Jane Q. Doe',
      '',
      'EXPERIENCE',
      'Platform Engineer, Northwind Analytics',
      'Jan 2019 – Mar 2021',
      '- o Technologies: Linux',
      '- o Languages: Go, Python',
    ));
    await waitForDiagnostics(document.uri, (d) => findings(d, 'bullet-stray-glyph').length === 2, 15_000,
      'two bullet-stray-glyph findings');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('vita.fixAll');
    await waitForText(document, (text) => text.includes('- Technologies: Linux\n- Languages: Go, Python'), 10_000,
      'both stray glyphs to be removed');
    await waitForDiagnostics(document.uri, (d) => findings(d, 'bullet-stray-glyph').length === 0, 15_000,
      'no bullet-stray-glyph left');
  });

  test('format document returns edits, and formatting is idempotent', async () => {
    const document = await createResume('format.resume', [
      'Jane Q. Doe   ',
      '',
      '',
      '',
      'EXPERIENCE  ',
      'Platform Engineer, Northwind Analytics\t',
      'Jan 2019 – Mar 2021',
      '- Led the migration of forty services to a shared deployment pipeline.   ',
      '',
      '',
      '',
    ].join('\n'));
    const options = { tabSize: 2, insertSpaces: true };
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider', document.uri, options);
    assert.ok(edits && edits.length > 0, 'the formatter returned no edits for a document with trailing spaces and blank runs');
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit), 'applying the format edits failed');
    assert.ok(!/[ \t]+$/m.test(document.getText()), `trailing whitespace left after formatting:\n${document.getText()}`);
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider', document.uri, options);
    assert.equal(again?.length ?? 0, 0, `formatting twice changed the text again: ${JSON.stringify(again)}`);
  });

  test('setting vita.rules.bullet-stray-glyph to "off" removes its findings', async () => {
    const document = await createResume('settings.resume', lines(
      'Jane Q. Doe',
      '',
      'EXPERIENCE',
      'Platform Engineer, Northwind Analytics',
      'Jan 2019 – Mar 2021',
      '- o Technologies: Linux',
    ));
    await waitForDiagnostics(document.uri, (d) => findings(d, 'bullet-stray-glyph').length > 0, 15_000,
      'bullet-stray-glyph');
    await setRuleSeverity('bullet-stray-glyph', 'off');
    try {
      await waitForDiagnostics(document.uri, (d) => findings(d, 'bullet-stray-glyph').length === 0, 15_000,
        'bullet-stray-glyph findings to disappear once the rule is off');
    } finally {
      await setRuleSeverity('bullet-stray-glyph', undefined);
    }
    await waitForDiagnostics(document.uri, (d) => findings(d, 'bullet-stray-glyph').length > 0, 15_000,
      'bullet-stray-glyph findings to come back once the setting is removed');
  });
});
