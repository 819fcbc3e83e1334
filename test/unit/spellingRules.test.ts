import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createSpellingLoader } from '../../server/src/host/dictionaries';
import { defaultOptions, type ServiceContext } from '../../server/src/service/context';
import { applyEdits } from '../../server/src/service/edits';
import { quickFixes } from '../../server/src/service/features/codeActions';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { fixAll } from '../../server/src/service/features/fixAll';
import { withSpellingSuggestions } from '../../server/src/service/features/spellingActions';
import { parseResume } from '../../server/src/service/model/parse';
import { rangeToSpan } from '../../server/src/service/positions';
import { createSpellingEngine, type SpellingEngine } from '../../server/src/service/spelling/index';
import { resolveSettings } from '../../server/src/service/settings';
import { repoRoot } from '../helpers/fixtures';
import { dictionariesDir, loadSpellingDictionaries } from './spellingDictionaries';

let shared: SpellingEngine | undefined;
const engine = (): SpellingEngine => (shared ??= createSpellingEngine(loadSpellingDictionaries()));
const context = (spelling: SpellingEngine = engine()): ServiceContext => ({ options: defaultOptions(), spelling });
const URI = 'file:///lena.md';

const RESUME = [
  '# Lena Vasquez-Okonkwo', // 1
  'lena@example.org · Rijswijk', // 2
  '', // 3
  '## Experience', // 4
  '', // 5
  '### Adatum Corporation, Data Engineer, 2019 – Present', // 6
  '', // 7
  '- Rebuilt the Softerware ingestion jobs on Github Actions.', // 8
  '- Ocollaborated with analysts on the churn model.', // 9
  '- Wrote the Recommandation engine with Abhishek Tandon.', // 10
  '', // 11
].join('\n');

const spellingFindings = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.code === 'spelling' || d.code === 'spelling-casing' || d.code === 'bullet-stray-glyph').map((d) => `${d.range.start.line + 1} ${String(d.code)} ${(d.data as { word?: string }).word}`);

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const doc = parseResume(text);
  return applyEdits(text, edits.map((edit) => ({ ...rangeToSpan(doc.lines, edit.range), newText: edit.newText }))).text;
}

describe('spelling and spelling-casing', () => {
  test('typos are flagged, names are not, and a glued glyph is reported once (by bullet-stray-glyph)', () => {
    const diagnostics = computeDiagnostics(parseResume(RESUME), context());
    assert.deepEqual(spellingFindings(diagnostics), [
      '8 spelling Softerware',
      '8 spelling-casing Github',
      '9 bullet-stray-glyph Ocollaborated',
      '10 spelling Recommandation',
    ]);
    const glyph = diagnostics.find((d) => d.code === 'bullet-stray-glyph')!;
    assert.deepEqual((glyph.data as { suggestions: string[] }).suggestions, ['Collaborated']);
  });

  test('with bullet-stray-glyph off, spelling reports the glued glyph, "Collaborated" first', () => {
    const ctx = context();
    ctx.options.rules['bullet-stray-glyph'] = 'off';
    const diagnostics = withSpellingSuggestions(computeDiagnostics(parseResume(RESUME), ctx), (word) => engine().suggest(word));
    const glued = diagnostics.find((d) => d.code === 'spelling' && d.range.start.line === 8)!;
    assert.equal((glued.data as { suggestions: string[] }).suggestions[0], 'Collaborated');
  });

  test('without the engine (or with a bare word lookup) the spelling rules stay silent', () => {
    const bare: ServiceContext = { options: defaultOptions(), spelling: { isKnown: () => true } };
    for (const ctx of [{ options: defaultOptions() }, bare]) {
      const codes = computeDiagnostics(parseResume(RESUME), ctx).map((d) => d.code);
      assert.ok(!codes.includes('spelling') && !codes.includes('spelling-casing'), codes.join(' '));
    }
  });

  test('<!-- vita-words: … --> makes words known in the whole file, in sentence case too', () => {
    const text = `<!-- vita-words: softerware, Recommandation -->\n${RESUME}`;
    const diagnostics = computeDiagnostics(parseResume(text), context());
    assert.deepEqual(spellingFindings(diagnostics).filter((f) => f.includes(' spelling ')), []);
  });

  test('user words given to the engine are known', () => {
    const own = createSpellingEngine(loadSpellingDictionaries(), { words: ['Softerware'] });
    const words = computeDiagnostics(parseResume(RESUME), context(own)).filter((d) => d.code === 'spelling').map((d) => (d.data as { word: string }).word);
    assert.deepEqual(words, ['Recommandation']);
  });

  test('Fix All applies brand casing (safe) and never a spelling guess', () => {
    const result = fixAll(parseResume(RESUME), context());
    assert.ok(result.text.includes('on GitHub Actions'));
    assert.ok(result.text.includes('Softerware') && result.text.includes('Recommandation'));
  });

  test('quick fixes: Change to (top 3, first preferred), dictionaries, ignore in this file', () => {
    const doc = parseResume(RESUME);
    const diagnostic = computeDiagnostics(doc, context()).find((d) => d.code === 'spelling')!;
    const actions = quickFixes(URI, diagnostic.range, [diagnostic], doc, { suggest: (w) => engine().suggest(w), workspaceDictionary: true, userDictionary: true });
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], "Change to 'Software'");
    assert.equal(actions[0].isPreferred, true);
    assert.ok(titles.filter((t) => t.startsWith('Change to')).length <= 3);
    assert.deepEqual(titles.filter((t) => !t.startsWith('Change to')), [
      "Add 'Softerware' to workspace dictionary",
      "Add 'Softerware' to user dictionary",
      "Ignore 'Softerware' in this file",
      'Disable spelling for this line',
      'Disable spelling for this file',
    ]);
    const ignore = actions.find((a) => a.title.startsWith('Ignore'))!;
    const ignored = applyTextEdits(RESUME, ignore.edit!.changes![URI]);
    assert.equal(ignored, `<!-- vita-words: Softerware -->\n${RESUME}`);
    // A second word joins the same comment.
    const again = parseResume(ignored);
    const next = computeDiagnostics(again, context()).find((d) => d.code === 'spelling')!;
    const extend = quickFixes(URI, next.range, [next], again).find((a) => a.title.startsWith('Ignore'))!;
    assert.equal(applyTextEdits(ignored, extend.edit!.changes![URI]), `<!-- vita-words: Softerware Recommandation -->\n${RESUME}`);
  });

  test('a casing finding carries its one suggestion and a safe fix; no dictionary actions', () => {
    const doc = parseResume(RESUME);
    const casing = computeDiagnostics(doc, context()).find((d) => d.code === 'spelling-casing')!;
    assert.deepEqual(casing.data, {
      word: 'Github',
      suggestions: ['GitHub'],
      fixes: [{ title: 'Change to "GitHub"', safe: true, edits: [{ range: casing.range, newText: 'GitHub' }] }],
    });
    const titles = quickFixes(URI, casing.range, [casing], doc, { workspaceDictionary: true, userDictionary: true }).map((a) => a.title);
    assert.deepEqual(titles.slice(0, 2), ['Change to "GitHub"', "Ignore 'Github' in this file"]);
  });
});

describe('vita.spelling settings', () => {
  test('language and words resolve; broken values are named', () => {
    assert.deepEqual(resolveSettings({ spelling: { language: 'en-GB', words: ['Kubeflow', ' Rijswijk '] } }).options.spelling, { language: 'en-GB', words: ['Kubeflow', 'Rijswijk'] });
    const broken = resolveSettings({ spelling: { language: 'fr', words: ['two words', 3, 'ok'] } });
    assert.deepEqual(broken.options.spelling, { language: 'en-US', words: ['ok'] });
    assert.equal(broken.problems.length, 2);
    assert.match(broken.problems[0], /vita\.spelling\.language/);
    assert.equal(resolveSettings({ spelling: 'yes' }).problems.length, 1);
  });
});

describe('loading the dictionaries', () => {
  test('British spellings pass with en-US; suggestions follow the language', () => {
    const messages: string[] = [];
    const loader = createSpellingLoader({ dir: dictionariesDir(), onProblem: (m) => messages.push(m) });
    const us = loader.load({ language: 'en-US', words: [] })!;
    const gb = loader.load({ language: 'en-GB', words: [] })!;
    assert.ok(us.isKnown('analysed') && us.isKnown('organisation') && us.isKnown('analyzed'));
    // An American user is offered the American spelling; a British one one edit away comes first only when the
    // American is much further (`behavour` is one edit from `behaviour`, two from `behavior`).
    assert.equal(us.suggest('behavor')[0], 'behavior');
    assert.ok(us.suggest('behavour').slice(0, 2).includes('behavior'));
    assert.equal(gb.suggest('behavour')[0], 'behaviour');
    assert.equal(loader.load({ language: 'en-US', words: [] }), us, 'one engine per setup');
    assert.deepEqual(messages, []);
  });

  test('missing dictionaries: one clear message, no engine, no throw', () => {
    const messages: string[] = [];
    const loader = createSpellingLoader({ dir: join(tmpdir(), 'vita-no-dictionaries-here'), onProblem: (m) => messages.push(m) });
    assert.equal(loader.load({ language: 'en-US', words: [] }), undefined);
    assert.equal(loader.load({ language: 'en-GB', words: ['x'] }), undefined);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /spelling dictionaries are missing .*npm run build:dictionaries/);
  });
});

describe('vita check and spelling', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vita-cli-spelling-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'lena.md');
  writeFileSync(file, RESUME);

  test('--format json: every spelling finding carries data.suggestions, best first', () => {
    const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    const [{ diagnostics }] = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }[];
    const spelling = diagnostics.filter((d) => d.code === 'spelling');
    assert.deepEqual(spelling.map((d) => (d.data as { suggestions: string[] }).suggestions[0]), ['Software', 'Recommendation']);
    for (const d of spelling) assert.ok(Array.isArray((d.data as { suggestions: unknown }).suggestions));
  });

  test('the nearest .vita/words.txt above a file is read', () => {
    mkdirSync(join(dir, '.vita'), { recursive: true });
    writeFileSync(join(dir, '.vita', 'words.txt'), '# our words\nSofterware\n');
    const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8', timeout: 60_000 });
    const [{ diagnostics }] = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }[];
    assert.deepEqual(diagnostics.filter((d) => d.code === 'spelling').map((d) => (d.data as { word: string }).word), ['Recommandation']);
    rmSync(join(dir, '.vita'), { recursive: true, force: true });
  });

  test('without dictionaries next to it, the CLI says so once and checks the rest', () => {
    const lonely = join(dir, 'bin');
    mkdirSync(lonely);
    // The CLI is its entry point and the program it starts (boot.ts), with or without a code cache.
    for (const name of ['cli.js', 'cli-main.js']) copyFileSync(join(repoRoot(), 'dist', name), join(lonely, name));
    const result = spawnSync(process.execPath, [join(lonely, 'cli.js'), 'check', file, file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.match(/spelling dictionaries are missing/g)?.length, 1, result.stderr);
    assert.match(result.stdout, /bullet-stray-glyph/);
    assert.doesNotMatch(result.stdout, / spelling /);
  });
});
