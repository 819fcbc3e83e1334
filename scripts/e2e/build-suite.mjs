// Bundles the end-to-end suite (test/e2e/suite/index.ts and *.test.ts) into out/e2e/suite/*.js, one file per entry
// with the helpers inlined, for the VS Code extension host: `vscode` is provided by the host and `mocha` is loaded
// from node_modules at run time.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const suiteDir = join(repo, 'test/e2e/suite');
const outdir = join(repo, 'out/e2e/suite');

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: readdirSync(suiteDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(suiteDir, name)),
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
