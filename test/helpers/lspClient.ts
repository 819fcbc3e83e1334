import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './fixtures';

/** How long a server spawned by a test may live at most (it is killed then, and every pending request fails). */
const DEFAULT_LIFETIME_MS = 180_000;

/**
 * A real LSP client over stdio against the built server, for protocol tests and the benchmark. It never hangs a
 * run: when the server exits (it crashed, it was killed, or it outlived `lifetimeMs`), every request still waiting
 * and every {@link diagnostics} waiter fails at once with the exit code, the signal and the server's stderr.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void; reject: (error: Error) => void }[] = [];
  stderr = '';
  /** Every `window/showMessage` the server sent, in order. */
  readonly messages: { type: number; message: string }[] = [];
  /** What `workspace/configuration` answers with for the `vita` section. */
  settings: unknown = {};
  /** Resolves with the exit code (null after a signal) once the server has exited and its output is read. */
  readonly exited: Promise<number | null>;
  /** Why the server is gone, once it is: "exited with code 1", "was killed by SIGKILL". */
  private death: string | undefined;
  private shuttingDown = false;

  constructor(args: string[] = [join(repoRoot(), 'dist', 'server.js'), '--stdio'], options: { lifetimeMs?: number } = {}) {
    this.child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: options.lifetimeMs ?? DEFAULT_LIFETIME_MS, killSignal: 'SIGKILL' });
    this.child.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    // Writing to a server that is gone must fail the request, not the test process (EPIPE on an unhandled stream).
    this.child.stdin!.on('error', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection = connection;
    // 'close': the process exited and its output was read, so every answer it sent has arrived.
    this.exited = new Promise((resolve) => {
      this.child.once('close', (code, signal) => {
        this.death = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        const error = this.deathError();
        for (const waiter of this.waiters.splice(0)) waiter.reject(error);
        // Every request still waiting is rejected (vscode-jsonrpc rejects pending responses on dispose).
        connection.dispose();
        resolve(code);
      });
    });
    // A request that fails because the server died says so, with what the server wrote on stderr.
    const send = connection.sendRequest.bind(connection) as (...args: unknown[]) => Promise<unknown>;
    (connection as { sendRequest: (...args: unknown[]) => Promise<unknown> }).sendRequest = (...args: unknown[]) => {
      if (this.death) return Promise.reject(this.deathError());
      return send(...args).catch((error: unknown) => {
        throw this.death && !this.shuttingDown ? this.deathError(error) : error;
      });
    };
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  private deathError(cause?: unknown): Error {
    const method = cause instanceof Error ? ` (${cause.message})` : '';
    return new Error(`the server ${this.death ?? 'is gone'} while the test waited for it${method}; stderr: ${this.stderr.slice(-2000) || '(empty)'}`);
  }

  /** `workspaceFolders`: file-system paths of the folders the client has open (none by default). */
  async initialize(capabilities: ClientCapabilities = {}, workspaceFolders: string[] = [], initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: workspaceFolders.length > 0 ? workspaceFolders.map((path) => ({ uri: pathToFileURL(path).href, name: path })) : null,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(path: string, text: string, version = 1, languageId = 'resume'): Promise<string> {
    const uri = pathToFileURL(path).href;
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  /** Resolves with the first published diagnostics (already received or future) that match. */
  diagnostics(predicate: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const seen = this.published.find(predicate);
    if (seen) return Promise.resolve(seen);
    if (this.death) return Promise.reject(this.deathError());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error(`no matching diagnostics within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      const waiter = {
        predicate,
        resolve: (p: PublishDiagnosticsParams) => {
          clearTimeout(timer);
          resolve(p);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  allPublished(): readonly PublishDiagnosticsParams[] {
    return this.published;
  }

  /** Shuts the server down (shutdown, exit) and answers its exit code; a server already gone answers at once. */
  async shutdown(): Promise<number | null> {
    if (this.death) return this.exited;
    this.shuttingDown = true;
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  /** Kills the server (SIGKILL) if it still runs, and waits until it is gone: for a `finally` after a failure. */
  async kill(): Promise<void> {
    if (!this.death) this.child.kill('SIGKILL');
    await this.exited;
  }
}
