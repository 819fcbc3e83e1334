/**
 * dist/cli.js and dist/server.js start their program from a V8 code cache made at build time (server/src/boot/):
 * the cache must be used when it fits, and a missing, stale or damaged one must change nothing but the speed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { repoRoot } from '../helpers/fixtures';

const dist = join(repoRoot(), 'dist');
const example = join(repoRoot(), 'examples', 'resume.md');
const dir = mkdtempSync(join(tmpdir(), 'vita-boot-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the CLI (entry point, program, dictionaries) in its own folder, with `cache` as its code cache. */
function cliWith(name: string, cache: Buffer | undefined): string {
  const folder = join(dir, name);
  cpSync(join(dist, 'dictionaries'), join(folder, 'dictionaries'), { recursive: true });
  for (const file of ['cli.js', 'cli-main.js']) copyFileSync(join(dist, file), join(folder, file));
  if (cache) writeFileSync(join(folder, 'cli-main.js.cache'), cache);
  return join(folder, 'cli.js');
}

function run(cli: string, mode = 'report') {
  return spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--today', '2026-11-22', example], { encoding: 'utf8', env: { ...process.env, VITA_CODE_CACHE: mode } });
}

describe('code cache (boot.ts)', () => {
  const built = readFileSync(join(dist, 'cli-main.js.cache'));
  const reference = run(join(dist, 'cli.js'), 'off');

  test('the build made a cache for this very bundle, and V8 uses it', () => {
    const digest = createHash('sha1').update(readFileSync(join(dist, 'cli-main.js'))).digest();
    assert.ok(built.subarray(0, 20).equals(digest), 'the cache header is the SHA-1 of dist/cli-main.js');
    const result = run(join(dist, 'cli.js'));
    assert.match(result.stderr, /code cache for cli-main\.js: used/);
    assert.equal(result.stdout, reference.stdout);
    assert.equal(result.status, reference.status);
    assert.ok(reference.stdout.includes('"date-reversed"'), 'the reference run checked the example');
  });

  test('a missing, stale or damaged cache changes nothing but the speed', () => {
    const damaged = Buffer.concat([built.subarray(0, 20), Buffer.alloc(built.length - 20, 0x5a)]);
    const stale = Buffer.concat([createHash('sha1').update('another bundle').digest(), built.subarray(20)]);
    for (const [name, cache, status] of [
      ['none', undefined, 'missing'],
      ['stale', stale, 'stale'],
      ['damaged', damaged, 'rejected'],
      ['copied', built, 'used'],
    ] as const) {
      const result = run(cliWith(name, cache));
      assert.match(result.stderr, new RegExp(`code cache for cli-main\\.js: ${status}`), name);
      assert.equal(result.stdout, reference.stdout, name);
      assert.equal(result.status, reference.status, name);
    }
  });

  test('VITA_CODE_CACHE=write writes a cache for the bundle it ran (the build step)', () => {
    const cli = cliWith('write', undefined);
    const result = run(cli, 'write');
    assert.equal(result.stdout, reference.stdout);
    const written = readFileSync(join(dir, 'write', 'cli-main.js.cache'));
    assert.ok(written.subarray(0, 20).equals(built.subarray(0, 20)));
    assert.match(run(cli).stderr, /code cache for cli-main\.js: used/);
  });
});
