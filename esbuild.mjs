// Bundles the extension client, the language server and the CLI into dist/, and the TypeScript tests into
// out/test/ (one bundle per test file). `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

function testEntryPoints(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testEntryPoints(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/main.ts', cli: 'server/src/cli.ts' }, outdir: 'dist' },
];
const testEntries = production ? [] : [...testEntryPoints('test/unit'), ...testEntryPoints('test/protocol')];
if (!production) {
  builds.push({
    ...common,
    entryPoints: testEntries,
    outbase: 'test',
    outdir: 'out/test',
    sourcemap: 'inline',
    external: ['vscode'],
  });
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  chmodSync('dist/cli.js', 0o755); // the `vita` bin
  // Drop bundles of test files that no longer exist (never the whole folder: a concurrent run may be reading it).
  const wanted = new Set(testEntries.map((entry) => join('out', entry.replace(/\.ts$/, '.js'))));
  const stale = (dir) => {
    try {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) stale(path);
        else if (name.endsWith('.test.js') && !wanted.has(path)) rmSync(path);
      }
    } catch {
      // out/test does not exist yet
    }
  };
  if (!production) stale('out/test');
}
