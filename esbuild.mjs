// Bundles the extension client, the language server and the CLI into dist/, and the TypeScript tests into
// out/test/ (one bundle per test file). `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
/** package.json's version, the ONE source of `vita --version`, `serverInfo` and SARIF's tool version (server/src/version.ts). */
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
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
  define: { VITA_VERSION: JSON.stringify(version) },
  // Data files bundled as strings (the matcher's vocabulary: server/src/service/match/vocabulary.ts).
  loader: { '.txt': 'text' },
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
  // The programs, each wrapped in a CommonJS module function for boot.ts to compile with a V8 code cache…
  {
    ...common,
    entryPoints: { 'server-main': 'server/src/lsp/main.ts', 'cli-main': 'server/src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
    footer: { js: '})' },
  },
  // …and the entry points that do it: `node dist/server.js --stdio`, the `vita` bin.
  { ...common, entryPoints: { server: 'server/src/boot/server.ts', cli: 'server/src/boot/cli.ts' }, outdir: 'dist' },
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

/** Code caches belong to the bundles they were made from (server/src/boot/boot.ts): drop them with every build. */
function dropCodeCaches() {
  if (!existsSync('dist')) return;
  for (const name of readdirSync('dist')) if (name.endsWith('.cache')) rmSync(join('dist', name));
}

if (watch) {
  // Rebuilt bundles would outdate the code caches (boot.ts would also notice by their dates): drop them up front.
  dropCodeCaches();
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  chmodSync('dist/cli.js', 0o755); // the `vita` bin
  // Code caches belong to the bundles they were made from: drop the old ones, then (not for the .vsix, whose
  // server runs in VS Code's own V8, which cannot use them) make new ones from a short real session.
  dropCodeCaches();
  if (!production) {
    const cache = spawnSync(process.execPath, ['scripts/build-code-cache.mjs'], { stdio: 'inherit' });
    if (cache.status !== 0) process.exit(cache.status ?? 1);
  }
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
