import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, type ErrorHandler, ErrorAction, LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { type ApplyFixAllResult, ClientCommands, dictionaryWordProblem, type InitializationOptions, RESUME_FILE_GLOB, type ServerInfo, ServerCommands, ServerInfoRequest } from '../../server/src/protocol';
import { type MatchView, registerMatch, RememberedJobs } from './match';
import { explicitSettings } from './settings';
import { registerSummary } from './summary';
import { registerTimeline, type TimelineView } from './timeline';

let client: LanguageClient | undefined;

/** What the extension exports: tests and other extensions wait on `ready`. */
export interface VitaApi {
  ready: Promise<void>;
  /** The server's answer to `vita/serverInfo`: its name, version and process id. */
  serverInfo(): Promise<ServerInfo>;
  /**
   * Fires when the language client's state changes; `running` is true once it serves again. The client keeps
   * vscode-languageclient's default error handler, which restarts a crashed server (up to 4 times in 3 minutes).
   */
  onDidChangeState: vscode.Event<{ running: boolean }>;
  /** The timeline view ("vita: Show Résumé Timeline"), for tests. */
  timeline: TimelineView;
  /** The job match (status item and view), for tests. */
  match: MatchView;
  /** The summary status item's text (`412 words · 1 page · 3 findings`), for tests. */
  summaryText(): string;
}

function documentSelector(): vscode.DocumentFilter[] {
  const extra = vscode.workspace.getConfiguration('vita').get<unknown>('files');
  const globs = Array.isArray(extra) ? extra.filter((glob): glob is string => typeof glob === 'string' && glob.length > 0) : [];
  return [
    { language: 'resume' },
    { language: 'markdown', pattern: RESUME_FILE_GLOB },
    { language: 'plaintext', pattern: RESUME_FILE_GLOB },
    ...globs.map((pattern) => ({ pattern, scheme: 'file' })),
  ];
}

export function activate(context: vscode.ExtensionContext): VitaApi {
  const jobs = new RememberedJobs(context.workspaceState);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector() as LanguageClientOptions['documentSelector'],
    errorHandler: restartingErrorHandler(),
    diagnosticPullOptions: { onChange: true, onSave: true },
    // The server offers "Add 'w' to user dictionary" only to clients that run `vita.addToUserDictionary`; in an
    // untrusted workspace a `.vita/config.json` may not set the restricted settings.
    initializationOptions: { userDictionaryCommand: true, workspaceTrusted: vscode.workspace.isTrusted } satisfies InitializationOptions,
    // `.vita/config.json` and `.vita/words.txt` changes reach the server (didChangeWatchedFiles), which sets up and
    // checks every résumé again.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.vita/{config.json,words.txt}') },
    middleware: {
      // Format Document says what it did, in the status bar (a formatter runs on save too: no pop-up).
      provideDocumentFormattingEdits: async (document, options, token, next) => {
        const edits = await next(document, options, token);
        const count = edits?.length ?? 0;
        vscode.window.setStatusBarMessage(count > 0 ? `$(check) vita: formatted ${path.basename(document.uri.path)} (${count} ${count === 1 ? 'change' : 'changes'})` : '$(check) vita: already formatted', 4000);
        return edits;
      },
      workspace: {
        // Only the settings the user set explicitly go to the server: a setting left at its default must not hide
        // what the project's `.vita/config.json` says (an explicit setting wins over the file).
        configuration: (params, token, next) =>
          params.items.every((item) => item.section === 'vita')
            ? params.items.map((item) => {
                const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
                return explicitSettings(scope, jobs.jobFor(scope));
              })
            : next(params, token),
      },
    },
  };
  client = new LanguageClient('vita', 'vita', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
      await client?.restart();
    }),
    // "vita: Fix All": the server applies every safe fix to the active résumé through workspace/applyEdit.
    vscode.commands.registerCommand(ClientCommands.fixAll, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor || !isResume(editor.document)) {
        void vscode.window.showInformationMessage('vita: open a résumé to fix.');
        return;
      }
      const { document } = editor;
      const result = await client.sendRequest<ApplyFixAllResult | null>('workspace/executeCommand', {
        command: ServerCommands.applyFixAll,
        arguments: [{ uri: client.code2ProtocolConverter.asUri(document.uri), version: document.version }],
      });
      // Say what was done, as a formatter's status does: the count, or why nothing changed.
      const applied = result?.applied ?? 0;
      const name = path.basename(document.uri.path);
      void vscode.window.showInformationMessage(
        applied > 0 ? `vita: fixed ${applied} ${applied === 1 ? 'problem' : 'problems'} in ${name}.` : `vita: nothing to fix automatically in ${name}; what is left needs your decision (see the quick fixes).`,
      );
      return result ?? { applied: 0 };
    }),
    // Résumés named resume.md / cv.md open in the `resume` language (one outline: vita's); Markdown's preview stays one
    // command away.
    vscode.commands.registerCommand(ClientCommands.showPreview, async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target) return;
      await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
    }),
    // "Add 'w' to user dictionary" (a spelling quick fix): the word joins the global `vita.spelling.words`; the
    // settings change reaches the server as didChangeConfiguration, which checks every résumé again.
    vscode.commands.registerCommand(ClientCommands.addToUserDictionary, async (target?: { word?: unknown }) => {
      const word = typeof target?.word === 'string' ? target.word.trim() : '';
      // A word with a space, a control or an invisible character (U+200B, U+202E, U+0085…) never reaches the settings.
      const problem = dictionaryWordProblem(word);
      if (problem !== undefined) {
        void vscode.window.showWarningMessage(`vita: "${word.slice(0, 60).replace(/[\p{C}\p{Default_Ignorable_Code_Point}]/gu, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`)}" cannot be added to the user dictionary: it ${problem}.`);
        return;
      }
      const configuration = vscode.workspace.getConfiguration('vita');
      const current = configuration.inspect<unknown>('spelling.words')?.globalValue;
      const words = Array.isArray(current) ? current.filter((w): w is string => typeof w === 'string') : [];
      if (words.includes(word)) return;
      await configuration.update('spelling.words', [...words, word], vscode.ConfigurationTarget.Global);
    }),
    // Trust granted: the server starts again with the restricted settings of `.vita/config.json` allowed.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (client?.isRunning()) await client.restart();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('vita.files')) {
        const choice = await vscode.window.showInformationMessage('vita: the file list changed. Restart the server to apply it?', 'Restart');
        if (choice === 'Restart') await vscode.commands.executeCommand('workbench.action.reloadWindow');
      }
    }),
  );

  // Activation on any Markdown file is cheap: the server starts only once a résumé is open.
  const selector = documentSelector();
  const isResume = (document: vscode.TextDocument) => vscode.languages.match(selector, document) > 0;
  const ready = new Promise<void>((resolve, reject) => {
    const start = () => {
      listener.dispose();
      client!.start().then(resolve, reject);
    };
    const listener = vscode.workspace.onDidOpenTextDocument((document) => {
      if (isResume(document)) start();
    });
    context.subscriptions.push(listener);
    if (vscode.workspace.textDocuments.some(isResume)) start();
  });
  const summary = registerSummary(context, selector, () => client, ready);
  const match = registerMatch(context, selector, () => client, ready, jobs);
  const timeline = registerTimeline(context, selector, () => client);
  const stateChanges = new vscode.EventEmitter<{ running: boolean }>();
  context.subscriptions.push(stateChanges, client.onDidChangeState((event) => stateChanges.fire({ running: event.newState === State.Running })));
  return {
    ready,
    serverInfo: async () => {
      await ready;
      return client!.sendRequest<ServerInfo>(ServerInfoRequest);
    },
    onDidChangeState: stateChanges.event,
    timeline,
    match,
    summaryText: () => summary.text(),
  };
}

/** Most restarts allowed within RESTART_WINDOW_MS before vita gives up and says so. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restart a server that died, up to MAX_RESTARTS times in RESTART_WINDOW_MS. Write errors on the dying connection
 * (EPIPE) must not count: the library's default handler shuts the client down after three of them, and then the
 * close that follows is never turned into a restart.
 */
function restartingErrorHandler(): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length <= MAX_RESTARTS) return { action: CloseAction.Restart, handled: true };
      return {
        action: CloseAction.DoNotRestart,
        message: `vita: the language server stopped ${restarts.length} times in 3 minutes, so it is not restarted. Run "vita: Restart Language Server" to try again.`,
      };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
