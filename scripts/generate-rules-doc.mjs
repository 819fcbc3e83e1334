#!/usr/bin/env node
// Writes docs/rules.md from the rules' metadata (`npm run docs:rules`); `--check` exits 1 when the file is stale.
// The registry is TypeScript: it is bundled (with the renderer in scripts/rules-doc.ts) in memory first.
import { loadTs, writeOrCheck } from './generated-file.mjs';

const { renderRulesDoc, allRules } = await loadTs("export { renderRulesDoc } from './scripts/rules-doc'; export { allRules } from './server/src/service/rules/index';");
writeOrCheck('docs/rules.md', renderRulesDoc(allRules), 'npm run docs:rules');
