/**
 * The résumé at a glance: one summary computed from the model (and, when given, the diagnostics), read by the
 * hover, the summary command, the status item and `vita summary`. Pure: plain data in, plain data out.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CalendarDate, ServiceContext } from '../context';
import { MONTH_NAMES } from '../model/dates';
import { datePointSpans, hasFigure } from '../model/figures';
import { lineAt } from '../model/lines';
import { durationMonths, formatDuration, type MonthInterval, rangeMonths, unionMonths } from '../model/durations';
import type { Bullet, DatePoint, DateRange, Entry, ResumeDocument, Section, SectionKind, Span } from '../model/types';
import { positionToOffset } from '../positions';
import { compareWords } from '../spelling/casing';
import { ruleById } from '../rules/index';
import { entryName } from './symbols';
import type { EducationSummary, EntrySummary, RangeSummary, ResumeSummary, SkillMention } from '../../protocol';

export type { EducationSummary, EntrySummary, RangeSummary, ResumeSummary, SkillMention } from '../../protocol';

/** Section kinds whose entries count as work experience. */
const EXPERIENCE_KINDS: ReadonlySet<SectionKind> = new Set(['experience']);

// ---------------------------------------------------------------------------------------------
// Dates

function shortMonth(month: number): string {
  return MONTH_NAMES[month - 1].slice(0, 3);
}

/** `Sep 2021` for an absolute month number. */
export function formatMonth(absolute: number): string {
  return `${shortMonth((absolute % 12) + 1)} ${Math.floor(absolute / 12)}`;
}

/** A date point as vita writes it: `Sep 2021`, `Aug 15, 2018`, `2019`, `Summer 2020`, `Present`. */
export function formatPoint(point: DatePoint): string {
  if (point.open) return 'Present';
  if (point.invalid || point.year === undefined) return point.text.replace(/\s+/g, ' ').trim();
  if (point.approximate) return point.text.replace(/\s+/g, ' ').replace(/[’]/g, "'").trim();
  if (point.month !== undefined && point.day !== undefined) return `${shortMonth(point.month)} ${point.day}, ${point.year}`;
  if (point.month !== undefined) return `${shortMonth(point.month)} ${point.year}`;
  return String(point.year);
}

/** The facts about one date range: normalised text, duration, whether it is ongoing or approximate. */
export function summarizeRange(range: DateRange, today: CalendarDate): RangeSummary {
  const single = !range.end && !range.open;
  const text = single ? formatPoint(range.start) : `${formatPoint(range.start)} – ${range.end ? formatPoint(range.end) : 'Present'}`;
  const months = durationMonths(range, today);
  const summary: RangeSummary = {
    text,
    ongoing: range.open,
    approximate: range.start.approximate === true || range.end?.approximate === true,
    single,
    expected: range.expected,
  };
  if (months !== undefined) {
    summary.months = months;
    summary.duration = formatDuration(months);
  }
  return summary;
}

/** The months an entry covers: its own range, else its sub-entries' ranges (as PDF layouts nest them). */
export function entryIntervals(entry: Entry, today: CalendarDate): MonthInterval[] {
  if (entry.dateRange) {
    const own = rangeMonths(entry.dateRange, today);
    if (own) return [own];
  }
  return entry.children.flatMap((child) => entryIntervals(child, today));
}

/** The entry, or one of its sub-entries, runs to Present. */
export function isOngoing(entry: Entry): boolean {
  return entry.dateRange ? entry.dateRange.open : entry.children.some(isOngoing);
}

function isApproximate(entry: Entry): boolean {
  const range = entry.dateRange;
  if (range) return range.start.approximate === true || range.end?.approximate === true;
  return entry.children.some(isApproximate);
}

/** Earliest start – latest end of some intervals, their union in months. */
export function coverage(intervals: readonly MonthInterval[], ongoing: boolean): { text: string; months: number; duration: string } | undefined {
  if (intervals.length === 0) return undefined;
  // Loops, not `Math.min(...spread)`: a big document has more intervals than the call stack has room for.
  let first = Infinity;
  let last = -Infinity;
  for (const interval of intervals) {
    first = Math.min(first, interval.first);
    last = Math.max(last, interval.last);
  }
  const months = unionMonths(intervals);
  return { text: `${formatMonth(first)} – ${ongoing ? 'Present' : formatMonth(last)}`, months, duration: formatDuration(months) };
}

function entryRange(entry: Entry, today: CalendarDate): (RangeSummary & { derived?: boolean }) | undefined {
  if (entry.dateRange) return summarizeRange(entry.dateRange, today);
  const intervals = entryIntervals(entry, today);
  const covered = coverage(intervals, isOngoing(entry));
  if (!covered) return undefined;
  return {
    text: covered.text,
    months: covered.months,
    duration: covered.duration,
    ongoing: isOngoing(entry),
    approximate: isApproximate(entry),
    single: false,
    expected: false,
    derived: true,
  };
}

/** Every bullet of an entry, its sub-entries' included. */
export function entryBullets(entry: Entry): Bullet[] {
  return [...entry.bullets, ...entry.children.flatMap(entryBullets)];
}

// ---------------------------------------------------------------------------------------------
// Findings

/** Rule-id prefixes of rules not (yet) in the registry, to the kind users see. */
const PREFIX_KINDS: Readonly<Record<string, string>> = {
  spelling: 'spelling',
  date: 'dates',
  dates: 'dates',
  bullet: 'formatting',
  format: 'formatting',
  formatting: 'formatting',
  whitespace: 'formatting',
  style: 'style',
  contact: 'contact',
  heading: 'structure',
  section: 'structure',
};

/** The kind of a finding: the first tag of its rule, else what its rule id starts with. */
export function findingKind(code: string): string {
  const rule = ruleById(code);
  if (rule && rule.tags.length > 0) return rule.tags[0];
  const prefix = code.split('-')[0];
  return PREFIX_KINDS[prefix] ?? prefix;
}

/**
 * Findings counted by kind, within `span` when given: errors, warnings and infos — what the editor's Problems panel
 * lists and `vita check` counts as problems. Hints (the editor's faint dots) are counted apart ({@link countHints}).
 */
export function countFindings(doc: ResumeDocument, diagnostics: readonly Diagnostic[], span?: Span): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 4) continue;
    if (span) {
      const at = positionToOffset(doc.lines, diagnostic.range.start);
      if (at < span.start || at >= span.end) continue;
    }
    const kind = diagnostic.code === undefined ? 'other' : findingKind(String(diagnostic.code));
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** `spelling 3, formatting 1`, most first. */
export function formatFindings(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || compareWords(a[0], b[0]))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// Skills

function plain(text: string): string {
  return text.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
}

/** The items a skills line lists: what follows a `Label:` split on commas, semicolons and bullets. */
function skillItemsOf(text: string): string[] {
  let line = plain(text);
  const colon = line.indexOf(':');
  if (colon >= 0) line = line.slice(colon + 1);
  return line
    .split(/[,;•·|]|:\s/)
    .map((item) =>
      item
        .replace(/^\s*(?:and|&)\s+/i, '')
        .replace(/\s*\betc\.?$/i, '')
        .replace(/[.\s]+$/, '')
        .trim(),
    )
    .filter((item) => item.length > 0 && item.length <= 40 && /\p{L}/u.test(item) && item.split(' ').length <= 4);
}

/** The skills listed in skills sections, first spelling kept, in order of listing. */
export function listedSkills(doc: ResumeDocument): string[] {
  const seen = new Map<string, string>();
  const add = (text: string) => {
    for (const item of skillItemsOf(text)) if (!seen.has(item.toLowerCase())) seen.set(item.toLowerCase(), item);
  };
  const addEntry = (entry: Entry) => {
    add(entry.title.text);
    for (const bullet of entry.bullets) add(bullet.content.text);
    for (const paragraph of entry.paragraphs) add(paragraph.text);
    entry.children.forEach(addEntry);
  };
  for (const section of doc.sections) {
    if (section.kind !== 'skills') continue;
    for (const bullet of section.bullets) add(bullet.content.text);
    for (const paragraph of section.paragraphs) add(paragraph.text);
    section.entries.forEach(addEntry);
  }
  return [...seen.values()];
}

/** The texts of the document's nodes (header lines, titles, bullets, paragraphs), each once. */
function nodeTexts(doc: ResumeDocument): string[] {
  const texts: string[] = doc.header.lines.map((line) => line.text);
  for (const bullet of doc.bullets) texts.push(bullet.content.text);
  const addEntry = (entry: Entry) => {
    texts.push(entry.title.text);
    for (const paragraph of entry.paragraphs) texts.push(paragraph.text);
    entry.children.forEach(addEntry);
  };
  for (const section of doc.sections) {
    for (const paragraph of section.paragraphs) texts.push(paragraph.text);
    section.entries.forEach(addEntry);
  }
  return texts;
}

const ALNUM = /[\p{L}\p{N}]/u;

/** Case-insensitive mentions of `skill` in `text` as a whole term (`Go` is not in `Golang`, `C` not in `C++`). */
function countMentions(text: string, skill: string): number {
  let count = 0;
  const endsAlnum = ALNUM.test(skill[skill.length - 1]);
  for (let at = text.indexOf(skill); at >= 0; at = text.indexOf(skill, at + 1)) {
    const before = at > 0 ? text[at - 1] : ' ';
    const after = at + skill.length < text.length ? text[at + skill.length] : ' ';
    if (ALNUM.test(before)) continue;
    if (endsAlnum ? ALNUM.test(after) || after === '+' || after === '#' : after === '+' || after === '#') continue;
    count++;
  }
  return count;
}

/** The skills listed in skills sections, by mentions across the whole document (case-insensitive). */
export function topSkills(doc: ResumeDocument, limit = 3): SkillMention[] {
  const skills = listedSkills(doc);
  if (skills.length === 0) return [];
  const texts = nodeTexts(doc).map((text) => text.toLowerCase());
  return skills
    .map((skill, order) => {
      const key = skill.toLowerCase();
      return { skill, mentions: texts.reduce((n, text) => n + countMentions(text, key), 0), order };
    })
    .sort((a, b) => b.mentions - a.mentions || a.order - b.order)
    .slice(0, limit)
    .map(({ skill, mentions }) => ({ skill, mentions }));
}

// ---------------------------------------------------------------------------------------------
// Entries and the whole

/** Organisation names compared: case, punctuation, parentheses and legal suffixes ignored. */
export function normaliseOrganisation(text: string): string {
  return plain(text)
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}\s&]/gu, ' ')
    .replace(/\b(?:inc|incorporated|corp|corporation|ltd|limited|llc|plc|gmbh|co|company|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function summarizeEntry(doc: ResumeDocument, section: Section, entry: Entry, today: CalendarDate, dateSpans: readonly Span[]): EntrySummary {
  const bullets = entryBullets(entry);
  const summary: EntrySummary = {
    section: plain(section.heading.text),
    sectionKind: section.kind,
    name: entryName(entry),
    bullets: bullets.length,
    quantified: bullets.filter((bullet) => hasFigure(bullet.content.text, dateSpans, bullet.content.start)).length,
    line: lineAt(doc.lines, entry.title.start),
    children: entry.children.map((child) => summarizeEntry(doc, section, child, today, dateSpans)),
  };
  if (entry.organisation) summary.organisation = plain(entry.organisation.text);
  if (entry.role && entry.role.text !== entry.organisation?.text) summary.role = plain(entry.role.text);
  if (entry.location) summary.location = plain(entry.location.text);
  const range = entryRange(entry, today);
  if (range) summary.range = range;
  return summary;
}

/** The résumé at a glance. `diagnostics` (the document's, as the server or CLI computed them) feed `findings`. */
export function summarize(doc: ResumeDocument, context: ServiceContext, diagnostics: readonly Diagnostic[] = []): ResumeSummary {
  const today = context.options.today;
  const dateSpans = datePointSpans(doc);
  const intervals: MonthInterval[] = [];
  const employers = new Set<string>();
  let roles = 0;
  const education: EducationSummary[] = [];
  const entries: EntrySummary[] = [];
  for (const section of doc.sections) {
    for (const entry of section.entries) {
      entries.push(summarizeEntry(doc, section, entry, today, dateSpans));
      if (EXPERIENCE_KINDS.has(section.kind)) {
        // An organisation heading over its roles (`### Acme` / `#### Tech Lead` …) counts its roles, not itself.
        const group = entry.children.length > 0 && !entry.dateRange && entry.organisation !== undefined && entry.children.every((child) => child.organisation === entry.organisation);
        roles += group ? entry.children.length : 1;
        for (const interval of entryIntervals(entry, today)) intervals.push(interval);
        const organisation = normaliseOrganisation(entry.organisation?.text ?? entry.title.text);
        if (organisation) employers.add(organisation);
      } else if (section.kind === 'education') {
        const item: EducationSummary = {};
        if (entry.role) item.degree = plain(entry.role.text);
        if (entry.organisation) item.organisation = plain(entry.organisation.text);
        if (!item.degree && !item.organisation) item.organisation = entryName(entry);
        if (entry.dateRange) item.range = summarizeRange(entry.dateRange, today);
        education.push(item);
      }
    }
  }
  const experienceMonths = unionMonths(intervals);
  const words = doc.words.length;
  const wordsPerPage = context.options.summary.wordsPerPage;
  const findings = countFindings(doc, diagnostics);
  const summary: ResumeSummary = {
    experienceMonths,
    experience: formatDuration(experienceMonths),
    roles,
    employers: employers.size,
    education,
    words,
    wordsPerPage,
    pages: Math.round((words / wordsPerPage) * 10) / 10,
    findings,
    findingsTotal: Object.values(findings).reduce((a, b) => a + b, 0),
    hints: countHints(diagnostics),
    topSkills: topSkills(doc),
    entries,
  };
  if (doc.header.name) summary.name = plain(doc.header.name.text);
  return summary;
}

/** Hints (severity 4): the writing hints the editor shows as faint dots, counted apart from the findings. */
export function countHints(diagnostics: readonly Diagnostic[]): number {
  let hints = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === 4) hints++;
  return hints;
}

// ---------------------------------------------------------------------------------------------
// Text forms

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `Sep 2021 – Sep 2025 · 4 yrs 1 mo`, with `(ongoing)` and `≈` where they apply. */
export function formatRangeSummary(range: RangeSummary, bold = false): string {
  const text = bold ? `**${range.text}**` : range.text;
  if (!range.duration) return text;
  const approx = range.approximate ? '≈ ' : '';
  return `${text} · ${approx}${range.duration}${range.ongoing ? ' (ongoing)' : ''}`;
}

export function formatEducation(item: EducationSummary): string {
  const what = [item.degree, item.organisation].filter(Boolean).join(', ');
  return item.range ? `${what} (${item.range.text})` : what;
}

/** The header facts, one line each (no Markdown bullets): used by the hover, the command and the CLI. */
export function summaryLines(summary: ResumeSummary): string[] {
  const counted = `${plural(summary.roles, 'role')} at ${plural(summary.employers, 'employer')}`;
  // Roles without dates add up to no time: say so, rather than "0 mos".
  const lines = [
    summary.roles === 0
      ? 'Work experience: no roles found'
      : summary.experienceMonths === 0
        ? `Work experience: no dates to add up (${counted})`
        : `Work experience: ${summary.experience} (${counted}; overlaps counted once)`,
  ];
  if (summary.education.length > 0) lines.push(`Education: ${summary.education.map(formatEducation).join('; ')}`);
  lines.push(`${plural(summary.words, 'word')} · ≈ ${summary.pages} ${summary.pages === 1 ? 'page' : 'pages'} (${summary.wordsPerPage} words a page)`);
  const hints = summary.hints > 0 ? `; ${summary.hints} ${summary.hints === 1 ? 'hint' : 'hints'}` : '';
  lines.push(summary.findingsTotal > 0 ? `Findings: ${summary.findingsTotal} (${formatFindings(summary.findings)})${hints}` : `Findings: none${hints}`);
  if (summary.topSkills.length > 0) lines.push(`Top skills: ${summary.topSkills.map((s) => `${s.skill} (${s.mentions})`).join(', ')}`);
  return lines;
}

/** One entry on one line: `Alibaba Group · Software Engineer Intern · Jun 2020 – Dec 2020 · 7 mos · 4 bullets, 3 quantified`. */
export function formatEntryLine(entry: EntrySummary): string {
  const parts = [entry.name];
  if (entry.role) parts.push(entry.role);
  if (entry.range) parts.push(formatRangeSummary(entry.range));
  parts.push(`${plural(entry.bullets, 'bullet')}, ${entry.quantified} quantified`);
  return parts.join(' · ');
}

/** The summary as a Markdown document: the header facts, then every entry with its duration, by section. */
export function summaryMarkdown(summary: ResumeSummary, title = 'Résumé summary'): string {
  const out = [`# ${summary.name ? `${summary.name} — ` : ''}${title}`, '', ...summaryLines(summary).map((line) => `- ${line}`)];
  let section: string | undefined;
  const addEntry = (entry: EntrySummary, depth: number) => {
    out.push(`${'  '.repeat(depth)}- ${formatEntryLine(entry).replace(/^([^·]+)/, (name) => `**${name.trim()}** `).trimEnd()}`);
    for (const child of entry.children) addEntry(child, depth + 1);
  };
  for (const entry of summary.entries) {
    if (entry.section !== section) {
      section = entry.section;
      out.push('', `## ${section}`, '');
    }
    addEntry(entry, 0);
  }
  return `${out.join('\n')}\n`;
}

/** The summary as plain text for the CLI. */
export function summaryText(summary: ResumeSummary): string[] {
  const out: string[] = [];
  if (summary.name) out.push(`  ${summary.name}`);
  out.push(...summaryLines(summary).map((line) => `  ${line}`));
  let section: string | undefined;
  const addEntry = (entry: EntrySummary, depth: number) => {
    out.push(`${'  '.repeat(depth + 2)}${formatEntryLine(entry)}  [${entry.line + 1}]`);
    for (const child of entry.children) addEntry(child, depth + 1);
  };
  for (const entry of summary.entries) {
    if (entry.section !== section) {
      section = entry.section;
      out.push(`  ${section}`);
    }
    addEntry(entry, 0);
  }
  return out;
}
