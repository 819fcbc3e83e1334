#!/usr/bin/env node
// `node bench/spelling.mjs [--reps N] [--no-build] [--server PATH]`: the spelling engine's own figures, on the built dist/.
//
//   in-process (the engine bundled from the sources with the server's loader, in a fresh node process):
//     load      reading the dictionaries and building the engine, and the RSS it adds
//     check     checkSpelling over bench/fixtures/two-page.md: the first pass (empty caches) and warm passes
//     suggest   engine.suggest() on test/fixtures/spelling/resume-typos.txt: p50, mean, p95, max
//   over stdio (`node dist/server.js --stdio`, a push-diagnostics client):
//     cold      spawn → first publishDiagnostics for two-page.md (median of N)
//     keystroke one character typed / deleted → that version's diagnostics (median)
//     RSS       VmHWM of the server after the file is open, the idle warm-up has run and 20 keystrokes
//
// Prints one Markdown table. Owned by the spelling work; the full benchmark is bench/run.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repo, 'package.json'));
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const reps = argValue('--reps', 7);
// `--server PATH`: another build of the server (a copy without dictionaries/ next to it measures vita without spelling).
const serverPath = process.argv.includes('--server') ? process.argv[process.argv.indexOf('--server') + 1] : join(repo, 'dist', 'server.js');
const fixture = join(repo, 'bench', 'fixtures', 'two-page.md');
const text = readFileSync(fixture, 'utf8');

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const stats = (samples) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(s.length * q))];
  return { p50: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
};
const ms = (v) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

// -------------------------------------------------------------------------------------------------
// In-process

const outDir = join(repo, 'out', 'bench');
mkdirSync(outDir, { recursive: true });
const bundle = join(outDir, 'spelling-bench.cjs');
const esbuild = await import('esbuild');
await esbuild.build({
  stdin: {
    contents: `
      export { createSpellingLoader } from './server/src/host/dictionaries';
      export { checkSpelling } from './server/src/service/spelling';
      export { parseResume } from './server/src/service/model/parse';`,
    resolveDir: repo,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
});
const typos = readFileSync(join(repo, 'test', 'fixtures', 'spelling', 'resume-typos.txt'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t')[0]);
const inProcess = `
  const m = require(${JSON.stringify(bundle)});
  const { readFileSync } = require('node:fs');
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const engine = m.createSpellingLoader({ dir: ${JSON.stringify(join(repo, 'dist', 'dictionaries'))}, onProblem: (e) => { throw new Error(e); } })
    .load({ language: 'en-US', words: [] });
  const loadMs = performance.now() - t0;
  const rssLoad = process.memoryUsage().rss - rss0;
  const doc = m.parseResume(readFileSync(${JSON.stringify(fixture)}, 'utf8'));
  const t1 = performance.now();
  const issues = m.checkSpelling(engine, doc.words);
  const firstCheckMs = performance.now() - t1;
  const warm = [];
  for (let i = 0; i < 50; i++) { const d = m.parseResume(readFileSync(${JSON.stringify(fixture)}, 'utf8')); const t = performance.now(); m.checkSpelling(engine, d.words); warm.push(performance.now() - t); }
  warm.sort((a, b) => a - b);
  const t2 = performance.now();
  engine.warmUp();
  const warmUpMs = performance.now() - t2;
  const times = ${JSON.stringify(typos)}.map((w) => { const t = performance.now(); engine.suggest(w); return performance.now() - t; });
  // Typing a new word: each prefix is a new unknown word the check classifies (as bench/run.mjs does).
  const typing = [];
  for (const word of ['Kubernetes', 'observability', 'Raghunathan', 'containerised', 'Harbourline', 'reconciliations']) {
    for (let n = 4; n < word.length; n++) {
      const prefix = word.slice(0, n);
      if (engine.isKnown(prefix)) continue;
      const t = performance.now();
      engine.classifyUnknown(prefix, 'text');
      typing.push(performance.now() - t);
    }
  }
  global.gc?.();
  console.log(JSON.stringify({ loadMs, rssLoadMB: rssLoad / 1048576, rssEndMB: process.memoryUsage().rss / 1048576, firstCheckMs,
    warmCheckMs: warm[warm.length >> 1], warmUpMs, times, typing, words: doc.words.length,
    findings: issues.map((i) => i.word.text + (i.kind === 'casing' ? '(casing)' : '')) }));
`;
const run = spawnSync(process.execPath, ['-e', inProcess], { encoding: 'utf8', cwd: repo });
if (run.status !== 0) throw new Error(run.stderr);
const engineFigures = JSON.parse(run.stdout.trim().split('\n').pop());
const suggest = stats(engineFigures.times);
const typing = stats(engineFigures.typing);

// -------------------------------------------------------------------------------------------------
// Over stdio

const protocol = require('vscode-languageserver-protocol/node');

function client() {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    for (const w of [...waiters]) if (w.version === params.version) (waiters.splice(waiters.indexOf(w), 1), w.resolve({ at, params }));
  });
  connection.onRequest(protocol.ConfigurationRequest.type, (params) => params.items.map(() => ({})));
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const uri = pathToFileURL(fixture).href;
  return {
    spawnedAt,
    child,
    async start() {
      await connection.sendRequest(protocol.InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      });
      await connection.sendNotification(protocol.InitializedNotification.type, {});
    },
    diagnosticsOf(version, send) {
      const p = new Promise((resolve) => waiters.push({ version, resolve }));
      send();
      return p;
    },
    open() {
      return this.diagnosticsOf(1, () => connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'resume', version: 1, text } }));
    },
    change(version, contentChanges) {
      return this.diagnosticsOf(version, () => connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges }));
    },
    hwm() {
      return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      await connection.sendRequest(protocol.ShutdownRequest.type);
      await connection.sendNotification(protocol.ExitNotification.type);
      await exited;
      connection.dispose();
    },
  };
}

const cold = [];
let spellingFindings = 0;
for (let i = 0; i < reps; i++) {
  const c = client();
  await c.start();
  const { at, params } = await c.open();
  cold.push(at - c.spawnedAt);
  spellingFindings = params.diagnostics.filter((d) => /spell/.test(String(d.code))).length;
  await c.stop();
}
const c = client();
await c.start();
await c.open();
await new Promise((r) => setTimeout(r, 1500)); // the idle warm-up
const lines = text.split('\n');
const line = Math.floor(lines.length / 2);
const at = { line, character: lines[line].length };
const keys = [];
for (let v = 2; v < 42; v++) {
  const insert = v % 2 === 0;
  const range = insert ? { start: at, end: at } : { start: at, end: { line, character: at.character + 1 } };
  const sent = performance.now();
  const { at: got } = await c.change(v, [{ range, text: insert ? 's' : '' }]);
  keys.push(got - sent);
}
const rss = c.hwm();
await c.stop();

const rows = [
  ['cold start → first diagnostics (two-page.md)', `${ms(stats(cold).p50)} (${ms(stats(cold).min)}–${ms(stats(cold).max)}, n=${reps})`],
  ['server peak RSS (VmHWM) after open + warm-up + 40 keystrokes', `${rss.toFixed(1)} MB`],
  ['keystroke → diagnostics', `p50 ${ms(stats(keys).p50)}, p95 ${ms(stats(keys).p95)}`],
  ['engine load (read + build), in-process', `${ms(engineFigures.loadMs)}, +${engineFigures.rssLoadMB.toFixed(1)} MB RSS`],
  [`first spelling pass, ${engineFigures.words} words (empty caches)`, ms(engineFigures.firstCheckMs)],
  ['warm spelling pass (fresh parse, engine caches warm)', ms(engineFigures.warmCheckMs)],
  ['warmUp()', ms(engineFigures.warmUpMs)],
  [`suggest() on ${typos.length} résumé typos`, `p50 ${ms(suggest.p50)}, mean ${ms(suggest.mean)}, p95 ${ms(suggest.p95)}, max ${ms(suggest.max)}`],
  [`classifyUnknown() of each new prefix while typing (${engineFigures.typing.length} prefixes)`, `p50 ${ms(typing.p50)}, mean ${ms(typing.mean)}, p95 ${ms(typing.p95)}, max ${ms(typing.max)}`],
  ['in-process RSS at the end', `${engineFigures.rssEndMB.toFixed(1)} MB`],
  ['spelling findings on two-page.md (server)', `${spellingFindings}: ${engineFigures.findings.join(', ')}`],
];
console.log('| measure | value |\n|---|---|');
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
