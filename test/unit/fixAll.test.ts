import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions, type ServiceContext, type WordLookup } from '../../server/src/service/context';
import { applyEdits } from '../../server/src/service/edits';
import { runRules } from '../../server/src/service/features/diagnostics';
import { fixAll } from '../../server/src/service/features/fixAll';
import { parseResume } from '../../server/src/service/model/parse';

function context(spelling?: WordLookup, rules: ServiceContext['options']['rules'] = {}): ServiceContext {
  const options = defaultOptions();
  options.today = { year: 2026, month: 3, day: 15 };
  options.rules = rules;
  return { options, spelling, onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${String(error)}`) };
}

/** A stand-in for the spelling engine: knows a fixed list of words, in any case. */
function lookup(...known: string[]): WordLookup {
  const words = new Set(known.map((w) => w.toLowerCase()));
  return { isKnown: (word) => words.has(word.toLowerCase()) };
}

const safeFixable = (text: string, ctx: ServiceContext) =>
  runRules(parseResume(text), ctx)
    .filter((f) => f.fixes?.some((fix) => fix.safe))
    .map((f) => `${f.rule.id}: ${f.message}`);

// A fictional PDF conversion: stray glyphs (one glued to its word, one on a line with trailing spaces), a mixed
// list, a malformed email, and things Fix All must leave alone because they are facts or guesses (a doubled word —
// "had had" is English —, a letter where a phone digit belongs, a weak opener, and a heading in capitals among Title
// Case ones: from capitals, Title Case is a guess).
const CONVERTED = [
  'LEILA NAVABI',
  'leila.navabi@gmail,com | +1 (555) O10-2030',
  '',
  'Experience',
  '',
  'Northwind Health, Platform Engineer, 2019 - 2024',
  '- o Rebuilt the claims pipeline around a durable queue.   ',
  '  - Ocalibrated the autoscaler against 18 months of traffic.',
  '  - O Cut p99 latency from 80ms to 12ms.',
  '* Responsible for managing the the on-call rotation.',
  '- Wrote the incident review template.',
  '',
  'Education',
  '',
  'Example University, BSc Computer Science, 2015 - 2019',
  '',
  'AWARDS',
  '',
  '- Hackathon winner, 2018.',
  '',
].join('\n');

const FIXED_WITH_SPELLING = [
  'LEILA NAVABI',
  'leila.navabi@gmail.com | +1 (555) O10-2030',
  '',
  'Experience',
  '',
  'Northwind Health, Platform Engineer, 2019 - 2024',
  '- Rebuilt the claims pipeline around a durable queue.',
  '  - Calibrated the autoscaler against 18 months of traffic.',
  '  - Cut p99 latency from 80ms to 12ms.',
  '- Responsible for managing the the on-call rotation.',
  '- Wrote the incident review template.',
  '',
  'Education',
  '',
  'Example University, BSc Computer Science, 2015 - 2019',
  '',
  'AWARDS',
  '',
  '- Hackathon winner, 2018.',
  '',
].join('\n');

describe('fixAll', () => {
  test('applies every safe fix of every rule at once, over several rounds, and nothing fixable remains', () => {
    const ctx = context(lookup('calibrated'));
    const result = fixAll(parseResume(CONVERTED), ctx);
    assert.equal(result.text, FIXED_WITH_SPELLING);
    assert.equal(applyEdits(CONVERTED, result.edits).text, result.text, 'the edits, in the original offsets, give the same text');
    assert.deepEqual(safeFixable(result.text, ctx), []);
    assert.deepEqual(fixAll(parseResume(result.text), ctx).edits, [], 'a second Fix All has nothing to do');
  });

  test('never applies a fix that is not safe: style rewrites and Title Case from capitals stay quick fixes', () => {
    const result = fixAll(parseResume(CONVERTED), context(lookup('calibrated')));
    assert.match(result.text, /Responsible for managing/);
    assert.match(result.text, /\nAWARDS\n/);
    const left = runRules(parseResume(result.text), context(lookup('calibrated'))).map((f) => f.rule.id);
    assert.ok(left.includes('style-weak-verb'));
    assert.ok(left.includes('heading-case'));
  });

  test('a glyph glued to a word is debris only when the spelling lookup knows the rest', () => {
    const withLookup = fixAll(parseResume(CONVERTED), context(lookup('calibrated'))).text;
    assert.match(withLookup, /\n {2}- Calibrated the autoscaler/);
    // Without the engine, only the built-in résumé verbs count: "calibrated" is not one of them.
    const without = fixAll(parseResume(CONVERTED), context()).text;
    assert.match(without, /\n {2}- Ocalibrated the autoscaler/);
    // A lookup that knows the whole word keeps it ("Oakland" is no glyph before "akland").
    const text = '# Jane Roe\njane@example.com\n\n## Experience\n\n- Oakland office opened in 2020.\n- Ocollaborated with SRE.\n';
    const kept = fixAll(parseResume(text), context(lookup('oakland', 'akland', 'collaborated'))).text;
    assert.equal(kept, text.replace('Ocollaborated', 'Collaborated'));
  });

  test('rules switched off, and lines a directive silences, fix nothing', () => {
    const off = fixAll(parseResume(CONVERTED), context(lookup('calibrated'), { 'bullet-stray-glyph': 'off' })).text;
    assert.match(off, /- o Rebuilt/);
    assert.match(off, /Rebuilt the claims pipeline around a durable queue\.\n/, 'other rules still fix the same line');
    const silenced = fixAll(parseResume(CONVERTED.replace('* Responsible', '<!-- vita-disable-next-line -->\n* Responsible')), context()).text;
    assert.match(silenced, /\* Responsible for managing the the on-call rotation\./);
  });

  test('Fix All keeps every word of a clean résumé and changes only spacing', () => {
    const text = '# Jane Roe\njane.roe@example.com  |  Springfield\n\n## Experience\n\n### Acme, Engineer, 2019 – 2024\n\n- Built the  billing service.\n';
    const result = fixAll(parseResume(text), context());
    assert.deepEqual(parseResume(result.text).words.toArray().map((w) => w.text), parseResume(text).words.toArray().map((w) => w.text));
    assert.equal(result.text, '# Jane Roe\njane.roe@example.com | Springfield\n\n## Experience\n\n### Acme, Engineer, 2019 – 2024\n\n- Built the billing service.\n');
  });
});
