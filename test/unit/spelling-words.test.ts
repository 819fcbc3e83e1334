/** The word tokenizer the spelling checker reads. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAY_SKIP, maySkip, SKIP, tokenEnd, tokenizeWords, tokenStart, WORD } from '../../server/src/service/model/words';
import { segmentOf } from '../helpers/segments';

const words = (text: string): string[] => tokenizeWords(text, 0, text.length, 'text').toArray().map((w) => w.text);

describe('spelling: tokenizeWords', () => {
  it('gives absolute offsets and the context', () => {
    const text = 'xx Hello world yy';
    const found = tokenizeWords(text, 3, 14, 'bullet').toArray();
    assert.deepEqual(found, [
      { text: 'Hello', start: 3, end: 8, context: 'bullet' },
      { text: 'world', start: 9, end: 14, context: 'bullet' },
    ]);
    assert.equal(text.slice(found[1].start, found[1].end), 'world');
  });

  it('skips URLs, domains, emails, handles and phone numbers', () => {
    assert.deepEqual(words('See https://example.com/a-b and github.com/someone or mail jo.doe@example.org, ping @jdoe at +1 (555) 010-2030'), [
      'See', 'and', 'or', 'mail', 'ping', 'at',
    ]);
  });

  it('skips LaTeX commands and escapes, code spans and HTML tags', () => {
    assert.deepEqual(words('$\\checkmark$ phone \\textbf{bold} saved \\$740 `npm run build` <br/> done'), ['phone', 'saved', 'done']);
  });

  it('skips numbers with units, versions, and tokens with digits', () => {
    assert.deepEqual(words('300K QPS, 99.95% uptime, 1.2ms, 2x faster, 400s, 95th percentile, v1.2.3, x86, C++14, layer1-5'), [
      'uptime', 'faster', 'percentile',
    ]);
  });

  it('skips ALL-CAPS acronyms but checks long capitalised words', () => {
    assert.deepEqual(words('DPDK PCAOB QPS APIs SLOs WORK EXPERIENCE'), ['EXPERIENCE']);
  });

  it('drops Markdown markers and link targets but keeps link text', () => {
    assert.deepEqual(words('**Kafka** and _Clojure_ [my site](https://example.com "home") ~~old~~'), ['Kafka', 'and', 'Clojure', 'my', 'site', 'old']);
  });

  it('keeps hyphenated, dotted, possessive and accented words whole', () => {
    assert.deepEqual(words("Urbana-Champaign Node.js user's résumé naïve end-to-end e.g. M.S. C++ C#"), [
      'Urbana-Champaign', 'Node.js', "user's", 'résumé', 'naïve', 'end-to-end',
    ]);
  });

  it('drops quotes around words and sentence punctuation', () => {
    assert.deepEqual(words("'quoted' words, end. Next: users' data"), ['quoted', 'words', 'end', 'Next', 'users', 'data']);
  });

  it('splits on slashes and keeps camelCase whole (the engine splits it)', () => {
    assert.deepEqual(words('Borg/Kubernete CI/CD DevTools HoneyChat'), ['Borg', 'Kubernete', 'DevTools', 'HoneyChat']);
  });

  it('skips snake_case identifiers and paths', () => {
    assert.deepEqual(words('the feature_flag in src/service/model works'), ['the', 'in', 'works']);
  });

  it('finds exactly the matches of its specification, the WORD pattern', () => {
    // The scanner (tokenStart/tokenEnd) replaces WORD.exec for speed; any text must split the same way.
    const scan = (text: string): Array<[number, number]> => {
      const found: Array<[number, number]> = [];
      for (let at = 0; at < text.length; ) {
        const start = tokenStart(text, at);
        if (start < 0) break;
        at = tokenEnd(text, start);
        found.push([start, at]);
      }
      return found;
    };
    const pattern = (text: string): Array<[number, number]> => [...text.matchAll(new RegExp(WORD.source, WORD.flags))].map((m) => [m.index!, m.index! + m[0].length]);
    const pieces = ["'", '’', '.', '-', '+', '#', ' ', 'a', 'Z', '7', 'é', 'e\u0301', '\u0301', 'ß', '中文', '𝐀', '😀', '\ud800', '٣', "C++", 'x#', 'Node.js', "users'", 'ʼ'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(scan(text), pattern(text));
      }),
      { seed: Number(process.env.VITA_FC_SEED ?? 20261122), numRuns: 3000 },
    );
    for (const text of ["'tis C++ and C# or x#y, naïve résumés' ’quoted’ e.g. node.js--x", '中文简历 𝐀𝐁 ٣٤ ˈaɪ']) assert.deepEqual(scan(text), pattern(text));
  });

  it('reads a segment in place exactly as it reads the segment on its own', () => {
    // tokenizeWords scans text[start, end) without copying it: nothing past `end` may change a word.
    const pieces = ["'", '’', '.', '-', '++', '#', ' ', 'ab', 'Z', '7', 'é', '\u0301', '中', '𝐀', '\ud835', '(', 'x.y', 'github.com/a/b', '`c`', 'a_b'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const { start, end } = segmentOf(text.length, a, b);
        const inPlace = tokenizeWords(text, start, end, 'text').toArray();
        const alone = tokenizeWords(text.slice(start, end), 0, end - start, 'text').toArray().map((w) => ({ ...w, start: w.start + start, end: w.end + start }));
        assert.deepEqual(inPlace, alone);
      }),
      { seed: Number(process.env.VITA_FC_SEED ?? 20261122), numRuns: 3000 },
    );
  });

  it('looks for skip regions only where one can be (MAY_SKIP holds in every SKIP match)', () => {
    const pieces = ['.', '1', '2', 'a', 'Z', ' ', '(', ')', '()', 'www', 'com', 'co', 'uk', '-', '+', '$', '@', '_', '/', ':', '`', '<', '>', '[', ']', '\\', '"', "'", '€', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        const skip = new RegExp(SKIP.source, SKIP.flags);
        for (const match of text.matchAll(skip)) assert.ok(MAY_SKIP.test(match[0]), `SKIP matched "${match[0]}" in "${text}" but MAY_SKIP does not`);
      }),
      { seed: Number(process.env.VITA_FC_SEED ?? 20261122), numRuns: 5000 },
    );
    assert.equal(MAY_SKIP.test('Saved £1.2M and 3.5% of costs'), false);
  });
});

describe('WordList.spellings', () => {
  it('gives each word the index of its text among the distinct spellings', () => {
    const pieces = ['Led', 'led', 'LED', 'the', 'Kafka', 'résumé', 'naïve', 'x-ray', "user's", ' ', ', ', '. '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const list = tokenizeWords(text, 0, text.length, 'text');
        const { ids, texts } = list.spellings();
        assert.equal(new Set(texts).size, texts.length, 'spellings are distinct');
        for (let i = 0; i < list.length; i++) assert.equal(texts[ids[i]], list.textOf(i));
        assert.deepEqual(new Set(texts), new Set(list.toArray().map((word) => word.text)));
      }),
      { seed: Number(process.env.VITA_FC_SEED ?? 20261122), numRuns: 1000 },
    );
  });

  it('are made again when a word is added after them', () => {
    const list = tokenizeWords('Led teams', 0, 3, 'text');
    assert.deepEqual(list.spellings().texts, ['Led']);
    tokenizeWords('Led teams', 4, 9, 'text', list);
    assert.deepEqual(list.spellings().texts, ['Led', 'teams']);
  });

  it('maps thousands of distinct words, each to its own text', () => {
    const letters = 'abcdefghij';
    const spell = (n: number) => [...String(n).padStart(4, '0')].map((digit) => letters[Number(digit)]).join('');
    const text = Array.from({ length: 5000 }, (_, n) => `${spell(n)} ${spell(n % 7)}`).join(' ');
    const list = tokenizeWords(text, 0, text.length, 'text');
    const { ids, texts } = list.spellings();
    assert.equal(texts.length, 5000);
    for (let i = 0; i < list.length; i++) assert.equal(texts[ids[i]], list.textOf(i));
  });
});

describe('maySkip', () => {
  it('answers as MAY_SKIP does on the segment, read in place', () => {
    const pieces = ['`', ']', '<', '$', '\\', '@', ':', '/', '_', '.', '..', 'www', 'ww', 'w', 'a', 'Z', '1', '2x', '(', '$x', ' ', '\t', '\u00a0', 'é', '\u2028'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const { start, end } = segmentOf(text.length, a, b);
        assert.equal(maySkip(text, start, end), MAY_SKIP.test(text.slice(start, end)), JSON.stringify(text.slice(start, end)));
      }),
      { seed: Number(process.env.VITA_FC_SEED ?? 20261122), numRuns: 5000 },
    );
  });
});
