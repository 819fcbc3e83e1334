// The timeline (`features/timeline.ts`): bars for the dated entries, overlaps and gaps between full-time jobs, today;
// the SVG a viewer clicks (each bar with the line of its entry) and the page `vita summary --format html` prints.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { defaultOptions } from '../../server/src/service/context';
import { timelineHtml, timelineOf, timelineSvg } from '../../server/src/service/features/timeline';
import { parseResume } from '../../server/src/service/model/parse';
import { repoRoot } from '../helpers/fixtures';

const RESUME = [
  '# Noor Haddad',
  'noor.haddad@example.com',
  '',
  '## Experience',
  '',
  '### Tidewater Clinic — Practice Manager, Mar 2022 – Present',
  '- Ran a 12-person front desk.',
  '',
  '### Brightwell Pharmacy — Pharmacy Technician, Jan 2019 – Jun 2022',
  '- Filled 300 prescriptions a day.',
  '',
  '### Larkspur Café — Weekend Barista (part-time), 2020 – 2021',
  '',
  '### Orchard Foods — Stock Clerk, Jan 2015 – Dec 2017',
  '',
  '## Education',
  '',
  '### Easton Community College — Pharmacy Technology, 2017 – 2018',
  '',
].join('\n');

const context = () => {
  const options = defaultOptions();
  options.today = { year: 2026, month: 12, day: 1 };
  return { options };
};

describe('timelineOf', () => {
  const timeline = timelineOf(parseResume(RESUME), context());
  test('one bar per dated entry, work first, with the line of its title', () => {
    assert.deepEqual(
      timeline.bars.map((b) => `${b.label} ${b.first}-${b.last} line ${b.line}${b.side ? ' side' : ''}${b.open ? ' open' : ''}`),
      [
        `Tidewater Clinic ${2022 * 12 + 2}-${2026 * 12 + 11} line 5 open`,
        `Brightwell Pharmacy ${2019 * 12}-${2022 * 12 + 5} line 8`,
        `Larkspur Café ${2020 * 12}-${2021 * 12 + 11} line 11 side`,
        `Orchard Foods ${2015 * 12}-${2017 * 12 + 11} line 13`,
        `Easton Community College ${2017 * 12}-${2018 * 12 + 11} line 17`,
      ],
    );
    assert.equal(timeline.today, 2026 * 12 + 11);
    assert.equal(timeline.name, 'Noor Haddad');
  });

  test('full-time jobs that overlap, and the gap between jobs longer than vita.dates.gapMonths (not the side role)', () => {
    assert.deepEqual(timeline.overlaps, [{ first: 2022 * 12 + 2, last: 2022 * 12 + 5 }]);
    assert.deepEqual(timeline.gaps, [{ first: 2018 * 12, last: 2018 * 12 + 11 }]);
  });
});

describe('timelineSvg and timelineHtml', () => {
  const timeline = timelineOf(parseResume(RESUME), context());
  const svg = timelineSvg(timeline);
  test('each bar is a focusable group carrying the line of its entry and a title a screen reader reads', () => {
    const lines = [...svg.matchAll(/<g class="bar[^"]*" data-line="(\d+)" tabindex="0" role="button" aria-label="([^"]+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(lines, [5, 8, 11, 13, 17]);
    assert.match(svg, /<title>Tidewater Clinic — Practice Manager\nMar 2022 – Present \(Mar 2022 – today\)<\/title>/);
  });

  test('the overlap, the gap and today are drawn; years label the axis', () => {
    assert.equal((svg.match(/<g class="overlap">/g) ?? []).length, 1);
    assert.match(svg, /<g class="gap"><title>A gap of 12 months between jobs \(Jan 2018 – Dec 2018\)<\/title>/);
    assert.match(svg, /<g class="today"><title>Today \(Dec 2026\)<\/title>/);
    for (const year of [2015, 2020, 2026]) assert.match(svg, new RegExp(`class="year"[^>]*>${year}<`));
  });

  test('text is escaped; no dated entry draws a note, not an empty axis', () => {
    const odd = timelineOf(parseResume('# A <b>&</b>\n\n## Experience\n\n### <script> & Co — Lead, 2020 – 2021\n'), context());
    assert.doesNotMatch(timelineSvg(odd), /<script>|<b>/);
    assert.match(timelineSvg(timelineOf(parseResume('# Jo\n\n## Skills\n\n- Excel\n'), context())), /No dated entries to draw/);
    assert.match(timelineHtml([{ file: 'cv.md', timeline }]), /^<!doctype html>[\s\S]*<h1>Noor Haddad<\/h1>[\s\S]*<svg [\s\S]*<\/html>\n$/);
  });

  test('vita summary --format html prints the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vita-timeline-'));
    try {
      writeFileSync(join(dir, 'resume.md'), RESUME);
      const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), 'summary', '--format', 'html', '--today', '2026-12-01', 'resume.md'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, timelineHtml([{ file: 'resume.md', timeline }]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
