#!/usr/bin/env node
// Writes docs/rules.md from the rules' metadata (`npm run docs:rules`); `--check` exits 1 when the file is stale.
// The registry is TypeScript, so esbuild bundles it (with the renderer in scripts/rules-doc.ts) in memory first.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'docs', 'rules.md');

const bundle = await esbuild.build({
  stdin: {
    contents: "export { renderRulesDoc } from './scripts/rules-doc'; export { allRules } from './server/src/service/rules/index';",
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
const { renderRulesDoc, allRules } = module.exports;
const text = renderRulesDoc(allRules);

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    process.stderr.write('docs/rules.md is stale: run `npm run docs:rules`.\n');
    process.exit(1);
  }
  process.stdout.write('docs/rules.md is up to date.\n');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write(`wrote docs/rules.md (${allRules.length} rules)\n`);
}
