#!/usr/bin/env node
// Writes schemas/config.schema.json (the schema of `.vita/config.json`) from package.json and the rule registry
// (`npm run docs:schema`); `--check` exits 1 when the file is stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTs, root, writeOrCheck } from './generated-file.mjs';

const { renderConfigSchema, allRules } = await loadTs("export { renderConfigSchema } from './scripts/config-schema'; export { allRules } from './server/src/service/rules/index';");
writeOrCheck('schemas/config.schema.json', renderConfigSchema(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')), allRules), 'npm run docs:schema');
