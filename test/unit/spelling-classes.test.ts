/**
 * The classes of words of issue 14, at the engine and model level (the rule fixtures in test/fixtures/rules/spelling*
 * show them in whole résumés): ranking by frequency, compounds and glued words, other languages, brand casing,
 * line-end hyphenation, acronyms and the pronoun `i`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseResume } from '../../server/src/service/model/parse';
import { checkSpelling, createSpellingEngine, type SpellingEngine } from '../../server/src/service/spelling';
import { loadSpellingDictionaries } from './spellingDictionaries';

let cached: SpellingEngine | undefined;
const engine = (): SpellingEngine => (cached ??= createSpellingEngine(loadSpellingDictionaries()));

const issuesOf = (text: string): string[] =>
  checkSpelling(engine(), parseResume(text).words).map((i) => `${i.kind} ${i.word.text}${i.replacement ? ` → ${i.replacement}` : ''}`);

describe('spelling classes: ranking by word frequency', () => {
  it('puts the common word first, and keeps the ending typed', () => {
    assert.equal(engine().suggest('sytem')[0], 'system');
    assert.equal(engine().suggest('attened')[0], 'attended');
    assert.equal(engine().suggest('Coulour')[0], 'Colour');
  });
});

describe('spelling classes: compounds and glued words', () => {
  it('accepts a known prefix and a common word, or two short common words', () => {
    for (const word of ['subteams', 'minigames', 'coldspots', 'freediving', 'recertifications']) {
      assert.deepEqual(engine().compound(word), { kind: 'accept' }, word);
      assert.equal(engine().classifyUnknown(word, 'bullet').verdict, 'name', word);
    }
  });

  it('offers the split of two whole words a converter glued, hyphen first after a participle', () => {
    assert.deepEqual(engine().compound('datadriven'), { kind: 'glued', splits: ['data-driven', 'data driven'] });
    assert.deepEqual(engine().compound('lifehistory'), { kind: 'glued', splits: ['life history', 'life-history'] });
  });

  it('leaves real typos to be typos: a rival word close by, a function word, a misspelt suffix', () => {
    for (const word of ['reknown', 'everytime', 'untill', 'referal', 'interelated', 'archtype', 'beautyfull', 'publically', 'resistable', 'copywrite']) {
      assert.equal(engine().compound(word), undefined, word);
      assert.equal(engine().classifyUnknown(word, 'bullet').verdict, 'typo', word);
    }
  });
});

describe('spelling classes: other languages', () => {
  it('knows words of the foreign list with case, accents and an elided article folded', () => {
    for (const word of ['Laboratoire', 'supérieure', 'superieure', "d'Économie", 'Universität', 'della', 'Doctorat']) {
      assert.ok(engine().isForeignWord(word), word);
    }
    assert.equal(engine().isForeignWord('Recommandation'), false);
  });

  it('accepts them in a run that reads as another language, never alone in English prose', () => {
    assert.deepEqual(issuesOf('- Seminar, Laboratoire Ondes et Lumière, Valmont\n- Licence d\'Économie, 2015\n'), []);
    assert.deepEqual(issuesOf('- Visiting student, Ecole normale supérieure, 2017\n'), []);
    assert.deepEqual(issuesOf('- Built the Recommandation Platform.\n'), ['typo Recommandation']);
  });
});

describe('spelling classes: brand casing audit', () => {
  it('never corrects a right spelling or a name', () => {
    for (const word of ['nginx', 'memcached', 'Keycloak', 'IPsec', 'IPSec', 'timeframe', 'Md', 'Te', 'Jiaotong', 'Ph.D', 'M.Sc']) {
      assert.equal(engine().brandCasing(word), undefined, word);
    }
  });

  it('catches brands written otherwise', () => {
    const cases: Record<string, string> = { nodejs: 'Node.js', NodeJS: 'Node.js', Cfengine: 'CFEngine', datawrapper: 'Datawrapper', css: 'CSS', AfterEffects: 'After Effects' };
    for (const [written, right] of Object.entries(cases)) assert.equal(engine().brandCasing(written), right, written);
  });

  it('calls a capitalised word one edit from a brand a typo of it', () => {
    assert.equal(engine().classifyUnknown('PostgeSQL', 'bullet').verdict, 'typo');
    assert.equal(engine().suggest('PostgeSQL')[0], 'PostgreSQL');
  });

  it('leaves paths and handles alone', () => {
    assert.deepEqual(issuesOf('jane@example.org · github/jane-doe · linkedin/jane-doe\n'), []);
  });
});

describe('spelling classes: the model', () => {
  it('links a word cut by a line-end hyphen to where its rest may stand', () => {
    const doc = parseResume('Worked on the archi-\ntecture of the stack.\n');
    const words = doc.words;
    const pairs = words.hyphenBreaks;
    assert.equal(pairs.length, 2);
    assert.deepEqual([words.textOf(pairs[0]), words.textOf(pairs[1])], ['archi', 'tecture']);
    assert.deepEqual(checkSpelling(engine(), words), []);
  });

  it('links across a column gap in a two-column layout', () => {
    const doc = parseResume('Left column text here.          Join many wonder-\nMore left column text.          ful projects.\n');
    const words = doc.words;
    const texts = [];
    for (let p = 0; p < words.hyphenBreaks.length; p += 2) texts.push(`${words.textOf(words.hyphenBreaks[p])}+${words.textOf(words.hyphenBreaks[p + 1])}`);
    assert.ok(texts.includes('wonder+ful'), texts.join(' '));
    assert.deepEqual(checkSpelling(engine(), words), []);
  });

  it('keeps acronyms out of the word list but records them', () => {
    const doc = parseResume('- Built HIPPA compliant apps and taught LATEX, Excel, and R.\n');
    const acronyms = [];
    for (let k = 0; k < doc.words.acronyms.length; k += 2) acronyms.push(doc.text.slice(doc.words.acronyms[k], doc.words.acronyms[k + 1]));
    assert.deepEqual(acronyms, ['HIPPA', 'LATEX']);
    assert.ok(!doc.words.toArray().some((w) => w.text === 'HIPPA'));
    assert.deepEqual(issuesOf('- Built HIPPA compliant apps and taught LATEX, Excel, and R.\n'), ['typo HIPPA → HIPAA', 'casing LATEX → LaTeX']);
  });

  it('reads a lower-case pronoun i, not an enumeration', () => {
    assert.deepEqual(issuesOf('- Then i moved teams.\n'), ['casing i → I']);
    assert.deepEqual(issuesOf('- Steps (i) and (ii); part i. of the plan.\n'), []);
  });
});
