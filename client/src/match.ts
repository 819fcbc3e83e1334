import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, type MatchParams, MatchRequest, type MatchSummary, type TermMatch } from '../../server/src/protocol';

/** Where the job picked for each résumé is remembered (workspace state: résumé URI → job path). */
const JOBS_KEY = 'vita.match.jobs';
/** Files offered as job descriptions. */
const JOB_GLOB = '**/{job.md,*.job.md,*.job.txt,job.txt,job.json,*.job.json}';

/** The jobs remembered per résumé; `jobFor` feeds the `match.job` setting the server pulls for a résumé. */
export class RememberedJobs {
  constructor(private readonly state: vscode.Memento) {}

  jobFor(resume: vscode.Uri | undefined): string | undefined {
    if (!resume) return undefined;
    return this.state.get<Record<string, string>>(JOBS_KEY, {})[resume.toString()];
  }

  async set(resume: vscode.Uri, job: string | undefined): Promise<void> {
    const jobs = { ...this.state.get<Record<string, string>>(JOBS_KEY, {}) };
    if (job) jobs[resume.toString()] = job;
    else delete jobs[resume.toString()];
    await this.state.update(JOBS_KEY, jobs);
  }
}

/** What the extension's tests read of the job match. */
export interface MatchView {
  refresh(): void;
  /** The status item's text (`job: 72%`). */
  text(): string;
  /** The match shown in the Job Match view, if any. */
  state(): { resume: string; job: string; coverage: number; terms: number } | undefined;
  /** Asks the server again now (tests; the editor does it on changes). */
  update(): Promise<void>;
}

type Node =
  | { kind: 'group'; status: TermMatch['status']; terms: TermMatch[]; children: Node[] }
  | { kind: 'term'; status: TermMatch['status']; index: number; term: TermMatch };

/** The view's nodes for one match, built once: the tree gets the same objects (and ids) on every request. */
function buildNodes(summary: MatchSummary): Node[] {
  return GROUPS.map(({ status }) => {
    const terms = summary.terms.filter((t) => t.status === status);
    return { kind: 'group' as const, status, terms, children: terms.map((term, index) => ({ kind: 'term' as const, status, index, term })) };
  }).filter((group) => group.terms.length > 0);
}

const GROUPS: { status: TermMatch['status']; label: string; icon: string; colour: string }[] = [
  { status: 'missing', label: 'Missing', icon: 'error', colour: 'problemsErrorIcon.foreground' },
  { status: 'listed', label: 'Listed only', icon: 'warning', colour: 'problemsWarningIcon.foreground' },
  { status: 'evidenced', label: 'Evidenced', icon: 'pass', colour: 'testing.iconPassed' },
];

/**
 * "vita: Match Résumé Against Job Description…": picks a job file for the active résumé (remembered per résumé; the
 * `vita.match.job` setting applies where none was picked), then shows the coverage in a status item ("job: 72%") and
 * the requirements in the Job Match view, each a click away from the line that evidences it (or, when missing, from
 * the job's line that asks for it). The hints and the hover on a skill come from the server.
 */
export function registerMatch(
  context: vscode.ExtensionContext,
  selector: vscode.DocumentSelector,
  getClient: () => LanguageClient | undefined,
  ready: Promise<void>,
  jobs: RememberedJobs,
): MatchView {
  const isResume = (document: vscode.TextDocument) => vscode.languages.match(selector, document) > 0;
  const item = vscode.languages.createLanguageStatusItem('vita.match', selector);
  item.name = 'vita: job match';
  item.text = 'job: none';
  item.command = { title: 'Match', command: ClientCommands.matchJob, tooltip: 'vita: Match Résumé Against Job Description…' };

  let current: { resume: vscode.Uri; summary: MatchSummary; nodes: Node[]; key: string } | undefined;
  const changed = new vscode.EventEmitter<Node | undefined>();
  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    getChildren: (node) => (node ? (node.kind === 'group' ? node.children : []) : (current?.nodes ?? [])),
    getTreeItem: (node) => {
      if (node.kind === 'group') {
        const group = GROUPS.find((g) => g.status === node.status)!;
        const item = new vscode.TreeItem(`${group.label} (${node.terms.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `vita.match.${node.status}`;
        item.iconPath = new vscode.ThemeIcon(group.icon, new vscode.ThemeColor(group.colour));
        return item;
      }
      const { term } = node;
      const item = new vscode.TreeItem(term.term, vscode.TreeItemCollapsibleState.None);
      item.id = `vita.match.${node.status}.${node.index}.${term.term}`;
      const lines = [...new Set(term.evidence.map((r) => r.start.line + 1))];
      item.description = `${term.required ? 'required' : 'nice to have'}${lines.length > 0 ? ` · line ${lines.slice(0, 3).join(', ')}` : ''}`;
      item.tooltip = new vscode.MarkdownString(
        `**${term.term}**${term.aliases.length > 0 ? ` (also ${term.aliases.slice(0, 4).join(', ')})` : ''}: ${term.required ? 'required' : 'nice to have'}, ${term.status}.`,
      );
      item.command = { title: 'Reveal', command: ClientCommands.revealMatchTerm, arguments: [term] };
      return item;
    },
  };
  const view = vscode.window.createTreeView('vita.jobMatch', { treeDataProvider: provider, showCollapseAll: false });

  const update = async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isResume(document)) return;
    const client = getClient();
    if (!client || !client.isRunning()) return;
    let summary: MatchSummary | null = null;
    try {
      summary = await client.sendRequest<MatchSummary | null>(MatchRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) } satisfies MatchParams);
    } catch {
      return; // the server restarted or the document closed meanwhile; the next change updates it
    }
    // The same match again (the picker's update and the edit that follows it) leaves the view as it is: a refresh
    // while the tree is still asking for a group's requirements can leave the group drawn open and empty.
    const key = summary ? `${document.uri.toString()}\n${JSON.stringify(summary)}` : '';
    const same = key === (current?.key ?? '');
    current = summary ? { resume: document.uri, summary, nodes: same && current ? current.nodes : buildNodes(summary), key } : undefined;
    item.text = summary ? (summary.problem ? 'job: unreadable' : `job: ${Math.round(summary.coverage * 100)}%`) : 'job: none';
    item.detail = summary ? (summary.problem ?? `${summary.title ?? path.basename(summary.job)} — coverage of the required terms`) : 'No job description to match against';
    item.severity = summary?.problem ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    view.message = summary ? undefined : 'Run "vita: Match Résumé Against Job Description…" to match the active résumé against a job.';
    view.description = summary && !summary.problem ? `${Math.round(summary.coverage * 100)}% · ${path.basename(summary.job)}` : undefined;
    await vscode.commands.executeCommand('setContext', 'vita.hasJobMatch', summary !== null);
    if (!same) changed.fire(undefined);
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), 300);
  };

  /** The command; `jobArgument` (a URI or path) skips the picker — for keybindings, tasks and tests. */
  const pick = async (jobArgument?: vscode.Uri | string) => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isResume(document)) {
      void vscode.window.showInformationMessage('vita: open a résumé to match against a job description.');
      return;
    }
    if (jobArgument !== undefined) {
      const job = jobArgument instanceof vscode.Uri ? jobArgument.fsPath : String(jobArgument);
      await jobs.set(document.uri, job || undefined);
      await getClient()?.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await update();
      return;
    }
    const found = await vscode.workspace.findFiles(JOB_GLOB, '**/node_modules/**', 50);
    const picked = jobs.jobFor(document.uri);
    type Pick = vscode.QuickPickItem & { job?: string; action?: 'browse' | 'stop' };
    const items: Pick[] = [
      ...found.map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(uri), job: uri.fsPath, picked: uri.fsPath === picked })),
      { label: '$(folder-opened) Browse…', action: 'browse' as const },
      ...(picked ? [{ label: '$(close) Stop matching this résumé', action: 'stop' as const }] : []),
    ];
    const choice = await vscode.window.showQuickPick(items, { title: 'vita: Match Résumé Against Job Description', placeHolder: 'The job description to match this résumé against' });
    if (!choice) return;
    let job = choice.job;
    if (choice.action === 'browse') {
      const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Match against this job', filters: { 'Job description': ['md', 'txt', 'json'] } })) ?? [];
      if (!uri) return;
      job = uri.fsPath;
    }
    await jobs.set(document.uri, choice.action === 'stop' ? undefined : job);
    // The server pulls `vita.match.job` again (the remembered job goes with the résumé's settings) and checks anew.
    await getClient()?.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // The view is shown once there is a match (its `when` context); then it is opened for the reader.
    await update();
    if (job && choice.action !== 'stop') await vscode.commands.executeCommand('vita.jobMatch.focus');
  };

  const reveal = async (term: TermMatch) => {
    const target = current;
    if (!target) return;
    const range = term.evidence[0];
    const uri = range ? target.resume : vscode.Uri.parse(target.summary.jobUri);
    const at = range ?? term.jobRange;
    const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false, viewColumn: range ? undefined : vscode.ViewColumn.Beside });
    const selection = new vscode.Range(at.start.line, at.start.character, at.end.line, at.end.character);
    editor.selection = new vscode.Selection(selection.start, selection.end);
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  context.subscriptions.push(
    item,
    changed,
    view,
    vscode.commands.registerCommand(ClientCommands.matchJob, pick),
    vscode.commands.registerCommand(ClientCommands.revealMatchTerm, reveal),
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) schedule();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('vita.match')) schedule();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  ready.then(schedule, () => undefined);
  return {
    refresh: schedule,
    text: () => item.text,
    state: () => (current ? { resume: current.resume.toString(), job: current.summary.job, coverage: current.summary.coverage, terms: current.summary.terms.length } : undefined),
    update,
  };
}
