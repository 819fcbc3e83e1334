/**
 * dist/cli.js and dist/server.js start their program from a V8 code cache made at build time (server/src/boot/):
 * the cache must be used when it fits, and a missing, stale or damaged one must change nothing but the speed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cacheHeader } from '../../server/src/boot/boot';
import { repoRoot } from '../helpers/fixtures';

const dist = join(repoRoot(), 'dist');
const example = join(repoRoot(), 'examples', 'resume.md');
const dir = mkdtempSync(join(tmpdir(), 'vita-boot-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the CLI (entry point, program, dictionaries) in its own folder, with `cache` as its code cache. */
function cliWith(name: string, cache: Buffer | undefined, cacheOlderThanBundle = false): string {
  const folder = join(dir, name);
  cpSync(join(dist, 'dictionaries'), join(folder, 'dictionaries'), { recursive: true });
  for (const file of ['cli.js', 'cli-main.js']) copyFileSync(join(dist, file), join(folder, file));
  if (cache) writeFileSync(join(folder, 'cli-main.js.cache'), cache);
  if (cache && cacheOlderThanBundle) utimesSync(join(folder, 'cli-main.js.cache'), new Date(2020, 0, 1), new Date(2020, 0, 1));
  return join(folder, 'cli.js');
}

function run(cli: string, mode = 'report') {
  return spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--today', '2026-11-22', example], { encoding: 'utf8', env: { ...process.env, VITA_CODE_CACHE: mode }, timeout: 60_000 });
}

describe('code cache (boot.ts)', () => {
  const built = readFileSync(join(dist, 'cli-main.js.cache'));
  const reference = run(join(dist, 'cli.js'), 'off');

  test('the build made a cache for this very bundle, and V8 uses it', () => {
    const header = cacheHeader(readFileSync(join(dist, 'cli-main.js'), 'utf8'));
    assert.ok(built.subarray(0, header.length).equals(header), 'the cache header is that of dist/cli-main.js');
    const result = run(join(dist, 'cli.js'));
    assert.match(result.stderr, /code cache for cli-main\.js: used/);
    assert.equal(result.stdout, reference.stdout);
    assert.equal(result.status, reference.status);
    assert.ok(reference.stdout.includes('"date-reversed"'), 'the reference run checked the example');
  });

  test('a missing, stale or damaged cache changes nothing but the speed', () => {
    const header = cacheHeader(readFileSync(join(dist, 'cli-main.js'), 'utf8'));
    const damaged = Buffer.concat([header, Buffer.alloc(built.length - header.length, 0x5a)]);
    // The cache of another build: a bundle one character longer.
    const other = cacheHeader(`${readFileSync(join(dist, 'cli-main.js'), 'utf8')} `);
    const stale = Buffer.concat([other, built.subarray(header.length)]);
    for (const [name, cache, status, older] of [
      ['none', undefined, 'missing', false],
      ['stale', stale, 'stale', false],
      ['older', built, 'stale', true],
      ['damaged', damaged, 'rejected', false],
      ['copied', built, 'used', false],
    ] as const) {
      const result = run(cliWith(name, cache, older));
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
    assert.ok(written.subarray(0, 12).equals(built.subarray(0, 12)));
    assert.match(run(cli).stderr, /code cache for cli-main\.js: used/);
  });
});
