// Runs the end-to-end suite (out/e2e/suite/index.js, mocha) inside the REAL Node extension host of VS Code 1.100.3,
// served by code-server and opened in headless Debian chromium. The workbench URL's `payload` carries
// extensionDevelopmentPath/extensionTestsPath, exactly as VS Code's own test/integration/browser does; the workbench
// reports the mocha output through window.codeAutomationLog and the exit code through window.codeAutomationExit.
//
//   node scripts/e2e/run-web.mjs            the extension in this repo (dist/ must be built: npm run build)
//   node scripts/e2e/run-web.mjs --vsix     npm run package, install vita.vsix into code-server, test the INSTALLED one
//   options: --extension <dir>, --vsix-file <file>
//            (skip packaging), --timeout <seconds> (default 180), --keep (keep the temp folder)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPO, buildSuite, createRunDir, ensureCodeServer, installVsix, launchChromium, log, run, startCodeServer, tail,
  workbenchUrl,
} from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'boolean', default: false },
    'vsix-file': { type: 'string' },
    extension: { type: 'string', default: REPO },
    timeout: { type: 'string', default: '180' },
    keep: { type: 'boolean', default: false },
  },
});
const installed = opts.vsix || Boolean(opts['vsix-file']);
const extensionDir = resolve(opts.extension);
const testsPath = join(REPO, 'out/e2e/suite/index.js');

function createStandInExtension(runDir) {
  const dir = join(runDir.dir, 'stand-in-extension');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'e2e-stand-in', publisher: 'vita-e2e', version: '0.0.0', engines: { vscode: '*' },
  }));
  return dir;
}

let server;
let browser;
let runDir;
let exitCode = 1;
try {
  ensureCodeServer();
  buildSuite();
  runDir = createRunDir();
  const env = {};
  const payload = [];
  if (installed) {
    let vsix = opts['vsix-file'] && resolve(opts['vsix-file']);
    if (!vsix) {
      run('npm', ['run', '--silent', 'package'], { cwd: extensionDir });
      vsix = join(extensionDir, 'vita.vsix');
    }
    installVsix(runDir, vsix);
    // The suite checks that the extension it finds was loaded from here, not from the repo.
    env.VITA_E2E_EXPECT_EXTENSION_UNDER = join(runDir.dir, 'extensions');
    // The workbench runs extensionTestsPath only in extension-development mode, so develop an empty stand-in
    // extension (another id, no code): vita itself then comes from the installed .vsix.
    payload.push(['extensionDevelopmentPath', createStandInExtension(runDir)]);
  } else {
    if (!existsSync(join(extensionDir, 'dist/client.js'))) throw new Error(`${extensionDir}/dist/client.js missing: run npm run build`);
    payload.push(['extensionDevelopmentPath', extensionDir]);
  }
  payload.push(['extensionTestsPath', testsPath], ['skipWelcome', 'true']);

  server = await startCodeServer(runDir, env);
  browser = await launchChromium();
  const page = await browser.newPage();
  let finish;
  const finished = new Promise((r) => { finish = r; });
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    // The extension gallery is unreachable offline; that error is noise, not a test result.
    if (!args.some((arg) => String(arg).includes('open-vsx.org'))) console.log(...args);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  log(`testing ${installed ? 'the installed .vsix' : extensionDir}`);
  await page.goto(workbenchUrl(server, runDir.workspace, payload));

  const timeoutMs = Number(opts.timeout) * 1000;
  let timer;
  const code = await Promise.race([finished, new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); })]);
  clearTimeout(timer);
  if (code === 'timeout') {
    log(`TIMEOUT: the suite did not finish within ${opts.timeout}s`);
    console.log(tail(server.logFile));
  } else {
    log(`extension tests finished with exit code ${code}`);
    exitCode = code === 0 ? 0 : 1;
  }
} catch (error) {
  log(`ERROR: ${error instanceof Error ? error.message : error}`);
  if (server) console.log(tail(server.logFile));
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (runDir) {
    if (opts.keep || exitCode !== 0) log(`run folder kept: ${runDir.dir}`);
    else runDir.dispose();
  }
}
log(exitCode === 0 ? 'PASS' : 'FAIL');
process.exit(exitCode);
