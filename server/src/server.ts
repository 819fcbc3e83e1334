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
import { createResumeService, type ResumeDocument, type ServiceContext, summaryMarkdown } from './service/index';
import { SettingsStore } from './settings';

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
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Résumé' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        documentFormattingProvider: true,
        executeCommandProvider: { commands: [APPLY_FIX_ALL_COMMAND] },
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
  });

  /** The model and options for a document, or undefined when it is not open. */
  const modelFor = (uri: string): ResumeDocument | undefined => {
    const document = documents.get(uri);
    return document ? service.parse(document) : undefined;
  };

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
    if (document.getText().length > options.maxFileSize) {
      if (!tooLargeReported.has(uri)) {
        tooLargeReported.add(uri);
        void connection.window.showInformationMessage(
          `vita: this file is larger than vita.maxFileSize (${options.maxFileSize} bytes), so it is not checked.`,
        );
      }
      return [];
    }
    const context: ServiceContext = { options, onRuleError };
    return service.diagnostics(service.parse(document), context);
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
    checked.clear();
    if (inlayHintRefresh) void connection.languages.inlayHint.refresh();
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) schedulePush(document.uri);
  });

  connection.languages.diagnostics.on(async (params) => ({
    kind: DocumentDiagnosticReportKind.Full,
    items: await diagnosticsFor(params.textDocument.uri),
  }));

  connection.onDocumentSymbol((params) => {
    const doc = modelFor(params.textDocument.uri);
    return doc ? service.documentSymbols(doc) : null;
  });
  connection.onFoldingRanges((params) => {
    const doc = modelFor(params.textDocument.uri);
    return doc ? service.foldingRanges(doc) : null;
  });
  connection.onDocumentLinks((params) => {
    const doc = modelFor(params.textDocument.uri);
    return doc ? service.documentLinks(doc) : null;
  });
  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const doc = modelFor(uri);
    if (!doc) return null;
    // `source.fixAll.vita` (editor.codeActionsOnSave, "Fix All"): only when asked for, as ESLint does.
    const only = params.context.only;
    const wantsFixAll = only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`)) ?? false;
    const wantsQuickFixes = !only || only.some((kind) => kind === 'quickfix' || 'quickfix'.startsWith(`${kind}.`));
    const actions: CodeAction[] = wantsQuickFixes ? service.codeActions(uri, params.range, params.context.diagnostics, doc) : [];
    if (wantsFixAll) {
      const input = await featureInput(uri);
      const result = input && service.fixAll(input.doc, input.context);
      if (result && result.textEdits.length > 0) actions.push({ title: 'Fix all vita problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: result.textEdits } } });
    }
    return actions;
  });
  connection.onDocumentFormatting(async (params) => {
    const doc = modelFor(params.textDocument.uri);
    if (!doc) return null;
    const { options } = await settings.get(params.textDocument.uri);
    return service.format(doc, { options }).textEdits;
  });
  // `vita.applyFixAll` [{ uri, version? }]: the "vita: Fix All" command. Applies every safe fix through
  // workspace/applyEdit (versioned when the client can check versions) and answers how many were applied.
  connection.onExecuteCommand(async (params) => {
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

  /** The model of the version the request was made on, with its options and (cached) diagnostics. */
  async function featureInput(uri: string): Promise<{ doc: ResumeDocument; context: ServiceContext; diagnostics: Diagnostic[] } | undefined> {
    const doc = modelFor(uri);
    if (!doc) return undefined;
    const { options } = await settings.get(uri);
    return { doc, context: { options, onRuleError }, diagnostics: await diagnosticsFor(uri) };
  }
  connection.onHover(async (params) => {
    const input = await featureInput(params.textDocument.uri);
    return input ? service.hover(input.doc, params.position, input.context, input.diagnostics) : null;
  });
  connection.languages.inlayHint.on(async (params) => {
    const doc = modelFor(params.textDocument.uri);
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

  documents.listen(connection);
  connection.listen();
}
