import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatOutline, documentSymbols } from '../../server/src/service/features/symbols';
import { BULLET, parseResume } from '../../server/src/service/model/parse';
import fc from 'fast-check';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { listFixtures, readFixture } from '../helpers/fixtures';

/** Every child range lies inside its parent's, and every selection range inside its own range. */
function assertNested(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const s of symbols) {
    assert.ok(le(s.range.start, s.selectionRange.start) && le(s.selectionRange.end, s.range.end), `selection inside range: ${s.name}`);
    if (parent) assert.ok(le(parent.range.start, s.range.start) && le(s.range.end, parent.range.end), `${s.name} inside ${parent.name}`);
    assertNested(s.children ?? [], s);
  }
}

describe('outline of résumés in different styles (golden files)', () => {
  for (const name of listFixtures('outline')) {
    test(name, () => {
      const doc = parseResume(readFixture('outline', name));
      const symbols = documentSymbols(doc);
      assertNested(symbols);
      const golden = readFixture('outline', name.replace(/\.(md|txt|org|rst)$/, '.outline.txt')).trimEnd();
      assert.equal(formatOutline(symbols).join('\n'), golden);
    });
  }
});

describe('document model details', () => {
  test('a split PDF range pairs the heading date with the next bullet', () => {
    const doc = parseResume('# Experience\n\n### Acme Corp, Engineer, Oslo\n\n#### 2021/09 Search platform\n\n- now Designed the indexer.\n');
    const child = doc.sections[0].entries[0].children[0];
    assert.equal(child.title.text, '2021/09 Search platform');
    assert.ok(child.dateRange?.split, 'range is split');
    assert.equal(child.dateRange?.start.text, '2021/09');
    assert.equal(child.dateRange?.end?.text.toLowerCase(), 'now');
    assert.equal(doc.bullets.length, 1);
  });

  test('header: name and contacts with kinds', () => {
    const doc = parseResume('# Ada Example\n\nada@example.com | +1 555 010 2030 | https://ada.example.dev | @adaex\n\n## Skills\n\n- Go\n');
    assert.equal(doc.header.name?.text, 'Ada Example');
    assert.deepEqual(doc.header.contacts.map((c) => c.kind), ['email', 'phone', 'url', 'handle']);
    assert.equal(doc.header.contacts[0].target, 'mailto:ada@example.com');
  });

  test('sections from ATX, setext, ALL CAPS, bold and plain known names', () => {
    const text = ['Ada Example', '', '## Experience', '', 'Education', '=========', '', 'SKILLS', '', '**Projects**', '', 'Awards', ''].join('\n');
    const doc = parseResume(text);
    assert.deepEqual(doc.sections.map((s) => [s.heading.text, s.heading.style, s.kind]), [
      ['Experience', 'atx', 'experience'],
      ['Education', 'setext', 'education'],
      ['SKILLS', 'caps', 'skills'],
      ['Projects', 'bold', 'projects'],
      ['Awards', 'plain', 'awards'],
    ]);
  });

  test('entry fields from a pipe-separated heading', () => {
    const doc = parseResume('## Experience\n\n### Initrode | Data Analyst II | Austin, TX | Jun 2020 – Present\n\n- Built dashboards.\n');
    const entry = doc.sections[0].entries[0];
    assert.equal(entry.organisation?.text, 'Initrode');
    assert.equal(entry.role?.text, 'Data Analyst II');
    assert.equal(entry.location?.text, 'Austin, TX');
    assert.equal(entry.dateRange?.open, true);
  });

  test('a date line with the place before or after the dates dates the heading above it', () => {
    const doc = parseResume(
      [
        '## Experience',
        '',
        '### Harrow & Finch — Site Reliability Engineer',
        'Leeds, UK · Mar 2021 – Present',
        '- Cut paging alerts by half.',
        '',
        '### Quillon Labs — Data Analyst',
        'Remote · Jun 2018 – Feb 2021',
        '- Built the weekly revenue report.',
        '',
        '### Ostrander Freight — Dispatcher',
        'Jan 2016 – May 2018 · Toledo, OH',
        '- Scheduled 40 drivers a day.',
        '',
      ].join('\n'),
    );
    const entries = doc.sections[0].entries;
    assert.deepEqual(
      entries.map((entry) => [entry.organisation?.text, entry.location?.text, entry.dateRange?.text]),
      [
        ['Harrow & Finch', 'Leeds, UK', 'Mar 2021 – Present'],
        ['Quillon Labs', 'Remote', 'Jun 2018 – Feb 2021'],
        ['Ostrander Freight', 'Toledo, OH', 'Jan 2016 – May 2018'],
      ],
    );
    assert.equal(doc.words.toArray().find((word) => word.text === 'Leeds')?.context, 'location');
    // Not a place: the line stays an entry of its own.
    const other = parseResume('## Experience\n\n### Harrow & Finch — Engineer\nLed migrations · Mar 2021 – Present\n- Cut alerts.\n');
    assert.equal(other.sections[0].entries.length, 2);
  });

  test('words carry the context of where they stand', () => {
    const doc = parseResume('# Zanele Mokoena\n\n## Experience\n\n**Vodacom** Network Engineer – Core\nMar 2020 – Present Johannesburg, South Africa\n\n- Automated failover drills.\n');
    const context = (word: string) => doc.words.toArray().find((w) => w.text === word)?.context;
    assert.equal(context('Zanele'), 'name');
    assert.equal(context('Vodacom'), 'organisation');
    assert.equal(context('Engineer'), 'role');
    assert.equal(context('Johannesburg'), 'location');
    assert.equal(context('failover'), 'bullet');
    assert.equal(context('Experience'), 'heading');
    assert.equal(doc.words.toArray().some((w) => w.text === 'Mar'), false, 'dates are not words');
  });

  test('CRLF, lone CR and emoji keep offsets consistent', () => {
    const text = '# Émile 👩‍💻 Zola\r\n\r\n## Skills\r- o Go\r\n';
    const doc = parseResume(text);
    for (const word of doc.words) assert.equal(text.slice(word.start, word.end), word.text);
    assert.equal(doc.sections[0].heading.text, 'Skills');
    assert.equal(doc.bullets[0].content.text, 'o Go');
  });

  test('code fences: labelled fences hold no words, prose fences do', () => {
    const doc = parseResume('## Projects\n\n```python\nimport numpi\n```\n\n```\nprose here\n```\n');
    assert.ok(!doc.words.toArray().some((w) => w.text === 'numpi'));
    assert.ok(doc.words.toArray().some((w) => w.text === 'prose'));
  });

  test('compound and bilingual section headings: a part split on / or | names the section', () => {
    const text = ['Ada Example', '', '## Berufserfahrung / Experience', '', 'Skills | Fähigkeiten', '', 'EDUCATION AND CERTIFICATIONS', '', '## Experience & Projects', ''].join('\n');
    assert.deepEqual(parseResume(text).sections.map((s) => [s.heading.text, s.kind]), [
      ['Berufserfahrung / Experience', 'experience'],
      ['Skills | Fähigkeiten', 'skills'],
      ['EDUCATION AND CERTIFICATIONS', 'education'],
      ['Experience & Projects', 'experience'],
    ]);
    // An entry title with a pipe is not a section, nor is a part with digits or commas.
    const entries = parseResume('## Experience\n\nGlobex | Buyer\nSkills | 2019, 2020\n');
    assert.equal(entries.sections.length, 1);
  });

  test('trade, care and science titles are roles: Loan Processor, Sonographer, Electrician, Epidemiologist', () => {
    for (const [title, role] of [
      ['Aspen Mortgage Co. — Loan Processor', 'Loan Processor'],
      ['Mesa Imaging Center, Diagnostic Medical Sonographer', 'Diagnostic Medical Sonographer'],
      ['Bright Spark Electric | Journeyman Electrician', 'Journeyman Electrician'],
      ['County Health Department — Epidemiologist', 'Epidemiologist'],
      ['Harbor County Transit, Dispatcher', 'Dispatcher'],
      ['Hill Country Freight, Truck Driver', 'Truck Driver'],
    ]) {
      const entry = parseResume(`## Experience\n\n### ${title}, 2019 – 2021\n`).sections[0].entries[0];
      assert.equal(entry.role?.text, role, title);
    }
  });

  test('a sibling role, not a sub-entry: a heading shaped "Org — Title" at the level of the role above', () => {
    const text = '## Experience\n\n### Globex, Buyer, 2019 – 2021\n\n- Bought.\n\n### Juniper Orchards — Picker, 2017 – 2019\n\n- Picked.\n';
    const entries = parseResume(text).sections[0].entries;
    assert.deepEqual(entries.map((e) => [e.title.text, e.children.length]), [
      ['Globex, Buyer, 2019 – 2021', 0],
      ['Juniper Orchards — Picker, 2017 – 2019', 0],
    ]);
  });

  test('projects under a role stay sub-entries, even when named like a title (Payment Processor, USB Driver)', () => {
    const text = '## Experience\n\n### Contoso, Software Engineer, 2019 – 2021\n\n#### Payment Processor rewrite\n\n- Rewrote it.\n\n#### USB Driver\n\n- Wrote it.\n\n### Checkout redesign\n\n- Redesigned it.\n';
    const [role, ...others] = parseResume(text).sections[0].entries;
    assert.deepEqual(role.children.map((c) => c.title.text), ['Payment Processor rewrite', 'USB Driver', 'Checkout redesign']);
    assert.deepEqual(others, []);
  });
});

describe('bullet lines', () => {
  test('the quick read of `- `, `* `, `+ ` bullets gives what the BULLET pattern gives', () => {
    const pieces = [' ', '  ', '\t', '\u00a0', '-', '*', '+', '•', '1.', 'x', 'Led', '**', '\u000b'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }), (parts) => {
        const line = parts.join('');
        const bullet = parseResume(`## Experience\n${line}\n`).bullets[0];
        const match = BULLET.exec(line);
        // A bullet needs content after its marker; a line of a marker and blanks only is not one, nor a thematic break
        // (`* * *`, read before bullets).
        if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return;
        // Nor is a line of PDF bullet glyphs only (`•`, `• •`): debris whose text came apart from it.
        if (/^[\s•]+$/.test(line) && line.trimStart().startsWith('•')) return assert.equal(bullet, undefined, JSON.stringify(line));
        if (!match) return assert.equal(bullet, undefined, JSON.stringify(line));
        if (line.trim().length === 0 || match[0].length === line.length) return;
        if (bullet === undefined) return assert.fail(`no bullet read in ${JSON.stringify(line)}`);
        const markerStart = '## Experience\n'.length + match[1].length;
        assert.deepEqual(
          [bullet.marker.text, bullet.marker.start, bullet.content.start, bullet.indent],
          [match[2] ?? match[3], markerStart, '## Experience\n'.length + match[0].length, match[1].replace(/\t/g, '    ').length],
          JSON.stringify(line),
        );
      }),
      { seed: Number(process.env.VITA_FC_SEED ?? 20261122), numRuns: 3000 },
    );
  });
});

describe('entries as a reader sees them', () => {
  const entriesOf = (text: string) => parseResume(text).sections[0].entries;

  test('an organisation heading over role headings: the roles nest under it and work there', () => {
    const doc = parseResume('## Experience\n\n### Norrland Freight\n\n#### Tech Lead\nMar 2021 – Present\n\n- Led routing.\n\n#### Engineer, 2018 – 2021\n\n### Quillon Labs\n\n#### Analyst, 2015 – 2017\n');
    const [norrland, quillon] = doc.sections[0].entries;
    assert.deepEqual(norrland.children.map((c) => [c.role?.text, c.organisation?.text, c.dateRange?.text]), [
      ['Tech Lead', 'Norrland Freight', 'Mar 2021 – Present'],
      ['Engineer', 'Norrland Freight', '2018 – 2021'],
    ]);
    assert.deepEqual(quillon.children.map((c) => c.organisation?.text), ['Quillon Labs']);
    const [role] = documentSymbols(doc)[0].children![0].children!;
    assert.deepEqual([role.name, role.detail], ['Tech Lead', 'Norrland Freight · Mar 2021 – Present']);
  });

  test('an employer line under a role heading names its organisation and is no entry of its own', () => {
    const [entry, ...others] = entriesOf('## Experience\n\n### Registered Nurse • Float Pool\n\n#### Harbor Hospital • Riverton, CO\nCared for patients.\n');
    assert.deepEqual([entry.role?.text, entry.organisation?.text, entry.location?.text], ['Registered Nurse', 'Harbor Hospital', 'Riverton, CO']);
    assert.deepEqual(others, []);
  });

  test('bold labels such as **Duties:** are never entries', () => {
    const entries = entriesOf('## Experience\n\n### Site Supervisor — Orrin Builders Ltd. (2012 – 2015)\n\n**Duties:**\n- Ran briefings.\n**Scheduling:**\n- Planned crews.\n');
    assert.equal(entries.length, 1);
    assert.equal(entries[0].bullets.length, 2);
  });

  test('list items dated first, with the organisation on the nested item below', () => {
    const [entry] = entriesOf('Work experience\n====\n* Mar. 2019 – Mar. 2020: Research Fellow (full time).\n  * Institute of Coastal Health, Brenvoort, Belgium.\n  * Field trials.\n');
    assert.deepEqual([entry.role?.text, entry.organisation?.text, entry.dateRange?.text, entry.bullets.length], [
      'Research Fellow (full time)',
      'Institute of Coastal Health',
      'Mar. 2019 – Mar. 2020',
      1,
    ]);
  });

  test('PDF text: a block of dates after as many titles dates them in order; fewer or more dates do not', () => {
    const titles = 'EDUCATION\nUniversity of Westmarch\nMS in Applied Statistics\nCorran State University\nBA in Economics\n\n';
    const entries = entriesOf(`${titles}Westmarch, OR\nMay 2024\nCorran, TX\nMay 2022\n`);
    assert.deepEqual(entries.map((e) => [e.organisation?.text, e.role?.text, e.dateRange?.text, e.location?.text]), [
      ['University of Westmarch', 'MS in Applied Statistics', 'May 2024', 'Westmarch, OR'],
      ['Corran State University', 'BA in Economics', 'May 2022', 'Corran, TX'],
    ]);
    const three = entriesOf(`${titles}May 2024\nMay 2022\nMay 2020\n`);
    assert.equal(three[0].dateRange, undefined, 'three dates for two titles: not paired in order');
  });

  test('a date left below the bullets dates the entry above it, not when a title follows it', () => {
    const [project] = entriesOf('PROJECTS\nFolding Machine | Senior Design Project\n• Drew the lift.\n\nSeptember 2024 – Present\n');
    assert.equal(project.dateRange?.text, 'September 2024 – Present');
    const [first, second] = entriesOf('PROJECTS\nFolding Machine | Senior Design Project\n• Drew the lift.\n\nSeptember 2024 – Present\nKiln Controller | Course Project\n• Wired it.\n');
    assert.equal(first.dateRange, undefined);
    assert.equal(second.dateRange?.text, 'September 2024 – Present');
  });

  test('a role without its organisation: its first bullet may say where (… at Example University)', () => {
    const [entry] = entriesOf('## Experience\n\nTeaching assistant      Fall 2022\n• TA for Statistics 101, data science for public\n  health at the University of Westmarch.\n• Graded labs.\n');
    assert.deepEqual([entry.role?.text, entry.organisation?.text], ['Teaching assistant', 'University of Westmarch']);
    const [none] = entriesOf('## Experience\n\nTeaching assistant      Fall 2022\n• Met students at the Harbour Steps.\n');
    assert.equal(none.organisation, undefined, 'no organisation marker, no organisation');
  });

  test('a table row dated in its first cell is an entry titled by its other cells', () => {
    const [entry] = entriesOf('## Research Experience\n\n| Dec 2018 | Co-chair, Tidal Surges session, Coastal Science Meeting |\n');
    assert.deepEqual([entry.title.text, entry.role?.text, entry.dateRange?.text], ['Co-chair, Tidal Surges session, Coastal Science Meeting', 'Co-chair', 'Dec 2018']);
  });
});
