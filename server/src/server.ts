import {
  type CancellationToken,
  type CodeAction,
  type Connection,
  DidChangeConfigurationNotification,
  type Diagnostic,
  DocumentDiagnosticReportKind,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSpellingLoader, createWordsFileCache, workspaceWordsPath } from './dictionaries';
import {
  ADD_TO_WORKSPACE_DICTIONARY_COMMAND,
  createResumeService,
  type ResumeDocument,
  type ServiceContext,
  type SpellingActionOptions,
  summaryMarkdown,
  type VitaOptions,
} from './service/index';
import type { SpellingEngine } from './service/spelling/index';
import { showMessage } from './messages';
import { SettingsStore } from './settings';
import { addWordsToFile, readWordsFile } from './wordsFile';

/** The code action kind of "Fix All" (`editor.codeActionsOnSave: { "source.fixAll.vita": "explicit" }`). */
const FIX_ALL_KIND = 'source.fixAll.vita';
/** The server command behind "vita: Fix All" (`vita.fixAll` in the client). */
const APPLY_FIX_ALL_COMMAND = 'vita.applyFixAll';

/**
 * LSP wiring only: capabilities, and one short handler per request that gets the document, calls the
 * service and returns plain LSP data.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = createResumeService();
  let settings: SettingsStore;
  let pullDiagnostics = false;
  let inlayHintRefresh = false;
  let versionedEdits = false;
  let configurationRegistration = false;
  const loggedRuleErrors = new Set<string>();
  const tooLargeReported = new Set<string>();
  /** Workspace folders as file-system paths, longest first (the innermost folder holding a document wins). */
  let workspaceFolders: string[] = [];
  /** The client runs `vita.addToUserDictionary` (the VS Code extension says so in its initialization options). */
  let userDictionaryCommand = false;
  // Spelling: the dictionaries are read once, lazily (or when idle after start); missing ones turn spelling off
  // with one message.
  const spellingLoader = createSpellingLoader({
    onProblem: (message) => {
      connection.console.error(`vita: ${message}`);
      showMessage(connection, 'warning', message);
    },
  });
  const workspaceWords = createWordsFileCache(readWordsFile);

  const onRuleError = (ruleId: string, error: unknown) => {
    if (loggedRuleErrors.has(ruleId)) return;
    loggedRuleErrors.add(ruleId);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    connection.console.error(`vita: rule ${ruleId} failed and was skipped: ${detail}`);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    inlayHintRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
    versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
    configurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    workspaceFolders = folderPaths(params);
    const initializationOptions = params.initializationOptions as { userDictionaryCommand?: unknown } | undefined;
    userDictionaryCommand = initializationOptions?.userDictionaryCommand === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Résumé' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        documentFormattingProvider: true,
        executeCommandProvider: { commands: [APPLY_FIX_ALL_COMMAND, ADD_TO_WORKSPACE_DICTIONARY_COMMAND] },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'vita', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'vita', version: '0.1.0' },
    };
  });

  // Clients that pull settings only send didChangeConfiguration once the server registers for it.
  connection.onInitialized(() => {
    if (configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vita' });
    // The dictionaries are read by the first check (tens of milliseconds, no decoding); the suggestion walk is
    // warmed after the first diagnostics are out (see check), or here when no document comes.
    setTimeout(() => warmUpSpelling(spellingLoader.load({ language: 'en-US', words: [] })), 2000).unref();
  });

  /** Warms the spelling engine once, when idle: the first diagnostics never wait for it. */
  let spellingWarmedUp = false;
  function warmUpSpelling(engine: SpellingEngine | undefined): void {
    if (spellingWarmedUp || !engine) return;
    spellingWarmedUp = true;
    engine.warmUp();
  }

  /** The innermost workspace folder holding a document (a `file:` URI), if any. */
  function workspaceFolderOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    return workspaceFolders.find((folder) => {
      const inside = relative(folder, path);
      return inside.length > 0 && !inside.startsWith('..') && !isAbsolute(inside);
    });
  }

  /** The spelling engine for a document: its language, the user's words and its workspace folder's words. */
  function spellingFor(uri: string, options: VitaOptions): SpellingEngine | undefined {
    const folder = workspaceFolderOf(uri);
    const words = folder ? [...options.spelling.words, ...workspaceWords(workspaceWordsPath(folder))] : options.spelling.words;
    return spellingLoader.load({ language: options.spelling.language, words });
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

  /** Re-checks every open document (after the words a check accepts changed). */
  function recheckAll(): void {
    checked.clear();
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) schedulePush(document.uri);
  }

  /**
   * Whether a document is larger than `vita.maxFileSize`: such a document is never parsed, every feature answers
   * empty, and the user is told once (per document, until it is closed).
   */
  function oversized(uri: string, length: number, maxFileSize: number): boolean {
    if (length <= maxFileSize) return false;
    if (!tooLargeReported.has(uri)) {
      tooLargeReported.add(uri);
      const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
      showMessage(
        connection,
        'info',
        `vita: ${name} has ${length} characters, more than vita.maxFileSize (${maxFileSize}), so vita does not check it.`,
      );
    }
    return true;
  }

  /** The model of an open document within `vita.maxFileSize`; undefined when it is not open or too large. */
  async function modelFor(uri: string): Promise<ResumeDocument | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const { options } = await settings.get(uri);
    const current = documents.get(uri);
    if (!current || oversized(uri, current.getText().length, options.maxFileSize)) return undefined;
    return service.parse(current);
  }

  /**
   * The diagnostics of one document version: computed once per version and shared by pull, push, hover and the
   * summary (cleared when settings change or the document closes). Parsing and rules run in slices with pauses
   * between them, so other requests are answered while a big document is checked; at each pause the computation is
   * abandoned (its promise resolves to undefined and it leaves the cache) when a newer version arrived, the cache
   * was cleared, or every request waiting for it was cancelled. An abandoned computation is never a result.
   */
  interface Check {
    version: number;
    diagnostics: Promise<Diagnostic[] | undefined>;
    /** Requests with a cancellation token still waiting for it. */
    waiting: number;
    /** Something without a token (a push) waits for it: never abandoned for cancelled requests. */
    pinned: boolean;
    abandoned: boolean;
  }
  const checked = new Map<string, Check>();

  /** The computation for the current version of an open document, started when there is none. */
  function checkOf(uri: string): Check | undefined {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = checked.get(uri);
    if (cached && cached.version === document.version && !cached.abandoned) return cached;
    const entry: Check = { version: document.version, diagnostics: Promise.resolve(undefined), waiting: 0, pinned: false, abandoned: false };
    checked.set(uri, entry);
    const forget = () => {
      if (checked.get(uri) === entry) checked.delete(uri);
    };
    entry.diagnostics = check(uri, entry).then(
      (diagnostics) => {
        if (diagnostics === undefined) forget();
        return diagnostics;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    return entry;
  }

  /**
   * Waits for a computation; undefined when it was abandoned, or when `token` is cancelled first. The last
   * cancelled waiter of a computation nothing else waits for abandons it.
   */
  function waitFor(entry: Check, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    if (!token) {
      entry.pinned = true;
      return entry.diagnostics;
    }
    if (token.isCancellationRequested) return Promise.resolve(undefined);
    entry.waiting++;
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (cancelled: boolean) => {
        if (done) return false;
        done = true;
        listener.dispose();
        entry.waiting--;
        if (cancelled && entry.waiting === 0 && !entry.pinned) entry.abandoned = true;
        return true;
      };
      const listener = token.onCancellationRequested(() => {
        if (finish(true)) resolve(undefined);
      });
      entry.diagnostics.then(
        (diagnostics) => {
          if (finish(false)) resolve(diagnostics);
        },
        (error: unknown) => {
          if (finish(false)) reject(error);
        },
      );
    });
  }

  /**
   * The diagnostics of the document's current version, following newer versions when a computation is abandoned
   * for one; undefined when the document is not open or `token` is cancelled.
   */
  async function currentDiagnostics(uri: string, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    for (;;) {
      if (token?.isCancellationRequested) return undefined;
      const entry = checkOf(uri);
      if (!entry) return undefined;
      const diagnostics = await waitFor(entry, token);
      if (diagnostics) return diagnostics;
    }
  }

  async function check(uri: string, entry: Check): Promise<Diagnostic[] | undefined> {
    const stopped = () => entry.abandoned || checked.get(uri) !== entry || documents.get(uri)?.version !== entry.version;
    const { options } = await settings.get(uri);
    // Let the messages already received go first: a change makes this version stale, a request waits no longer.
    await nextTurn();
    const document = documents.get(uri);
    if (!document || stopped()) return undefined;
    if (oversized(uri, document.getText().length, options.maxFileSize)) return [];
    const doc = await service.parseInSlices(document, { stopped });
    if (!doc) return undefined;
    const spelling = spellingFor(uri, options);
    const context: ServiceContext = { options, onRuleError, spelling };
    const diagnostics = await service.diagnosticsInSlices(doc, context, { stopped });
    // After the diagnostics are sent (a timer runs after the pending writes): warm the walk for the first finding.
    if (diagnostics && !spellingWarmedUp) setTimeout(() => warmUpSpelling(spelling), 50).unref();
    return diagnostics;
  }

  // Push diagnostics, for clients without pull support (Neovim 0.7, eglot). Only the newest version of a
  // document is ever checked; a burst of changes leads to one check of the final text.
  // The JSON-RPC connection handles one queued message per setImmediate turn, so a check queued once would run
  // between two changes already received and check a stale version (bench: 20 changes sent together gave 20
  // checks). Waiting one more turn lets every received change apply first and push the check back again.
  const scheduled = new Map<string, NodeJS.Immediate>();
  const published = new Map<string, number>();
  function schedulePush(uri: string, turns = 2): void {
    if (pullDiagnostics) return;
    const pending = scheduled.get(uri);
    if (pending) clearImmediate(pending);
    scheduled.set(
      uri,
      setImmediate(async () => {
        scheduled.delete(uri);
        if (turns > 1) return schedulePush(uri, turns - 1);
        const entry = checkOf(uri);
        if (!entry) return;
        const version = entry.version;
        // Abandoned (undefined) only for a newer version, new settings or a close: each schedules its own push.
        const diagnostics = await waitFor(entry);
        const current = documents.get(uri);
        if (!diagnostics || !current || current.version !== version || (published.get(uri) ?? -1) > version) return;
        published.set(uri, version);
        void connection.sendDiagnostics({ uri, version, diagnostics });
      }),
    );
  }

  documents.onDidOpen((event) => schedulePush(event.document.uri));
  documents.onDidChangeContent((event) => schedulePush(event.document.uri));
  documents.onDidClose((event) => {
    service.forget(event.document.uri);
    settings.forget(event.document.uri);
    published.delete(event.document.uri);
    checked.delete(event.document.uri);
    tooLargeReported.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    if (inlayHintRefresh) void connection.languages.inlayHint.refresh();
    recheckAll();
  });

  // A pull answers with the diagnostics of the newest version (a change during the check restarts it on the new
  // text); a cancelled pull stops waiting, and a check nobody else waits for stops at its next pause.
  connection.languages.diagnostics.on(async (params, token) => {
    const items = await currentDiagnostics(params.textDocument.uri, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'vita: the diagnostics request was cancelled');
    return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
  });

  connection.onDocumentSymbol(async (params) => {
    const doc = await modelFor(params.textDocument.uri);
    return doc ? service.documentSymbols(doc) : null;
  });
  connection.onFoldingRanges(async (params) => {
    const doc = await modelFor(params.textDocument.uri);
    return doc ? service.foldingRanges(doc) : null;
  });
  connection.onDocumentLinks(async (params) => {
    const doc = await modelFor(params.textDocument.uri);
    return doc ? service.documentLinks(doc) : null;
  });
  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const doc = await modelFor(uri);
    if (!doc) return null;
    // `source.fixAll.vita` (editor.codeActionsOnSave, "Fix All"): only when asked for, as ESLint does.
    const only = params.context.only;
    const wantsFixAll = only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`)) ?? false;
    const wantsQuickFixes = !only || only.some((kind) => kind === 'quickfix' || 'quickfix'.startsWith(`${kind}.`));
    let actions: CodeAction[] = [];
    if (wantsQuickFixes) {
      const { options } = await settings.get(uri);
      const engine = spellingFor(uri, options);
      const spelling: SpellingActionOptions = {
        suggest: engine && ((word) => suggestionsOf(engine, word)),
        workspaceDictionary: workspaceFolderOf(uri) !== undefined,
        userDictionary: userDictionaryCommand,
      };
      actions = service.codeActions(uri, params.range, params.context.diagnostics, doc, spelling);
    }
    if (wantsFixAll) {
      const input = await fixAllInput(uri);
      const result = input && service.fixAll(input.doc, input.context);
      if (result && result.textEdits.length > 0) actions.push({ title: 'Fix all vita problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: result.textEdits } } });
    }
    return actions;
  });
  connection.onDocumentFormatting(async (params) => {
    const doc = await modelFor(params.textDocument.uri);
    if (!doc) return null;
    const { options } = await settings.get(params.textDocument.uri);
    return service.format(doc, { options }).textEdits;
  });
  // `vita.applyFixAll` [{ uri, version? }]: the "vita: Fix All" command. Applies every safe fix through
  // workspace/applyEdit (versioned when the client can check versions) and answers how many were applied.
  connection.onExecuteCommand(async (params) => {
    if (params.command === ADD_TO_WORKSPACE_DICTIONARY_COMMAND) return addToWorkspaceDictionary(params.arguments?.[0]);
    if (params.command !== APPLY_FIX_ALL_COMMAND) return null;
    const target = params.arguments?.[0] as { uri?: unknown; version?: unknown } | undefined;
    const uri = typeof target?.uri === 'string' ? target.uri : undefined;
    const document = uri ? documents.get(uri) : undefined;
    if (!uri || !document) return { applied: 0 };
    if (typeof target?.version === 'number' && target.version !== document.version) return { applied: 0 };
    const input = await fixAllInput(uri);
    const result = input && service.fixAll(input.doc, input.context);
    if (!result || result.textEdits.length === 0) return { applied: 0 };
    const edit = versionedEdits
      ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits: result.textEdits }] }
      : { changes: { [uri]: result.textEdits } };
    const response = await connection.workspace.applyEdit({ label: 'vita: Fix All', edit });
    return { applied: response.applied ? result.applied : 0 };
  });

  // `vita.addToWorkspaceDictionary` [{ uri, word }]: the word goes to `.vita/words.txt` of the workspace folder
  // holding the document; then every open document is checked again. Answers { added }.
  async function addToWorkspaceDictionary(target: unknown): Promise<{ added: boolean }> {
    const { uri, word } = (target ?? {}) as { uri?: unknown; word?: unknown };
    if (typeof uri !== 'string' || typeof word !== 'string' || word.trim().length === 0 || /\s/.test(word.trim())) return { added: false };
    const folder = workspaceFolderOf(uri);
    if (!folder) {
      showMessage(connection, 'warning', `vita: this file is in no workspace folder, so "${word}" has no workspace dictionary to go to.`);
      return { added: false };
    }
    try {
      await addWordsToFile(workspaceWordsPath(folder), [word.trim()], folder);
    } catch (error) {
      showMessage(connection, 'error', `vita: cannot add "${word}" to ${workspaceWordsPath(folder)}: ${error instanceof Error ? error.message : String(error)}`);
      return { added: false };
    }
    recheckAll();
    return { added: true };
  }

  /** The model of the current version with its options, for Fix All (which runs the rules itself). */
  async function fixAllInput(uri: string): Promise<{ doc: ResumeDocument; context: ServiceContext } | undefined> {
    const doc = await modelFor(uri);
    if (!doc) return undefined;
    const { options } = await settings.get(uri);
    return { doc, context: { options, onRuleError, spelling: spellingFor(uri, options) } };
  }

  /**
   * The model of the current version with its options and (cached) diagnostics, both of the same version: when a
   * change abandons the check, the newer version is taken. Undefined when the document is not open, too large, or
   * `token` is cancelled.
   */
  async function featureInput(uri: string, token?: CancellationToken): Promise<{ doc: ResumeDocument; context: ServiceContext; diagnostics: Diagnostic[] } | undefined> {
    for (;;) {
      const { options } = await settings.get(uri);
      const document = documents.get(uri);
      if (token?.isCancellationRequested || !document || oversized(uri, document.getText().length, options.maxFileSize)) return undefined;
      // Nothing runs between these two lines: the model and the check are of the same version.
      const doc = service.parse(document);
      const entry = checkOf(uri);
      const diagnostics = entry && (await waitFor(entry, token));
      if (diagnostics) return { doc, context: { options, onRuleError, spelling: spellingFor(uri, options) }, diagnostics };
      if (!entry || token?.isCancellationRequested) return undefined;
    }
  }
  connection.onHover(async (params, token) => {
    const input = await featureInput(params.textDocument.uri, token);
    return input ? service.hover(input.doc, params.position, input.context, input.diagnostics) : null;
  });
  connection.languages.inlayHint.on(async (params) => {
    const doc = await modelFor(params.textDocument.uri);
    if (!doc) return null;
    const { options } = await settings.get(params.textDocument.uri);
    return service.inlayHints(doc, { options }, params.range);
  });
  // `vita/summary` { uri } → { summary, markdown } | null: the status item and the "Show Résumé Summary" command.
  connection.onRequest('vita/summary', async (params: { uri: string }, token) => {
    const input = await featureInput(params.uri, token);
    if (!input) return null;
    const summary = service.summarize(input.doc, input.context, input.diagnostics);
    return { summary, markdown: summaryMarkdown(summary) };
  });

  // `vita/serverInfo` → { name, version, pid }: which process serves this client (the restart end-to-end test kills it).
  connection.onRequest('vita/serverInfo', () => ({ name: 'vita', version: '0.1.0', pid: process.pid }));

  documents.listen(connection);
  connection.listen();
}

/** Until the next `setImmediate` turn: messages already received are handled first. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The workspace folders of `initialize` (or its root), as file-system paths, innermost first. */
function folderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris
    .filter((uri) => uri.startsWith('file:'))
    .map((uri) => fileURLToPath(uri))
    .sort((a, b) => b.length - a.length);
}
