import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions, type DateStyleOptions, type FormatOptions } from '../../server/src/service/context';
import { runRules } from '../../server/src/service/features/diagnostics';
import { applyEdits } from '../../server/src/service/edits';
import { formatDocument } from '../../server/src/service/features/format';
import { parseResume } from '../../server/src/service/model/parse';
import { listFixtures, parseFixture, readFixture } from '../helpers/fixtures';

const DEFAULTS = defaultOptions().format;

function format(text: string, options: FormatOptions = DEFAULTS, dateStyle: DateStyleOptions = {}): string {
  const doc = parseResume(text);
  const result = formatDocument(doc, options, dateStyle);
  // The edits handed to the editor give exactly the formatted text.
  assert.equal(applyEdits(text, result.edits).text, result.text, 'edits reproduce the formatted text');
  return result.text;
}

const words = (text: string) => parseResume(text).words.toArray().map((word) => word.text);

/** What date-style still reports (split ranges aside: joining lines is its fix, not the formatter's). */
function dateStyleFindings(text: string, style: DateStyleOptions = {}): string[] {
  const options = defaultOptions();
  options.today = { year: 2026, month: 3, day: 15 };
  options.dates.style = style;
  return runRules(parseResume(text), { options })
    .filter((f) => f.rule.id === 'date-style' && !/split across lines/.test(f.message))
    .map((f) => f.message);
}

/** Every fictional résumé in the repository: format fixtures, rule fixtures, outline fixtures. */
function allFixtureTexts(): { name: string; text: string }[] {
  const texts: { name: string; text: string }[] = [];
  for (const name of listFixtures('format').filter((n) => !n.includes('.formatted.'))) texts.push({ name: `format/${name}`, text: parseFixture(readFixture('format', name)).text });
  for (const name of listFixtures('outline')) texts.push({ name: `outline/${name}`, text: readFixture('outline', name) });
  return texts;
}

describe('Format Document', () => {
  for (const name of listFixtures('format').filter((n) => !n.includes('.formatted.'))) {
    test(`${name} formats to its golden file`, () => {
      const { text } = parseFixture(readFixture('format', name));
      const golden = parseFixture(readFixture('format', name.replace(/\.(md|txt)$/, '.formatted.$1'))).text;
      assert.equal(format(text), golden);
    });
  }

  for (const { name, text } of allFixtureTexts()) {
    test(`${name}: formatting twice changes nothing, no word changes, no date-style finding is left`, () => {
      const once = format(text);
      assert.equal(format(once), once, 'idempotent');
      assert.deepEqual(words(once), words(text), 'the words, in order');
      assert.deepEqual(dateStyleFindings(once), [], 'date-style has nothing left to say but split ranges');
    });
  }

  test('vita.format.bulletMarker writes one marker everywhere but in ordered lists', () => {
    const text = '# Jane Roe\n\n## Experience\n\n- One.\n* Two.\n  • Nested.\n\n1. Ordered.\n';
    assert.equal(format(text, { ...DEFAULTS, bulletMarker: '*' }), '# Jane Roe\n\n## Experience\n\n* One.\n* Two.\n  * Nested.\n\n1. Ordered.\n');
    assert.equal(format(text, { ...DEFAULTS, bulletMarker: '•' }), '# Jane Roe\n\n## Experience\n\n• One.\n• Two.\n  • Nested.\n\n1. Ordered.\n');
  });

  test('date separators follow the document: the most common one, blanks around dashes as most one-word ranges have them', () => {
    const text = '# Jane Roe\n\n## Experience\n\n### Acme, Engineer, 2019-2021\n### Initech, Intern, May 2018 to Aug 2018\n### Globex, Intern, 2016–2017\n### Hooli, Intern, 2015-2016\n';
    // `-` three times to one `to`; the one-word ranges are written closed, so they stay closed; months take blanks.
    assert.match(format(text), /Acme, Engineer, 2019-2021\n### Initech, Intern, May 2018 - Aug 2018\n### Globex, Intern, 2016-2017\n### Hooli, Intern, 2015-2016\n/);
    const spaced = text.replace('2019-2021', '2019 - 2021').replace('2016–2017', '2016 – 2017');
    assert.match(format(spaced), /2019 - 2021\n.*May 2018 - Aug 2018\n.*2016 - 2017\n.*2015 - 2016\n/);
  });

  test('vita.dates.style wins over the document, for separator, month names and the open-end word', () => {
    const text = '# Jane Roe\n\n## Experience\n\n### Acme, Engineer, September 2019 - now\n### Initech, Intern, May 2018 to August 2018\n\n- Led the 2016-2017 survey.\n';
    const formatted = format(text, DEFAULTS, { separator: '–', month: 'short', present: 'Present' });
    assert.match(formatted, /Acme, Engineer, Sep 2019 – Present\n### Initech, Intern, May 2018 – Aug 2018\n/);
    assert.match(formatted, /Led the 2016 – 2017 survey/, 'a range in a bullet: only its dash follows');
    assert.match(format(text, DEFAULTS, { separator: 'to' }), /September 2019 to now\n.*May 2018 to August 2018\n[^]*2016-2017/, 'a dash in a bullet is not turned into a word');
    assert.deepEqual(dateStyleFindings(formatted, { separator: '–', month: 'short', present: 'Present' }), []);
  });

  test('glued markers, emphasis and a marker after a date are not rewritten', () => {
    const text = '# Jane Roe\n\n## Projects\n\n2014/08 • Came up with the design.\n*Italic line.*\n- Dash.\n';
    assert.equal(format(text, { ...DEFAULTS, bulletMarker: '*' }), '# Jane Roe\n\n## Projects\n\n2014/08 • Came up with the design.\n*Italic line.*\n* Dash.\n');
  });

  test('a formatted document is left alone', () => {
    const text = '# Jane Roe\njane@example.com\n\n## Experience\n\n- Built it.\n';
    const result = formatDocument(parseResume(text), DEFAULTS);
    assert.deepEqual(result.edits, []);
  });
});
