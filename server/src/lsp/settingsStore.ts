import type { Connection } from 'vscode-languageserver/node';
import type { FilePlace, FileSetup, Host } from '../host/host';
import { isRecord } from '../service/settings';
import { showMessage } from './messages';

/** A settings warning shows this many problems… */
const MAX_SHOWN = 5;
/** …each cut to this many characters. */
const MAX_PROBLEM_LENGTH = 400;

/**
 * The setup (options, config file, words file) of each open document: settings pulled with
 * `workspace/configuration` (or what the client pushed when it cannot be asked), laid over the nearest
 * `.vita/config.json` by the host; cached per document, forgotten on `didChangeConfiguration` and when a `.vita/`
 * file changes. Broken values are told once.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<FileSetup>>();
  private pushed: unknown;
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly host: Host,
    private readonly canPull: boolean,
    /** Where a document stands on disk (its path, workspace folder, trust). */
    private readonly placeOf: (uri: string) => FilePlace,
  ) {}

  get(uri: string): Promise<FileSetup> {
    let setup = this.cache.get(uri);
    if (!setup) {
      setup = this.fetch(uri);
      this.cache.set(uri, setup);
    }
    return setup;
  }

  private async fetch(uri: string): Promise<FileSetup> {
    let raw: unknown = this.pushed;
    if (this.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'vita' });
      } catch {
        raw = this.pushed;
      }
    }
    const setup = this.host.setup(this.placeOf(uri), raw);
    // One warning for all the broken values not reported yet: once, not per document nor per value.
    const fresh = setup.problems.filter((problem) => !this.reported.has(problem));
    if (fresh.length > 0) {
      for (const problem of fresh) {
        this.reported.add(problem);
        this.connection.console.warn(problem);
      }
      // One short message: at most MAX_SHOWN problems of at most MAX_PROBLEM_LENGTH characters (all are in the log).
      const shown = fresh.slice(0, MAX_SHOWN).map((problem) => (problem.length > MAX_PROBLEM_LENGTH ? `${problem.slice(0, MAX_PROBLEM_LENGTH)}…` : problem));
      const more = fresh.length > MAX_SHOWN ? ` …and ${fresh.length - MAX_SHOWN} more (see the output log).` : '';
      const what = fresh.length === 1 ? shown[0] : `${fresh.length} settings are broken and use their defaults: ${shown.join(' ')}${more}`;
      showMessage(this.connection, 'warning', `vita: ${what}`);
    }
    return setup;
  }

  /** `workspace/didChangeConfiguration`: forget everything; keep pushed settings for clients that push. */
  changed(settings: unknown): void {
    if (isRecord(settings) && 'vita' in settings) this.pushed = settings.vita;
    this.cache.clear();
  }

  /** A `.vita/config.json` changed: every document's setup is made again. */
  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
