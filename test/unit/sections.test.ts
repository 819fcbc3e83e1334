import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseResume } from '../../server/src/service/model/parse';
import { sectionKind } from '../../server/src/service/model/sections';

/** The sections' heading texts (blanks folded) and lines. */
function sections(text: string): [string, number][] {
  return parseResume(text).sections.map((section) => [section.heading.text.replace(/\s+/g, ' '), section.firstLine]);
}

/** Every word the word pass read, in order. */
function words(text: string): string[] {
  const list = parseResume(text).words;
  return Array.from({ length: list.length }, (_, i) => list.at(i)!.text);
}

describe('section headings: levels and the title', () => {
  test('headings at the level of the known sections are sections, named or not', () => {
    const text = ['# About', '', '---', '# Sailing Lessons', 'Dinghy courses from the harbour.', '', '# Work', '- Harbour manager', '', '# Education', '- B.Sc., 2021', ''].join('\n');
    assert.deepEqual(sections(text), [['Sailing Lessons', 3], ['Work', 6], ['Education', 9]]);
  });

  test('the first heading is the title when it is a name, stands above the sections, or has nothing under it', () => {
    assert.deepEqual(sections('# Ada Example\n\n## Experience\n\n## Teaching Portfolio\n'), [['Experience', 2], ['Teaching Portfolio', 4]]);
    assert.deepEqual(sections('# _Ama Example_\n> Tutor\n\n# Education\n- B.A.\n'), [['Education', 3]]);
    assert.equal(parseResume('# _Ama Example_\n> Tutor\n\n# Education\n- B.A.\n').header.name?.text, 'Ama Example');
    // A first heading with text under it that is no name is a section like its siblings.
    assert.deepEqual(sections('Complete CV\n======\nThe PDF is [here](cv.pdf).\n\nEducation\n======\n* B.S., 2005\n'), [['Complete CV', 0], ['Education', 4]]);
  });

  test('sections at ##### and ###### levels under a page title; a dated ###### line under them is an entry', () => {
    const text = ['# About', '', '---', '##### **WORK EXPERIENCE**', '', '###### **REPORTER, THE GAZETTE | MAY 2020-PRESENT**', '', '###### **AWARDS**', 'Press Award, 2021', '', '###### **MEMBERSHIPS**', 'Harbour Writers Circle', ''].join('\n');
    const doc = parseResume(text);
    assert.deepEqual(doc.sections.map((s) => s.heading.text), ['WORK EXPERIENCE', 'AWARDS', 'MEMBERSHIPS']);
    assert.equal(doc.sections[0].entries.length, 1);
  });
});

describe('section headings in plain text and PDF text', () => {
  test('"Heading:" lines, a trailing ":-", ALL-CAPS with a colon, headings of known words joined by "/"', () => {
    const text = ['Contact Details:', 'a@example.com', '', 'Field methods:-', 'PCR', '', 'EDUCATION:', 'B.Sc., 2016', '', 'SERVICE AND LEADERSHIP / COMMITTEES / STUDENT SOCIETIES', 'Captain, 2015', ''].join('\n');
    assert.deepEqual(sections(text), [
      ['Contact Details', 0],
      ['Field methods', 3],
      ['EDUCATION', 6],
      ['SERVICE AND LEADERSHIP / COMMITTEES / STUDENT SOCIETIES', 9],
    ]);
    assert.equal(parseResume(text).sections[0].kind, 'contact');
  });

  test('a heading in capitals that the line\'s text follows; the text is still read', () => {
    const text = ['Ada Example', '', 'OBJECTIVE: Nurse moving into informatics.', '', 'REFERENCES Gladly Supplied', ''].join('\n');
    assert.deepEqual(sections(text), [['OBJECTIVE', 2], ['REFERENCES', 4]]);
    assert.ok(words(text).includes('informatics'));
    assert.ok(words(text).includes('Supplied'));
    // Without a colon, only a few words not in capitals may follow; a contact line's label opens no section.
    assert.deepEqual(sections('Ada Example\n\nTRAINING Manager at Fernvale Mills since 2019\n'), []);
    assert.deepEqual(sections('Ada Example\nCONTACT: ada@example.com | +44 7700 900123\n'), []);
  });

  test('a heading wrapped onto two lines is one heading', () => {
    assert.deepEqual(sections('Ada Example\n\nHonours\n& Prizes\nBursary, 2016\n\nInvited Talks &\nseminars\nTalk, 2019\n'), [
      ['Honours & Prizes', 2],
      ['Invited Talks & seminars', 6],
    ]);
  });

  test('a misspelt section word still names the section, but a word of its own does not', () => {
    assert.equal(sectionKind('Past Emplyoment'), 'experience');
    assert.equal(sectionKind('Current Psoition'), 'experience');
    assert.equal(sectionKind('Other actvities'), 'volunteering');
    assert.equal(sectionKind('Experienced Professional'), undefined);
    assert.equal(sectionKind('Contract & Tender Management'), undefined); // `contract` is a word, not `contact`
  });

  test('zero-width spaces inside a heading do not hide it', () => {
    assert.equal(sectionKind('Experi\u200bence'), 'experience');
    assert.deepEqual(sections('Ada Example\n\nWORK\u200b EXPERIENCE\nLarkspur Labs, 2019\n'), [['WORK\u200b EXPERIENCE', 2]]);
  });

  test('singular and field words name sections: Achievement, Contact, Teaching, Miscellaneous, Outreach', () => {
    assert.deepEqual(['Achievement', 'Contact', 'Teaching', 'Miscellaneous', 'Community Outreach', 'Co-author publications'].map(sectionKind), ['awards', 'contact', 'experience', 'other', 'volunteering', 'publications']);
  });

  test('a wrapped line is not a heading: text right above it, in its columns, that does not end a sentence', () => {
    const text = ['                Skills', '    Computer   Everyday: R, Julia, SQL, SPSS       also: Go, Rust       gitlab: https://gitlab.com/ada', '       Skills', '', '                Miscellaneous', '                Organiser of the reading group.', ''].join('\n');
    assert.deepEqual(sections(text), [['Skills', 0], ['Miscellaneous', 4]]);
    // Under a short line, an address, or a bullet whose marker the heading stands under: a heading.
    const tight = ['Ada Example', 'Software Engineer', 'Summary', 'Builds booking systems for small hotels and guest houses.', 'ada@example.com · https://ada.example.dev/portfolio', 'Experience', '• Built the booking API used by forty hotels across the county', 'Education', 'B.Sc., 2016'].join('\n');
    assert.deepEqual(sections(tight), [['Summary', 2], ['Experience', 5], ['Education', 7]]);
    // A text that sets no heading apart (no blank lines): a heading right under unfinished text is still one.
    const dense = ['Dana Kowal', 'dana.k@example.com', 'Profile', 'Mechanical engineer with experience in HVAC design and energy audits', 'Work Experience', 'Heatline Works, Design Engineer', '2019 – present', 'Education', 'Fernvale University, MSc, 2017'].join('\n');
    assert.deepEqual(sections(dense), [['Profile', 2], ['Work Experience', 4], ['Education', 7]]);
  });

  test('one more label of a list of labels is no heading (`Portfolio:` under `LinkedIn: …`)', () => {
    assert.deepEqual(sections('Ada Example\nMobile: +44 7700 900123\nLinkedIn: linkedin.com/in/ada\nPortfolio:\n\nEDUCATION\nB.Sc., 2016\n'), [['EDUCATION', 5]]);
  });

  test('capitals that run on from or into other capitals are a block (an employer), an acronym alone is a tool', () => {
    const text = ['EXPERIENCE', 'Ran the ward.', '', 'HARBOUR VIEW HOSPITAL TRUST ACUTE', 'MEDICAL UNIT SALTCOMBE', 'Staff Nurse, 2018 - 2024', '', 'LIMS', 'Logging every sample.', '', 'VOLUNTEER WORK', 'Food bank, 2015', ''].join('\n');
    assert.deepEqual(sections(text).map(([heading]) => heading), ['EXPERIENCE', 'VOLUNTEER WORK']);
  });

  test('a line in capitals indented past the known headings is no section', () => {
    assert.deepEqual(sections('Experience\n    Larkspur Labs    2019 - 2021\n\f  ZSTD\n     Maintainer    2016 - 2020\n\nPROJECTS AND TALKS\n').map(([heading]) => heading), ['Experience', 'PROJECTS AND TALKS']);
  });
});

describe('section headings in two-column PDF layouts', () => {
  const layout = [
    'EDUCATION                                                                  MEMBERSHIPS',
    'Fernvale University                                   Fernvale | 2019      Member, Park Society',
    '',
    'EXPERIENCE                                                                 Volunteer Mentor',
    'Riverside Studio - Designer                     Fernvale | 2020 - 2022',
    '   - Drew severel planting plans.                                          AWARDS',
    '                                                                           Green Prize   2021',
    'Aptagrim Ltd                                                               Certifications',
    '   - Led site visits.',
  ].join('\n');

  test('the first column\'s heading, a sidebar heading at the end of a line, a known heading alone in its column', () => {
    assert.deepEqual(sections(layout), [['EDUCATION', 0], ['EXPERIENCE', 3], ['AWARDS', 5], ['Certifications', 7]]);
  });

  test('the other column\'s words on a heading line are still read (a typo beside a sidebar heading is found)', () => {
    assert.ok(words(layout).includes('severel'));
    assert.ok(words(layout).includes('MEMBERSHIPS'));
  });

  test('a line wrapped in the sidebar column is no heading (`… Online` / `Certification`)', () => {
    const text = [
      'Summary',
      'Designer.',
      '',
      'Employment                                                 Strengths',
      '   - Led reviews.                                          Service Design Foundations – Online',
      '                                                           Certificate',
      '   - Ran workshops.',
      '                                                           Education',
      '                                                           Fernvale University, 2018',
      '',
      'Languages',
      'English, German',
    ].join('\n');
    assert.deepEqual(sections(text), [['Summary', 0], ['Employment', 3], ['Education', 7], ['Languages', 10]]);
  });
});

describe('the kind of a section whose heading is marked up', () => {
  const kinds = (text: string) => parseResume(text).sections.map((section) => [section.heading.text, section.kind]);

  test('a modifier vita does not list leaves the kind its last word names', () => {
    const text = ['# Ada Example', '', '## Frontline Experience', '### Charge Nurse • Example Hospital', '2019 – 2021', '', '## Visiting Appointments', '- Lecturer, Example College, 2015 – 2019', '', '## Weekend Projects', '- Tide model, 2020', '', "## Master's Thesis", '- Tides in estuaries, 2014', ''].join('\n');
    assert.deepEqual(kinds(text), [
      ['Frontline Experience', 'experience'],
      ['Visiting Appointments', 'experience'],
      ['Weekend Projects', 'projects'],
      ["Master's Thesis", 'education'],
    ]);
  });

  test('a word that is no heading alone in plain text names its kind under markup; an unknown head noun stays other', () => {
    const text = ['# Ada Example', '', '## Work', '- Harbour manager, Example Marina, 2019 – 2021', '', '## Sailing Lessons', '- Dinghy courses from the harbour', '', '## Selected Exhibitions', '- Harbour Light, Example Gallery, 2022', ''].join('\n');
    assert.deepEqual(kinds(text), [
      ['Work', 'experience'],
      ['Sailing Lessons', 'other'],
      ['Selected Exhibitions', 'projects'],
    ]);
    // Plain text keeps its caution: a lone `Work` line is no heading there.
    assert.equal(sectionKind('Work'), undefined);
  });
});
