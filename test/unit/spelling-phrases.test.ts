/**
 * The brands' phrases (phrases.ts): the build writes them to phrases.txt so that an engine need not read the whole
 * casing list on its first check. The file must say what reading the casing list says, and an engine must answer the
 * same with it as without it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createSpellingEngine } from '../../server/src/service/spelling';
import { casingPhraseOf, decodePhrases, encodePhrases, phrasesOfCasingText } from '../../server/src/service/spelling/phrases';
import { dictionariesDir, loadSpellingDictionaries } from './spellingDictionaries';

describe('brand phrases read at build time', () => {
  test('a casing line makes a phrase when it is two to four words or one word split at its capitals', () => {
    assert.deepEqual(casingPhraseOf('Visual Studio Code'), { words: ['visual', 'studio', 'code'], preferred: 'Visual Studio Code', joined: false });
    assert.deepEqual(casingPhraseOf('WebAssembly'), { words: ['web', 'assembly'], preferred: 'WebAssembly', joined: true });
    assert.equal(casingPhraseOf('GitHub Actions Runner Scale Set'), undefined); // five words
    assert.equal(casingPhraseOf('Node.js'), undefined); // not letters only
    assert.equal(casingPhraseOf('Kubernetes'), undefined); // no capital inside
    assert.equal(casingPhraseOf('iOS'), undefined); // a part of one letter
  });

  test('phrases.txt reads back as written', () => {
    const phrases = phrasesOfCasingText('Visual Studio Code\nWebAssembly\twebassembly\nKubernetes\nMS Office\r\n');
    assert.equal(phrases.length, 3);
    assert.deepEqual(decodePhrases(encodePhrases(phrases)), phrases);
  });

  test('the built phrases.txt is what the built casing.txt says', () => {
    const dir = dictionariesDir();
    const expected = encodePhrases(phrasesOfCasingText(readFileSync(join(dir, 'casing.txt'), 'utf8')));
    assert.ok(expected.length > 1000, 'the casing list holds phrases');
    assert.equal(readFileSync(join(dir, 'phrases.txt'), 'utf8'), expected);
  });

  test('an engine answers the same with phrases.txt as when it reads the casing list itself', () => {
    const dictionaries = loadSpellingDictionaries();
    assert.ok(dictionaries.some((d) => d.kind === 'phrases'), 'the build lists phrases.txt in the manifest');
    const withFile = createSpellingEngine(dictionaries);
    const without = createSpellingEngine(dictionaries.filter((d) => d.kind !== 'phrases'));
    const casing = readFileSync(join(dictionariesDir(), 'casing.txt'), 'utf8');
    const words = new Set(casing.toLowerCase().split(/[^\p{L}]+/u));
    for (const phrase of phrasesOfCasingText(casing)) for (const word of phrase.words) words.add(word);
    let answered = 0;
    for (const word of words) {
      const a = withFile.phrasesEndingWith(word);
      assert.deepEqual(a, without.phrasesEndingWith(word), word);
      if (a) answered++;
    }
    assert.ok(answered > 500, `phrases end with ${answered} words`);
  });
});
