import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { classifyLines, detectMarkup, type LineInfo, type LineScan } from '../../server/src/service/model/blocks';
import { splitLines } from '../../server/src/service/model/lines';
import { parseResume } from '../../server/src/service/model/parse';
import { runToEnd } from '../../server/src/service/slices';
import { fixturePath, readFixture } from '../helpers/fixtures';

function scan(text: string): LineScan {
  return runToEnd(classifyLines(text, splitLines(text)));
}

/** Each line's kind, with `hidden` for comment lines: a compact picture of pass 1. */
function kinds(text: string): string[] {
  return scan(text).infos.map((info) => (info.kind === 'comment' ? `comment:${info.hidden}` : info.kind));
}

function content(text: string, info: LineInfo): string {
  return text.slice(info.contentStart, info.contentEnd);
}

/** The skip regions' texts of a kind. */
function regions(text: string, kind: string): string[] {
  return scan(text)
    .skipRegions.filter((region) => region.kind === kind)
    .map((region) => text.slice(region.start, region.end));
}

// ---------------------------------------------------------------------------------------------------------------
// The block structure of Markdown, held to a reference CommonMark parser.

/**
 * What each line is, as far as sections and prose depend on it: `heading:N` (the first line of a heading of level N),
 * `underline` (the rest of a setext heading), `break`, `fence` (a fenced code block's lines), `html` (a raw HTML
 * block's lines), `definition` (a link reference definition), `other` (paragraphs, lists, blank lines).
 */
type BlockClass = string;

const markdownIt = new MarkdownIt('commonmark');

/** The classes markdown-it gives (top-level blocks; what lies inside lists and quotes is `other`). */
function referenceClasses(text: string): BlockClass[] {
  const count = text.split('\n').length;
  const classes: BlockClass[] = new Array(count).fill('other');
  const covered: boolean[] = new Array(count).fill(false);
  for (const token of markdownIt.parse(text, {})) {
    if (!token.map) continue;
    const [from, to] = token.map;
    for (let i = from; i < to; i++) covered[i] = true;
    if (token.level !== 0) continue;
    if (token.type === 'heading_open') {
      classes[from] = `heading:${token.tag.slice(1)}`;
      for (let i = from + 1; i < to; i++) classes[i] = 'underline';
    } else if (token.type === 'hr') classes[from] = 'break';
    else if (token.type === 'fence') for (let i = from; i < to; i++) classes[i] = 'fence';
    else if (token.type === 'html_block') for (let i = from; i < to; i++) classes[i] = 'html';
  }
  // A line no block covers is blank or part of a link reference definition.
  const lines = text.split('\n');
  for (let i = 0; i < count; i++) if (!covered[i] && lines[i].trim().length > 0) classes[i] = 'definition';
  return classes;
}

/** The classes vita's pass 1 gives. */
function vitaClasses(text: string): BlockClass[] {
  const lines = splitLines(text);
  const { infos, skipRegions } = runToEnd(classifyLines(text, lines));
  const inFence: boolean[] = new Array(lines.length).fill(false);
  for (const region of skipRegions) {
    if (region.kind !== 'code-fence') continue;
    for (const line of lines) if (line.start >= region.start && line.start < Math.max(region.end, region.start + 1)) inFence[line.index] = true;
  }
  return infos.map((info) => {
    if (inFence[info.line.index] || (info.kind === 'fence' && !info.html)) return 'fence';
    if (info.html) return 'html';
    if (info.kind === 'heading') return `heading:${info.heading!.level}`;
    if (info.kind === 'underline') return 'underline';
    if (info.kind === 'break') return 'break';
    if (info.hidden === 'link-definition') return 'definition';
    return 'other';
  });
}

function assertSameBlocks(text: string, label: string): void {
  const expected = referenceClasses(text);
  const actual = vitaClasses(text);
  const lines = text.split('\n');
  // markdown-it counts no line after a final line break; vita has an empty last line there.
  if (text.endsWith('\n')) expected.pop();
  const differences = expected.flatMap((cls, i) => (cls === actual[i] ? [] : [`${i + 1}: markdown-it ${cls}, vita ${actual[i]}: ${JSON.stringify(lines[i])}`]));
  assert.deepEqual(differences, [], `${label}\n${differences.join('\n')}`);
}

/** Every Markdown fixture of the repository (the rule, outline, format and dates fixtures). */
function markdownFixtures(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk(fixturePath());
  return found.sort();
}

/**
 * What a site generator does before Markdown sees the text: front matter, Liquid/Jinja-only lines and Pandoc fenced
 * divs are gone (blank lines are left, so that line numbers stay). markdown-it knows none of them.
 */
function asRendered(text: string): string {
  const lines = text.split('\n');
  let frontMatterEnd = -1;
  if (/^(---|\+\+\+)\s*$/.test(lines[0] ?? '')) {
    for (let i = 1; i < lines.length; i++) {
      if (/^(---|\.\.\.|\+\+\+)\s*$/.test(lines[i])) {
        frontMatterEnd = i;
        break;
      }
    }
  }
  return lines.map((line, i) => (i <= frontMatterEnd || /^(?:\s*(?:\{%.*?%\}|\{\{.*?\}\}))+\s*$/.test(line) || /^ {0,3}:{3,}/.test(line) ? '' : line)).join('\n');
}

describe('Markdown block structure, held to markdown-it (CommonMark)', () => {
  test('every Markdown fixture', () => {
    let checked = 0;
    for (const path of markdownFixtures()) {
      const text = asRendered(readFixture(path.slice(fixturePath().length + 1)).replace(/\r\n?/g, '\n'));
      if (detectMarkup(text, splitLines(text)) !== 'markdown') continue;
      assertSameBlocks(text, path);
      checked++;
    }
    assert.ok(checked >= 40, `${checked} fixtures checked`);
  });

  // Lines from each kind of block start and end, and text around them. Left out on purpose, where vita reads
  // differently: lines indented four columns or more (indented code: plain-text résumés indent text), tabs, entity-only
  // lines, link definitions over two lines, block quotes, and lines right after a list item (lazy continuation, which
  // vita reads as the item's text as CommonMark does, but nested blocks inside items are not modelled).
  const text = fc.constantFrom('Ada Example', 'Worked on **billing**', 'Experience', 'Led a team of 4.', 'text with <span>a tag</span>', '<a href="x">link</a> after', 'Title: value', 'x');
  const lineArb = fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('', ' Experience', ' Skills ##', ' #', ' **Bold** #x')).map(([n, rest]) => '#'.repeat(n) + rest) },
    { weight: 3, arbitrary: fc.constantFrom('===', '---', '=', '-', '  ===  ', ' --', '= =') },
    { weight: 2, arbitrary: fc.constantFrom('***', '- - -', '___', ' * * *', '_ _') },
    { weight: 2, arbitrary: fc.constantFrom('```', '```text', '~~~', '````', '``` js', '~~~ python', '``` a`b', '   ```') },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '<div>', '</div>', '<div class="pdf-button">', '<p>Para</p>', '<!-- comment -->', '<!--', '-->', '<!-- open', 'close -->',
        '<script>', '</script>', '<style>', '</style>', '<pre>', '</pre>', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>',
        '<span>', '</span>', '<br>', '<img src="x.png" alt="A photo">', '<dt>Title - 2018 to Present</dt>', '<td>cell</td>',
        '<custom-tag>', '<h2>Skills</h2>', '  <dl>', '<li >Graphic Design</li>', '<!-- a --> text after',
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom('[label]: https://example.com', '[a b]: /url "Title"', '[x]: <url> (t)', ' [ref]: url', '[no]: url trailing words', '[]: /empty') },
    { weight: 2, arbitrary: fc.constantFrom('- item', '* item', '+ item', '1. item') },
  );
  const documentArb = fc
    .tuple(fc.array(lineArb, { maxLength: 24 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 24, maxLength: 24 }))
    .map(([lines, indents]) => {
      // A list item is followed by a blank line and then a line at the margin (no lazy or nested content).
      const out: string[] = [];
      let afterItem = false;
      lines.forEach((line, i) => {
        const item = /^(?:[-*+]|1\.) item$/.test(line) || line.trim() === '-';
        const leading = line.length - line.trimStart().length;
        const indented = afterItem || item || line === '' || indents[i] + leading > 3 ? line : ' '.repeat(indents[i]) + line;
        out.push(afterItem ? indented.trimStart() : indented);
        if (item) out.push('');
        if (line.trim() !== '') afterItem = item;
      });
      return out.join('\n');
    });

  test('fuzzed documents', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        // Front matter is not CommonMark's (the fixtures above have theirs removed before markdown-it reads them).
        fc.pre(!/^(?:---|\+\+\+)[ \t]*\n[\w-]+[ \t]*[:=]/.test(doc));
        assertSameBlocks(doc, JSON.stringify(doc));
      }),
      { seed: Number(process.env.VITA_FC_SEED ?? 20261201), numRuns: 4000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Block rules, one by one.

describe('Markdown: HTML, comments, definitions, front matter, templates', () => {
  test('a <div> block ends at a blank line: a heading after </div> and a blank line is a heading', () => {
    const text = ['<div class="summary">', 'Intro text', '</div>', '', '## Nursing Education', ''].join('\n');
    assert.deepEqual(kinds(text).slice(0, 5), ['comment:html', 'text', 'comment:html', 'blank', 'heading']);
    assert.deepEqual(parseResume(text).sections.map((s) => s.heading.text), ['Nursing Education']);
  });

  test('a <style> block runs to </style> over blank lines, and hides what it holds', () => {
    const text = ['<style>', '.button {', '', '  color: white;', '}', '</style>', '', 'Experience', '=========='].join('\n');
    assert.deepEqual(kinds(text).slice(0, 7), ['comment:html', 'comment:html', 'blank', 'comment:html', 'comment:html', 'comment:html', 'blank']);
    assert.equal(parseResume(text).words.length, 1); // Experience
  });

  test('HTML comments hide what they hold: no section, no entry, no word', () => {
    const text = ['# Experience', '', '<!--', 'Teaching', '========', '', '* 2019 – 2020: Tutor, Example College', '-->', ''].join('\n');
    const doc = parseResume(text);
    assert.deepEqual(doc.sections.map((s) => s.heading.text), ['Experience']);
    assert.equal(doc.sections[0].entries.length, 0);
    assert.deepEqual(doc.words.length, 1);
  });

  test('text inside HTML blocks is read between its tags: <dt> job lists, <li> and <div> lines, <br> lines', () => {
    const text = ['<dl>', '    <dt>Production Artist - 2018 to Present</dt>', '    <dd>Larkspur Studio, Fernvale, Oregon</dd>', '</dl>', '', 'Worked on posters<br>', '<br>2016 - 2017<br>', ''].join('\n');
    const { infos } = scan(text);
    assert.equal(content(text, infos[1]), 'Production Artist - 2018 to Present');
    assert.equal(content(text, infos[2]), 'Larkspur Studio, Fernvale, Oregon');
    assert.equal(infos[3].kind, 'comment');
    assert.equal(content(text, infos[5]), 'Worked on posters');
    assert.equal(content(text, infos[6]), '2016 - 2017');
    // The tags' attributes are not prose.
    assert.deepEqual(regions('<p>A <span class="highlite">bold</span> claim</p>\n', 'html-tag'), ['<span class="highlite">', '</span>']);
  });

  test('an HTML heading is a heading, and so is a paragraph of a section name; a table cell or list item is not', () => {
    const doc = parseResume('Ada Example\n\n<h2 id="skills">Skills</h2>\n\n- Welding\n\n<p><b>Education</b></p>\n\n<table>\n<tr><td><b>Languages</b></td><td>Go</td></tr>\n<tr>\n<td><b>Other Languages</b></td>\n</tr>\n</table>\n<ul>\n  <li>Leadership</li>\n</ul>\n');
    assert.deepEqual(doc.sections.map((s) => [s.heading.text, s.kind]), [['Skills', 'skills'], ['Education', 'education']]);
  });

  test('a comment indented like a nested bullet is still a comment (and a directive)', () => {
    const text = ['## Experience', '', '- Role', '    <!-- vita-disable-next-line spelling -->', '    - Sub-point with a naem', ''].join('\n');
    assert.equal(kinds(text)[3], 'comment:html-comment');
    assert.deepEqual(parseResume(text).directives.map((d) => [d.kind, d.rules]), [['disable-next-line', ['spelling']]]);
  });

  test('link reference definitions are not prose, and cannot interrupt a paragraph', () => {
    const text = ['[github]: https://github.com/ada "Ada on GitHub"', '', 'Plain text', '[not]: a definition', ''].join('\n');
    assert.deepEqual(kinds(text).slice(0, 4), ['comment:link-definition', 'blank', 'text', 'text']);
    const words = parseResume(text).words;
    const read = Array.from({ length: words.length }, (_, i) => words.at(i)!.text);
    assert.ok(!read.includes('github') && !read.includes('Ada'), read.join(' '));
  });

  test('YAML and TOML front matter: top-level keys are metadata, nested ones are not', () => {
    const yaml = ['---', 'layout: page', 'title: "Ada Example"', 'email: ada@example.com', 'items:', '    - name: Education', '---', '', '## Experience', ''].join('\n');
    const meta = scan(yaml).meta.map((field) => [field.key, field.value.text]);
    assert.deepEqual(meta, [['layout', 'page'], ['title', 'Ada Example'], ['email', 'ada@example.com']]);
    assert.equal(kinds(yaml)[5], 'front-matter');
    const toml = ['+++', 'name = "Ada Example"', '+++', '# Experience'].join('\n');
    assert.deepEqual(scan(toml).meta.map((field) => [field.key, field.value.text]), [['name', 'Ada Example']]);
    // The metadata's name and email feed the header; front matter is never a section.
    const doc = parseResume(yaml);
    assert.equal(doc.header.name?.text, 'Ada Example');
    assert.deepEqual(doc.header.contacts.map((c) => c.text), ['ada@example.com']);
    assert.deepEqual(doc.sections.map((s) => s.heading.text), ['Experience']);
  });

  test('Liquid and Jinja lines are hidden; tags inside lines are skip regions; {% comment %} hides a block', () => {
    const text = ['{% include base_path %}', '', 'Led {{ site.team }} work', '{% comment %}', 'Old Section', '===========', '{% endcomment %}', ''].join('\n');
    assert.deepEqual(kinds(text).slice(0, 7), ['comment:markup', 'blank', 'text', 'comment:comment', 'comment:comment', 'comment:comment', 'comment:comment']);
    assert.deepEqual(regions(text, 'markup'), ['{% include base_path %}', '{{ site.team }}']);
    assert.equal(parseResume(text).sections.length, 0);
  });

  test('Pandoc attributes, spans and fenced divs are not prose', () => {
    const text = ['::: {.cv-entry}', '**Site Engineer** at **Quarry & Co** [2021-present]{.right}', ':::', '## Skills {#skills .unnumbered}', ''].join('\n');
    assert.deepEqual(kinds(text).slice(0, 3), ['comment:markup', 'text', 'comment:markup']);
    assert.deepEqual(regions(text, 'markup'), ['::: {.cv-entry}', '{.right}', ':::', '{#skills .unnumbered}']);
    assert.equal(parseResume(text).sections[0].heading.text, 'Skills');
  });

  test('a résumé inside a ```text (or untagged) fence is read as a résumé; a code fence is not', () => {
    const text = ['```text', 'EXPERIENCE', '', 'Bright Spark Electric, Electrician    2019 - 2022', '- Wired 40 homes.', '```', '', '```python', 'EDUCATION = 1', '```'].join('\n');
    const doc = parseResume(text);
    assert.deepEqual(doc.sections.map((s) => s.heading.text), ['EXPERIENCE']);
    assert.equal(doc.dateRanges.length, 1, 'the date inside the text fence is read');
    assert.equal(doc.bullets.length, 1);
  });

  test('a <br>-separated entry gives its date to the entry pass', () => {
    const doc = parseResume(['# Experience', '', '- **Graphic Designer**', '<br>2019 - 2021<br>', ''].join('\n'));
    assert.equal(doc.dateRanges[0]?.text, '2019 - 2021');
  });

  test('a link\'s target and title, and a reference label, are not prose (the link text is)', () => {
    const text = 'See [my site](https://ada.example "Ada\'s portfolio site") and [the lab][lab page].\n';
    assert.deepEqual(regions(text, 'markup'), ['](https://ada.example "Ada\'s portfolio site")', '][lab page]']);
    const words = parseResume(text).words;
    const read = Array.from({ length: words.length }, (_, i) => words.at(i)!.text);
    assert.deepEqual(read, ['See', 'my', 'site', 'and', 'the', 'lab']);
  });

  test('a profile written as site/handle is a link label, not prose', () => {
    assert.deepEqual(regions('ada@example.com | github/ada-example | linkedin/adaexample\n', 'url'), ['github/ada-example', 'linkedin/adaexample']);
  });
});

describe('Org-mode', () => {
  const org = [
    ':PROPERTIES:',
    '#+TITLE: Curriculum Vitae',
    ':END:',
    '#+AUTHOR: Ada Example',
    '#+OPTIONS: toc:nil num:nil',
    '#+LATEX_HEADER: \\usepackage{tabularx}',
    '* Employment',
    '** Research Fellow',
    'Worked on =quadtree= code and ~make~ targets; see [[https://example.org][the lab]].',
    '# a comment line',
    '#+BEGIN_SRC python',
    'print("not prose")',
    '#+END_SRC',
    '| 2019 | Fellowship, Example Trust |',
    '|------+--------------------------|',
    '* COMMENT Old talks',
    '| 2010 | Talk |',
    '** A sub-heading inside',
    '* Drafts :noexport:',
    'Hidden text',
    '* Skills',
    '  * nested item',
  ].join('\n');

  test('detected by its keywords, or by `*` and `**` headings where Markdown has no heading', () => {
    assert.equal(detectMarkup(org, splitLines(org)), 'org');
    const detect = (text: string) => detectMarkup(text, splitLines(text));
    assert.equal(detect('# Title\n\n* item\n'), 'markdown');
    assert.equal(detect('* Education\n** Fernvale University\n- B.Sc., 2016\n* Skills\n- Welding\n'), 'org');
    // A Markdown page with `**` lines (an item written as `** Minor`) and setext headings stays Markdown.
    assert.equal(detect('Education\n======\n* B.S., 2005\n** Minor in Mathematics\n* M.S., 2008\n'), 'markdown');
  });

  test('headings by stars, keywords and drawers hidden, blocks are code, tables are tables', () => {
    assert.deepEqual(kinds(org), [
      'comment:markup', 'comment:markup', 'comment:markup', 'comment:markup', 'comment:markup', 'comment:markup',
      'heading', 'heading', 'text', 'comment:comment', 'fence', 'fence', 'fence', 'table', 'break',
      'heading', 'comment:comment', 'comment:comment', 'heading', 'comment:comment', 'heading', 'bullet',
    ]);
    const { infos } = scan(org);
    assert.deepEqual([infos[6].heading!.level, infos[7].heading!.level, infos[18].heading!.text], [1, 2, 'Drafts']);
  });

  test('keywords are metadata (inside the property drawer too); directives are not prose', () => {
    assert.deepEqual(scan(org).meta.map((field) => [field.key, field.value.text]).slice(0, 3), [['title', 'Curriculum Vitae'], ['author', 'Ada Example'], ['options', 'toc:nil num:nil']]);
    const words = parseResume(org).words;
    const read = new Set(Array.from({ length: words.length }, (_, i) => words.at(i)!.text));
    for (const word of ['toc', 'nil', 'usepackage', 'tabularx', 'quadtree', 'make', 'print', 'Hidden', 'Talk']) assert.ok(!read.has(word), word);
    assert.ok(read.has('lab'), 'a link description is prose');
  });

  test('the COMMENT subtree keeps its heading and hides the rest; AUTHOR is the name', () => {
    const doc = parseResume(org);
    assert.deepEqual(doc.sections.map((s) => s.heading.text), ['Employment', 'COMMENT Old talks', 'Drafts', 'Skills']);
    assert.equal(doc.sections[1].entries.length, 0);
    assert.equal(doc.header.name?.text, 'Ada Example');
  });

  test('an unclosed #+BEGIN_SRC is no block', () => {
    assert.deepEqual(kinds('#+TITLE: x\n#+BEGIN_SRC\nText'), ['comment:markup', 'comment:markup', 'text']);
  });
});

describe('reStructuredText', () => {
  const rst = [
    '.. options=latex',
    '   no-footer',
    '',
    '=============',
    ' Ada Example',
    '=============',
    '',
    '| 12 Harbour Road',
    '| ada@example.com',
    '',
    'Experience',
    '==========',
    '',
    'Larkspur Labs',
    '-------------',
    '',
    'Research Engineer',
    '~~~~~~~~~~~~~~~~~',
    'June 2014 - Present',
    '',
    '.. group extended',
    '',
    'Honours and',
    'Awards',
    '===========',
    '',
    'A paragraph ending in a colon::',
    '',
    '    literal text, not prose',
    '',
    '* Core developer of `Rally <https://example.org/rally>`_ and ``tox``',
    '',
    '-----',
    '',
  ].join('\n');

  test('detected by its explicit markup, links and adornments', () => {
    assert.equal(detectMarkup(rst, splitLines(rst)), 'rst');
    const underlined = 'Title\n^^^^^\n\ntext\n';
    assert.equal(detectMarkup(underlined, splitLines(underlined)), 'rst');
  });

  test('adornments make headings, levels in the order styles appear; the overlined title is its own style', () => {
    const { infos } = scan(rst);
    const headings = infos.filter((info) => info.heading).map((info) => [info.line.index, info.heading!.text, info.heading!.level]);
    assert.deepEqual(headings, [[3, 'Ada Example', 1], [10, 'Experience', 2], [13, 'Larkspur Labs', 3], [16, 'Research Engineer', 4], [22, 'Honours and\nAwards', 2]]);
    assert.deepEqual(kinds(rst).slice(0, 10), ['comment:comment', 'comment:comment', 'blank', 'heading', 'underline', 'underline', 'blank', 'text', 'text', 'blank']);
  });

  test('line blocks are text after their bar; comments and literal blocks are not prose; a lone adornment is a transition', () => {
    const { infos } = scan(rst);
    assert.equal(content(rst, infos[7]), '12 Harbour Road');
    assert.equal(infos[20].kind, 'comment');
    assert.equal(infos[28].kind, 'fence');
    assert.equal(infos[32].kind, 'break');
    assert.deepEqual(regions(rst, 'code-span'), ['``tox``']);
  });

  test('the title is the header (its name), the = sections are sections, the others entries', () => {
    const doc = parseResume(rst);
    assert.equal(doc.header.name?.text, 'Ada Example');
    assert.deepEqual(doc.sections.map((s) => s.heading.text.replace(/\s+/g, ' ')), ['Experience', 'Honours and Awards']);
    const words = doc.words;
    const read = new Set(Array.from({ length: words.length }, (_, i) => words.at(i)!.text));
    assert.ok(read.has('Rally') && !read.has('literal') && !read.has('tox') && !read.has('group'));
  });
});

describe('text converted from PDF', () => {
  test('page numbers and running headers or footers around form feeds are not content', () => {
    const text = ['Ada Example', 'EXPERIENCE', 'Larkspur Labs  2019 - 2021', 'Ada Example — Curriculum Vitae', '                1', '\fAda Example — Curriculum Vitae', 'EDUCATION', 'Fernvale College  2015', '                2', '\f'].join('\n');
    assert.deepEqual(kinds(text).slice(0, 9), ['text', 'text', 'text', 'comment:page', 'comment:page', 'comment:page', 'text', 'text', 'comment:page']);
  });

  test('a line of bullet glyphs alone is blank (its text came apart from it); zero-width spaces are blanks at the edges', () => {
    const text = '●\u200b\n◦\n●\u200b Designed the kiosk.\u200b\nVolunteering\u200b\n';
    const { infos } = scan(text);
    assert.deepEqual([infos[0].kind, infos[0].loneGlyph, infos[1].kind, infos[2].kind], ['blank', true, 'blank', 'bullet']);
    assert.equal(content(text, infos[3]), 'Volunteering');
    assert.equal(text.slice(infos[2].bullet!.contentStart, infos[2].contentEnd), 'Designed the kiosk.');
  });
});
