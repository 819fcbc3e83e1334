#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --write] [-- --no-build] [-- --no-package]`
//
// Times vita against its targets and against cspell's CLI, on the built dist/ (never the sources):
//   - cold start, keystroke, documentSymbol, hover and peak RSS over stdio against `node dist/server.js --stdio`,
//     driven as a push-diagnostics client (no pull capability), like Neovim or eglot;
//   - the full check (parse + all rules) in-process, from bench/service-entry.ts bundled here into out/bench/;
//   - spelling suggestions in-process (the engine must be there: the bench stops when its sources moved);
//   - `vita match` in-process: bench/fixtures/two-page.md against bench/fixtures/job.md (parse the job + match);
//   - `node dist/cli.js check FILE` and cspell's CLI on the same files, wall-clock;
//   - the .vsix (`npm run package` in a scratch copy, so dist/ here is not replaced by a production build) and dist/.
// Prints a Markdown report; `--write` also writes it to bench/RESULTS.md. Every figure is a median with min–max.
//
// Files: the two real résumés in ../shared/seeds (read in place, never copied; skipped with a note when absent),
// bench/fixtures/two-page.md (fictional) and a 10,000-line document generated here.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repo, 'package.json'));
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const write = argv.includes('--write');
const build = !argv.includes('--no-build');
const packageVsix = !argv.includes('--no-package');

/** Repetitions: full run, then --quick. */
const REPS = {
  coldStart: quick ? 2 : 7,
  warmUp: quick ? 5 : 30,
  fullCheck: quick ? 10 : 100,
  fullCheckLarge: quick ? 3 : 20,
  keystrokes: quick ? 10 : 50,
  keystrokesLarge: quick ? 3 : 10,
  requests: quick ? 5 : 30,
  cli: quick ? 1 : 5,
  suggestions: quick ? 6 : 20,
  responsiveness: quick ? 4 : 12,
};

const log = (message) => process.stderr.write(`${message}\n`);

// -------------------------------------------------------------------------------------------------
// Statistics and formatting

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { median, min: sorted[0], max: sorted[n - 1], n };
}

function ms(value) {
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

const fmtStats = (s, unit = ms) => (s.n === 1 ? unit(s.median) : `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes) => (bytes >= 1024 * 1024 ? mb(bytes) : `${(bytes / 1024).toFixed(0)} kB`);
const mark = (pass) => (pass ? ' ✅' : ' ❌');

// -------------------------------------------------------------------------------------------------
// Build

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

if (build) {
  log('building (npm run build)…');
  run('npm', ['run', 'build', '--silent']);
}
for (const file of ['dist/server.js', 'dist/cli.js']) {
  if (!existsSync(join(repo, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
}

const esbuild = require('esbuild');
const outDir = join(repo, 'out', 'bench');
mkdirSync(outDir, { recursive: true });
// The spelling engine is part of every check: a bench without it measures something else, so a moved source stops
// the bench rather than silently leaving spelling out (as it once did when the loader moved into host/).
for (const source of ['server/src/service/spelling/index.ts', 'server/src/host/dictionaries.ts']) {
  if (!existsSync(join(repo, source))) throw new Error(`bench: ${source} is missing; update bench/run.mjs and bench/spelling-entry.ts`);
}
const spellingPresent = true;
const bundle = (entry, outfile) =>
  esbuild.buildSync({ entryPoints: [join(repo, entry)], outfile: join(outDir, outfile), bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error', loader: { '.txt': 'text' } });
bundle('bench/service-entry.ts', 'service.cjs');
if (spellingPresent) bundle('bench/spelling-entry.ts', 'spelling.cjs');
const bench = require(join(outDir, 'service.cjs'));

// -------------------------------------------------------------------------------------------------
// Files

/** A 10,000-line document: résumé-shaped entries repeated with varied dates, bullets, a few typos and glyphs. */
function syntheticDocument(lines = 10_000) {
  let seed = 0x2f6e2b1;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'January', 'September'];
  const orgs = ['Northwind Traders', 'Contoso Ltd', 'Fabrikam Inc', 'Tailspin Toys', 'Wide World Importers', 'Adventure Works'];
  const roles = ['Software Engineer', 'Senior Data Analyst', 'Project Manager', 'Product Designer', 'Site Reliability Engineer'];
  const places = ['Leeds, UK', 'Austin, TX', 'Toronto, Canada', 'Berlin, Germany', 'Remote'];
  const verbs = ['Led', 'Built', 'Designed', 'Migrated', 'Reduced', 'Automated', 'Mentored', 'Developped', 'Improved', 'Launched'];
  const objects = [
    'the billing pipeline to BigQuery, cutting costs by 30%',
    'a React dashboard used by 400 analysts every week',
    'the on-call runbook and halved paging alerts',
    'five junior engineers through their first year',
    'a Kafka ingestion service handling 2 billion events a month',
    'the release process with GitHub Actions and Terraform',
    'an anomaly detection job that saved £1.2M in penalty fees',
    'the data warehouse managment and reporting process',
  ];
  const out = ['# Synthetic Benchmark Person', '', 'synthetic.person@example.com · +1 555 010 0000 · Leeds, UK', '', '## Experience', ''];
  while (out.length < lines) {
    const start = 1990 + Math.floor(random() * 30);
    out.push(`### ${pick(orgs)} — ${pick(roles)}`);
    out.push(`${pick(places)} · ${pick(months)} ${start} – ${random() < 0.2 ? 'Present' : `${pick(months)} ${start + 1 + Math.floor(random() * 4)}`}`);
    out.push('');
    const bullets = 3 + Math.floor(random() * 5);
    for (let b = 0; b < bullets; b++) out.push(`${random() < 0.03 ? '• o' : '- '}${pick(verbs)} ${pick(objects)}.`);
    // Links, emails and code spans, as project entries carry: each one is a skip region in the model.
    if (random() < 0.5) out.push(`- Source: github.com/example/${pick(['tidewater', 'ledger', 'atlas'])}-${out.length}, docs at https://docs.example.com/${out.length}, run \`make bench\``);
    if (random() < 0.2) out.push(`- Contact: team-${out.length}@example.com`);
    out.push('');
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

const seedDir = resolve(repo, '..', 'shared', 'seeds');
const files = [];
const notes = [];
if (existsSync(seedDir)) {
  const seeds = readdirSync(seedDir).filter((name) => name.endsWith('.txt')).sort();
  seeds.forEach((name, i) => files.push({ label: `seed ${String.fromCharCode(65 + i)}`, path: join(seedDir, name), kind: 'seed' }));
  notes.push(`Seeds: ${seeds.length} real résumés read in place from \`../shared/seeds/\` (${seeds.join(', ')}); they are not in the repository.`);
} else {
  notes.push('Seeds: `../shared/seeds/` is absent beside this checkout, so the two real résumés were not measured (and the cspell target on seeds could not be checked).');
  log('note: ../shared/seeds is absent: the seed résumés are skipped');
}
files.push({ label: 'two-page', path: join(repo, 'bench/fixtures/two-page.md'), kind: 'resume' });
const syntheticPath = join(outDir, 'synthetic-10k.md');
writeFileSync(syntheticPath, syntheticDocument());
files.push({ label: '10,000 lines', path: syntheticPath, kind: 'large' });
for (const file of files) {
  file.text = readFileSync(file.path, 'utf8');
  file.words = file.text.split(/\s+/).filter(Boolean).length;
  file.lines = file.text.split('\n').length - (file.text.endsWith('\n') ? 1 : 0);
}
const resumes = files.filter((f) => f.kind !== 'large');
const large = files.find((f) => f.kind === 'large');

// -------------------------------------------------------------------------------------------------
// A stdio LSP client (push diagnostics), after test/helpers/lspClient.ts

const protocol = require('vscode-languageserver-protocol/node');

class Client {
  constructor() {
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, [join(repo, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(this.child.stdout), new protocol.StreamMessageWriter(this.child.stdin));
    this.published = [];
    this.waiters = [];
    this.connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
      params.receivedAt = performance.now();
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest(protocol.ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize() {
    // No `textDocument.diagnostic`: the server pushes, as it does for Neovim, eglot, Helix.
    const result = await this.connection.sendRequest(protocol.InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification(protocol.InitializedNotification.type, {});
    this.capabilities = result.capabilities;
    return result;
  }

  open(path, text, version = 1) {
    const uri = `${pathToFileURL(path).href}`;
    void this.connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'resume', version, text } });
    return uri;
  }

  change(uri, version, contentChanges) {
    void this.connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  diagnostics(predicate, timeoutMs = 60_000) {
    const seen = this.published.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ predicate, resolve: (p) => (clearTimeout(timer), resolvePromise(p)) });
    });
  }

  /** Peak resident set (VmHWM) of the server process, in bytes. */
  peakRss() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  }

  async request(method, params) {
    const start = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { result, ms: performance.now() - start };
  }

  async shutdown() {
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.connection.sendRequest(protocol.ShutdownRequest.type);
    await this.connection.sendNotification(protocol.ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}

/** A place to type: the end of the middle non-empty line that is not a heading. */
function typingPosition(text) {
  const lines = text.split(/\r?\n|\r/);
  for (let delta = 0; delta < lines.length; delta++) {
    for (const line of [Math.floor(lines.length / 2) + delta, Math.floor(lines.length / 2) - delta]) {
      const content = lines[line];
      if (content && content.trim().length > 10 && !/^\s*#/.test(content)) return { line, character: content.length };
    }
  }
  return { line: 0, character: 0 };
}

/** A word to hover: the first alphabetic word of at least five letters after the first quarter of the text. */
function hoverPosition(text) {
  const lines = text.split(/\r?\n|\r/);
  for (let line = Math.floor(lines.length / 4); line < lines.length; line++) {
    const match = /\p{L}{5,}/u.exec(lines[line]);
    if (match) return { line, character: match.index + 2 };
  }
  return { line: 0, character: 0 };
}

// -------------------------------------------------------------------------------------------------
// Measurements over stdio

async function coldStart(file) {
  const samples = [];
  for (let i = 0; i < REPS.coldStart; i++) {
    const client = new Client();
    await client.initialize();
    const uri = client.open(file.path, file.text);
    const first = await client.diagnostics((p) => p.uri === uri);
    samples.push(first.receivedAt - client.spawnedAt);
    await client.shutdown();
  }
  return stats(samples);
}

/** One server per file: keystrokes, a burst, documentSymbol, hover, code actions, then its peak RSS. */
async function session(file) {
  const client = new Client();
  const init = await client.initialize();
  const uri = client.open(file.path, file.text);
  const opened = await client.diagnostics((p) => p.uri === uri && p.version === 1);
  const result = { findings: opened.diagnostics.length, capabilities: init.capabilities };
  const codes = new Map();
  for (const d of opened.diagnostics) codes.set(String(d.code), (codes.get(String(d.code)) ?? 0) + 1);
  result.codes = codes;
  const spellingFindings = opened.diagnostics.filter((d) => /spell/.test(String(d.code)));
  // `spelling-casing` carries its one replacement (a map look-up) by design; `spelling` must leave suggestions lazy.
  result.eagerSuggestions = spellingFindings.filter((d) => d.code === 'spelling' && Array.isArray(d.data?.suggestions) && d.data.suggestions.length > 0).length;
  result.spellingFindings = spellingFindings.length;

  // Keystrokes: type one character, wait for that version's diagnostics, delete it, wait, …
  let version = 1;
  const at = typingPosition(file.text);
  const keystrokes = [];
  const count = file.kind === 'large' ? REPS.keystrokesLarge : REPS.keystrokes;
  for (let i = 0; i < count; i++) {
    version++;
    const insert = i % 2 === 0;
    const range = insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
    const sentAt = performance.now();
    client.change(uri, version, [{ range, text: insert ? 's' : '' }]);
    const v = version;
    const published = await client.diagnostics((p) => p.uri === uri && p.version === v);
    keystrokes.push(published.receivedAt - sentAt);
  }
  result.keystroke = stats(keystrokes);

  // A burst: 20 characters sent back to back; the server should check the last version only.
  const before = client.published.length;
  const burstStart = performance.now();
  const burstFrom = version;
  for (let i = 0; i < 20; i++) {
    version++;
    client.change(uri, version, [{ range: { start: { line: at.line, character: at.character + i }, end: { line: at.line, character: at.character + i } }, text: 'x' }]);
  }
  const last = version;
  const final = await client.diagnostics((p) => p.uri === uri && p.version === last);
  result.burst = { ms: final.receivedAt - burstStart, publishes: client.published.slice(before).filter((p) => p.uri === uri && p.version > burstFrom).length };
  version++;
  client.change(uri, version, [{ range: { start: at, end: { line: at.line, character: at.character + 20 } }, text: '' }]);
  const restored = version;
  await client.diagnostics((p) => p.uri === uri && p.version === restored);

  // documentSymbol (the model is cached for this version: this is the outline plus transport).
  const symbolTimes = [];
  for (let i = 0; i < REPS.requests; i++) symbolTimes.push((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).ms);
  result.symbols = stats(symbolTimes);

  if (init.capabilities.hoverProvider) {
    const position = hoverPosition(file.text);
    const hoverTimes = [];
    for (let i = 0; i < REPS.requests; i++) hoverTimes.push((await client.request('textDocument/hover', { textDocument: { uri }, position })).ms);
    result.hover = stats(hoverTimes);
  }

  // Code actions for the first spelling finding: where suggestions are computed when they are lazy.
  if (spellingFindings.length > 0 && init.capabilities.codeActionProvider) {
    const finding = spellingFindings[0];
    const times = [];
    let actions = 0;
    for (let i = 0; i < Math.min(REPS.requests, 10); i++) {
      const { result: answer, ms: took } = await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: finding.range,
        context: { diagnostics: [finding], only: ['quickfix'] },
      });
      times.push(took);
      actions = answer?.length ?? 0;
    }
    result.codeAction = { ...stats(times), actions };
  }

  result.rss = client.peakRss();
  await client.shutdown();
  return result;
}

/** A small document's documentSymbol while the 10,000-line one is being re-checked after a change. */
async function responsiveness(small, big, bigCheckMs) {
  const client = new Client();
  await client.initialize();
  const smallUri = client.open(small.path, small.text);
  const bigUri = client.open(big.path, big.text);
  await client.diagnostics((p) => p.uri === bigUri && p.version === 1);
  await client.diagnostics((p) => p.uri === smallUri);
  const at = typingPosition(big.text);
  let version = 1;
  const answers = [];
  for (let i = 0; i < REPS.responsiveness; i++) {
    version++;
    const insert = i % 2 === 0;
    const range = insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
    client.change(bigUri, version, [{ range, text: insert ? 's' : '' }]);
    // Ask at different moments of the big check: right away, and spread over its expected duration.
    const delay = (bigCheckMs * i) / REPS.responsiveness;
    await new Promise((r) => setTimeout(r, delay));
    answers.push((await client.request('textDocument/documentSymbol', { textDocument: { uri: smallUri } })).ms);
    const v = version;
    await client.diagnostics((p) => p.uri === bigUri && p.version === v);
  }
  const rss = client.peakRss();
  await client.shutdown();
  return { ...stats(answers), rss };
}

// -------------------------------------------------------------------------------------------------
// In-process: the full check, and spelling suggestions

let spelling;
let dictionaryLoadMs;
let freshSpelling = () => undefined;
if (spellingPresent) {
  const dictionaryDir = join(repo, 'dist', 'dictionaries');
  if (existsSync(join(dictionaryDir, 'manifest.json'))) {
    const { loadSpellingEngine } = require(join(outDir, 'spelling.cjs'));
    const start = performance.now();
    spelling = loadSpellingEngine(dictionaryDir, bench.resolveSettings({}).options);
    dictionaryLoadMs = performance.now() - start;
    // The engine caches per word: first-time costs are measured on engines nothing has used yet.
    freshSpelling = () => loadSpellingEngine(dictionaryDir, bench.resolveSettings({}).options);
  } else {
    notes.push('Spelling: the engine is present but dist/dictionaries/manifest.json is not, so suggestions were not measured.');
  }
}

function fullCheck(file) {
  const service = bench.createResumeService();
  const { options } = bench.resolveSettings({});
  const context = { options, ...(spelling ? { spelling } : {}), onRuleError: (id, error) => log(`rule ${id} failed: ${error}`) };
  let version = 0;
  const once = () => {
    version++;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const doc = service.parse({ uri: 'bench:doc', version, getText: () => file.text });
    const t1 = performance.now();
    const diagnostics = service.diagnostics(doc, context);
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    return { parse: t1 - t0, total: t2 - t0, cpu: (cpu.user + cpu.system) / 1000, findings: diagnostics.length };
  };
  // The first check a fresh engine sees (the server's first diagnostics): every unknown word is new to it.
  let firstCheck;
  const fresh = freshSpelling();
  if (fresh) {
    const start = performance.now();
    service.diagnostics(service.parse({ uri: 'bench:first', version: 1, getText: () => file.text }), { ...context, spelling: fresh });
    firstCheck = performance.now() - start;
  }
  // The parse cache: the same version twice must not parse again.
  service.parse({ uri: 'bench:doc', version, getText: () => file.text });
  const t0 = performance.now();
  service.parse({ uri: 'bench:doc', version, getText: () => file.text });
  const cachedParse = performance.now() - t0;
  const warmUp = file.kind === 'large' ? Math.min(REPS.warmUp, 5) : REPS.warmUp;
  for (let i = 0; i < warmUp; i++) once();
  const parse = [];
  const total = [];
  const cpu = [];
  let findings = 0;
  for (let i = 0; i < (file.kind === 'large' ? REPS.fullCheckLarge : REPS.fullCheck); i++) {
    const r = once();
    parse.push(r.parse);
    total.push(r.total);
    cpu.push(r.cpu);
    findings = r.findings;
  }
  return { parse: stats(parse), total: stats(total), cpu: stats(cpu), findings, cachedParse, firstCheck };
}

const TYPOS = [
  'Developped', 'availble', 'Febuary', 'recieved', 'managment', 'enviroment', 'Kuberentes', 'accomodate', 'sucessfully', 'infrastucture',
  'collaborted', 'perfomance', 'analsis', 'stategy', 'oportunity', 'implmented', 'desgined', 'scalabilty', 'reponsible', 'achievment',
];

function suggestions() {
  if (!spelling) return undefined;
  const spellingEngine = freshSpelling() ?? spelling;
  const times = [];
  const examples = [];
  for (const word of TYPOS.slice(0, REPS.suggestions)) {
    const start = performance.now(); // each word once: the engine caches per word, so this is the uncached cost
    const list = spellingEngine.suggest(word);
    times.push(performance.now() - start);
    if (examples.length < 3) examples.push(`${word} → ${list.slice(0, 3).join(', ') || '(none)'}`);
  }
  const isKnown = [];
  for (const word of ['engineering', 'Kubernetes', 'GitHub', 'Okafor', 'data-quality', 'Leeds']) {
    const start = performance.now();
    spellingEngine.isKnown(word);
    isKnown.push(performance.now() - start);
  }
  // Typing a new word: every prefix is a new unknown word that the check classifies (typo or name), uncached.
  const classify = [];
  if (typeof spellingEngine.classifyUnknown === 'function') {
    for (const word of ['Kubernetes', 'observability', 'Raghunathan', 'containerised'].slice(0, quick ? 2 : 4)) {
      for (let n = 4; n < word.length; n++) {
        const prefix = word.slice(0, n);
        if (spellingEngine.isKnown(prefix)) continue;
        const start = performance.now();
        spellingEngine.classifyUnknown(prefix, 'text');
        classify.push(performance.now() - start);
      }
    }
  }
  return { ...stats(times), examples, isKnown: stats(isKnown), classify: classify.length ? stats(classify) : undefined };
}

/** A two-page résumé against a one-page job: the job parsed and the résumé (parsed, not yet matched) matched. */
function jobMatch() {
  if (typeof bench.parseJob !== 'function') return undefined;
  const resume = readFileSync(join(repo, 'bench/fixtures/two-page.md'), 'utf8');
  const job = readFileSync(join(repo, 'bench/fixtures/job.md'), 'utf8');
  const service = bench.createResumeService();
  const times = [];
  const cpu = [];
  let terms = 0;
  const reps = REPS.fullCheck;
  for (let i = 0; i < REPS.warmUp + reps; i++) {
    // A new version each time: the matcher's per-model tokens are not reused.
    const doc = service.parse({ uri: 'bench:match', version: i, getText: () => resume });
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const result = bench.matchResume(doc, bench.parseJob(job, { format: 'markdown' }));
    const took = performance.now() - start;
    const used = process.cpuUsage(cpu0);
    terms = result.terms.length;
    if (i >= REPS.warmUp) {
      times.push(took);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { ...stats(times), cpu: stats(cpu), terms };
}

// -------------------------------------------------------------------------------------------------
// CLIs, wall-clock

function wallClock(command, args, reps) {
  const samples = [];
  let output = '';
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    samples.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    output = result.stdout;
  }
  return { ...stats(samples), lines: output.split('\n').filter((l) => l.trim()).length };
}

/** Two commands run alternately, `reps` times each, so that both meet the same load on the machine. */
function pairedWallClock(first, second, reps) {
  const a = [];
  const b = [];
  for (let i = 0; i < reps; i++) {
    a.push(wallClock(first.command, first.args, 1));
    if (second) b.push(wallClock(second.command, second.args, 1));
  }
  const merge = (runs) => (runs.length === 0 ? undefined : { ...stats(runs.map((r) => r.median)), lines: runs[runs.length - 1].lines });
  return [merge(a), merge(b)];
}

const cspellBin = join(repo, 'node_modules', 'cspell', 'bin.mjs');
const cspellVersion = existsSync(cspellBin) ? JSON.parse(readFileSync(join(repo, 'node_modules/cspell/package.json'), 'utf8')).version : undefined;

// -------------------------------------------------------------------------------------------------
// Sizes

function dirSize(dir, keep = () => true) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) total += dirSize(path, keep);
    else if (keep(name)) total += st.size;
  }
  return total;
}

/** `npm run package` in a scratch copy: the production build there must not replace the dev build in dist/ here. */
function vsixSize() {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  if (!manifest.scripts?.package) return { note: 'n/a (no `npm run package` script)' };
  const scratch = mkdtempSync(join(tmpdir(), 'vita-bench-vsix-'));
  try {
    for (const name of readdirSync(repo)) {
      if (['node_modules', '.git', 'out', '.cache', 'test-results', '.vita-tmp'].includes(name) || name.endsWith('.vsix')) continue;
      cpSync(join(repo, name), join(scratch, name), { recursive: true });
    }
    symlinkSync(join(repo, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    const result = spawnSync('npm', ['run', 'package', '--silent'], { cwd: scratch, encoding: 'utf8' });
    const vsix = join(scratch, 'vita.vsix');
    if (result.status !== 0 || !existsSync(vsix)) {
      const output = `${result.stdout}\n${result.stderr}`.split('\n').map((l) => l.trim());
      const reason = output.find((l) => /\[ERROR\]|^Error:/.test(l)) ?? output.filter(Boolean).slice(-1)[0];
      return { note: `n/a (\`npm run package\` failed: ${reason})` };
    }
    let entries;
    try {
      entries = execFileSync('unzip', ['-l', vsix], { encoding: 'utf8' });
    } catch {
      entries = undefined;
    }
    return {
      bytes: statSync(vsix).size,
      productionDist: dirSize(join(scratch, 'dist'), (name) => !name.endsWith('.map')),
      files: entries ? entries.trim().split('\n').slice(-1)[0].trim().split(/\s+/)[1] : undefined,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// -------------------------------------------------------------------------------------------------
// Run

const loadAtStart = loadavg();
const results = new Map(files.map((f) => [f, {}]));
for (const file of files) {
  const r = results.get(file);
  log(`${file.label}: full check in-process…`);
  r.check = fullCheck(file);
  log(`${file.label}: cold start…`);
  r.cold = await coldStart(file);
  log(`${file.label}: keystrokes, burst, documentSymbol, hover…`);
  r.session = await session(file);
  log(`${file.label}: vita CLI and cspell CLI…`);
  [r.vitaCli, r.cspellCli] = pairedWallClock(
    { command: process.execPath, args: [join(repo, 'dist', 'cli.js'), 'check', file.path] },
    cspellVersion ? { command: process.execPath, args: [cspellBin, '--no-progress', '--no-summary', '--no-must-find-files', relative(repo, file.path)] } : undefined,
    REPS.cli,
  );
}
const twoPage = files.find((f) => f.label === 'two-page');
log('responsiveness: documentSymbol on a small document while the 10,000-line one is checked…');
const responsive = await responsiveness(twoPage, large, results.get(large).session.keystroke.median);
log('spelling suggestions…');
const suggest = suggestions();
log('match against a job…');
const matched = jobMatch();
log('sizes…');
const nodeStart = wallClock(process.execPath, ['-e', '0'], REPS.coldStart);
const distAll = dirSize(join(repo, 'dist'));
const distNoMaps = dirSize(join(repo, 'dist'), (name) => !name.endsWith('.map'));
const vsix = packageVsix ? vsixSize() : { note: 'n/a (--no-package)' };

// -------------------------------------------------------------------------------------------------
// Report

const capabilities = results.get(twoPage).session.capabilities;
const header = ['Measurement', ...files.map((f) => f.label), 'Target'];
const rows = [];
const row = (name, cell, target = '') => rows.push([name, ...files.map((f) => cell(f, results.get(f))), target]);

row('Size', (f) => `${f.lines.toLocaleString('en')} lines, ${f.words.toLocaleString('en')} words`);
row('Findings (vita / cspell)', (f, r) => `${r.check.findings} / ${r.cspellCli ? r.cspellCli.lines : 'n/a'}`);
row('Full check, warm, in-process (parse + all rules)', (f, r) => {
  const pass = f.kind === 'large' ? r.check.total.median <= 100 : r.check.total.median <= 5;
  return fmtStats(r.check.total) + mark(pass);
}, '≤ 5 ms (résumés); ≤ 100 ms (10,000 lines)');
row('… CPU time of the same runs', (f, r) => fmtStats(r.check.cpu));
row('… of which parse (wall)', (f, r) => fmtStats(r.check.parse));
row('Parse of a cached version', (f, r) => ms(r.check.cachedParse));
row('First full check with a fresh spelling engine (in-process, once)', (f, r) => (r.check.firstCheck === undefined ? 'n/a' : ms(r.check.firstCheck)), 'part of cold start');
row('Cold start → first diagnostics (stdio)', (f, r) => fmtStats(r.cold) + (f.kind === 'large' ? '' : mark(r.cold.median <= 300)), '≤ 300 ms (résumés)');
row('Keystroke → its diagnostics (stdio)', (f, r) => fmtStats(r.session.keystroke) + (f.kind === 'large' ? '' : mark(r.session.keystroke.median <= 10)), '≤ 10 ms (résumés)');
row('Burst of 20 keystrokes → diagnostics (publishes)', (f, r) => `${ms(r.session.burst.ms)} (${r.session.burst.publishes})`, 'stale versions skipped');
row('documentSymbol (stdio)', (f, r) => fmtStats(r.session.symbols));
row('hover (stdio)', (f, r) => (r.session.hover ? fmtStats(r.session.hover) : 'n/a (no hoverProvider)'));
row('Spelling code action (stdio)', (f, r) =>
  r.session.codeAction ? `${fmtStats(r.session.codeAction)}, ${r.session.codeAction.actions} actions` : spellingPresent ? 'n/a (no spelling findings)' : 'n/a (spelling engine not present)');
row('Server peak RSS (VmHWM)', (f, r) => mb(r.session.rss) + (f.kind === 'large' ? '' : mark(r.session.rss <= 80 * 1024 * 1024)), '≤ 80 MB (résumés)');
row('vita CLI `check FILE` (wall)', (f, r) => fmtStats(r.vitaCli));
row(`cspell ${cspellVersion ?? ''} CLI (wall)`, (f, r) => (r.cspellCli ? fmtStats(r.cspellCli) : 'n/a'));
row('Ratio vita / cspell', (f, r) => {
  if (!r.cspellCli) return 'n/a';
  const ratio = r.vitaCli.median / r.cspellCli.median;
  return `${ratio.toFixed(2)} (${(1 / ratio).toFixed(1)}× faster)${f.kind === 'seed' ? mark(ratio <= 0.1) : ''}`;
}, '≤ 0.10 on the seeds');

const table = (head, body) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const global = [];
global.push([
  'Responsiveness: documentSymbol on two-page while the 10,000-line document is re-checked',
  fmtStats(responsive) + mark(responsive.median <= 100 && responsive.max <= 250),
  'median ≤ 100 ms, max ≤ 250 ms',
]);
global.push(['Peak RSS, server holding two-page + 10,000 lines', mb(responsive.rss), '']);
global.push(['For reference: Node start-up alone (`node -e 0`, wall)', fmtStats(nodeStart), '']);
global.push([
  matched ? `\`vita match\`: two-page résumé against a one-page job (parse the job + match, warm, in-process; ${matched.terms} terms)` : '`vita match`',
  matched ? `${fmtStats(matched)}, CPU ${fmtStats(matched.cpu)}${mark(matched.median <= 10)}` : 'n/a (no matcher)',
  '≤ 10 ms',
]);
if (suggest) {
  global.push([`Spelling suggestions, one misspelled word, uncached, in-process (${suggest.n} words)`, fmtStats(suggest), 'lazy: code actions only']);
  global.push(['Spelling `isKnown`, one word, uncached, in-process', fmtStats(suggest.isKnown), '']);
  if (suggest.classify) {
    global.push([
      `Spelling \`classifyUnknown\` (typo or name) of each new prefix while typing a word, uncached, in-process (${suggest.classify.n} prefixes)`,
      fmtStats(suggest.classify),
      'part of a keystroke: ≤ 10 ms',
    ]);
  }
  global.push(['Dictionaries loaded in-process (once)', ms(dictionaryLoadMs), '']);
  const eager = [...results.values()].reduce((n, r) => n + r.session.eagerSuggestions, 0);
  const spellingFindings = [...results.values()].reduce((n, r) => n + r.session.spellingFindings, 0);
  global.push([
    'Spelling findings published with suggestions already in `data` (`spelling`; `spelling-casing` carries its one fix by design)',
    spellingFindings === 0 ? 'n/a (the server publishes no spelling findings yet)' : `${eager} of ${spellingFindings}${mark(eager === 0)}`,
    '0 (suggestions are lazy)',
  ]);
} else {
  global.push(['Spelling suggestions, one misspelled word', 'n/a (spelling engine not present)', 'lazy: code actions only']);
}
global.push(['.vsix', vsix.bytes ? `${mb(vsix.bytes)}${vsix.files ? `, ${vsix.files} files` : ''}${mark(vsix.bytes <= 3 * 1024 * 1024)}` : vsix.note, '≤ 3 MB']);
if (vsix.productionDist) global.push(['dist/, production build (as shipped, no maps)', kb(vsix.productionDist), '']);
global.push(['dist/, this build, without .map files', kb(distNoMaps), '']);
global.push(['dist/, this build, with .map files', kb(distAll), '']);

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    if (execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).trim()) commit += ' + uncommitted changes';
  } catch {
    // not a git checkout
  }
  return [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- CPU: ${model}, nproc ${nproc}`,
    `- RAM: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB (${(freemem() / 1024 ** 3).toFixed(1)} GiB free at the end)`,
    `- OS: Linux ${release()}`,
    `- Load average (1, 5, 15 min) at the start: ${loadAtStart.map((l) => l.toFixed(2)).join(', ')}; at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (other work on this machine inflates wall-clock figures; the CPU-time row is less sensitive to it)`,
    `- Node ${process.version}; cspell ${cspellVersion ?? 'not installed'}`,
    `- Tree: ${commit}`,
    `- Mode: ${quick ? '--quick (fewer repetitions)' : 'full'}; repetitions: full check ${REPS.fullCheck} (10,000 lines: ${REPS.fullCheckLarge}) after ${REPS.warmUp} warm-up, cold start ${REPS.coldStart}, keystrokes ${REPS.keystrokes} (10,000 lines: ${REPS.keystrokesLarge}), requests ${REPS.requests}, CLI ${REPS.cli}`,
  ].join('\n');
}

const capabilityList = Object.keys(capabilities).filter((k) => k.endsWith('Provider')).join(', ');
const report = `# vita benchmark

Written by \`npm run bench -- --write\` (bench/run.mjs). Each figure: median (min–max) of several runs.

## Machine

${machine()}

## Per file

${table(header, rows)}

## Server and package

${table(['Measurement', 'Result', 'Target'], global)}

## How it was measured

- Stdio figures spawn \`node dist/server.js --stdio\` and drive it as a client without pull-diagnostics capability
  (the server pushes \`publishDiagnostics\` with the version). Cold start: from spawn to the first diagnostics for the
  opened file, including Node's start-up, initialize and didOpen. Keystroke: one incremental \`didChange\` of one
  character (alternately typed and deleted at the end of a middle line) until \`publishDiagnostics\` for that version.
  Burst: 20 changes sent back to back; the figure in brackets is how many of those versions got published.
- Full check: \`parse\` (new version each time, so never the cache) + \`diagnostics\` with the settings defaults${spelling ? ' and the spelling engine' : ''},
  in-process, from \`bench/service-entry.ts\` bundled by the bench into \`out/bench/\`.
- CLIs: wall-clock of a whole process per file, from the repository folder: \`node dist/cli.js check FILE\` and
  \`node node_modules/cspell/bin.mjs --no-progress --no-summary FILE\` (cspell's default dictionaries and settings; the
  binary \`npx cspell\` resolves to, called directly so that npx's own start-up is not counted against cspell).
  The two run alternately (vita, cspell, vita, …) so that both meet the same load; the ratio is of their medians.
  "Findings" for cspell is its number of output lines (one per unknown word).
- Peak RSS: \`VmHWM\` from \`/proc/<pid>/status\` of the server at the end of that file's session.
- .vsix: \`npm run package\` in a scratch copy of the tree (so the production build does not replace dist/ here).
- Server capabilities seen: ${capabilityList}.

## Notes

${notes.map((n) => `- ${n}`).join('\n')}
`;

process.stdout.write(report);
if (write) {
  writeFileSync(join(repo, 'bench', 'RESULTS.md'), report);
  log('wrote bench/RESULTS.md');
}
