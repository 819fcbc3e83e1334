/**
 * The résumé as a picture: each dated entry a bar on a time axis, grouped by section, with the months where jobs
 * overlap and the gaps between jobs marked, and today as a line. `timelineOf` reads the model; `timelineSvg` draws it
 * (an SVG whose bars carry `data-line`, so a viewer can reveal the entry on a click); `timelineHtml` wraps it in a
 * page of its own (`vita summary --format html`). Pure: plain data in, strings out. Colours are CSS variables
 * (VS Code's theme colours in the editor's webview), with fallbacks for a browser.
 */
import type { ServiceContext } from '../context';
import { monthNumber, entrySpan, isSideRole, isWorkSection } from '../model/timeline';
import type { Entry, ResumeDocument, Section, SectionKind } from '../model/types';
import { lineAt } from '../model/lines';
import { entryName } from './symbols';

export interface TimelineBar {
  /** The entry's name (its organisation, else its title) and its role, as the outline shows them. */
  label: string;
  role?: string;
  /** The dates as written (`Sep 2021 – Present`). */
  dates: string;
  section: string;
  sectionKind: SectionKind;
  /** Absolute months (year × 12 + month − 1), both included; an open end runs to today. */
  first: number;
  last: number;
  open: boolean;
  /** A sub-entry (a role under an organisation). */
  nested: boolean;
  /** Part-time, contract, volunteer, intern…: may overlap a job without anything being wrong. */
  side: boolean;
  /** 0-based line of the entry's title: where a click takes the reader. */
  line: number;
}

export interface Timeline {
  name?: string;
  bars: TimelineBar[];
  today: number;
  /** Months where two or more full-time jobs overlap (two months or more: one shared month is a change of jobs). */
  overlaps: { first: number; last: number }[];
  /** Gaps between jobs longer than `vita.dates.gapMonths`. */
  gaps: { first: number; last: number }[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (month: number) => `${MONTHS[((month % 12) + 12) % 12]} ${Math.floor(month / 12)}`;

/** The dated entries of a résumé, section by section (work first), as bars. */
export function timelineOf(doc: ResumeDocument, context: ServiceContext): Timeline {
  const today = monthNumber(context.options.today);
  const bars: TimelineBar[] = [];
  const order = (section: Section) => (isWorkSection(section.kind) ? 0 : section.kind === 'education' ? 1 : 2);
  const sections = [...doc.sections].sort((a, b) => order(a) - order(b));
  const add = (section: Section, entry: Entry, nested: boolean) => {
    const span = entrySpan(entry, context.options.today);
    if (span && !span.lone) {
      const range = span.range;
      bars.push({
        label: entryName(entry),
        ...(entry.role && entry.role.text !== entry.organisation?.text ? { role: entry.role.text } : {}),
        dates: range.end ? `${range.start.text} – ${range.end.text}` : range.open ? `${range.start.text} – Present` : range.start.text,
        section: section.heading?.text ?? 'Résumé',
        sectionKind: section.kind,
        first: span.interval.first,
        last: span.interval.last,
        open: span.open,
        nested,
        side: isSideRole(entry),
        line: lineAt(doc.lines, entry.title.start),
      });
    }
    for (const child of entry.children) add(section, child, true);
  };
  for (const section of sections) for (const entry of section.entries) add(section, entry, false);

  // Full-time jobs (top-level: a role under an organisation is part of it; not side roles) for overlaps and gaps: a
  // sweep over their sorted intervals.
  const jobs = bars.filter((bar) => isWorkSection(bar.sectionKind) && !bar.side && !bar.nested).sort((a, b) => a.first - b.first);
  const overlaps: Timeline['overlaps'] = [];
  const gaps: Timeline['gaps'] = [];
  let reach = -Infinity;
  for (const job of jobs) {
    // One shared month is a change of jobs written to the month (`– May 2021`, `May 2021 –`), not an overlap.
    if (job.first < reach) {
      const overlap = { first: job.first, last: Math.min(reach, job.last) };
      const previous = overlaps[overlaps.length - 1];
      if (previous && overlap.first <= previous.last + 1) previous.last = Math.max(previous.last, overlap.last);
      else overlaps.push(overlap);
    } else if (reach !== -Infinity && job.first - reach - 1 > context.options.dates.gapMonths) {
      gaps.push({ first: reach + 1, last: job.first - 1 });
    }
    reach = Math.max(reach, job.last);
  }
  return { ...(doc.header.name ? { name: doc.header.name.text } : {}), bars, today, overlaps, gaps };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Layout, in SVG user units. */
const ROW = 26;
const BAR = 16;
/** The column of names: a quarter of the width, within bounds. */
const labelWidth = (width: number) => Math.min(230, Math.max(150, Math.round(width * 0.26)));
const AXIS = 28;
const SECTION_GAP = 22;

/** The timeline as an SVG drawing: bars with `data-line`, a year axis, overlaps, gaps and today. */
export function timelineSvg(timeline: Timeline, width = 900): string {
  const { bars } = timeline;
  if (bars.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="vita-timeline" width="${width}" height="40" role="img" aria-label="No dated entries"><text x="8" y="24" class="empty">No dated entries to draw.</text></svg>`;
  }
  let first = Infinity;
  let last = -Infinity;
  for (const bar of bars) {
    first = Math.min(first, bar.first);
    last = Math.max(last, bar.last);
  }
  last = Math.max(last, timeline.today);
  // Whole years on the axis, with a little room on each side.
  const startYear = Math.floor(first / 12);
  const endYear = Math.floor(last / 12) + 1;
  const from = startYear * 12;
  const to = endYear * 12;
  const LABEL_WIDTH = labelWidth(width);
  const plot = width - LABEL_WIDTH - 16;
  const x = (month: number) => LABEL_WIDTH + ((month - from) / (to - from)) * plot;
  const labelChars = Math.floor((LABEL_WIDTH - 14) / 6.6);

  const rows: string[] = [];
  let y = AXIS + 8;
  let section: string | undefined;
  const workTop = { top: Infinity, bottom: -Infinity };
  for (const bar of bars) {
    if (bar.section !== section) {
      if (section !== undefined) y += SECTION_GAP - ROW / 2;
      section = bar.section;
      rows.push(`<text class="section" x="4" y="${y + 12}">${escape(bar.section)}</text>`);
      y += ROW - 6;
    }
    const left = x(bar.first);
    const right = Math.max(left + 3, x(bar.last + 1));
    const title = `${bar.label}${bar.role ? ` — ${bar.role}` : ''}\n${bar.dates} (${monthLabel(bar.first)} – ${bar.open ? 'today' : monthLabel(bar.last)})`;
    const kind = isWorkSection(bar.sectionKind) ? (bar.side ? 'side' : 'work') : bar.sectionKind === 'education' ? 'education' : 'other';
    rows.push(
      `<g class="bar ${kind}${bar.open ? ' open' : ''}" data-line="${bar.line}" tabindex="0" role="button" aria-label="${escape(title.replace('\n', ', '))}">` +
        `<title>${escape(title)}</title>` +
        `<text class="label" x="${bar.nested ? 22 : 10}" y="${y + BAR - 4}">${escape(truncate(bar.label, bar.nested ? labelChars - 2 : labelChars))}</text>` +
        `<rect x="${left.toFixed(1)}" y="${y}" width="${(right - left).toFixed(1)}" height="${BAR}" rx="3"/>` +
        (right - left > 90 && bar.role ? `<text class="role" x="${(left + 5).toFixed(1)}" y="${y + BAR - 4}">${escape(truncate(bar.role, Math.floor((right - left - 10) / 6.5)))}</text>` : '') +
        `</g>`,
    );
    if (kind === 'work') {
      workTop.top = Math.min(workTop.top, y - 3);
      workTop.bottom = Math.max(workTop.bottom, y + BAR + 3);
    }
    y += ROW;
  }
  const height = y + 10;

  const axis: string[] = [];
  // A year label needs ~34 units: every year, every second or every fifth, as the width allows.
  const perYear = plot / (endYear - startYear);
  const step = perYear >= 34 ? 1 : perYear * 2 >= 34 ? 2 : 5;
  for (let year = startYear; year <= endYear; year++) {
    const at = x(year * 12);
    axis.push(`<line class="grid" x1="${at.toFixed(1)}" y1="${AXIS - 6}" x2="${at.toFixed(1)}" y2="${height - 6}"/>`);
    if ((year - startYear) % step === 0 && year < endYear) axis.push(`<text class="year" x="${(at + 3).toFixed(1)}" y="${AXIS - 10}">${year}</text>`);
  }
  const bands: string[] = [];
  if (workTop.top < workTop.bottom) {
    for (const gap of timeline.gaps) {
      const left = x(gap.first);
      const right = x(gap.last + 1);
      bands.push(`<g class="gap"><title>${escape(`A gap of ${gap.last - gap.first + 1} months between jobs (${monthLabel(gap.first)} – ${monthLabel(gap.last)})`)}</title><rect x="${left.toFixed(1)}" y="${workTop.top}" width="${(right - left).toFixed(1)}" height="${workTop.bottom - workTop.top}"/></g>`);
    }
    for (const overlap of timeline.overlaps) {
      const left = x(overlap.first);
      const right = x(overlap.last + 1);
      bands.push(`<g class="overlap"><title>${escape(`Jobs overlap for ${overlap.last - overlap.first + 1} months (${monthLabel(overlap.first)} – ${monthLabel(overlap.last)})`)}</title><rect x="${left.toFixed(1)}" y="${workTop.top}" width="${(right - left).toFixed(1)}" height="${workTop.bottom - workTop.top}"/></g>`);
    }
  }
  const now = x(timeline.today + 0.5);
  const today = `<g class="today"><title>Today (${monthLabel(timeline.today)})</title><line x1="${now.toFixed(1)}" y1="${AXIS - 4}" x2="${now.toFixed(1)}" y2="${height - 6}"/><text x="${(now - 3).toFixed(1)}" y="${height - 8}" text-anchor="end">today</text></g>`;
  const label = `Timeline${timeline.name ? ` of ${timeline.name}` : ''}: ${bars.length} dated entries, ${startYear}–${endYear - 1}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="vita-timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(label)}">`,
    `<style>${SVG_STYLE}</style>`,
    ...axis,
    ...bands,
    ...rows,
    today,
    '</svg>',
  ].join('\n');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

const SVG_STYLE = [
  '.vita-timeline{font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:12px}',
  '.vita-timeline .section{font-weight:600;fill:var(--vscode-foreground,#222)}',
  '.vita-timeline .label,.vita-timeline .year,.vita-timeline .empty{fill:var(--vscode-foreground,#333)}',
  '.vita-timeline .role{fill:#fff;font-size:11px;pointer-events:none}',
  '.vita-timeline .grid{stroke:var(--vscode-editorIndentGuide-background,#ddd);stroke-width:1}',
  '.vita-timeline .bar{cursor:pointer}',
  '.vita-timeline .bar rect{fill:var(--vscode-charts-blue,#3b7dd8)}',
  '.vita-timeline .bar.side rect{fill:var(--vscode-charts-purple,#8a63d2)}',
  '.vita-timeline .bar.education rect{fill:var(--vscode-charts-green,#2e9d5b)}',
  '.vita-timeline .bar.other rect{fill:var(--vscode-charts-orange,#d9822b)}',
  '.vita-timeline .bar.open rect{stroke:var(--vscode-foreground,#222);stroke-dasharray:3 2}',
  '.vita-timeline .bar:hover rect,.vita-timeline .bar:focus rect{opacity:.8;stroke:var(--vscode-focusBorder,#000);stroke-width:1.5}',
  '.vita-timeline .gap rect{fill:var(--vscode-charts-red,#d9534f);opacity:.14}',
  '.vita-timeline .overlap rect{fill:var(--vscode-charts-yellow,#e0b000);opacity:.22}',
  '.vita-timeline .today line{stroke:var(--vscode-charts-red,#d9534f);stroke-width:1.5;stroke-dasharray:4 3}',
  '.vita-timeline .today text{fill:var(--vscode-charts-red,#d9534f);font-size:11px}',
].join('');

/** A page of its own for `vita summary --format html`: per résumé, its name, a legend and its timeline. */
export function timelineHtml(timelines: readonly { file: string; timeline: Timeline }[]): string {
  const first = timelines[0];
  const title = timelines.length === 1 ? `${first.timeline.name ?? first.file} — timeline` : 'Résumé timelines';
  const legend =
    '<p class="legend"><span><i style="background:#3b7dd8"></i>job</span><span><i style="background:#8a63d2"></i>part-time, contract, volunteer</span><span><i style="background:#2e9d5b"></i>education</span><span><i style="background:#d9822b"></i>other</span><span><i style="background:#e0b000;opacity:.4"></i>jobs overlap</span><span><i style="background:#d9534f;opacity:.3"></i>gap between jobs</span><span><i style="border-left:2px dashed #d9534f;width:0"></i>today</span></p>';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escape(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}h1{font-size:18px;margin:24px 0 4px}p{color:#555;margin:0 0 12px;font-size:13px}.legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}</style>',
    '</head><body>',
    ...timelines.flatMap(({ file, timeline }) => [`<h1>${escape(timeline.name ?? file)}</h1>`, `<p>${escape(file)} · drawn by vita</p>`, legend, timelineSvg(timeline)]),
    '</body></html>',
    '',
  ].join('\n');
}
