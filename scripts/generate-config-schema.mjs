#!/usr/bin/env node
// Writes schemas/config.schema.json (the schema of `.vita/config.json`) from package.json and the rule registry
// (`npm run docs:schema`); `--check` exits 1 when the file is stale. Bundled in memory by esbuild, as
// generate-rules-doc.mjs does.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'schemas', 'config.schema.json');
const bundle = await esbuild.build({
  stdin: {
    contents: "export { renderConfigSchema } from './scripts/config-schema'; export { allRules } from './server/src/service/rules/index';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { renderConfigSchema, allRules } = module.exports;
const text = renderConfigSchema(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')), allRules);
if (process.argv.includes('--check')) {
  if ((existsSync(target) ? readFileSync(target, 'utf8') : '') !== text) {
    process.stderr.write('schemas/config.schema.json is stale: run `npm run docs:schema`.\n');
    process.exit(1);
  }
  process.stdout.write('schemas/config.schema.json is up to date.\n');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write('wrote schemas/config.schema.json\n');
}
