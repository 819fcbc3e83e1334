/// <reference types="mocha" />
// Crash containment inside a real VS Code: when the language server process dies, the client restarts it (the
// default error handler of vscode-languageclient, which extension.ts keeps) and diagnostics come back. The server's
// process id comes from the `vita/serverInfo` request. Nothing sleeps: every step waits on an event with a deadline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  createResume, describeDiagnostics, findings, getExtension, lines, vitaReady, waitForDiagnostics, withTimeout,
} from './helpers';

interface RestartableApi {
  ready: Promise<void>;
  serverInfo(): Promise<{ name: string; version: string; pid: number }>;
  onDidChangeState: vscode.Event<{ running: boolean }>;
}

/** Resolves on the first state change for which `predicate` holds. */
function nextState(api: RestartableApi, predicate: (state: { running: boolean }) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const subscription = api.onDidChangeState((state) => {
      if (!predicate(state)) return;
      subscription.dispose();
      resolve();
    });
  });
}

suite('crash containment', () => {
  test('a killed server is restarted by the client and diagnostics come back', async () => {
    await vitaReady();
    const api = (await getExtension().activate()) as unknown as RestartableApi;
    assert.equal(typeof api.serverInfo, 'function', 'activate() must return serverInfo()');
    assert.equal(typeof api.onDidChangeState, 'function', 'activate() must return onDidChangeState');

    const document = await createResume('restart.resume', lines(
      'Jane Q. Doe',
      'jane.doe@example.com',
      '',
      'EXPERIENCE',
      'Platform Engineer, Northwind Analytics',
      'Jan 2019 – Mar 2021',
      '- o Technologies: Linux',
    ));
    await waitForDiagnostics(document.uri, (d) => findings(d, 'bullet-stray-glyph').length > 0, 15_000, 'bullet-stray-glyph before the crash');

    const before = await withTimeout(api.serverInfo(), 10_000, 'vita/serverInfo');
    assert.ok(Number.isInteger(before.pid) && before.pid > 0, `no pid in ${JSON.stringify(before)}`);

    const stopped = nextState(api, (state) => !state.running);
    const restarted = stopped.then(() => nextState(api, (state) => state.running));
    process.kill(before.pid, 'SIGKILL');
    await withTimeout(stopped, 15_000, 'the client to notice the server died');
    await withTimeout(restarted, 30_000, 'the client to restart the server');

    const after = await withTimeout(api.serverInfo(), 10_000, 'vita/serverInfo after the restart');
    assert.notEqual(after.pid, before.pid, 'a new server process serves the client');

    // The new server checks the document: an edit that adds a second stray glyph is reported on its line.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(7, 0), '- • Kubernetes, Terraform\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const all = await waitForDiagnostics(document.uri,
      (d) => findings(d, 'bullet-stray-glyph').some((f) => f.range.start.line === 7), 20_000,
      'bullet-stray-glyph on the line added after the restart');
    assert.ok(findings(all, 'bullet-stray-glyph').some((f) => f.range.start.line === 6), `the first finding is back too: ${describeDiagnostics(all)}`);
  });
});
