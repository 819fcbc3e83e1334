import {
  type Connection,
  type Diagnostic,
  DocumentDiagnosticReportKind,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createResumeService, type ResumeDocument, type ServiceContext } from './service/index';
import { SettingsStore } from './settings';

/**
 * LSP wiring only: capabilities, and one short handler per request that gets the document, calls the
 * service and returns plain LSP data.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = createResumeService();
  let settings: SettingsStore;
  let pullDiagnostics = false;
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
    settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Résumé' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'vita', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'vita', version: '0.1.0' },
    };
  });

  /** The model and options for a document, or undefined when it is not open. */
  const modelFor = (uri: string): ResumeDocument | undefined => {
    const document = documents.get(uri);
    return document ? service.parse(document) : undefined;
  };

  async function diagnosticsFor(uri: string): Promise<Diagnostic[]> {
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
  const scheduled = new Map<string, NodeJS.Immediate>();
  const published = new Map<string, number>();
  function schedulePush(uri: string): void {
    if (pullDiagnostics) return;
    const pending = scheduled.get(uri);
    if (pending) clearImmediate(pending);
    scheduled.set(
      uri,
      setImmediate(async () => {
        scheduled.delete(uri);
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
    tooLargeReported.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
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
  connection.onCodeAction((params) => {
    if (!documents.get(params.textDocument.uri)) return null;
    return service.codeActions(params.textDocument.uri, params.range, params.context.diagnostics);
  });

  documents.listen(connection);
  connection.listen();
}
