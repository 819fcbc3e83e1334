import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerSummary } from './summary';

/** File names that are résumés even when VS Code opens them as Markdown or plain text. */
const RESUME_FILE_GLOB = '**/{resume,Resume,RESUME,cv,CV,Cv}.{md,txt,markdown}';

let client: LanguageClient | undefined;

/** What the extension exports: tests and other extensions wait on `ready`. */
export interface VitaApi {
  ready: Promise<void>;
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
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector() as LanguageClientOptions['documentSelector'],
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('vita', 'vita', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('vita.restartServer', async () => {
      await client?.restart();
    }),
    // "vita: Fix All": the server applies every safe fix to the active résumé through workspace/applyEdit.
    vscode.commands.registerCommand('vita.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor || !isResume(editor.document)) {
        void vscode.window.showInformationMessage('vita: open a résumé to fix.');
        return;
      }
      const { document } = editor;
      await client.sendRequest('workspace/executeCommand', {
        command: 'vita.applyFixAll',
        arguments: [{ uri: client.code2ProtocolConverter.asUri(document.uri), version: document.version }],
      });
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
  registerSummary(context, selector, () => client, ready);
  return { ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
