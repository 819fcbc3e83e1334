/**
 * The spelling engine against the built dictionaries (dist/dictionaries: `npm run build:dictionaries`).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseResume } from '../../server/src/service/model/parse';
import { checkSpelling, createSpellingEngine, type SpellingEngine } from '../../server/src/service/spelling';
import { loadSpellingDictionaries } from './spellingDictionaries';

let cached: SpellingEngine | undefined;
function engine(): SpellingEngine {
  cached ??= createSpellingEngine(loadSpellingDictionaries());
  return cached;
}

describe('spelling: dictionaries', () => {
  it('are built (run `npm run build:dictionaries` when this fails)', () => {
    const dictionaries = loadSpellingDictionaries();
    const names = dictionaries.map((d) => d.name);
    for (const name of ['en', 'terms', 'names', 'frequency', 'casing', 'confusables']) {
      assert.ok(names.includes(name), `missing ${name} in dist/dictionaries`);
    }
    assert.deepEqual(dictionaries.find((d) => d.name === 'en')?.languages, { en_us: 1, en_gb: 2 });
  });
});

describe('spelling: isKnown', () => {
  it('accepts dictionary words in sentence and title case and in capitals, not in random case', () => {
    const e = engine();
    for (const word of ['software', 'Software', 'SOFTWARE', 'Recommendation', 'reliabilities']) assert.ok(e.isKnown(word), word);
    assert.equal(e.isKnown('sOftware'), false);
  });

  it('knows the names, places, companies, tools and field terms résumés are full of', () => {
    const e = engine();
    const words = [
      'Abhishek', 'Rijswijk', 'Gyeonggi', 'Shenzhen', 'Hangzhou', 'Urbana-Champaign', 'Incubyte', 'Wipro', 'Fivetran',
      'Paracentesis', 'Pulmonology', 'pandoc', 'iconify', 'failover', 'userspace', 'KubeCon', 'XtraDB', 'libvirt',
      'zerocopy', 'Protobuf', 'escrow', 'Kubernetes', 'Node.js', 'React.js', "user's", "Alibaba's", 'résumé',
      'DevTools', 'Open-PAI', 'end-to-end', 'Re-architected', 'analysed', 'Universidade',
    ];
    for (const word of words) assert.ok(e.isKnown(word), word);
  });

  it('rejects misspellings and résumé confusables', () => {
    const e = engine();
    for (const word of ['relibilties', 'Recommandation', 'Kubernete', 'Ocollaborated', 'serveral', 'persuad', 'Softerware', 'Systen', 'Manger']) {
      assert.equal(e.isKnown(word), false, word);
    }
  });
});

describe('spelling: brandCasing', () => {
  it('gives the right casing of brands written in the wrong case', () => {
    const e = engine();
    const cases: Record<string, string> = {
      FireFox: 'Firefox', VSCode: 'VS Code', Tensorflow: 'TensorFlow', Qemu: 'QEMU', kafka: 'Kafka', Github: 'GitHub',
      Javascript: 'JavaScript', Mysql: 'MySQL', Bytedance: 'ByteDance',
    };
    for (const [written, right] of Object.entries(cases)) assert.equal(e.brandCasing(written), right, written);
  });

  it('never fires on ordinary words, sentence capitals or correct brands', () => {
    const e = engine();
    for (const word of ['docker', 'swift', 'python', 'Zookeeper', 'Kafka', 'Software', 'GitHub', 'Spring', 'go', 'protobuf', 'and']) {
      assert.equal(e.brandCasing(word), undefined, word);
    }
  });
});

describe('spelling: suggest', () => {
  it('puts the meant word first, in the case it was written', () => {
    const e = engine();
    const cases: Record<string, string> = {
      Softerware: 'Software', Recommandation: 'Recommendation', relibilties: 'reliabilities', Kubernete: 'Kubernetes',
      serveral: 'several', persuad: 'persuade', Systen: 'System', Ocollaborated: 'Collaborated', teh: 'the',
      recieve: 'receive', Manger: 'Manager', SYSTEN: 'SYSTEM',
    };
    for (const [typo, meant] of Object.entries(cases)) assert.equal(e.suggest(typo)[0], meant, typo);
  });

  it('limits the number of suggestions', () => {
    assert.ok(engine().suggest('recieve', 2).length <= 2);
  });

  it('splits a stray PDF glyph glued to a word', () => {
    const e = engine();
    assert.equal(e.splitGluedGlyph('Ocollaborated'), 'Collaborated');
    assert.equal(e.splitGluedGlyph('oimplemented'), 'implemented');
    assert.equal(e.splitGluedGlyph('Organised'), undefined);
    assert.equal(e.splitGluedGlyph('Oxford'), undefined);
  });
});

describe('spelling: classifyUnknown', () => {
  it('calls words far from every dictionary word names, wherever they stand', () => {
    const e = engine();
    for (const word of ['Wenzhaoqi', 'Oyelowo', 'Kwiatkowska', 'Tshabalala']) {
      for (const context of ['name', 'text', 'organisation'] as const) {
        assert.equal(e.classifyUnknown(word, context).verdict, 'name', `${word} in ${context}`);
      }
    }
  });

  it('calls likely misspellings of common words typos, even capitalised in a heading', () => {
    const e = engine();
    assert.equal(e.classifyUnknown('Recommandation', 'heading').verdict, 'typo');
    assert.equal(e.classifyUnknown('Softerware', 'role').verdict, 'typo');
    assert.equal(e.classifyUnknown('serveral', 'bullet').verdict, 'typo');
    assert.equal(e.classifyUnknown('Experiance', 'heading').verdict, 'typo');
  });

  it('weighs context: a near-word capitalised in a name place is a name, in prose a typo', () => {
    const e = engine();
    const inName = e.classifyUnknown('Hollan', 'name');
    const inText = e.classifyUnknown('hollan', 'text');
    assert.ok(inName.score < inText.score, `${inName.score} < ${inText.score}`);
    assert.equal(e.classifyUnknown('BearyTalk', 'text').verdict, 'name'); // CamelCase is a product
  });

  it('scores in [0, 1]', () => {
    const { score } = engine().classifyUnknown('relibilties', 'bullet');
    assert.ok(score >= 0.5 && score <= 1);
  });
});

describe('spelling: whole résumés', () => {
  it('finds nothing in the fictional clean résumés', () => {
    const dir = join(process.cwd(), 'test', 'fixtures', 'spelling');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const doc = parseResume(readFileSync(join(dir, file), 'utf8'));
      const typos = checkSpelling(engine(), doc.words).filter((i) => i.kind === 'typo');
      assert.deepEqual(typos.map((i) => i.word.text), [], file);
    }
  });

  it('flags the typos of a fictional résumé with the right suggestion, and brand casing apart', () => {
    const text = [
      '# Lucía Fernández-Oyelaran',
      '',
      '## Experiance',
      '',
      '### Senior Softerware Engineer, Recommandation Platform — Wipro, Rijswijk',
      '',
      '- Improved service relibilties and led serveral migrations to Kubernete and Github Actions.',
      '- Ocollaborated with the data team to persuad users of the new Systen.',
    ].join('\n');
    const issues = checkSpelling(engine(), parseResume(text).words);
    const typos = issues.filter((i) => i.kind === 'typo').map((i) => `${i.word.text}→${engine().suggest(i.word.text)[0]}`);
    assert.deepEqual(typos, [
      'Experiance→Experience',
      'Softerware→Software',
      'Recommandation→Recommendation',
      'relibilties→reliabilities',
      'serveral→several',
      'Kubernete→Kubernetes',
      'Ocollaborated→Collaborated',
      'persuad→persuade',
      'Systen→System',
    ]);
    assert.deepEqual(
      issues.filter((i) => i.kind === 'casing').map((i) => `${i.word.text}→${i.replacement}`),
      ['Github→GitHub'],
    );
  });
});

describe('spelling: suggestions after a typo-or-name verdict', () => {
  it('are the same whether or not the word was classified first (the verdict keeps its walk for them)', () => {
    // Typos and names, in places where the search for a typo goes the whole way and where it stops short (names).
    const words = ['relibilties', 'Softerware', 'Recommandation', 'managment', 'Kubernete', 'serveral', 'DLWorkspace', 'experiance', 'Tshabalala', 'infrastucture', 'Developped', 'persuad', 'Quillstone', 'Harbourline', 'Okonkwo', 'Rijswijk', 'Abhishek', 'Kuberx'];
    const fresh = () => createSpellingEngine(loadSpellingDictionaries());
    for (const context of ['bullet', 'organisation', 'location', 'heading'] as const) {
      const classifiedFirst = fresh();
      const suggestedOnly = fresh();
      for (const word of words) {
        classifiedFirst.classifyUnknown(word, context);
        assert.deepEqual(classifiedFirst.suggest(word), suggestedOnly.suggest(word), `${word} (${context})`);
      }
    }
  });
});
