/**
 * When and for which text diagnostics are computed: once per document version and text (a client may send a change
 * without a higher version, or open a document again without a close: a different text under the same version is
 * checked again), shared by pull, push, hover, code actions and the summary; cleared when settings change or the
 * document closes.
 *
 * Parsing and rules run in slices with pauses between them, so other requests are answered while a big document is
 * checked; at each pause the computation is abandoned (its promise resolves to undefined and it leaves the cache)
 * when a newer version arrived, the cache was cleared, or every request waiting for it was cancelled. An abandoned
 * computation is never a result: waiters follow the newest version.
 *
 * Push (clients without pull diagnostics: Neovim 0.7, eglot): only the newest text is ever checked, so a burst of
 * changes leads to one check of the final text and no stale publish (newer by the order of the checks, not by the
 * versions the client sent).
 */
import type { CancellationToken, Diagnostic } from 'vscode-languageserver/node';

/** The text of an open document, as the server's document manager holds it. */
export interface OpenDocument {
  uri: string;
  version: number;
  getText(): string;
}

export interface SchedulerOptions {
  /** The open document of a uri, or undefined once it is closed. */
  document(uri: string): OpenDocument | undefined;
  /**
   * Computes the diagnostics of one version; `stopped()` is true once the computation should be abandoned, and it
   * answers undefined then.
   */
  compute(uri: string, version: number, stopped: () => boolean): Promise<Diagnostic[] | undefined>;
  /** Whether the client wants diagnostics pushed (known at `initialize`: clients without pull diagnostics). */
  pushes(): boolean;
  /** Pushes diagnostics to the client. */
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
}

interface Check {
  version: number;
  /**
   * The text checked: a client may send a change without a higher version, or open a document again without closing
   * it, so a version alone does not name a text (the same string object while the document is unchanged).
   */
  text: string;
  /** Made after every check before it: what "newer" means for pushes, whatever versions the client sends. */
  sequence: number;
  diagnostics: Promise<Diagnostic[] | undefined>;
  /** Requests with a cancellation token still waiting for it. */
  waiting: number;
  /** Something without a token (a push) waits for it: never abandoned for cancelled requests. */
  pinned: boolean;
  abandoned: boolean;
}

export class DiagnosticsScheduler {
  private readonly checked = new Map<string, Check>();
  private readonly scheduled = new Map<string, NodeJS.Immediate>();
  /** The sequence number of the check last published per document. */
  private readonly published = new Map<string, number>();
  private sequence = 0;

  constructor(private readonly options: SchedulerOptions) {}

  /**
   * The diagnostics of the document's current version, following newer versions when a computation is abandoned
   * for one; undefined when the document is not open or `token` is cancelled.
   */
  async current(uri: string, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    for (;;) {
      if (token?.isCancellationRequested) return undefined;
      const entry = this.checkOf(uri);
      if (!entry) return undefined;
      const diagnostics = await this.waitFor(entry, token);
      if (diagnostics) return diagnostics;
    }
  }

  /**
   * The diagnostics of exactly this text of the document (the one a caller already parsed), or undefined when it is
   * no longer current (a change abandoned it) or `token` is cancelled.
   */
  async of(document: OpenDocument, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    const entry = this.checkOf(document.uri);
    if (!entry || entry.version !== document.version || entry.text !== document.getText()) return undefined;
    return this.waitFor(entry, token);
  }

  /** Schedules a push of the newest version (a no-op for clients that pull). */
  schedulePush(uri: string, turns = 2): void {
    if (!this.options.pushes()) return;
    const pending = this.scheduled.get(uri);
    if (pending) clearImmediate(pending);
    // The JSON-RPC connection handles one queued message per setImmediate turn, so a check queued once would run
    // between two changes already received and check a stale version (bench: 20 changes sent together gave 20
    // checks). Waiting one more turn lets every received change apply first and push the check back again.
    this.scheduled.set(
      uri,
      setImmediate(async () => {
        this.scheduled.delete(uri);
        if (turns > 1) return this.schedulePush(uri, turns - 1);
        const entry = this.checkOf(uri);
        if (!entry) return;
        // Abandoned (undefined) only for a newer text, new settings or a close: each schedules its own push.
        const diagnostics = await this.waitFor(entry);
        if (!diagnostics || !this.isCurrent(entry, this.options.document(uri)) || (this.published.get(uri) ?? -1) > entry.sequence) return;
        this.published.set(uri, entry.sequence);
        this.options.publish(uri, entry.version, diagnostics);
      }),
    );
  }

  /** Forgets every computation (settings or dictionaries changed); pushes are scheduled anew by the caller. */
  clear(): void {
    this.checked.clear();
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.checked.delete(uri);
    this.published.delete(uri);
    const pending = this.scheduled.get(uri);
    if (pending) clearImmediate(pending);
    this.scheduled.delete(uri);
  }

  /** Whether a check is of the document's text as it is now (its version and its text). */
  private isCurrent(entry: Check, document: OpenDocument | undefined): boolean {
    return document !== undefined && document.version === entry.version && document.getText() === entry.text;
  }

  /** The computation for the current text of an open document, started when there is none. */
  private checkOf(uri: string): Check | undefined {
    const document = this.options.document(uri);
    if (!document) return undefined;
    const cached = this.checked.get(uri);
    if (cached && this.isCurrent(cached, document) && !cached.abandoned) return cached;
    const entry: Check = {
      version: document.version,
      text: document.getText(),
      sequence: ++this.sequence,
      diagnostics: Promise.resolve(undefined),
      waiting: 0,
      pinned: false,
      abandoned: false,
    };
    this.checked.set(uri, entry);
    const forget = () => {
      if (this.checked.get(uri) === entry) this.checked.delete(uri);
    };
    const stopped = () => entry.abandoned || this.checked.get(uri) !== entry || !this.isCurrent(entry, this.options.document(uri));
    entry.diagnostics = this.options.compute(uri, entry.version, stopped).then(
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
  private waitFor(entry: Check, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
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
}
