// Title readings (model/fields.ts). splitTitle scans for separators by hand; its specification is the pattern
// STRONG_SEPARATOR (else commas), and a property test holds the two to the same segments on random titles.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { entryFields, readEntryFields, splitTitle, STRONG_SEPARATOR, titleSegments } from '../../server/src/service/model/fields';
import type { Span, TextSpan } from '../../server/src/service/model/types';
import { segmentOf } from '../helpers/segments';
import { fixturePath } from '../helpers/fixtures';

const SEED = Number(process.env.VITA_FC_SEED ?? 20261122);

/** What a segment's ends lose: blanks, emphasis and dangling separators (as the model trims them). */
const TRIMMED = /^[\s*_|•,;:–—-]+|[\s*_|•,;:–—-]+$/g;

/** The specification: split on STRONG_SEPARATOR when the title has one, else on `\s*,\s*`; trim; drop empty pieces. */
function reference(text: string, span: Span): { segments: TextSpan[]; strong: boolean } {
  const slice = text.slice(span.start, span.end);
  const strongPattern = new RegExp(STRONG_SEPARATOR.source, 'g');
  const strong = strongPattern.test(slice);
  const separator = strong ? strongPattern : /\s*,\s*/g;
  separator.lastIndex = 0;
  const segments: TextSpan[] = [];
  const piece = (from: number, to: number) => {
    const raw = slice.slice(from, to);
    const leading = raw.length - raw.replace(/^[\s*_|•,;:–—-]+/, '').length;
    const value = raw.replace(TRIMMED, '');
    if (value.length > 0) segments.push({ text: value, start: span.start + from + leading, end: span.start + from + leading + value.length });
  };
  let last = 0;
  for (let match = separator.exec(slice); match !== null; match = separator.exec(slice)) {
    piece(last, match.index);
    last = match.index + match[0].length;
  }
  piece(last, slice.length);
  return { segments, strong };
}

describe('title segments', () => {
  test('agree with the separator pattern on random titles', () => {
    const pieces = ['Acme', 'Data Analyst', ' ', '  ', '\t', '|', '•', '·', '-', '–', '—', ',', ';', '*', '_', 'II', 'Austin, TX', '\u00a0', 'x-y', '😀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const { start, end } = segmentOf(text.length, a, b);
        assert.deepEqual(splitTitle(text, { start, end }), reference(text, { start, end }));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  test('split on strong separators before commas', () => {
    const segments = (title: string) => titleSegments(title, { start: 0, end: title.length }).map((segment) => segment.text);
    assert.deepEqual(segments('Initrode | Data Analyst II | Austin, TX'), ['Initrode', 'Data Analyst II', 'Austin, TX']);
    assert.deepEqual(segments('Harrow & Finch — Site Reliability Engineer'), ['Harrow & Finch', 'Site Reliability Engineer']);
    assert.deepEqual(segments('Acme, Engineer, Leeds'), ['Acme', 'Engineer', 'Leeds']);
    assert.deepEqual(segments('Front-end Developer - Acme'), ['Front-end Developer', 'Acme']);
    assert.deepEqual(segments('Acme -- Engineer'), ['Acme -- Engineer']);
  });
});

describe('organisation and role from a title', () => {
  const read = (title: string) => {
    const fields = entryFields(title, { start: 0, end: title.length });
    return [fields.organisation?.text, fields.role?.text, fields.location?.text];
  };

  test('a short title is one role; an organisation before it needs a marker, a bracket or "Org Title – Team"', () => {
    assert.deepEqual(read('Tech Lead, Pellucid Labs'), ['Pellucid Labs', 'Tech Lead', undefined]);
    assert.deepEqual(read('TechOps Engineer'), [undefined, 'TechOps Engineer', undefined]);
    assert.deepEqual(read('SDE Intern, Brightwell'), ['Brightwell', 'SDE Intern', undefined]);
    assert.deepEqual(read('Kiln Platform Engineer'), [undefined, 'Kiln Platform Engineer', undefined]);
    assert.deepEqual(read('Lab assistant'), [undefined, 'Lab assistant', undefined]);
    assert.deepEqual(read('Quillon Robotics Inc. Software Engineer'), ['Quillon Robotics Inc.', 'Software Engineer', undefined]);
    assert.deepEqual(read('Tessaly (Tessa) Software Engineer Intern – Search Team'), ['Tessaly (Tessa)', 'Software Engineer Intern', undefined]);
    assert.deepEqual(read('Orrin Builders Project Coordinator – Riverside Housing'), ['Orrin Builders', 'Project Coordinator', undefined]);
  });

  test('the role is the part whose last word is a title, not a name that holds one', () => {
    assert.deepEqual(read('Packaging Line Engineer | Dorran | Ennis, TX'), ['Dorran', 'Packaging Line Engineer', 'Ennis, TX']);
    assert.deepEqual(read('Lakeshore Student Robotics Lab - Co-Editor & Designer'), ['Lakeshore Student Robotics Lab', 'Co-Editor & Designer', undefined]);
    assert.deepEqual(read('Field Reporter/Producer, Harbor Public Radio'), ['Harbor Public Radio', 'Field Reporter/Producer', undefined]);
    assert.deepEqual(read('Analyst / Data Assistant'), [undefined, 'Analyst / Data Assistant', undefined]);
    assert.deepEqual(read('Production Artist'), [undefined, 'Production Artist', undefined]);
    assert.deepEqual(read('Registered Nurse • Float Pool Nurse'), [undefined, 'Registered Nurse', undefined]);
    assert.deepEqual(read('Phlebotomist'), [undefined, 'Phlebotomist', undefined]);
  });

  test('organisations side by side are read together; a place after the name is split off', () => {
    assert.deepEqual(read('Statistical Advisor, Department of Cardiology, Norrvik Hospital, Sweden'), [
      'Department of Cardiology, Norrvik Hospital',
      'Statistical Advisor',
      'Sweden',
    ]);
    assert.deepEqual(read('Systems Engineer - Velmora Cloud, Boise, ID'), ['Velmora Cloud', 'Systems Engineer', 'Boise, ID']);
  });

  test('an organisation named inside a long role phrase', () => {
    assert.deepEqual(read('Internship in the Fisheries Unit (FU) of the Ministry of Coastal Affairs of Veloria.'), [
      'Ministry of Coastal Affairs of Veloria',
      'Internship',
      undefined,
    ]);
  });

  test('a bracket closing a title holds the field the name lacks: a role, an organisation or a place', () => {
    assert.deepEqual(read('Kestrel Labs (Co-Founder)'), ['Kestrel Labs', 'Co-Founder', undefined]);
    assert.deepEqual(read('Quill & Marsh (Account Manager)'), ['Quill & Marsh', 'Account Manager', undefined]);
    assert.deepEqual(read('Research Assistant (Department of Physics)'), ['Department of Physics', 'Research Assistant', undefined]);
    assert.deepEqual(read('**Tide Table Reader (Westmarch Marine Laboratory)**'), ['Westmarch Marine Laboratory', 'Tide Table Reader', undefined]);
    assert.deepEqual(read('Harlow University (Riverton, OR)'), ['Harlow University', undefined, 'Riverton, OR']);
    // Other brackets are left to the title's reading; a comma inside a bracket splits nothing.
    assert.deepEqual(read('Teaching Assistant (TA)'), [undefined, 'Teaching Assistant (TA)', undefined]);
    assert.deepEqual(read('Velmora Research Labs (VRL)'), ['Velmora Research Labs (VRL)', undefined, undefined]);
    assert.deepEqual(read('Field Assistant (part-time, remote)'), [undefined, 'Field Assistant (part-time, remote)', undefined]);
  });

  test('an issuer, a colon and the credential it gave; a credential named by its last word beside its issuer', () => {
    assert.deepEqual(read('KSU: Drone Pilot Certification'), ['KSU', 'Drone Pilot Certification', undefined]);
    assert.deepEqual(read('EXU Polytechnic CNSE: Solar Panel Certification'), ['EXU Polytechnic CNSE', 'Solar Panel Certification', undefined]);
    assert.deepEqual(read('Marine Data Specialization - Quillon / Example Online'), ['Quillon / Example Online', 'Marine Data Specialization', undefined]);
    assert.deepEqual(read('Coastal GIS Certifications - EXU / KSU: Tide Mapping; Shore Surveys'), ['EXU / KSU', 'Coastal GIS Certifications', undefined]);
    // A field label is no issuer.
    assert.notEqual(read('Certifications: Example Certified Developer')[0], 'Certifications');
  });

  test('an honour is named after who gives it, not given by it; a series inside a name stays one; a unit joins what it is part of', () => {
    assert.deepEqual(read('Estuary Fund Travel Grant, Westmarch Marine Laboratory'), ['Westmarch Marine Laboratory', 'Estuary Fund Travel Grant', undefined]);
    assert.deepEqual(read('Coastal Institute for Marine Modelling Scholarship, Harlow University'), ['Harlow University', 'Coastal Institute for Marine Modelling Scholarship', undefined]);
    assert.deepEqual(read('The Centre for Estuary, Marsh, Dune, & Shore Studies, KIT, Norway.'), ['The Centre for Estuary, Marsh, Dune, & Shore Studies, KIT', undefined, 'Norway']);
    assert.deepEqual(read('Department of Infectious Diseases, Amager Hospital, Denmark.'), ['Department of Infectious Diseases, Amager Hospital', undefined, 'Denmark']);
  });

  test('degrees written the short way', () => {
    assert.deepEqual(read('PG Cert Higher Education, Dunmore University'), ['Dunmore University', 'PG Cert Higher Education', undefined]);
    assert.deepEqual(read('Bachelors of Science in Nursing: Corran State University'), ['Corran State University', 'Bachelors of Science in Nursing', undefined]);
  });
});

describe('the title reading cache', () => {
  test('entryFields (kept per title text) reads every line of every fixture as readEntryFields does, in place', () => {
    const { readdirSync, readFileSync, statSync } = require('node:fs') as typeof import('node:fs');
    const { join } = require('node:path') as typeof import('node:path');
    const root = fixturePath();
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(md|txt|resume|org|rst)$/.test(name)) files.push(path);
      }
    };
    walk(root);
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let start = 0;
      for (const line of text.split('\n')) {
        const span = { start, end: start + line.length };
        start += line.length + 1;
        if (line.trim().length === 0) continue;
        // Twice: the second answer comes from the cache.
        for (let round = 0; round < 2; round++) assert.deepEqual(entryFields(text, span), readEntryFields(text, span), `${file}: ${line}`);
        const bold = /^\*\*[^*]+\*\*/.exec(line);
        if (bold) assert.deepEqual(entryFields(text, span, { start: span.start, end: span.start + bold[0].length }), readEntryFields(text, span, { start: span.start, end: span.start + bold[0].length }));
        compared++;
      }
    }
    assert.ok(compared > 1000, `only ${compared} lines compared`);
  });
});
