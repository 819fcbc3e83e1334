import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, type TimelineParams, TimelineRequest, type TimelineResult } from '../../server/src/protocol';

/** What the extension's tests read of the timeline view. */
export interface TimelineView {
  /** The résumé shown, and how many entries are drawn (undefined while no view is open). */
  state(): { resume: string; entries: number } | undefined;
  /** Acts as a click on the bar of the entry whose title is on `line` (0-based). */
  click(line: number): Promise<void>;
}

/**
 * "vita: Show Résumé Timeline": a webview beside the editor with the résumé as a picture — each dated entry a bar
 * on a time axis, overlaps and gaps between jobs marked, today a line (drawn by the server: `vita/timeline`). A click
 * on a bar (or Enter on it) reveals the entry in the editor. The view follows the résumé's edits.
 */
export function registerTimeline(context: vscode.ExtensionContext, selector: vscode.DocumentSelector, getClient: () => LanguageClient | undefined): TimelineView {
  const isResume = (document: vscode.TextDocument) => vscode.languages.match(selector, document) > 0;
  let panel: vscode.WebviewPanel | undefined;
  let resume: vscode.Uri | undefined;
  let entries = 0;
  /** The view's width, as its page last said (it says so on load and when resized). */
  let width: number | undefined;

  const render = async () => {
    const client = getClient();
    if (!panel || !resume || !client || !client.isRunning()) return;
    let result: TimelineResult | null = null;
    try {
      result = await client.sendRequest<TimelineResult | null>(TimelineRequest, { uri: client.code2ProtocolConverter.asUri(resume), ...(width ? { width } : {}) } satisfies TimelineParams);
    } catch {
      return;
    }
    if (!panel) return;
    entries = result?.entries ?? 0;
    panel.title = `Timeline: ${result?.name ?? path.basename(resume.fsPath)}`;
    panel.webview.html = page(panel.webview, result);
  };

  const reveal = async (line: number) => {
    if (!resume || !Number.isInteger(line) || line < 0) return;
    const document = await vscode.workspace.openTextDocument(resume);
    if (line >= document.lineCount) return;
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === resume!.toString());
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const range = document.lineAt(line).range;
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const show = async () => {
    const active = vscode.window.activeTextEditor?.document;
    if (!active || !isResume(active)) {
      void vscode.window.showInformationMessage('vita: open a résumé to see its timeline.');
      return;
    }
    resume = active.uri;
    if (!panel) {
      panel = vscode.window.createWebviewPanel('vita.timeline', 'Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
      panel.webview.onDidReceiveMessage(
        (message: { line?: unknown; width?: unknown }) => {
          if (typeof message?.width === 'number') {
            // Drawn again for the view's width (text stays readable instead of being scaled down).
            const next = Math.round(message.width);
            if (next > 0 && (width === undefined || Math.abs(next - width) >= 24)) {
              width = next;
              void render();
            }
          } else if (message?.line !== undefined) void reveal(Number(message.line));
        },
        undefined,
        context.subscriptions,
      );
    } else {
      panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await render();
  };

  let timer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.showTimeline, show),
    vscode.languages.onDidChangeDiagnostics((event) => {
      if (!panel || !resume || !event.uris.some((uri) => uri.toString() === resume!.toString())) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void render(), 300);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  return {
    state: () => (panel && resume ? { resume: resume.toString(), entries } : undefined),
    click: (line) => reveal(line),
  };
}

/** The webview's page: the SVG, and a script that posts the line of a clicked bar. Scripts only with the nonce. */
function page(webview: vscode.Webview, result: TimelineResult | null): string {
  const nonce = [...Array(24)].map(() => Math.floor(Math.random() * 36).toString(36)).join('');
  const body = result ? result.svg : '<p>The language server is not ready yet.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>body{padding:12px 16px;color:var(--vscode-foreground)}p.hint{color:var(--vscode-descriptionForeground);margin:0 0 10px}svg{max-width:100%;height:auto;display:block}</style>
</head><body>
<p class="hint">Each dated entry is a bar; yellow bands: jobs overlap; red bands: a gap between jobs; the dashed line: today. Click a bar to go to the entry.</p>
${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const go = (target) => { const bar = target.closest && target.closest('.bar'); if (bar) vscode.postMessage({ line: Number(bar.getAttribute('data-line')) }); };
document.addEventListener('click', (event) => go(event.target));
document.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') go(event.target); });
const tell = () => vscode.postMessage({ width: document.body.clientWidth - 8 });
let resized; window.addEventListener('resize', () => { clearTimeout(resized); resized = setTimeout(tell, 150); });
tell();
</script>
</body></html>`;
}
