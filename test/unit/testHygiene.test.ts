// Nothing hangs the test run: every process a test starts (spawn, spawnSync, execFile, execFileSync, execSync, fork)
// is given a timeout, so a server or CLI that stops answering is killed and its test fails instead of waiting forever.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/fixtures';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** The text of a call from its opening parenthesis to the matching closing one. */
function callText(code: string, open: number): string {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return code.slice(open, i + 1);
  }
  return code.slice(open);
}

test('every process a test starts has a timeout', () => {
  const root = repoRoot();
  const missing: string[] = [];
  let calls = 0;
  for (const file of [...sources(join(root, 'test', 'unit')), ...sources(join(root, 'test', 'protocol')), ...sources(join(root, 'test', 'helpers'))]) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?<![.\w'"`])(spawn|spawnSync|execFile|execFileSync|execSync|fork)\(/g)) {
      calls++;
      const call = callText(code, match.index + match[0].length - 1);
      if (!/\btimeout\b/.test(call)) missing.push(`${relative(root, file)}:${code.slice(0, match.index).split('\n').length} ${match[1]}(…) has no timeout`);
    }
  }
  assert.ok(calls >= 10, `the scan finds the tests' processes (${calls})`);
  assert.deepEqual(missing, []);
});
