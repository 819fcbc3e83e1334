import {
  type CodeAction,
  type Connection,
  DidChangeConfigurationNotification,
  type Diagnostic,
  DocumentDiagnosticReportKind,
  type InitializeParams,
  type InitializeResult,
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
   * The diagnostics of a document's current version, computed once per version and shared by pull, push,
   * hover and the summary (cleared when settings change or the document closes).
   */
  const checked = new Map<string, { version: number; diagnostics: Promise<Diagnostic[]> }>();
  function diagnosticsFor(uri: string): Promise<Diagnostic[]> {
    const document = documents.get(uri);
    if (!document) return Promise.resolve([]);
    const cached = checked.get(uri);
    if (cached && cached.version === document.version) return cached.diagnostics;
    const diagnostics = check(uri);
    checked.set(uri, { version: document.version, diagnostics });
    return diagnostics;
  }

  async function check(uri: string): Promise<Diagnostic[]> {
    const document = documents.get(uri);
    if (!document) return [];
    const { options } = await settings.get(uri);
    if (oversized(uri, document.getText().length, options.maxFileSize)) return [];
    const spelling = spellingFor(uri, options);
    const context: ServiceContext = { options, onRuleError, spelling };
    const diagnostics = service.diagnostics(service.parse(document), context);
    // After the diagnostics are sent (a timer runs after the pending writes): warm the walk for the first finding.
    if (!spellingWarmedUp) setTimeout(() => warmUpSpelling(spelling), 50).unref();
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
        const document = documents.get(uri);
        if (!document) return;
        const version = document.version;
        const diagnostics = await diagnosticsFor(uri);
        const current = documents.get(uri);
        if (!current || current.version !== version || (published.get(uri) ?? -1) > version) return;
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

  connection.languages.diagnostics.on(async (params) => ({
    kind: DocumentDiagnosticReportKind.Full,
    items: await diagnosticsFor(params.textDocument.uri),
  }));

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
      const input = await featureInput(uri);
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
    const input = await featureInput(uri);
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

  /** The model of the version the request was made on, with its options and (cached) diagnostics. */
  async function featureInput(uri: string): Promise<{ doc: ResumeDocument; context: ServiceContext; diagnostics: Diagnostic[] } | undefined> {
    const doc = await modelFor(uri);
    if (!doc) return undefined;
    const { options } = await settings.get(uri);
    return { doc, context: { options, onRuleError, spelling: spellingFor(uri, options) }, diagnostics: await diagnosticsFor(uri) };
  }
  connection.onHover(async (params) => {
    const input = await featureInput(params.textDocument.uri);
    return input ? service.hover(input.doc, params.position, input.context, input.diagnostics) : null;
  });
  connection.languages.inlayHint.on(async (params) => {
    const doc = await modelFor(params.textDocument.uri);
    if (!doc) return null;
    const { options } = await settings.get(params.textDocument.uri);
    return service.inlayHints(doc, { options }, params.range);
  });
  // `vita/summary` { uri } → { summary, markdown } | null: the status item and the "Show Résumé Summary" command.
  connection.onRequest('vita/summary', async (params: { uri: string }) => {
    const input = await featureInput(params.uri);
    if (!input) return null;
    const summary = service.summarize(input.doc, input.context, input.diagnostics);
    return { summary, markdown: summaryMarkdown(summary) };
  });

  // `vita/serverInfo` → { name, version, pid }: which process serves this client (the restart end-to-end test kills it).
  connection.onRequest('vita/serverInfo', () => ({ name: 'vita', version: '0.1.0', pid: process.pid }));

  documents.listen(connection);
  connection.listen();
}

/** The workspace folders of `initialize` (or its root), as file-system paths, innermost first. */
function folderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris
    .filter((uri) => uri.startsWith('file:'))
    .map((uri) => fileURLToPath(uri))
    .sort((a, b) => b.length - a.length);
}
