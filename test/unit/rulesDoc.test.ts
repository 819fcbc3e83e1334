import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderRulesDoc } from '../../scripts/rules-doc';
import { defaultOptions } from '../../server/src/service/context';
import { RULES_DOC_URL, ruleDocUrl } from '../../server/src/service/docsUrl';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { parseResume } from '../../server/src/service/model/parse';
import { allRules } from '../../server/src/service/rules/index';
import { repoRoot } from '../helpers/fixtures';

describe('docs/rules.md', () => {
  test('is what `npm run docs:rules` generates from the registry (run it after changing a rule)', () => {
    const committed = readFileSync(join(repoRoot(), 'docs', 'rules.md'), 'utf8');
    assert.equal(committed, renderRulesDoc(allRules));
  });

  test('has one heading per rule, the anchor diagnostics link to', () => {
    const text = renderRulesDoc(allRules);
    for (const rule of allRules) {
      assert.ok(text.includes(`\n## ${rule.id}\n`), `a "## ${rule.id}" heading`);
      assert.equal(ruleDocUrl(rule.id), `${RULES_DOC_URL}#${rule.id}`);
    }
  });

  test('each diagnostic links to its rule entry (codeDescription.href)', () => {
    const doc = parseResume('# Jane Roe\n\n## Experience\n\n- o Built the thing.\n');
    const diagnostics = computeDiagnostics(doc, { options: defaultOptions() });
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) assert.equal(d.codeDescription?.href, ruleDocUrl(String(d.code)));
  });
});
