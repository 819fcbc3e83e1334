/**
 * `.vita/config.json`: the editor's `vita.*` settings for a project, read by the CLI (so CI checks what the editor
 * checks) and by the server. The keys are the settings' keys without `vita.`, nested as the editor nests them:
 *
 *   { "rules": { "spelling": "off" }, "dates": { "style": { "month": "short" } },
 *     "spelling": { "words": ["Kubeflow"], "language": "en-GB" }, "files": ["cv/*.md"] }
 *
 * The nearest `.vita/config.json` above a file applies to it (beside `.vita/words.txt`). What the user set
 * explicitly (a VS Code setting they wrote, a CLI option) wins over it; `spelling.words` of both are joined.
 * A broken file or value is one clear message; the rest of the file still applies; nothing throws.
 */
import { dirname, join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { RESTRICTED_SETTING_KEYS, SETTING_KEYS } from '../protocol';
import { isRecord } from '../service/settings';
import { decodeText, FileReadError, printable, readRegularFile } from './files';

/** The folder of per-project files, and the two files in it. */
export const VITA_FOLDER = '.vita';
export const CONFIG_FILE = 'config.json';
export const WORDS_FILE = 'words.txt';

/** A config file larger than this is refused (it is a few lines of JSON). */
const MAX_CONFIG_BYTES = 1024 * 1024;


export interface ConfigFile {
  path: string;
  /** The settings it holds (only known keys; unknown ones are named in `problems`). */
  settings: Record<string, unknown>;
  problems: string[];
}

/**
 * The nearest file `.vita/<name>` in `from`'s folder or above it, not above `boundary` (the workspace folder) when
 * given. Looks with `stat` only (nothing is opened). Anything but a folder by that name is the nearest one — a named
 * pipe or a socket too, which the reader then refuses with a message, rather than a config further up applying.
 */
export function nearestVitaFile(from: string, name: string, boundary?: string): string | undefined {
  let dir = resolve(from);
  const stop = boundary ? resolve(boundary) : undefined;
  for (;;) {
    const candidate = join(dir, VITA_FOLDER, name);
    try {
      if (!statSync(candidate).isDirectory()) return candidate;
    } catch {
      // not there
    }
    if (stop !== undefined && dir === stop) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and checks a config file; never throws. */
export function readConfigFile(path: string, options: { trusted?: boolean } = {}): ConfigFile {
  const problems: string[] = [];
  let text: string;
  try {
    const { bytes, truncated } = readRegularFile(path, MAX_CONFIG_BYTES);
    if (truncated) return { path, settings: {}, problems: [`${path} is larger than 1 MB; ignoring it.`] };
    text = decodeText(bytes);
  } catch (error) {
    const reason = error instanceof FileReadError ? error.reason : (error as Error).message;
    return { path, settings: {}, problems: [`cannot read ${path}: ${reason}; ignoring it.`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { path, settings: {}, problems: [`${path} is not valid JSON (${(error as Error).message}); ignoring it.`] };
  }
  if (!isRecord(raw)) return { path, settings: {}, problems: [`${path} must hold a JSON object like { "rules": { "spelling": "off" } }; ignoring it.`] };
  const settings = knownSettings(raw, path, problems);
  if (options.trusted === false) {
    for (const key of RESTRICTED_SETTING_KEYS) if (dropKey(settings, key)) problems.push(`${path}: "${key}" is not applied in an untrusted workspace.`);
  }
  return { path, settings, problems };
}

/**
 * The known settings of a config object (unknown keys named in `problems`). A key may be written nested
 * (`{"dates": {"style": …}}`) or dotted (`{"dates.style": …}`), as in VS Code's settings.json; `vita.`-prefixed keys
 * are accepted too.
 */
function knownSettings(raw: Record<string, unknown>, path: string, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // However many unknown keys there are, one line names the first few.
  const unknown: string[] = [];
  let unknownCount = 0;
  const unknownKey = (key: string) => {
    if (unknown.length < 3) unknown.push(`"${printable(key.length > 60 ? `${key.slice(0, 60)}…` : key)}"`);
    unknownCount++;
  };
  const visit = (object: Record<string, unknown>, prefix: string) => {
    for (const [written, value] of Object.entries(object)) {
      if (prefix === '' && written === '$schema') continue;
      const key = prefix + (prefix === '' && written.startsWith('vita.') ? written.slice(5) : written);
      if (SETTING_KEYS.includes(key)) setPath(out, key, value);
      else if (isRecord(value) && SETTING_KEYS.some((known) => known.startsWith(`${key}.`))) visit(value, `${key}.`);
      else unknownKey(key);
    }
  };
  visit(raw, '');
  if (unknownCount > 0) {
    const names = unknownCount > unknown.length ? `${unknown.join(', ')} and ${unknownCount - unknown.length} more` : unknown.join(', ');
    problems.push(`${path}: unknown setting${unknownCount === 1 ? '' : 's'} ${names} (known: ${SETTING_KEYS.join(', ')}); ignoring ${unknownCount === 1 ? 'it' : 'them'}.`);
  }
  return out;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isRecord(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

function dropKey(target: Record<string, unknown>, dotted: string): boolean {
  const parts = dotted.split('.');
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) {
    if (!isRecord(node)) return false;
    node = node[part];
  }
  if (!isRecord(node) || !(parts[parts.length - 1] in node)) return false;
  delete node[parts[parts.length - 1]];
  return true;
}

/**
 * Config settings overlaid with what the user set explicitly: objects merge key by key (one rule's severity, one
 * part of the date style), any other value set explicitly replaces the config's, and `spelling.words` of both are
 * joined (words are never taken away).
 */
export function mergeSettings(config: unknown, explicit: unknown): unknown {
  if (!isRecord(config)) return explicit ?? config;
  if (!isRecord(explicit)) return config;
  const merged = overlay(config, explicit);
  const configWords = wordsOf(config);
  const explicitWords = wordsOf(explicit);
  if (configWords && explicitWords && isRecord(merged.spelling)) {
    const explicitSet = new Set(explicitWords); // a Set: two long lists are joined in linear time
    merged.spelling = { ...merged.spelling, words: [...explicitWords, ...configWords.filter((w) => !explicitSet.has(w))] };
  }
  return merged;
}

function overlay(base: Record<string, unknown>, top: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(top)) {
    if (value === undefined) continue;
    out[key] = isRecord(value) && isRecord(base[key]) ? overlay(base[key] as Record<string, unknown>, value) : value;
  }
  return out;
}

function wordsOf(settings: Record<string, unknown>): unknown[] | undefined {
  const spelling = settings.spelling;
  return isRecord(spelling) && Array.isArray(spelling.words) ? spelling.words : undefined;
}

/** The `files` globs of a config file (relative to the folder holding `.vita/`), valid strings only. */
export function configFileGlobs(config: ConfigFile): string[] {
  const files = config.settings.files;
  return Array.isArray(files) ? files.filter((glob): glob is string => typeof glob === 'string' && glob.length > 0) : [];
}
