/**
 * Start-up with a V8 code cache. `dist/server.js` and `dist/cli.js` are these few lines; the program itself is
 * `dist/server-main.js` / `dist/cli-main.js`, a bundle wrapped in a CommonJS module function (esbuild's banner and
 * footer, esbuild.mjs). It is compiled here with the bytecode V8 produced for it at build time
 * (`<bundle>.cache`, written by scripts/build-code-cache.mjs from a short real session), which saves compiling
 * ≈ 1 MB of JavaScript, and most of its functions, on every start: ≈ 40 ms of a cold start (bench/RESULTS.md).
 *
 * The cache is used only when it was made for this bundle and V8 accepts it (same V8 version and flags; otherwise V8
 * compiles from source as usual). "Made for this bundle": the build writes both and deletes old caches whenever it
 * writes a bundle, the cache must not be older than the bundle, and its header holds the bundle's length and a
 * fingerprint of its text ({@link fingerprint}; no cryptographic hash: loading OpenSSL alone adds 2 MB to the
 * server's memory). VS Code runs the server in its own Electron build of V8, which never matches a cache made by
 * Node: there it is not read at all. Nothing is written at run time unless `VITA_CODE_CACHE=write` (the build step)
 * asks for it.
 *
 * `VITA_CODE_CACHE`: unset (use the cache when it fits), `off` (compile from source), `write` (the build step),
 * `report` (use it, and say on stderr whether it was `used`, `rejected` by V8, `stale` or `missing`).
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** Cache header: `VCC1`, the bundle's length in UTF-16 units, its fingerprint (both uint32, little-endian). */
const HEADER_BYTES = 12;
const MAGIC = 0x31434356; // 'VCC1'

/**
 * FNV-1a over every 97th character of the text and the whole of its last 2,000 (~10,000 characters of a 1 MB
 * bundle: well under a millisecond, before any of it is optimised): with the length and the dates, a guard against
 * a cache that outlived its bundle.
 */
export function fingerprint(source: string): number {
  let hash = 0x811c9dc5;
  const tail = Math.max(0, source.length - 2000);
  for (let i = 0; i < source.length; i += i < tail ? 97 : 1) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** The header a cache of `source` carries. */
export function cacheHeader(source: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(source.length >>> 0, 4);
  header.writeUInt32LE(fingerprint(source), 8);
  return header;
}

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

export function boot(bundleName: string): void {
  const file = join(__dirname, bundleName);
  const source = readFileSync(file, 'utf8');
  const cacheFile = `${file}.cache`;
  const mode = process.env.VITA_CODE_CACHE;
  const writing = mode === 'write';
  const useCache = !process.versions.electron && mode !== 'off';
  let cachedData: Buffer | undefined;
  let status = 'missing';
  if (useCache && !writing) {
    try {
      const data = readFileSync(cacheFile);
      const fresh = statSync(cacheFile).mtimeMs >= statSync(file).mtimeMs;
      if (fresh && data.length > HEADER_BYTES && data.subarray(0, HEADER_BYTES).equals(cacheHeader(source))) cachedData = data.subarray(HEADER_BYTES);
      else status = 'stale';
    } catch {
      // No cache (a development build, or one made without it): compile from source.
    }
  }
  const script = new Script(source, { filename: file, cachedData });
  if (cachedData) status = script.cachedDataRejected ? 'rejected' : 'used';
  if (mode === 'report') process.stderr.write(`vita: code cache for ${bundleName}: ${status}\n`);
  if (writing) {
    // After the session the build step drives: the cache then holds every function that session compiled.
    process.once('exit', () => {
      writeFileSync(`${cacheFile}.tmp`, Buffer.concat([cacheHeader(source), script.createCachedData()]));
      renameSync(`${cacheFile}.tmp`, cacheFile);
    });
  }
  const moduleFunction = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} };
  moduleFunction(module.exports, createRequire(file), module, file, __dirname);
}
