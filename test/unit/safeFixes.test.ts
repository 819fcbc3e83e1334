// Fixes never change facts. A safe fix — one Fix All, `vita check --fix` and Format Document's neighbours apply
// without asking — may change only form: spacing, bullet glyphs, brand casing, the way a date is written. So the
// letters and digits of the text, in order, are the same after it, up to case and date style. And a rule's
// `fixable` flag says whether its fixtures ever carry a fix.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { defaultOptions, type ServiceContext } from '../../server/src/service/context';
import { applyEdits } from '../../server/src/service/edits';
import { runRules } from '../../server/src/service/features/diagnostics';
import { parseResume } from '../../server/src/service/model/parse';
import { allRules } from '../../server/src/service/rules/index';
import { createSpellingEngine, type SpellingEngine } from '../../server/src/service/spelling/index';
import { fixturePath, parseFixture, repoRoot } from '../helpers/fixtures';
import { loadSpellingDictionaries } from './spellingDictionaries';

let engine: SpellingEngine | undefined;
function context(): ServiceContext {
  const options = defaultOptions();
  options.today = { year: 2026, month: 3, day: 15 };
  for (const rule of allRules) if (rule.defaultSeverity === 'off') options.rules[rule.id] = 'warning';
  return { options, spelling: (engine ??= createSpellingEngine(loadSpellingDictionaries())) };
}

/** Every résumé the repository holds as a fixture or example (not golden files). */
function corpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|txt|resume|org|rst)$/.test(name) && !/\.(fixed|formatted|outline)\.|\.outline\.txt$/.test(name) && !name.startsWith('_') && !path.includes(`${join('fixtures', 'match')}`)) {
        out.push({ name: relative(repoRoot(), path), text: parseFixture(readFileSync(path, 'utf8')).text });
      }
    }
  };
  walk(fixturePath());
  walk(join(repoRoot(), 'examples'));
  return out;
}

const MONTHS = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/g;
const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * The facts of a text: its letters and digits in order, lower-cased, with month names as numbers, the open-end
 * words (Present, Current, Now, To date, Ongoing) as one, the word "to" between dates as any other separator, and a
 * stray bullet glyph (an `o` left by PDF conversion at the start of a bullet) as any other glyph.
 */
export function facts(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^(\s*(?:[-*+•▪◦●■]\s*)*)[oO](?=\s|\p{L})/u, '$1'))
    .join('\n')
    .toLowerCase()
    .replace(/\b(?:present|current|now|today|ongoing|to date)\b/g, ' present ')
    .replace(MONTHS, (_month: string, name: string) => ` ${MONTH_NUMBER[name.slice(0, 3)]} `)
    .replace(/(\d)\s+to\s+(?=\d|present)/g, '$1 ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

describe('safe fixes change form, never facts', () => {
  test('the facts of a text ignore case, spacing, glyphs and date style, and nothing else', () => {
    assert.equal(facts('- o Led the   team, Jan 2020 to Present'), facts('- Led the team, January 2020 – Current'));
    assert.equal(facts('Github and NodeJS'), facts('GitHub and Node.js'));
    assert.notEqual(facts('Jan 2022 – Dec 2021'), facts('Dec 2021 – Jan 2022'));
    assert.notEqual(facts('Led the the team'), facts('Led the team'));
    assert.notEqual(facts('555-O10-2O30'), facts('555-010-2030'));
    assert.notEqual(facts('Janaury 2020'), facts('January 2020'));
  });

  const texts = corpus();
  test(`every safe fix of every rule keeps the facts, over the ${texts.length} fixtures and examples`, () => {
    const broken: string[] = [];
    let checked = 0;
    for (const { name, text } of texts) {
      const before = facts(text);
      for (const finding of runRules(parseResume(text), context())) {
        for (const fix of finding.fixes ?? []) {
          if (!fix.safe) continue;
          checked++;
          const after = applyEdits(text, fix.edits).text;
          if (facts(after) !== before) broken.push(`${name}: ${finding.rule.id} "${fix.title}"`);
        }
      }
    }
    assert.ok(checked > 50, `only ${checked} safe fixes were seen: the corpus lost its fixtures?`);
    assert.deepEqual([...new Set(broken)], []);
  });
});

describe('docs/rules.md says of each rule which fixes are safe and which are quick fixes only, as its fixtures show', () => {
  const texts = corpus();
  for (const rule of allRules.filter((r) => r.fixable)) {
    test(rule.id, () => {
      const own = texts.filter(({ name }) => name.includes(`rules/${rule.id}/`) || name.includes(`${join('rules', rule.id)}/`));
      const findings = own.flatMap(({ text }) => runRules(parseResume(text), context(), [rule]));
      const safe = findings.some((f) => f.fixes?.some((fix) => fix.safe));
      // Spelling's "Change to" fixes are made when the light bulb opens, from the finding's word: quick fixes.
      const quick = findings.some((f) => f.fixes?.some((fix) => !fix.safe) || (rule.tags.includes('spelling') && typeof f.data?.word === 'string' && !f.fixes?.length));
      assert.equal(Boolean(rule.fixes?.safe), safe, safe ? `${rule.id} has safe fixes: describe them in its \`fixes.safe\`` : `${rule.id}'s \`fixes.safe\` describes safe fixes no fixture produces`);
      assert.equal(Boolean(rule.fixes?.quickFix), quick, quick ? `${rule.id} has quick fixes: describe them in its \`fixes.quickFix\`` : `${rule.id}'s \`fixes.quickFix\` describes quick fixes no fixture produces`);
    });
  }
});

describe('a rule is fixable exactly when its fixtures carry fixes', () => {
  const texts = corpus();
  for (const rule of allRules) {
    test(rule.id, () => {
      const own = texts.filter(({ name }) => name.includes(`${join('rules', rule.id)}/`) || name.includes(`rules/${rule.id}/`));
      assert.ok(own.length > 0, `no fixture for ${rule.id}`);
      // A spelling finding's fixes ("Change to …") are made when the light bulb opens, from its `data.word`.
      const carriesFix = (finding: ReturnType<typeof runRules>[number]) => (finding.fixes?.length ?? 0) > 0 || (rule.tags.includes('spelling') && typeof finding.data?.word === 'string');
      const fixes = own.flatMap(({ text }) => runRules(parseResume(text), context(), [rule]).filter(carriesFix));
      assert.equal(fixes.length > 0, rule.fixable, rule.fixable ? `${rule.id} says it is fixable, but no fixture finding carries a fix` : `${rule.id} says it is not fixable, but its findings carry fixes`);
    });
  }
});
