// Shared pieces of the end-to-end runners: a throwaway code-server (real VS Code 1.100.3 server + Node extension
// host), a copy of the test workspace, and headless Debian chromium driven by playwright-core.
// Used by run-web.mjs and ui-check.mjs. Nothing here writes outside a temp folder except `.cache/code-server`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_DIR = resolve(process.env.VITA_CODE_SERVER_DIR ?? join(REPO, '.cache/code-server'));
const ENTRY = join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');

const t0 = Date.now();
export const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
export const log = (message) => console.log(`[e2e ${elapsed()}] ${message}`);

/** Installs code-server with scripts/e2e/install-code-server.sh when it is not there yet. */
export function ensureCodeServer() {
  if (existsSync(ENTRY)) return;
  log(`code-server missing in ${CODE_SERVER_DIR}: installing (2–3 min)`);
  const r = spawnSync('bash', [join(REPO, 'scripts/e2e/install-code-server.sh'), CODE_SERVER_DIR], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('install-code-server.sh failed');
}

/** Runs a command in the repo and throws when it fails. */
export function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: REPO, stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Bundles test/e2e/suite/*.ts into out/e2e/suite/. */
export function buildSuite() {
  run(process.execPath, [join(REPO, 'scripts/e2e/build-suite.mjs')]);
}

/** A temp folder for one run: XDG dirs, user data, extensions, and a writable copy of the test workspace. */
export function createRunDir({ workspaceSource = join(REPO, 'test/e2e/workspace'), settings = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vita-e2e-'));
  const workspace = join(dir, 'workspace');
  cpSync(workspaceSource, workspace, { recursive: true });
  for (const sub of ['config', 'data', 'cache', 'user/User', 'extensions']) mkdirSync(join(dir, sub), { recursive: true });
  // Quiet workbench: no welcome page, no trust prompt, no update or gallery chatter.
  writeFileSync(join(dir, 'user/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
    'editor.fontSize': 14,
    'editor.hover.delay': 100,
    ...settings,
  }, null, 2));
  return {
    dir,
    workspace,
    env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_CACHE_HOME: join(dir, 'cache') },
    dispose() { rmSync(dir, { recursive: true, force: true }); },
  };
}

function codeServerArgs(runDir) {
  return ['--user-data-dir', join(runDir.dir, 'user'), '--extensions-dir', join(runDir.dir, 'extensions')];
}

/** Installs a .vsix into the run's extensions dir (the way a user would, through the real CLI). */
export function installVsix(runDir, vsix) {
  run(process.execPath, [ENTRY, ...codeServerArgs(runDir), '--install-extension', vsix], { env: runDir.env });
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:<free port> without auth; resolves once /healthz answers.
 * `env` extras reach the extension host (it inherits the server's environment).
 */
export async function startCodeServer(runDir, env = {}) {
  const port = await freePort();
  const logFile = join(runDir.dir, 'code-server.log');
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [ENTRY,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...codeServerArgs(runDir)],
  { env: { ...runDir.env, ...env }, stdio: ['ignore', out, out], detached: true });
  const exited = new Promise((r) => child.once('exit', (code, signal) => r(code ?? signal)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 200))]);
    if (early !== undefined) throw new Error(`code-server exited (${early}) before it was ready; log: ${logFile}\n${tail(logFile)}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server not ready after 30 s; log: ${logFile}`);
  }
  log(`code-server ready on ${base} (pid ${child.pid})`);
  return {
    base,
    authority: `127.0.0.1:${port}`,
    logFile,
    /** Stops code-server and everything it spawned (it runs in its own process group). */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function tail(file, lines = 40) {
  try { return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

/** The workbench URL for `folder`, with VS Code's own test/integration/browser `payload` mechanism. */
export function workbenchUrl(server, folder, payload = []) {
  const remote = (path) => `vscode-remote://${server.authority}${path}`;
  const entries = payload.map(([key, value]) => [key, key.endsWith('Path') ? remote(value) : value]);
  let url = `${server.base}/?folder=${encodeURIComponent(folder)}`;
  if (entries.length) url += `&payload=${encodeURIComponent(JSON.stringify(entries))}`;
  return url;
}

export const CHROMIUM = process.env.VITA_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set VITA_CHROMIUM)`);
  const { chromium } = await import('playwright-core');
  // playwright gives every launch a fresh temp profile (it rejects --user-data-dir in args).
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
