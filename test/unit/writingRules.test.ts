import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions, type ServiceContext, type WordLookup } from '../../server/src/service/context';
import { applyEdits } from '../../server/src/service/edits';
import { runRules } from '../../server/src/service/features/diagnostics';
import { parseResume } from '../../server/src/service/model/parse';
import { allRules } from '../../server/src/service/rules/index';
import { resolveSettings } from '../../server/src/service/settings';

const context = (spelling?: WordLookup): ServiceContext => ({ options: defaultOptions(), spelling });
const resume = (...bullets: string[]) => `# Jane Roe\njane.roe@example.com\n\n## Experience\n\n### Acme, Engineer, 2019 – 2021\n\n${bullets.join('\n')}\n`;

function findingsOf(ruleId: string, text: string, spelling?: WordLookup) {
  return runRules(parseResume(text), context(spelling)).filter((f) => f.rule.id === ruleId);
}

describe('writing rules', () => {
  test('are hints by default, and every message says why in one line', () => {
    for (const rule of allRules.filter((r) => r.id.startsWith('style-'))) {
      assert.equal(rule.defaultSeverity, 'hint', rule.id);
    }
    const text = resume('- Responsible for managing the release calendar and I wrote our runbooks.');
    for (const finding of runRules(parseResume(text), context()).filter((f) => f.rule.id.startsWith('style-'))) {
      assert.match(finding.message, /: /, `${finding.rule.id}: "${finding.message}" gives a reason`);
      assert.doesNotMatch(finding.message, /\n/);
    }
  });

  test('style-unquantified sits on the first word of the title, not the whole line', () => {
    for (const [title, word] of [['### Acme, Engineer, 2019 – 2021', 'Acme'], ['### **Northwind Traders** — Analyst, 2019 – 2021', 'Northwind']]) {
      const text = resume('- Improved the deploy pipeline.').replace('### Acme, Engineer, 2019 – 2021', title);
      const [finding] = findingsOf('style-unquantified', text);
      assert.ok(finding, title);
      assert.equal(text.slice(finding.start, finding.end), word);
    }
  });

  test('style-weak-verb rewrites "Responsible for managing" to "Managed", never as a safe fix', () => {
    const text = resume('- Responsible for managing the release calendar.', '- Worked on building, testing and shipping the app.', '- Worked on the app.');
    const found = findingsOf('style-weak-verb', text);
    assert.equal(found.length, 3);
    const fixes = found.map((f) => f.fixes?.[0]);
    assert.ok(fixes.every((fix) => fix === undefined || fix.safe === false));
    assert.equal(fixes[2], undefined, 'no gerund after the opener: no rewrite');
    const rewritten = applyEdits(text, [...fixes[0]!.edits, ...fixes[1]!.edits]).text;
    assert.match(rewritten, /- Managed the release calendar\.\n- Built, tested and shipped the app\./);
  });

  test('style-tense reads the tense of the first word, not nouns that look like verbs', () => {
    const past = resume('- Research on caching.', '- Support for twelve languages.', '- Led the team.');
    assert.deepEqual(findingsOf('style-tense', past), []);
  });
});

describe('bullet-stray-glyph with the spelling lookup', () => {
  const stub = (...known: string[]): WordLookup => ({ isKnown: (word) => known.includes(word.toLowerCase()) });
  const text = resume('- Ocollaborated with the SRE team.', '- Oversaw the move.', '- Ozoned the cleanroom twice.');

  test('flags a glued o/O when the rest is a word and the whole is not', () => {
    const found = findingsOf('bullet-stray-glyph', text, stub('collaborated', 'oversaw', 'versaw', 'zoned'));
    // "Oversaw" is a word itself; "Ozoned" is not a word but "zoned" is.
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['Ocollaborated', 'Ozoned']);
    assert.deepEqual(found.map((f) => f.fixes![0].edits[0].newText), ['Collaborated', 'Zoned']);
    assert.ok(found.every((f) => f.fixes![0].safe));
  });

  test('without the lookup, only the built-in résumé verbs count', () => {
    assert.deepEqual(findingsOf('bullet-stray-glyph', text).map((f) => text.slice(f.start, f.end)), ['Ocollaborated']);
  });
});

describe('vita.format settings', () => {
  test('resolve to typed options, with a clear problem for wrong values', () => {
    const good = resolveSettings({ format: { bulletMarker: '*' } });
    assert.deepEqual(good.problems, []);
    assert.deepEqual(good.options.format, { bulletMarker: '*' });
    const bad = resolveSettings({ format: { bulletMarker: '+' } });
    assert.deepEqual(bad.options.format, defaultOptions().format);
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0], /"vita\.format\.bulletMarker" must be one of/);
    assert.match(resolveSettings({ format: 'dash' }).problems[0], /"vita\.format" must be an object/);
  });
});
