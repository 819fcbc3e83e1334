/**
 * What the CLI's FILE arguments name, as eslint and cspell read them: a file; a folder, searched recursively for
 * the files vita serves by name (`resume.md`, `*.cv.md`, …) and those the `files` globs of the nearest
 * `.vita/config.json` name (`node_modules` and `.git` skipped, symbolic links to folders not followed); a quoted
 * glob, expanded by vita (`"cv/**\/*.md"`); `-` for standard input.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { configFileGlobs, CONFIG_FILE, nearestVitaFile, readConfigFile, VITA_FOLDER } from '../host/config';
import { isResumeFileName } from '../protocol';

/** One input: a path as the user will read it, or standard input. */
export type Input = { kind: 'file'; path: string } | { kind: 'stdin' };

export interface Expansion {
  inputs: Input[];
  /** Arguments that named nothing (exit 2), one message each. */
  problems: string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** Folders deeper than this are not searched (a guard against pathological trees). */
const MAX_DEPTH = 32;

/** Whether an argument is a glob pattern rather than a path. */
export function isGlob(argument: string): boolean {
  return picomatch.scan(argument).isGlob;
}

/** The inputs the arguments name, each file once, in the order named (a folder's files sorted). */
export function expandArguments(args: readonly string[], cwd = process.cwd()): Expansion {
  const inputs: Input[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = resolve(cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', path });
  };
  for (const argument of args) {
    if (argument === '-') {
      if (!inputs.some((input) => input.kind === 'stdin')) inputs.push({ kind: 'stdin' });
      continue;
    }
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(resolve(cwd, argument));
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = searchFolder(argument, cwd);
      if (found.length === 0) problems.push(`no résumé files in ${argument} (vita looks for resume.md, cv.md, *.resume, *.cv.md… and the "files" globs of .vita/config.json)`);
      found.forEach(add);
    } else if (stat || !isGlob(argument)) {
      // A file (or something else, or nothing): reading it says what is wrong.
      add(argument);
    } else {
      const found = expandGlob(argument, cwd);
      if (found.length === 0) problems.push(`no files match the pattern "${argument}"`);
      found.forEach(add);
    }
  }
  return { inputs, problems };
}

/**
 * The regular files below `root` (symbolic links to files followed, to folders not: no loops), in sorted order,
 * `node_modules` and `.git` skipped, at most {@link MAX_DEPTH} folders deep. `enter(dir, names)` sees each folder's
 * names before its files are visited.
 */
function walkFiles(root: string, visit: (path: string, name: string) => void, enter?: (dir: string, names: readonly string[]) => void): void {
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    enter?.(dir, names);
    for (const name of names) {
      if (SKIPPED_FOLDERS.has(name)) continue;
      const path = join(dir, name);
      let entry;
      try {
        entry = lstatSync(path);
      } catch {
        continue;
      }
      if (entry.isDirectory()) {
        walk(path, depth + 1);
        continue;
      }
      if (entry.isSymbolicLink()) {
        try {
          if (!statSync(path).isFile()) continue;
        } catch {
          continue;
        }
      } else if (!entry.isFile()) {
        continue;
      }
      visit(path, name);
    }
  };
  walk(root, 0);
}

/** The résumé files in a folder and below, sorted; paths as `folder/…` (the folder as given). */
function searchFolder(folder: string, cwd: string): string[] {
  const root = resolve(cwd, folder);
  // The `files` globs of the config file that applies to the folder, and of config files found inside it.
  const matchers: { base: string; match: (path: string) => boolean }[] = [];
  const addConfig = (configPath: string) => {
    const globs = configFileGlobs(readConfigFile(configPath));
    if (globs.length > 0) matchers.push({ base: dirname(dirname(configPath)), match: picomatch(globs, { dot: false }) });
  };
  const above = nearestVitaFile(root, CONFIG_FILE);
  if (above) addConfig(above);
  const found: string[] = [];
  walkFiles(
    root,
    (path, name) => {
      const wanted = isResumeFileName(name) || matchers.some(({ base, match }) => {
        const inside = relative(base, path);
        return !inside.startsWith('..') && match(inside.split(sep).join('/'));
      });
      if (wanted) found.push(join(folder, relative(root, path)));
    },
    (dir, names) => {
      if (!names.includes(VITA_FOLDER) || (above && dir === dirname(dirname(above)))) return;
      const inner = join(dir, VITA_FOLDER, CONFIG_FILE);
      try {
        if (statSync(inner).isFile()) addConfig(inner);
      } catch {
        // no config file here
      }
    },
  );
  return found;
}

/** The files a glob matches, sorted; searched from the glob's fixed part (`cv/` of `cv/**\/*.md`). */
function expandGlob(pattern: string, cwd: string): string[] {
  const { base } = picomatch.scan(pattern);
  const match = picomatch(pattern, { dot: false });
  const found: string[] = [];
  walkFiles(resolve(cwd, base || '.'), (path) => {
    const shown = relative(cwd, path).split(sep).join('/');
    const asWritten = pattern.startsWith('./') ? `./${shown}` : shown;
    if (match(asWritten) || match(path)) found.push(asWritten);
  });
  return found;
}
