/**
 * The connection and what every message passes before a handler sees it.
 *
 * - `--stdio`: messages are read by {@link FramedMessageReader}, whose framing is strict. A byte stream whose framing
 *   is broken (a header line without `:`, no or a bad `Content-Length`, a header that never ends) cannot be read any
 *   further — where the next message starts is lost — so the server says so on stderr and exits (1) rather than sit
 *   deaf. A body that is not JSON is answered with a parse error (-32700) and the next message is read.
 * - Before `initialize`, a request is answered with -32002 (ServerNotInitialized) and a notification is dropped
 *   (but `exit`), as the LSP specification asks; an `initialize` whose `params` or `capabilities` are not objects
 *   (`capabilities: null`) is read as `{}` (the LSP library reads them before any handler could).
 * - `--node-ipc`, `--socket`, `--pipe`: the library's transports, with the same gate.
 */
import { format } from 'node:util';
import {
  AbstractMessageReader,
  type Connection,
  type ConnectionOptions,
  createConnection,
  type DataCallback,
  Disposable,
  ErrorCodes,
  type Message,
  type MessageStrategy,
  ProposedFeatures,
  ResponseError,
  type ResponseMessage,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/** The method a request received before `initialize` is handed to: its handler answers -32002. */
const NOT_INITIALIZED = '$/vita/notInitialized';

/** A header block longer than this without its blank line is not LSP framing. */
const MAX_HEADER_BYTES = 64 * 1024;
/** A body longer than this cannot become one JavaScript string. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;

/** The byte stream's framing is broken: nothing after it can be read. */
export class FramingError extends Error {}

/** A body that is not JSON: that message is lost, the next one is read. */
export class MessageParseError extends Error {}

/**
 * LSP base-protocol framing over a byte stream: `Name: value` header lines ended by CRLF, a blank line, then exactly
 * `Content-Length` bytes of UTF-8 JSON. Strict: any framing error is a {@link FramingError} and reading stops.
 * Chunks are kept as they arrive and joined once per message (a 50 MB didOpen is not copied per chunk).
 */
export class FramedMessageReader extends AbstractMessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private bodyLength = -1;
  private broken = false;

  constructor(private readonly input: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer | string) => this.receive(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, callback);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    this.input.on('end', onClose);
    return Disposable.create(() => {
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('close', onClose);
      this.input.off('end', onClose);
    });
  }

  private receive(data: Buffer, callback: DataCallback): void {
    if (this.broken || data.length === 0) return;
    this.chunks.push(data);
    this.buffered += data.length;
    for (;;) {
      if (this.bodyLength < 0) {
        const all = this.joined();
        const end = all.indexOf('\r\n\r\n');
        if (end < 0) {
          if (all.length > MAX_HEADER_BYTES) return this.fail(`no blank line after ${MAX_HEADER_BYTES} bytes of header`);
          // A header line ended by LF alone never becomes a message: say so now rather than wait forever.
          const lf = all.indexOf('\n');
          if (lf >= 0 && (lf === 0 || all[lf - 1] !== 0x0d)) return this.fail('a header line ends with LF, not CRLF');
          return;
        }
        const length = this.contentLength(all.subarray(0, end).toString('latin1'));
        if (length === undefined) return;
        this.keep(all.subarray(end + 4));
        this.bodyLength = length;
      }
      if (this.buffered < this.bodyLength) return;
      const all = this.joined();
      const body = all.subarray(0, this.bodyLength);
      this.keep(all.subarray(this.bodyLength));
      this.bodyLength = -1;
      let message: Message;
      try {
        message = JSON.parse(body.toString('utf8')) as Message;
      } catch (error) {
        this.fireError(new MessageParseError(`a message body is not JSON (${(error as Error).message})`));
        continue;
      }
      callback(message);
      if (this.buffered === 0) return;
    }
  }

  /** The header block's Content-Length; undefined (and reading stops) when the block is not LSP framing. */
  private contentLength(header: string): number | undefined {
    let length: number | undefined;
    for (const line of header.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) {
        this.fail(`a header line is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`);
        return undefined;
      }
      if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_BODY_BYTES) {
        this.fail(`Content-Length is not a length: ${JSON.stringify(value.slice(0, 40))}`);
        return undefined;
      }
      length = Number(value);
    }
    if (length === undefined) this.fail('a header has no Content-Length');
    return length;
  }

  private joined(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0];
  }

  private keep(rest: Buffer): void {
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
  }

  private fail(reason: string): void {
    this.broken = true;
    this.chunks = [];
    this.buffered = 0;
    this.fireError(new FramingError(reason));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The gate every message passes before `initialize` (see the top of this file). */
function initializeGate(): MessageStrategy {
  let initialized = false;
  return {
    handleMessage(message, next) {
      const { method, id } = message as { method?: unknown; id?: unknown };
      const isRequest = typeof method === 'string' && (typeof id === 'number' || typeof id === 'string');
      if (!initialized) {
        if (isRequest && method === 'initialize') {
          initialized = true;
          const raw = (message as unknown as { params?: unknown }).params;
          const params: Record<string, unknown> = isRecord(raw) ? { ...raw } : {};
          if (!isRecord(params.capabilities)) params.capabilities = {};
          return next({ ...message, params } as Message);
        }
        if (isRequest) return next({ ...message, method: NOT_INITIALIZED } as Message);
        if (typeof method === 'string' && method !== 'exit') return; // a notification before initialize is dropped
      }
      next(message);
    },
  };
}

/**
 * The server's connection, on the transport the command line names (`--stdio`, `--node-ipc`, `--socket=N`,
 * `--pipe=NAME`), with the gate before `initialize`.
 */
export function createVitaConnection(argv: readonly string[] = process.argv): Connection {
  const options: ConnectionOptions = { messageStrategy: initializeGate() };
  let connection: Connection;
  if (argv.includes('--stdio')) {
    const reader = new FramedMessageReader(process.stdin);
    const writer = new StreamMessageWriter(process.stdout);
    reader.onError((error) => {
      if (error instanceof MessageParseError) {
        const reply: ResponseMessage = { jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `vita: ${error.message}` } };
        void writer.write(reply).catch(() => undefined);
        return;
      }
      const what = error instanceof FramingError ? `the client's messages cannot be read any more: ${error.message}` : `standard input failed: ${error.message}`;
      process.stderr.write(`vita: ${what}. The language server stops (exit 1).\n`);
      // A moment for the messages read before the break to be answered, then out.
      setTimeout(() => process.exit(1), 100);
    });
    connection = createConnection(ProposedFeatures.all, reader, writer, options);
    // What the library does for its own stdio transport: end with the input (0 after a shutdown request, else 1),
    // and keep console output off stdout, which carries the protocol.
    let shutdown = false;
    connection.onShutdown(() => {
      shutdown = true;
    });
    const end = () => process.exit(shutdown ? 0 : 1);
    process.stdin.on('end', end);
    process.stdin.on('close', end);
    console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
    console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
    console.error = (...args: unknown[]) => connection.console.error(format(...args));
  } else {
    connection = createConnection(ProposedFeatures.all, options);
  }
  connection.onRequest(NOT_INITIALIZED, () => {
    throw new ResponseError(ErrorCodes.ServerNotInitialized, 'vita: the server is not initialized yet (send initialize first)');
  });
  return connection;
}
