// What the generated reference files share (docs/rules.md, schemas/config.schema.json): load TypeScript modules of the
// project (esbuild bundles them in memory), then write the file — or, with `--check`, exit 1 when it is stale.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The exports of a few lines of TypeScript (`export { x } from './server/…'`), resolved from the project's root. */
export async function loadTs(contents) {
  const bundle = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    loader: { '.txt': 'text' },
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

/** Writes `text` to `relativePath`, or with `--check` in argv exits 1 (naming `command`) when the file differs. */
export function writeOrCheck(relativePath, text, command) {
  const target = join(root, relativePath);
  if (process.argv.includes('--check')) {
    if ((existsSync(target) ? readFileSync(target, 'utf8') : '') !== text) {
      process.stderr.write(`${relativePath} is stale: run \`${command}\`.\n`);
      process.exit(1);
    }
    process.stdout.write(`${relativePath} is up to date.\n`);
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write(`wrote ${relativePath}\n`);
}
