// Entry point the VS Code extension host calls with `--extensionTestsPath` (or the workbench payload's
// extensionTestsPath): runs the mocha suites in this folder inside the real host and rejects on any failure.
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  mocha.addFile(path.join(__dirname, 'features.test.js'));
  mocha.addFile(path.join(__dirname, 'editor.test.js'));
  // Last: it kills the language server and waits for the client to bring it back.
  mocha.addFile(path.join(__dirname, 'restart.test.js'));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
