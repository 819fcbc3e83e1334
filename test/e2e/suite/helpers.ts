// Helpers for the end-to-end suite. Everything waits on a signal (an event, a promise, a condition) with a deadline
// and fails with what it saw; nothing sleeps for a fixed time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'vita-resume.vita';

/** What activate() returns. */
export interface VitaApi {
  ready: Promise<void>;
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder (open test/e2e/workspace or a copy of it)');
  return folder.uri;
}

export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

export function getExtension(): vscode.Extension<VitaApi> {
  const extension = vscode.extensions.getExtension<VitaApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in this window`);
  return extension;
}

export function withTimeout<T>(promise: Thenable<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([Promise.resolve(promise), deadline]).finally(() => clearTimeout(timer));
}

/**
 * Waits for a condition that no event announces (e.g. `Extension.isActive`), checking it every 25 ms.
 * Prefer an event-based helper when one exists.
 */
export async function waitForCondition(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Activates the extension if needed and waits for its language client to be running. */
export async function vitaReady(): Promise<VitaApi> {
  const extension = getExtension();
  const api = await withTimeout(extension.activate(), 20_000, `activation of ${EXTENSION_ID}`);
  assert.ok(api && typeof api.ready?.then === 'function', 'activate() must return { ready: Promise<void> }');
  await withTimeout(api.ready, 20_000, 'the API\'s `ready` (language client running)');
  return api;
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.source ?? '?'}(${codeOf(d)}) ${d.message}`)
    .join('; ');
}

/** The vita findings with this code. */
export function findings(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'vita' && codeOf(d) === code);
}

/**
 * Resolves with the document's diagnostics once `predicate` holds for them: checks now, then on every
 * `languages.onDidChangeDiagnostics` for this URI. Rejects after `timeoutMs`, listing what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 15_000,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const check = (): void => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!settled && predicate(diagnostics)) {
        settled = true;
        cleanup();
        resolve(diagnostics);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      settled = true;
      cleanup();
      const have = describeDiagnostics(vscode.languages.getDiagnostics(uri));
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${basename(uri)}; diagnostics: ${have}`));
    }, timeoutMs);
    function cleanup(): void {
      subscription.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/** Resolves once the document's text satisfies `predicate` (checked now and on every change). */
export function waitForText(
  document: vscode.TextDocument,
  predicate: (text: string) => boolean,
  timeoutMs = 10_000,
  what = 'the expected text',
): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const check = (): void => {
      const text = document.getText();
      if (!settled && predicate(text)) {
        settled = true;
        cleanup();
        resolve(text);
      }
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document) check();
    });
    const timer = setTimeout(() => {
      settled = true;
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${basename(document.uri)}; text:\n${document.getText()}`));
    }, timeoutMs);
    function cleanup(): void {
      subscription.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Opens a file of the test workspace in an editor. */
export async function openWorkspaceFile(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Writes a new résumé into the test workspace (a temp copy) and opens it, so tests that edit never share a file. */
export async function createResume(name: string, text: string): Promise<vscode.TextDocument> {
  await vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));
  return openWorkspaceFile(name);
}

/** Lines joined with \n; keeps fixtures readable in the tests. */
export function lines(...content: string[]): string {
  return `${content.join('\n')}\n`;
}

export function positionOf(document: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not found in ${basename(document.uri)}`);
  return document.positionAt(index + offsetInNeedle);
}

/** Code actions VS Code offers for a range, with lazily resolved edits resolved. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const result = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, undefined, 100);
  // A bare Command has `command: string`; a CodeAction's `command` (if any) is a Command object.
  return (result ?? []).filter((item): item is vscode.CodeAction => typeof item.command !== 'string');
}

export function describeActions(actions: readonly vscode.CodeAction[]): string {
  return actions.length === 0 ? '(none)' : actions.map((a) => `"${a.title}"${a.command ? ` [${a.command.command}]` : ''}`).join(', ');
}

/** Applies a code action the way the editor does: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `workspace.applyEdit failed for "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  assert.ok(action.edit || action.command, `code action "${action.title}" has neither an edit nor a command`);
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}
