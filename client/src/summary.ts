import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, type SummaryParams, SummaryRequest, type SummaryResult } from '../../server/src/protocol';

/** Read-only documents holding the summaries the command shows. */
const SUMMARY_SCHEME = 'vita-summary';

/**
 * The résumé at a glance in the editor: a language status item (words · pages · findings) while a résumé is
 * active, kept fresh on editor and diagnostics changes (debounced), and the "vita: Show Résumé Summary" command.
 */
export function registerSummary(
  context: vscode.ExtensionContext,
  selector: vscode.DocumentSelector,
  getClient: () => LanguageClient | undefined,
  ready: Promise<void>,
): { text(): string } {
  const item = vscode.languages.createLanguageStatusItem('vita.summary', selector);
  item.name = 'vita: résumé summary';
  item.text = 'vita';
  item.command = { title: 'Summary', command: ClientCommands.showSummary, tooltip: 'vita: Show Résumé Summary' };

  const isResume = (document: vscode.TextDocument) => vscode.languages.match(selector, document) > 0;
  const request = async (document: vscode.TextDocument): Promise<SummaryResult | null> => {
    const client = getClient();
    if (!client || !client.isRunning()) return null;
    return client.sendRequest<SummaryResult | null>(SummaryRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) } satisfies SummaryParams);
  };

  let lastResume: vscode.TextDocument | undefined;
  const update = async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isResume(document)) return;
    lastResume = document;
    try {
      const result = await request(document);
      if (!result) return;
      const { words, pages, findingsTotal, experience } = result.summary;
      item.text = `${words} words · ${pages} ${pages === 1 ? 'page' : 'pages'} · ${findingsTotal} ${findingsTotal === 1 ? 'finding' : 'findings'}`;
      item.detail = `${experience} of work experience`;
    } catch {
      // The server restarted or the document closed meanwhile; the next change updates the item.
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), 300);
  };

  const contents = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const showSummary = async () => {
    const active = vscode.window.activeTextEditor?.document;
    const document = active && isResume(active) ? active : lastResume;
    if (!document) {
      void vscode.window.showInformationMessage('vita: open a résumé to see its summary.');
      return;
    }
    const result = await request(document);
    if (!result) {
      void vscode.window.showInformationMessage('vita: the language server is not ready yet; try again in a moment.');
      return;
    }
    const name = path.basename(document.uri.path).replace(/\.[^.]+$/, '');
    const uri = vscode.Uri.from({ scheme: SUMMARY_SCHEME, path: `/${name} summary.md`, query: document.uri.toString() });
    contents.set(uri.toString(), result.markdown);
    changed.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  };

  context.subscriptions.push(
    item,
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '',
    }),
    vscode.commands.registerCommand(ClientCommands.showSummary, showSummary),
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) schedule();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  ready.then(schedule, () => undefined);
  return { text: () => item.text };
}
