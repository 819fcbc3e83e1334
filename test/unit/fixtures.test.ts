import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { defaultOptions, type ServiceContext } from '../../server/src/service/context';
import { applyEdits } from '../../server/src/service/edits';
import { runRules } from '../../server/src/service/features/diagnostics';
import { lineAt } from '../../server/src/service/model/lines';
import { parseResume } from '../../server/src/service/model/parse';
import { allRules } from '../../server/src/service/rules/index';
import { parseJob } from '../../server/src/service/match/index';
import { createSpellingEngine, type SpellingEngine } from '../../server/src/service/spelling/index';
import { loadSpellingDictionaries } from './spellingDictionaries';
import { fixturePath, listFixtures, parseFixture, readFixture, repoRoot } from '../helpers/fixtures';

/** The real spelling engine (dist/dictionaries, built by `npm test`), loaded once: rules see what users see. */
let engine: SpellingEngine | undefined;
const spellingEngine = (): SpellingEngine => (engine ??= createSpellingEngine(loadSpellingDictionaries()));

/**
 * Rules see a fixed "today" so date fixtures are deterministic, and the real spelling engine; a rule folder with a
 * `_job.md` matches its fixtures against that job description (`job-evidence`).
 */
function fixtureContext(ruleId?: string): ServiceContext {
  const jobFile = ruleId ? fixturePath('rules', ruleId, '_job.md') : undefined;
  const job = jobFile && existsSync(jobFile) ? parseJob(readFileSync(jobFile, 'utf8')) : undefined;
  const options = defaultOptions();
  options.today = { year: 2026, month: 3, day: 15 };
  // Rules that are off by default are switched on in their own fixture folder.
  for (const rule of allRules) if (rule.defaultSeverity === 'off') options.rules[rule.id] = 'warning';
  return { options, spelling: spellingEngine(), onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${String(error)}`), ...(job ? { job } : {}) };
}

describe('every rule is registered and has fixtures', () => {
  test('each rule file in server/src/service/rules is in the registry', () => {
    const dir = join(repoRoot(), 'server', 'src', 'service', 'rules');
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'types.ts' && !name.startsWith('_'))
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    assert.deepEqual(files, allRules.map((rule) => rule.id).sort());
  });
  for (const rule of allRules) {
    test(`${rule.id} has a fixture folder with at least one fixture and golden file`, () => {
      const fixtures = listFixtures('rules', rule.id);
      assert.ok(fixtures.length > 0, `test/fixtures/rules/${rule.id}/ has no fixture`);
      for (const name of fixtures) {
        const golden = name.replace(/\.(md|txt|resume|org|rst)$/, '.fixed.$1');
        assert.ok(existsSync(fixturePath('rules', rule.id, golden)), `missing golden file ${golden}`);
      }
    });
  }
});

for (const rule of allRules) {
  describe(`rule ${rule.id}`, () => {
    for (const name of listFixtures('rules', rule.id)) {
      test(name, () => {
        const { text, expected } = parseFixture(readFixture('rules', rule.id, name));
        const context = fixtureContext(rule.id);
        const doc = parseResume(text);
        const checkedIds = new Set([rule.id, ...expected.map((e) => e.ruleId)]);
        const findings = runRules(doc, context).filter((f) => checkedIds.has(f.rule.id));
        const actual = findings.map((f) => {
          const line = lineAt(doc.lines, f.start);
          return `${line + 1}: ${f.rule.id}`;
        });
        const wanted = expected.map((e) => `${e.line + 1}: ${e.ruleId}`);
        assert.deepEqual(actual.sort(), wanted.sort(), `findings of ${name} (line: rule)`);
        // Columns, where the fixture names them.
        for (const e of expected.filter((x) => x.column !== undefined)) {
          const match = findings.find((f) => f.rule.id === e.ruleId && lineAt(doc.lines, f.start) === e.line);
          assert.equal(match && match.start - doc.lines[e.line].start, e.column, `column of ${e.ruleId} on line ${e.line + 1}`);
        }
        for (const f of findings) assert.ok(f.message.length > 0, 'every finding has a message');

        // Apply every safe fix of this rule, compare with the golden file, and check that nothing fixable is left.
        const edits = findings.filter((f) => f.rule.id === rule.id).flatMap((f) => f.fixes?.find((fix) => fix.safe)?.edits ?? []);
        const fixed = applyEdits(text, edits);
        assert.equal(fixed.skipped.length, 0, 'fixes overlap');
        const golden = parseFixture(readFixture('rules', rule.id, name.replace(/\.(md|txt|resume|org|rst)$/, '.fixed.$1'))).text;
        assert.equal(fixed.text, golden, 'text after applying all fixes');
        const again = runRules(parseResume(fixed.text), context).filter((f) => f.rule.id === rule.id && f.fixes?.some((fix) => fix.safe));
        assert.deepEqual(again.map((f) => f.message), [], 'nothing fixable remains after fixing');
      });
    }
  });
}
