/**
 * The CLI's text output: findings as `path:line:col severity rule-id message`, coloured on a terminal, and the
 * closing summary line ("9 problems (1 error, 5 warnings, 3 infos) · 4 fixable with --fix").
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { printable } from '../host/files';

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'] as const;

/** ANSI styles, or nothing when colour is off. */
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
export const COLOURS: Palette = { red: style(31, 39), yellow: style(33, 39), blue: style(34, 39), green: style(32, 39), dim: style(2, 22), bold: style(1, 22), underline: style(4, 24) };
const same = (text: string) => text;
export const NO_COLOURS: Palette = { red: same, yellow: same, blue: same, green: same, dim: same, bold: same, underline: same };

/**
 * Whether to colour: `--color`/`--no-color` win, then `NO_COLOR` (any value but empty: off) and `FORCE_COLOR`
 * (`0`/`false`: off, anything else: on), then whether the stream is a terminal.
 */
export function useColour(flag: boolean | undefined, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !(env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false');
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Whether a diagnostic carries a fix Fix All and `--fix` apply. */
export function isFixable(diagnostic: Diagnostic): boolean {
  const fixes = (diagnostic.data as { fixes?: { safe?: boolean }[] } | undefined)?.fixes;
  return Array.isArray(fixes) && fixes.some((fix) => fix.safe === true);
}

/** One finding as a line of text. */
export function findingLine(file: string, d: Diagnostic, palette: Palette): string {
  const severity = SEVERITY_NAMES[d.severity ?? 2] ?? 'warning';
  const coloured = severity === 'error' ? palette.red(severity) : severity === 'warning' ? palette.yellow(severity) : severity === 'info' ? palette.blue(severity) : palette.dim(severity);
  const suggestions = typeof d.code === 'string' && d.code.startsWith('spelling') ? (d.data as { suggestions?: string[] } | undefined)?.suggestions : undefined;
  const hint = d.code === 'spelling' && suggestions && suggestions.length > 0 ? palette.dim(` (${suggestions.slice(0, 3).join(', ')}?)`) : '';
  const where = `${printable(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
  return `${palette.dim(where)} ${coloured} ${palette.dim(String(d.code))} ${printable(typeof d.message === 'string' ? d.message : d.message.value)}${hint}`;
}

export interface Tally {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixable: number;
}

export function tally(diagnostics: Iterable<Diagnostic>, into: Tally = { errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0 }): Tally {
  for (const d of diagnostics) {
    const severity = d.severity ?? 2;
    if (severity === 1) into.errors++;
    else if (severity === 2) into.warnings++;
    else if (severity === 3) into.infos++;
    else into.hints++;
    if (severity <= 3 && isFixable(d)) into.fixable++;
  }
  return into;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The closing line: problems are errors, warnings and infos (what the editor's Problems panel lists); hints are
 * counted apart, and named only when they are hidden.
 */
export function summaryLine(t: Tally, files: number, options: { hintsShown: boolean; fixing: boolean; quiet: boolean }, palette: Palette): string {
  const problems = options.quiet ? t.errors : t.errors + t.warnings + t.infos;
  const inFiles = `in ${plural(files, 'file')}`;
  const hints = t.hints === 0 ? '' : options.hintsShown ? ` · ${plural(t.hints, 'hint')}` : palette.dim(` · ${plural(t.hints, 'hint')} not shown (--hints)`);
  if (problems === 0) return `${palette.green('✔')} no problems ${inFiles}${hints}`;
  const parts = options.quiet ? [plural(t.errors, 'error')] : [plural(t.errors, 'error'), plural(t.warnings, 'warning'), plural(t.infos, 'info')];
  const mark = t.errors > 0 ? palette.red('✖') : palette.yellow('⚠');
  let line = `${mark} ${palette.bold(plural(problems, 'problem'))} (${parts.join(', ')}) ${inFiles}`;
  if (t.fixable > 0 && !options.fixing) line += ` · ${t.fixable} fixable with --fix`;
  return line + hints;
}
