/**
 * The TextMate grammar (syntaxes/resume.tmLanguage.json) run by the engine VS Code itself uses: vscode-textmate with
 * the Oniguruma regex library compiled to WebAssembly (vscode-oniguruma). Each test tokenizes a fictional résumé
 * snippet and reads the scopes of the tokens that matter.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { repoRoot } from '../helpers/fixtures';

interface Token {
  text: string;
  scopes: string[];
}

let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(join(repoRoot(), 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'text.resume') return null;
      const path = join(repoRoot(), 'syntaxes', 'resume.tmLanguage.json');
      return parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const loaded = await registry.loadGrammar('text.resume');
  assert.ok(loaded, 'the grammar loads');
  grammar = loaded;
});

/** Tokenizes `text` line by line, carrying the state across lines as the editor does. */
function tokenize(text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The tokens of a one-line snippet. */
const line = (text: string): Token[] => tokenize(text)[0];

/** The one token whose text is exactly `text`; fails when there is none or several. */
function tokenOf(tokens: readonly Token[], text: string): Token {
  const found = tokens.filter((token) => token.text === text);
  assert.equal(found.length, 1, `one token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found[0];
}

/** The scopes anywhere over `text` inside the line (a token may be split by nested captures). */
function scopesOver(tokens: readonly Token[], text: string): string[] {
  const whole = tokens.map((t) => t.text).join('');
  const at = whole.indexOf(text);
  assert.ok(at >= 0, `"${text}" in the line`);
  const scopes = new Set<string>();
  let offset = 0;
  for (const token of tokens) {
    const end = offset + token.text.length;
    if (end > at && offset < at + text.length) for (const scope of token.scopes) scopes.add(scope);
    offset = end;
  }
  return [...scopes];
}

const DATE = 'constant.numeric.date.resume';

describe('TextMate grammar (vscode-textmate + vscode-oniguruma)', () => {
  test('the scope name is the one package.json contributes', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string }[] } };
    assert.deepEqual(
      manifest.contributes.grammars.map((g) => [g.scopeName, g.path]),
      [['text.resume', './syntaxes/resume.tmLanguage.json']],
    );
  });

  test('a date range with an open end is one date token', () => {
    const tokens = line('Northwind Traders, Engineer, Jun 2020 – Present');
    assert.deepEqual(tokenOf(tokens, 'Jun 2020 – Present').scopes, ['text.resume', DATE]);
    assert.ok(!tokens[0].scopes.includes(DATE), 'the title is not a date');
    assert.deepEqual(tokenOf(line('Fabrikam, Analyst, Sep. 2019 to now'), 'Sep. 2019 to now').scopes, ['text.resume', DATE]);
  });

  test('numeric dates and ranges: 2019/12, 2019/12 – 2021/03, (2016 - 2020), a year ending a sentence', () => {
    assert.deepEqual(tokenOf(line('Started 2019/12 in Oslo'), '2019/12').scopes, ['text.resume', DATE]);
    assert.deepEqual(tokenOf(line('Fabrikam 2019/12 – 2021/03'), '2019/12 – 2021/03').scopes, ['text.resume', DATE]);
    assert.deepEqual(tokenOf(line('Example College, BA (2016 - 2020)'), '2016 - 2020').scopes, ['text.resume', DATE]);
    assert.deepEqual(tokenOf(line('Joined in 2020.'), '2020').scopes, ['text.resume', DATE]);
  });

  test('ordinary numbers are not dates: 99.95%, 300K, C++14, $2020, 2020x, 2020+, 1.2020.3, 555-2019', () => {
    for (const text of ['Kept uptime at 99.95%', 'Handled 300K requests', 'Wrote it in C++14', 'Saved $2020 a year', 'Made it 2020x faster', 'Served 2020+ riders', 'Shipped 1.2020.3', 'Call 555-2019', 'Cut 12,000 tickets']) {
      assert.deepEqual(
        line(text).filter((t) => t.scopes.includes(DATE)).map((t) => t.text),
        [],
        `"${text}"`,
      );
    }
  });

  test('an email, a URL and a phone number', () => {
    const tokens = line('jane.roe@example.com | https://jane-roe.example.dev/work | +1 (555) 010-2030');
    assert.deepEqual(tokenOf(tokens, 'jane.roe@example.com').scopes, ['text.resume', 'markup.underline.link.email.resume']);
    assert.deepEqual(tokenOf(tokens, 'https://jane-roe.example.dev/work').scopes, ['text.resume', 'markup.underline.link.resume']);
    assert.deepEqual(tokenOf(tokens, '+1 (555) 010-2030').scopes, ['text.resume', 'constant.numeric.phone.resume']);
  });

  test('a URL ending a sentence leaves the full stop out', () => {
    assert.ok(tokenOf(line('See www.example.org.'), 'www.example.org').scopes.includes('markup.underline.link.resume'));
  });

  test('an ATX heading: marker and title', () => {
    const tokens = line('## Experience');
    assert.deepEqual(tokenOf(tokens, '##').scopes, ['text.resume', 'markup.heading.resume', 'punctuation.definition.heading.resume']);
    assert.deepEqual(tokenOf(tokens, 'Experience').scopes, ['text.resume', 'markup.heading.resume', 'entity.name.section.resume']);
  });

  test('an entry heading keeps its date coloured inside the heading', () => {
    const tokens = line('### Contoso, Analyst, Jan 2018 – Aug 2018');
    assert.ok(scopesOver(tokens, 'Jan 2018 – Aug 2018').includes(DATE));
    assert.ok(scopesOver(tokens, 'Contoso').includes('entity.name.section.resume'));
  });

  test('ALL CAPS headings, also with & and a bilingual slash; a caps acronym inside prose is not one', () => {
    for (const heading of ['WORK EXPERIENCE', 'EDUCATION AND CERTIFICATIONS', 'EXPERIENCE & PROJECTS', 'INTERESTS / HOBBIES']) {
      assert.deepEqual(tokenOf(line(heading), heading).scopes, ['text.resume', 'markup.heading.resume', 'entity.name.section.resume'], heading);
    }
    assert.ok(!line('Used AWS and GCP daily').some((t) => t.scopes.includes('markup.heading.resume')));
  });

  test('a setext underline', () => {
    const [, underline] = tokenize('Education\n=========');
    assert.deepEqual(underline.map((t) => t.scopes), [['text.resume', 'punctuation.definition.heading.setext.resume']]);
  });

  test('bullets: the marker is list punctuation, the line a list item, inline colours inside', () => {
    for (const marker of ['-', '*', '•']) {
      const tokens = line(`${marker} Cut costs by 40% in **2021**`);
      assert.deepEqual(tokens[0].text, marker);
      assert.deepEqual(tokens[0].scopes, ['text.resume', 'markup.list.unnumbered.resume', 'punctuation.definition.list.begin.markdown.resume'], marker);
      assert.ok(scopesOver(tokens, '**2021**').includes('markup.bold.resume'));
    }
  });

  test('bold and italic', () => {
    const tokens = line('**Globex Inc.** and *remote*');
    assert.ok(scopesOver(tokens, 'Globex Inc.').includes('markup.bold.resume'));
    const markers = tokens.filter((t) => t.text === '**');
    assert.equal(markers.length, 2);
    assert.ok(markers.every((t) => t.scopes.includes('punctuation.definition.bold.resume')));
    assert.ok(scopesOver(tokens, 'remote').includes('markup.italic.resume'));
  });

  test('LaTeX left by a converter, and code spans', () => {
    const tokens = line('$\\checkmark$ Shipped `kubectl` plugins');
    assert.deepEqual(tokenOf(tokens, '$\\checkmark$').scopes, ['text.resume', 'constant.character.escape.latex.resume']);
    assert.deepEqual(tokenOf(tokens, '`kubectl`').scopes, ['text.resume', 'markup.inline.raw.resume']);
  });

  test('an HTML comment and a fenced block colour nothing inside', () => {
    const lines = tokenize('<!-- vita-disable heading-case -->\n```text\nJun 2020 – Present\n```');
    assert.ok(lines[0].every((t) => t.scopes.includes('comment.block.html.resume')));
    assert.ok(!lines[2].some((t) => t.scopes.includes(DATE)), 'no date colour in a code block');
  });
});
