import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions, type FormatOptions } from '../../server/src/service/context';
import { applyEdits } from '../../server/src/service/edits';
import { formatDocument } from '../../server/src/service/features/format';
import { parseResume } from '../../server/src/service/model/parse';
import { listFixtures, parseFixture, readFixture } from '../helpers/fixtures';

const DEFAULTS = defaultOptions().format;

function format(text: string, options: FormatOptions = DEFAULTS): string {
  const doc = parseResume(text);
  const result = formatDocument(doc, options);
  // The edits handed to the editor give exactly the formatted text.
  assert.equal(applyEdits(text, result.edits).text, result.text, 'edits reproduce the formatted text');
  return result.text;
}

const words = (text: string) => parseResume(text).words.map((word) => word.text);

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
    test(`${name}: formatting twice changes nothing, and no word changes`, () => {
      const once = format(text);
      assert.equal(format(once), once, 'idempotent');
      assert.deepEqual(words(once), words(text), 'the words, in order');
    });
  }

  test('vita.format.bulletMarker writes one marker everywhere but in ordered lists', () => {
    const text = '# Jane Roe\n\n## Experience\n\n- One.\n* Two.\n  • Nested.\n\n1. Ordered.\n';
    assert.equal(format(text, { ...DEFAULTS, bulletMarker: '*' }), '# Jane Roe\n\n## Experience\n\n* One.\n* Two.\n  * Nested.\n\n1. Ordered.\n');
    assert.equal(format(text, { ...DEFAULTS, bulletMarker: '•' }), '# Jane Roe\n\n## Experience\n\n• One.\n• Two.\n  • Nested.\n\n1. Ordered.\n');
  });

  test('vita.format.dateSeparator: another dash, or keep; "to" is a word and stays', () => {
    const text = '# Jane Roe\n\n## Experience\n\n### Acme, Engineer, 2019-2021\n### Initech, Intern, May 2018 to Aug 2018\n';
    assert.match(format(text, { ...DEFAULTS, dateSeparator: ' - ' }), /Acme, Engineer, 2019 - 2021\n### Initech, Intern, May 2018 to Aug 2018/);
    assert.match(format(text, { ...DEFAULTS, dateSeparator: '–' }), /2019–2021/);
    assert.match(format(text, { ...DEFAULTS, dateSeparator: 'keep' }), /2019-2021/);
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
