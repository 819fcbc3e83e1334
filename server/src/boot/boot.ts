/**
 * Start-up with a V8 code cache. `dist/server.js` and `dist/cli.js` are these few lines; the program itself is
 * `dist/server-main.js` / `dist/cli-main.js`, a bundle wrapped in a CommonJS module function (esbuild's banner and
 * footer, esbuild.mjs). It is compiled here with the bytecode V8 produced for it at build time
 * (`<bundle>.cache`, written by scripts/build-code-cache.mjs from a short real session), which saves compiling
 * ≈ 1 MB of JavaScript, and most of its functions, on every start: ≈ 40 ms of a cold start (bench/RESULTS.md).
 *
 * The cache is used only when it was made from exactly this bundle (its header holds the bundle's SHA-1) and V8
 * accepts it (same V8 version and flags; otherwise V8 compiles from source as usual). VS Code runs the server in
 * its own Electron build of V8, which never matches a cache made by Node: there it is not read at all. Nothing is
 * written at run time unless `VITA_CODE_CACHE=write` (the build step) asks for it.
 *
 * `VITA_CODE_CACHE`: unset (use the cache when it fits), `off` (compile from source), `write` (the build step),
 * `report` (use it, and say on stderr whether it was `used`, `rejected` by V8, `stale` or `missing`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const DIGEST_BYTES = 20;

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

export function boot(bundleName: string): void {
  const file = join(__dirname, bundleName);
  const source = readFileSync(file, 'utf8');
  const cacheFile = `${file}.cache`;
  const mode = process.env.VITA_CODE_CACHE;
  const writing = mode === 'write';
  const useCache = !process.versions.electron && mode !== 'off';
  const digest = useCache || writing ? createHash('sha1').update(source).digest() : undefined;
  let cachedData: Buffer | undefined;
  let status = 'missing';
  if (useCache && !writing && digest) {
    try {
      const data = readFileSync(cacheFile);
      if (data.length > DIGEST_BYTES && data.subarray(0, DIGEST_BYTES).equals(digest)) cachedData = data.subarray(DIGEST_BYTES);
      else status = 'stale';
    } catch {
      // No cache (a development build, or one made without it): compile from source.
    }
  }
  const script = new Script(source, { filename: file, cachedData });
  if (cachedData) status = script.cachedDataRejected ? 'rejected' : 'used';
  if (mode === 'report') process.stderr.write(`vita: code cache for ${bundleName}: ${status}\n`);
  if (writing && digest) {
    // After the session the build step drives: the cache then holds every function that session compiled.
    process.once('exit', () => {
      writeFileSync(`${cacheFile}.tmp`, Buffer.concat([digest, script.createCachedData()]));
      renameSync(`${cacheFile}.tmp`, cacheFile);
    });
  }
  const moduleFunction = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} };
  moduleFunction(module.exports, createRequire(file), module, file, __dirname);
}
