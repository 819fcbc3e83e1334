/**
 * The spelling engine's machinery: vita's flat trie format (flatTrie.ts), the walks over it (trieWalk.ts), the
 * typo-or-name search bound (classify.ts), and the verdicts that rest on them, against the built dictionaries.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseResume } from '../../server/src/service/model/parse';
import type { WordContext } from '../../server/src/service/model/types';
import { checkSpelling, createSpellingEngine, type SpellingEngine } from '../../server/src/service/spelling';
import { compareAsciiKey, compareKeys } from '../../server/src/service/spelling/engine';
import fc from 'fast-check';
import { classifyScore, maxTypoCost } from '../../server/src/service/spelling/classify';
import { buildFlatTrie, flagsOf, flatTrieOfWords, flatTrieWords, readFlatTrie } from '../../server/src/service/spelling/flatTrie';
import { searchTrie, singleEdits, singleEditsInTrie, weightedDistance } from '../../server/src/service/spelling/trieWalk';
import { loadSpellingDictionaries } from './spellingDictionaries';

let cached: SpellingEngine | undefined;
const engine = (): SpellingEngine => (cached ??= createSpellingEngine(loadSpellingDictionaries()));

const words = [
  'manager', 'managers', 'management', 'manage', 'managed', 'receive', 'received', 'receiver', 'Kubernetes', '~kubernetes',
  'résumé', 'resume', 'analyse', 'analyze', "user's", 'north', 'wind', 'teh', 'the', 'then', 'them', 'co-op', 'über',
];

describe('flat trie: format', () => {
  it('holds exactly the words given, with their flags or-ed', () => {
    const bytes = buildFlatTrie([...words.map((w) => [w, 1] as const), ['analyse', 2], ['colour', 2]]);
    const trie = readFlatTrie(bytes);
    const expected = new Map<string, number>(words.map((w) => [w, 1]));
    expected.set('analyse', 3);
    expected.set('colour', 2);
    assert.deepEqual(new Map(flatTrieWords(trie)), expected);
    for (const [word, flags] of expected) assert.equal(flagsOf(trie, word), flags, word);
    for (const absent of ['manag', 'managerss', 'Manager', 'kubernetes', 'resumé', '', 'zzz', 'üb']) assert.equal(flagsOf(trie, absent), 0, absent);
  });

  it('is used as read, and copied only when not 4-byte aligned', () => {
    const bytes = buildFlatTrie(words.map((w) => [w, 1] as const));
    const aligned = readFlatTrie(bytes);
    assert.equal(aligned.nodes.buffer, bytes.buffer);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const unaligned = readFlatTrie(shifted.subarray(1));
    assert.deepEqual([...flatTrieWords(unaligned)], [...flatTrieWords(aligned)]);
  });

  it('shares equal suffixes (a minimised trie)', () => {
    const many = ['walking', 'talking', 'stalking', 'balking', 'chalking'];
    const trie = readFlatTrie(buildFlatTrie(many.map((w) => [w, 1] as const)));
    // A plain trie needs a node per letter (36 here); shared "alking" leaves the first letters and one chain.
    assert.ok(trie.nodes.length < 36, `${trie.nodes.length} node words`);
  });

  it('rejects flags out of range and other formats', () => {
    assert.throws(() => buildFlatTrie([['word', 0]]));
    assert.throws(() => buildFlatTrie([['word', 256]]));
    assert.throws(() => readFlatTrie(new TextEncoder().encode('TrieBlob')));
  });
});

describe('flat trie: walks', () => {
  const trie = flatTrieOfWords(words);

  it('finds the single edits of a word a trie holds, as looking every edit up does', () => {
    for (const typed of ['manger', 'recieve', 'reciever', 'kubernete', 'hte', 'coop', 'uber', 'managment', 'usr\'s', 'north', 'northwind', 'x']) {
      const found = new Set<string>();
      singleEditsInTrie(trie, 1, typed, 0, found);
      const expected = [...singleEdits(typed)].filter((e) => flagsOf(trie, e) !== 0);
      assert.deepEqual([...found].sort(), expected.sort(), typed);
    }
  });

  it('walks to every word within the bound, with its weighted distance', () => {
    const lowerWords = words.filter((w) => !w.startsWith('~'));
    for (const typed of ['managr', 'recieved', 'kubernete', 'teh', 'analyes', 'mnaager']) {
      for (const bound of [60, 100, 150, 250]) {
        const found = new Map<string, number>();
        searchTrie(trie, 1, typed, bound, found, { strictFirstLetter: true });
        const t = [...typed.toLowerCase()];
        const expected = new Map<string, number>();
        for (const word of lowerWords) {
          const first = [...word.toLowerCase()][0];
          if (first !== t[0] && first !== t[1]) continue;
          if ([...word].length > t.length + 3) continue;
          const cost = weightedDistance(typed, word);
          if (cost <= bound) expected.set(word, cost);
        }
        assert.deepEqual(new Map([...found].sort()), new Map([...expected].sort()), `${typed} within ${bound}`);
      }
    }
  });
});

describe('spelling: the typo-or-name bound', () => {
  it('no nearest word costlier than maxTypoCost makes a typo', () => {
    const contexts: WordContext[] = ['name', 'contact', 'link', 'organisation', 'location', 'skills', 'role', 'heading', 'bullet', 'text'];
    const samples = ['teh', 'Quilstone', 'relibilties', 'RECOMMANDATION', 'PyData', 'Harbourline', 'persuad', 'Kubernete', 'abcdefghijklmnop'];
    for (const word of samples) {
      for (const context of contexts) {
        const limit = maxTypoCost(word, context);
        for (let cost = 10; cost <= 400; cost += 5) {
          for (const tier of [1, 2, 3, 4, 5]) {
            for (const nearest of ['word', 'Word']) {
              const { verdict } = classifyScore({ word, context, nearest: { word: nearest, cost, tier } });
              if (verdict === 'typo') assert.ok(cost <= limit, `${word} in ${context}: cost ${cost} > ${limit}, tier ${tier}`);
            }
          }
        }
      }
    }
  });

  it('leaves CamelCase names without a search', () => {
    assert.ok(maxTypoCost('PyData', 'text') < 0);
    assert.ok(maxTypoCost('PostGIS', 'skills') < 0);
    assert.ok(maxTypoCost('relibilties', 'bullet') >= 200);
  });
});

describe('spelling: verdicts', () => {
  it('reads a capitalised compound of two common words as a name, wherever it stands', () => {
    const e = engine();
    for (const word of ['Harbourline', 'Quillstone', 'Northwind', 'Brightmoor']) {
      for (const context of ['organisation', 'bullet', 'text', 'heading'] as const) {
        assert.equal(e.classifyUnknown(word, context).verdict, 'name', `${word} in ${context}`);
      }
    }
    // …but words run together in lower case, or around a function word, are typos; so is a near-word.
    assert.equal(e.classifyUnknown('aboutthe', 'bullet').verdict, 'typo');
    assert.equal(e.classifyUnknown('Workedwith', 'bullet').verdict, 'typo');
    assert.equal(e.classifyUnknown('Softerware', 'role').verdict, 'typo');
    assert.equal(e.suggest('aboutthe')[0], 'about the');
  });

  it('finds a typo inside a hyphenated word and suggests the whole corrected', () => {
    const e = engine();
    assert.equal(e.isKnown('recieved-payments'), false);
    assert.equal(e.classifyUnknown('recieved-payments', 'bullet').verdict, 'typo');
    assert.equal(e.suggest('recieved-payments')[0], 'received-payments');
    assert.equal(e.suggest('Re-architectted')[0], 'Re-architected');
    assert.equal(e.classifyUnknown('Raghunathan-Okafor', 'text').verdict, 'name');
    const issues = checkSpelling(e, parseResume('- Reconciled recieved-payments and co-authored the run-book.\n').words);
    assert.deepEqual(issues.map((i) => `${i.kind} ${i.word.text}`), ['typo recieved']);
  });

  it('knows real words the dictionaries missed (retiming)', () => {
    assert.ok(engine().isKnown('retiming'));
    assert.ok(engine().isKnown('Retimed'));
  });

  it('accepts British spellings from the one English trie, and only with its en_GB flag', () => {
    assert.ok(engine().isKnown('analysed'));
    assert.ok(engine().isKnown('organisation'));
    const american = createSpellingEngine(loadSpellingDictionaries({ british: false }));
    assert.equal(american.isKnown('analysed'), false);
    assert.ok(american.isKnown('analyzed'));
  });

  it('suggests from the language asked for', () => {
    const british = createSpellingEngine(loadSpellingDictionaries(), { suggestFrom: 'en_gb' });
    assert.equal(british.suggest('organisaton')[0], 'organisation');
    assert.equal(engine().suggest('organizaton')[0], 'organization');
  });

  it('gives the same verdict from the cache, per context', () => {
    const e = engine();
    const first = e.classifyUnknown('Hollan', 'name');
    assert.deepEqual(e.classifyUnknown('Hollan', 'name'), first);
    assert.ok(e.classifyUnknown('hollan', 'text').score > first.score);
  });

  it('takes user words, with suggestions from them', () => {
    const e = createSpellingEngine(loadSpellingDictionaries(), { words: ['Zyntaqor', 'flobbery'] });
    assert.ok(e.isKnown('Zyntaqor'));
    assert.ok(e.isKnown('flobbery'));
    assert.equal(e.suggest('Zyntaqr')[0], 'Zyntaqor');
  });
});

describe('spelling engine: brand casing look-up', () => {
  it('compares a line key in place as the lower-case copy without dots compares (keys have no dots)', () => {
    const pieces = ['a', 'B', 'z', 'Z', '.', '-', '+', '#', '0', '9', 'Git', 'Hub', 'git', '@', '_', '~'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (field, key) => {
        const text = `x${field.join('')}y`;
        const lowerKey = key.join('').toLowerCase().replace(/\./g, '');
        assert.equal(compareAsciiKey(text, 1, text.length - 1, lowerKey), compareKeys(field.join('').toLowerCase().replace(/\./g, ''), lowerKey));
      }),
      { seed: Number(process.env.VITA_FC_SEED ?? 20261122), numRuns: 3000 },
    );
  });
});
