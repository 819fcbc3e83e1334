import {
  type CancellationToken,
  type CodeAction,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHost, type FileSetup } from '../host/host';
import { CONFIG_FILE, VITA_FOLDER, WORDS_FILE } from '../host/config';
import { printable } from '../host/files';
import { addWordsToFile } from '../host/wordsFile';
import {
  type ApplyFixAllResult,
  dictionaryWordProblem,
  FIX_ALL_KIND,
  type InitializationOptions,
  type MatchParams,
  MatchRequest,
  type MatchSummary,
  type TimelineParams,
  TimelineRequest,
  type TimelineResult,
  type ServerInfo,
  ServerCommands,
  ServerInfoRequest,
  type SummaryParams,
  type SummaryResult,
  SummaryRequest,
} from '../protocol';
import { createResumeService, type ResumeDocument, type ServiceContext, type SpellingActionOptions, summaryMarkdown, timelineSvg } from '../service/index';
import type { SpellingEngine } from '../service/spelling/index';
import { VERSION } from '../version';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { showMessage } from './messages';
import { SettingsStore } from './settingsStore';
import { WorkspaceFolders } from './workspaceFolders';

/**
 * LSP wiring only: capabilities, and one short handler per request that gets the document, calls the service and
 * returns plain LSP data. What a document's options, spelling and size gate are comes from the host
 * (`host/host.ts`); when diagnostics are computed, from the scheduler (`diagnosticsScheduler.ts`).
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = createResumeService();
  const host = createHost({
    onProblem: (message) => {
      connection.console.error(`vita: ${message}`);
      showMessage(connection, 'warning', message);
    },
    onRuleError: (ruleId, error) => {
      connection.console.error(`vita: rule ${ruleId} failed and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  });
  let settings: SettingsStore;
  let folders = new WorkspaceFolders({});
  let pullDiagnostics = false;
  let inlayHintRefresh = false;
  let versionedEdits = false;
  let configurationRegistration = false;
  let watchedFilesRegistration = false;
  let workspaceFolderChanges = false;
  let initialization: InitializationOptions = {};
  const tooLargeReported = new Set<string>();

  const scheduler = new DiagnosticsScheduler({
    document: (uri) => documents.get(uri),
    compute: (uri, version, stopped) => check(uri, version, stopped),
    pushes: () => !pullDiagnostics,
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities ?? {};
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    inlayHintRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
    versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    configurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchedFilesRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspaceFolderChanges = capabilities.workspace?.workspaceFolders === true;
    folders = new WorkspaceFolders(params);
    initialization = (params.initializationOptions ?? {}) as InitializationOptions;
    settings = new SettingsStore(connection, host, capabilities.workspace?.configuration === true, (uri) => folders.placeOf(uri, initialization.workspaceTrusted !== false));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Résumé' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        documentFormattingProvider: true,
        executeCommandProvider: { commands: [ServerCommands.applyFixAll, ServerCommands.addToWorkspaceDictionary] },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'vita', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'vita', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    // Clients that pull settings only send didChangeConfiguration once the server registers for it.
    if (configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vita' });
    // `.vita/config.json` and `.vita/words.txt` edited outside vita: every document is set up and checked again.
    if (watchedFilesRegistration) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${VITA_FOLDER}/{${CONFIG_FILE},${WORDS_FILE}}` }] });
    // The dictionaries are read by the first check (tens of milliseconds, no decoding); the suggestion walk is
    // warmed after the first diagnostics are out (see check), or here when no document comes.
    setTimeout(() => host.warmUpSpelling(), 2000).unref();
    if (workspaceFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.change(event.added, event.removed);
        settings.clear();
        recheckAll();
      });
    }
  });
  connection.onDidChangeWatchedFiles(() => {
    settings.clear();
    recheckAll();
  });

  /** Re-checks every open document (after the words a check accepts, or the settings, changed). */
  function recheckAll(): void {
    scheduler.clear();
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) scheduler.schedulePush(document.uri);
  }

  /** Whether an open document's text may be parsed; above `vita.maxFileSize` the user is told once per document. */
  function withinSizeLimit(uri: string, length: number, setup: FileSetup): boolean {
    if (host.withinSizeLimit(length, setup.options)) return true;
    if (!tooLargeReported.has(uri)) {
      tooLargeReported.add(uri);
      const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
      showMessage(connection, 'info', `vita: ${name} has ${length} characters, more than vita.maxFileSize (${setup.options.maxFileSize}), so vita does not check it.`);
    }
    return false;
  }

  /** The model of an open document within `vita.maxFileSize` and its context; undefined when not open or too large. */
  async function modelFor(uri: string): Promise<{ doc: ResumeDocument; setup: FileSetup; context: ServiceContext } | undefined> {
    if (!documents.get(uri)) return undefined;
    const setup = await settings.get(uri);
    const current = documents.get(uri);
    if (!current || !withinSizeLimit(uri, current.getText().length, setup)) return undefined;
    return { doc: service.parse(current), setup, context: host.context(setup) };
  }

  /** One check of one version, in slices (see the scheduler); undefined when abandoned. */
  async function check(uri: string, version: number, stopped: () => boolean): Promise<ReturnType<typeof service.diagnostics> | undefined> {
    const setup = await settings.get(uri);
    // Let the messages already received go first: a change makes this version stale, a request waits no longer.
    await nextTurn();
    const document = documents.get(uri);
    if (!document || document.version !== version || stopped()) return undefined;
    if (!withinSizeLimit(uri, document.getText().length, setup)) return [];
    const doc = await service.parseInSlices(document, { stopped });
    if (!doc) return undefined;
    const diagnostics = await service.diagnosticsInSlices(doc, host.context(setup), { stopped });
    // After the diagnostics are sent (a timer runs after the pending writes): warm the walk for the first finding.
    if (diagnostics) setTimeout(() => host.warmUpSpelling(), 50).unref();
    return diagnostics;
  }

  /**
   * The model of the current version with its context and (cached) diagnostics, all of one version: when a change
   * abandons the check, the newer version is taken. Undefined when not open, too large, or `token` is cancelled.
   */
  async function withDiagnostics(uri: string, token?: CancellationToken) {
    for (;;) {
      const setup = await settings.get(uri);
      const document = documents.get(uri);
      if (token?.isCancellationRequested || !document || !withinSizeLimit(uri, document.getText().length, setup)) return undefined;
      // Nothing runs between these two lines: the model and the check are of the same text.
      const doc = service.parse(document);
      const pending = scheduler.of(document, token);
      const diagnostics = await pending;
      if (diagnostics) return { doc, setup, context: host.context(setup), diagnostics };
      if (token?.isCancellationRequested || !documents.get(uri)) return undefined;
    }
  }

  documents.onDidOpen((event) => scheduler.schedulePush(event.document.uri));
  documents.onDidChangeContent((event) => scheduler.schedulePush(event.document.uri));
  documents.onDidClose(({ document: { uri } }) => {
    service.forget(uri);
    settings.forget(uri);
    scheduler.forget(uri);
    tooLargeReported.delete(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    if (inlayHintRefresh) void connection.languages.inlayHint.refresh();
    recheckAll();
  });

  // A pull answers with the diagnostics of the newest version (a change during the check restarts it on the new
  // text); a cancelled pull stops waiting, and a check nobody else waits for stops at its next pause.
  connection.languages.diagnostics.on(async (params, token) => {
    const items = await scheduler.current(params.textDocument.uri, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'vita: the diagnostics request was cancelled');
    return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
  });

  connection.onDocumentSymbol(async (params) => {
    const input = await modelFor(params.textDocument.uri);
    return input ? service.documentSymbols(input.doc) : null;
  });
  connection.onFoldingRanges(async (params) => {
    const input = await modelFor(params.textDocument.uri);
    return input ? service.foldingRanges(input.doc) : null;
  });
  connection.onDocumentLinks(async (params) => {
    const input = await modelFor(params.textDocument.uri);
    return input ? service.documentLinks(input.doc) : null;
  });
  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument?.uri;
    // The diagnostics of the text as it is now: a fix is taken from them, never from the client's copy of `data`
    // (made for the text the diagnostic was computed on; see quickFixes).
    const input = typeof uri === 'string' ? await withDiagnostics(uri, token) : undefined;
    if (!input) return null;
    // `source.fixAll.vita` (editor.codeActionsOnSave, "Fix All"): only when asked for, as ESLint does.
    const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
    const wantsFixAll = only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`)) ?? false;
    const wantsQuickFixes = !only || only.some((kind) => kind === 'quickfix' || 'quickfix'.startsWith(`${kind}.`));
    const actions: CodeAction[] = [];
    if (wantsQuickFixes) {
      const engine = host.spelling(input.setup);
      const spelling: SpellingActionOptions = {
        suggest: engine && ((word) => suggestionsOf(engine, word)),
        workspaceDictionary: folders.folderOf(uri) !== undefined,
        userDictionary: initialization.userDictionaryCommand === true,
      };
      actions.push(...service.codeActions(uri, params.range, params.context?.diagnostics ?? [], input.doc, spelling, input.diagnostics));
    }
    if (wantsFixAll) {
      const result = service.fixAll(input.doc, input.context);
      if (result.textEdits.length > 0) actions.push({ title: `Fix all auto-fixable problems (${result.applied})`, kind: FIX_ALL_KIND, edit: { changes: { [uri]: result.textEdits } } });
    }
    return actions;
  });
  connection.onDocumentFormatting(async (params) => {
    const input = await modelFor(params.textDocument.uri);
    return input ? service.format(input.doc, input.context).textEdits : null;
  });
  connection.onExecuteCommand(async (params) => {
    if (params.command === ServerCommands.addToWorkspaceDictionary) return addToWorkspaceDictionary(params.arguments?.[0]);
    if (params.command === ServerCommands.applyFixAll) return applyFixAll(params.arguments?.[0]);
    return null;
  });
  connection.onHover(async (params, token) => {
    const input = await withDiagnostics(params.textDocument.uri, token);
    return input ? service.hover(input.doc, params.position, input.context, input.diagnostics) : null;
  });
  connection.languages.inlayHint.on(async (params) => {
    const input = await modelFor(params.textDocument.uri);
    return input ? service.inlayHints(input.doc, input.context, params.range) : null;
  });
  connection.onRequest(SummaryRequest, async (params: SummaryParams, token): Promise<SummaryResult | null> => {
    const input = await withDiagnostics(params?.uri, token);
    if (!input) return null;
    const summary = service.summarize(input.doc, input.context, input.diagnostics);
    return { summary, markdown: summaryMarkdown(summary) };
  });
  // `vita/timeline` { uri } → the timeline view's SVG.
  connection.onRequest(TimelineRequest, async (params: TimelineParams): Promise<TimelineResult | null> => {
    const input = await modelFor(params?.uri);
    if (!input) return null;
    const timeline = service.timeline(input.doc, input.context);
    const width = typeof params.width === 'number' && Number.isFinite(params.width) ? Math.round(Math.min(1600, Math.max(480, params.width))) : 900;
    return { svg: timelineSvg(timeline, width), entries: timeline.bars.length, ...(timeline.name ? { name: timeline.name } : {}) };
  });
  // `vita/match` { uri } → the résumé against its job description (the status item and the panel), null without one.
  connection.onRequest(MatchRequest, async (params: MatchParams): Promise<MatchSummary | null> => {
    const input = await modelFor(params?.uri);
    const job = input?.setup.job;
    if (!input || !job) return null;
    const result = service.match(input.doc, input.context);
    const base = { job: job.path, jobUri: pathToFileURL(job.path).toString() };
    if (!result || !input.context.job) return { ...base, coverage: 0, terms: [], problem: job.problem ?? 'the job description cannot be read' };
    return { ...base, ...(input.context.job.title ? { title: input.context.job.title } : {}), coverage: result.coverage, terms: result.terms };
  });
  connection.onRequest(ServerInfoRequest, (): ServerInfo => ({ name: 'vita', version: VERSION, pid: process.pid }));

  /**
   * `vita.applyFixAll` [{ uri, version? }]: "vita: Fix All". Applies every safe fix through workspace/applyEdit
   * (versioned when the client can check versions) and answers how many were applied.
   */
  async function applyFixAll(target: unknown): Promise<ApplyFixAllResult> {
    const { uri, version } = (target ?? {}) as { uri?: unknown; version?: unknown };
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (typeof uri !== 'string' || !document || (typeof version === 'number' && version !== document.version)) return { applied: 0 };
    const input = await modelFor(uri);
    const result = input && service.fixAll(input.doc, input.context);
    if (!result || result.textEdits.length === 0) return { applied: 0 };
    const edit = versionedEdits
      ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits: result.textEdits }] }
      : { changes: { [uri]: result.textEdits } };
    const response = await connection.workspace.applyEdit({ label: 'vita: Fix All', edit });
    return { applied: response.applied ? result.applied : 0 };
  }

  /**
   * `vita.addToWorkspaceDictionary` [{ uri, word }]: the word goes to the document's `.vita/words.txt` (the nearest
   * one inside its workspace folder, or the folder's own); then every open document is checked again.
   */
  async function addToWorkspaceDictionary(target: unknown): Promise<{ added: boolean }> {
    const { uri, word } = (target ?? {}) as { uri?: unknown; word?: unknown };
    if (typeof uri !== 'string' || typeof word !== 'string') return { added: false };
    // A word with a space, a control or an invisible character (U+200B, U+202E, U+0085…) never reaches a dictionary.
    const problem = word.trim().startsWith('#') ? 'starts with #' : dictionaryWordProblem(word.trim());
    if (problem !== undefined) {
      showMessage(connection, 'warning', `vita: "${printable(word.slice(0, 60))}" cannot be added to a dictionary: it ${problem}.`);
      return { added: false };
    }
    const folder = folders.folderOf(uri);
    if (!folder) {
      showMessage(connection, 'warning', `vita: this file is in no workspace folder, so "${word}" has no workspace dictionary to go to.`);
      return { added: false };
    }
    const setup = await settings.get(uri);
    const wordsFile = setup.wordsFile ?? join(folder, VITA_FOLDER, WORDS_FILE);
    try {
      await addWordsToFile(wordsFile, [word.trim()], folder);
    } catch (error) {
      showMessage(connection, 'error', `vita: cannot add "${printable(word)}" to ${wordsFile}: ${printable(error instanceof Error ? error.message : String(error))}`);
      return { added: false };
    }
    settings.clear();
    recheckAll();
    return { added: true };
  }

  /** Suggestions per engine and word: the light bulb asks again each time the cursor rests on a word. */
  const suggestionCache = new WeakMap<SpellingEngine, Map<string, string[]>>();
  function suggestionsOf(engine: SpellingEngine, word: string): string[] {
    let perWord = suggestionCache.get(engine);
    if (!perWord) suggestionCache.set(engine, (perWord = new Map()));
    let suggestions = perWord.get(word);
    if (!suggestions) perWord.set(word, (suggestions = engine.suggest(word)));
    return suggestions;
  }

  documents.listen(connection);
  connection.listen();
}

/** Until the next `setImmediate` turn: messages already received are handled first. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
