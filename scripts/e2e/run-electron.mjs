// Runs the end-to-end suite with @vscode/test-electron: a desktop VS Code, this repo as extensionDevelopmentPath,
// out/e2e/suite/index.js as extensionTestsPath, and a temp copy of test/e2e/workspace.
//
// test-electron downloads VS Code from update.code.visualstudio.com unless VSCODE_EXECUTABLE points to a local
// VS Code (e.g. /usr/share/code/code). Where that host is unreachable (this CI machine) it fails within a second;
// use `npm run test:e2e:web`, which runs the same suite in code-server's real extension host.
//   options: VSCODE_VERSION=<version> (default stable)
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, buildSuite, log } from './lib.mjs';

buildSuite();
const dir = mkdtempSync(join(tmpdir(), 'vita-e2e-electron-'));
const workspace = join(dir, 'workspace');
cpSync(join(REPO, 'test/e2e/workspace'), workspace, { recursive: true });

let exitCode = 1;
try {
  const executable = process.env.VSCODE_EXECUTABLE;
  log(executable ? `VS Code: ${executable}` : `VS Code: download ${process.env.VSCODE_VERSION ?? 'stable'} (set VSCODE_EXECUTABLE to use a local one)`);
  exitCode = await runTests({
    ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.VSCODE_VERSION ?? 'stable' }),
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(REPO, 'out/e2e/suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', join(dir, 'user'), '--extensions-dir', join(dir, 'extensions')],
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(message)) {
    log(`cannot download VS Code: ${message}`);
    log('This machine cannot reach update.code.visualstudio.com. Either point VSCODE_EXECUTABLE at a local VS Code');
    log('(VSCODE_EXECUTABLE=/path/to/code npm run test:e2e) or run the same suite in code-server: npm run test:e2e:web');
  } else {
    log(`test run failed: ${message}`);
  }
  exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
log(exitCode === 0 ? 'PASS' : 'FAIL');
process.exit(exitCode);
