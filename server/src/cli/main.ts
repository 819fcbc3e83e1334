/**
 * `vita`: the command line face of vita, on the same service and host as the language server. Argument parsing,
 * the commands, their output and exit codes live here; what a file's options, spelling and size gate are comes from
 * the host (`host/host.ts`), and every check, fix and format from the pure service.
 */
import { readSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import type { Diagnostic } from 'vscode-languageserver-types';
import { decodeText, FileReadError, notTextReason, printable, readRegularFile } from '../host/files';
import { createHost, type FileSetup, type Host } from '../host/host';
import { removeTemporaryFilesOnSignal, writeFileAtomic, WriteRefused, type FileStamp } from '../host/writeAtomic';
import { formatOutline } from '../service/features/symbols';
import { JsonSyntaxError, jobFormatOf, matchJson, matchResume, matchText, parseJob, type JobDescription } from '../service/match/index';
import { allRules, createResumeService, type ResumeDocument, summaryText, timelineHtml, withSpellingSuggestions } from '../service/index';
import { offsetToPosition } from '../service/positions';
import { parseCalendarDate } from '../service/settings';
import { SPELLING_LANGUAGES } from '../service/context';
import { VERSION } from '../version';
import { expandArguments, type Input } from './inputs';
import { COLOURS, findingLine, NO_COLOURS, type Palette, summaryLine, tally, useColour } from './output';
import { sarifLog } from './sarif';

/** A mistake in how vita was called: one line on stderr, exit 2, nothing checked. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string; value?: string; description: string };

interface Command {
  synopsis: string;
  description: string;
  options: Record<string, OptionSpec>;
  notes?: string;
  run(values: Record<string, string | boolean | undefined>, files: string[]): number | Promise<number>;
}

const FILES_NOTE = `FILE may be a file, a folder (searched for resume.md, cv.md, *.resume, *.cv.md… and the "files" globs of
.vita/config.json; node_modules and .git skipped), a quoted glob ("cv/**/*.md"), or - for standard input.
Settings come from the nearest .vita/config.json above each file (the editor's vita.* settings without
"vita."); options given here win over it.`;

const COMMON = {
  today: { type: 'string', value: 'YYYY-MM-DD', description: 'the date vita treats as today (default: the system date)' },
  language: { type: 'string', value: 'en-US|en-GB', description: 'the English spelling suggestions come from' },
  stdinFilepath: { type: 'string', value: 'PATH', description: 'the path standard input (-) stands for: its config and its name in the output' },
  color: { type: 'boolean', description: 'colour the output (default: on a terminal, unless NO_COLOR is set)' },
  noColor: { type: 'boolean', description: 'never colour the output' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} satisfies Record<string, OptionSpec>;

const COMMANDS: Record<string, Command> = {
  check: {
    synopsis: 'vita check [options] FILE...',
    description: 'Report spelling, date, formatting and style findings. Exit 0 when no error is found, 1 when one is\n(or when warnings exceed --max-warnings), 2 on a usage or I/O error.',
    options: {
      fix: { type: 'boolean', description: 'apply every safe fix (form only: spacing, glyphs, casing, date style) and write the file' },
      'fix-dry-run': { type: 'boolean', description: 'show the fixes --fix would make; change nothing' },
      diff: { type: 'boolean', description: 'with --fix or --fix-dry-run: print the changes as a unified diff' },
      format: { type: 'string', value: 'text|json|sarif', description: 'output format (default: text)' },
      quiet: { type: 'boolean', short: 'q', description: 'report errors only' },
      'max-warnings': { type: 'string', value: 'N', description: 'exit 1 when there are more than N warnings' },
      hints: { type: 'boolean', description: 'show hints too (the editor shows them as faint dots)' },
      today: COMMON.today,
      language: COMMON.language,
      'stdin-filepath': COMMON.stdinFilepath,
      color: COMMON.color,
      'no-color': COMMON.noColor,
      help: COMMON.help,
    },
    notes: FILES_NOTE,
    run: check,
  },
  format: {
    synopsis: 'vita format [--write|--check] [options] FILE...',
    description: 'Format Document from the command line: bullet markers, dates in the document\'s own style, spaces and\nblank lines; never a word outside a date. Prints the formatted text of one FILE unless --write or --check.',
    options: {
      write: { type: 'boolean', short: 'w', description: 'format the files in place' },
      check: { type: 'boolean', description: 'exit 1 when a file is not formatted; change nothing' },
      diff: { type: 'boolean', description: 'print what formatting would change, as a unified diff' },
      'bullet-marker': { type: 'string', value: 'keep|-|*|•', description: 'the bullet marker to write (as vita.format.bulletMarker)' },
      'stdin-filepath': COMMON.stdinFilepath,
      help: COMMON.help,
    },
    notes: FILES_NOTE,
    run: format,
  },
  outline: {
    synopsis: 'vita outline [--format text|json] FILE...',
    description: 'Print sections › entries as a tree (JSON: LSP DocumentSymbols).',
    options: {
      format: { type: 'string', value: 'text|json', description: 'output format (default: text)' },
      'stdin-filepath': COMMON.stdinFilepath,
      help: COMMON.help,
    },
    notes: FILES_NOTE,
    run: outline,
  },
  summary: {
    synopsis: 'vita summary [--format text|json|html] [options] FILE...',
    description:
      'Print experience, entries with durations, words, pages, findings and top skills. --format html prints a page\nwith a timeline of each résumé: every dated entry a bar, overlaps and gaps between jobs marked, today a line.',
    options: {
      format: { type: 'string', value: 'text|json|html', description: 'output format (default: text)' },
      today: COMMON.today,
      language: COMMON.language,
      'stdin-filepath': COMMON.stdinFilepath,
      help: COMMON.help,
    },
    notes: FILES_NOTE,
    run: summary,
  },
  match: {
    synopsis: 'vita match --job JOB [--format text|json] FILE...',
    description:
      'Match each résumé against a job description (job.md, *.job.md, *.job.txt, or a JSON Resume job.json): which of\nthe job\'s requirements the résumé shows in an entry, a bullet or a summary (evidenced), only lists among its skills\n(listed), or lacks (missing); coverage is the share of required terms evidenced, a listed one counting half.\nExit 0; 2 on a usage or I/O error.',
    options: {
      job: { type: 'string', value: 'JOB', description: 'the job description: Markdown, text, or a JSON Resume job file (.json)' },
      format: { type: 'string', value: 'text|json', description: 'output format (default: text)' },
      'stdin-filepath': COMMON.stdinFilepath,
      color: COMMON.color,
      'no-color': COMMON.noColor,
      help: COMMON.help,
    },
    notes: FILES_NOTE,
    run: match,
  },
  lsp: {
    synopsis: 'vita lsp [--stdio|--node-ipc|--socket=PORT]',
    description: 'Run the language server, for any editor that speaks LSP (standard input and output by default).',
    options: {},
    run: () => -1,
  },
};

function usage(): string {
  const lines = [
    `vita ${VERSION} — a language server and checker for résumés`,
    '',
    'Usage:',
    ...Object.values(COMMANDS).map((command) => `  ${command.synopsis}`),
    '  vita help [COMMAND]',
    '  vita --version',
    '',
    FILES_NOTE,
    '',
    'Run "vita help COMMAND" (or "vita COMMAND --help") for the options of a command.',
  ];
  return lines.join('\n');
}

function commandHelp(name: string): string {
  const command = COMMANDS[name];
  const rows = Object.entries(command.options).map(([key, spec]) => [`${spec.short ? `-${spec.short}, ` : '    '}--${key}${spec.value ? ` ${spec.value}` : ''}`, spec.description]);
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return [
    `Usage: ${command.synopsis}`,
    '',
    command.description,
    ...(rows.length > 0 ? ['', 'Options:', ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)] : []),
    ...(command.notes ? ['', command.notes] : []),
  ].join('\n');
}

/** Parses a command's options strictly: an unknown option or a missing value is a usage error naming it. */
function parseCommand(name: string, args: string[]): { values: Record<string, string | boolean | undefined>; files: string[] } {
  const command = COMMANDS[name];
  const options = Object.fromEntries(Object.entries(command.options).map(([key, spec]) => [key, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }]));
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, files: positionals };
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]} for "vita ${name}"`, name);
    const missing = /Option '([^']+)' argument missing/.exec(message) ?? /Option '(?:-\w, )?(--[^ ']+)[^']*' argument missing/.exec(message);
    if (missing) throw new UsageError(`option ${missing[1]} needs a value`, name);
    throw new UsageError(message.split('\n')[0].replace(/\. To specify a positional.*$/, ''), name);
  }
}

/** `--format` among the allowed values. */
function formatOf(values: Record<string, unknown>, allowed: string[], command: string): string {
  const format = (values.format as string | undefined) ?? 'text';
  if (!allowed.includes(format)) throw new UsageError(`--format must be ${allowed.join(', ').replace(/, ([^,]+)$/, ' or $1')} (got "${format}")`, command);
  return format;
}

/** Settings given on the command line (`--today`, `--language`), checked here: a bad value stops before any check. */
function explicitSettings(values: Record<string, unknown>, command: string): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  if (typeof values.today === 'string') {
    if (!parseCalendarDate(values.today)) throw new UsageError(`--today must be a date like 2026-03-31 (got "${values.today}")`, command);
    settings.dates = { today: values.today };
  }
  if (typeof values.language === 'string') {
    if (!(SPELLING_LANGUAGES as readonly string[]).includes(values.language)) throw new UsageError(`--language must be ${SPELLING_LANGUAGES.join(' or ')} (got "${values.language}")`, command);
    settings.spelling = { language: values.language };
  }
  if (typeof values['bullet-marker'] === 'string') {
    const marker = values['bullet-marker'];
    if (!['keep', '-', '*', '•'].includes(marker)) throw new UsageError(`--bullet-marker must be keep, -, * or • (got "${marker}")`, command);
    settings.format = { bulletMarker: marker };
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Reading the inputs

/** A file read and parsed, with its setup. */
interface Loaded {
  /** How the file is named in the output: as given, or `--stdin-filepath`, or `<stdin>`. */
  name: string;
  /** The path to write back to (none for standard input). */
  path?: string;
  stamp?: FileStamp;
  setup: FileSetup;
  doc: ResumeDocument;
}

interface Session {
  host: Host;
  service: ReturnType<typeof createResumeService>;
  /** Set when anything could not be read or written: exit 2. */
  ioError: boolean;
}

function newSession(): Session {
  const host = createHost({
    onProblem: (message) => process.stderr.write(`vita: ${printable(message)}\n`),
    onRuleError: (ruleId, error) => process.stderr.write(`vita: rule ${ruleId} failed and was skipped: ${printable(error instanceof Error ? error.message : String(error))}\n`),
  });
  return { host, service: createResumeService(), ioError: false };
}

/** Reads every input named; what cannot be read, or is not text, is named on stderr (once) and left out. */
function loadInputs(session: Session, files: string[], values: Record<string, unknown>, explicit: unknown, command: string): Loaded[] {
  if (files.length === 0) throw new UsageError(`"vita ${command}" needs at least one FILE (or - for standard input)`, command);
  const stdinPath = typeof values['stdin-filepath'] === 'string' ? values['stdin-filepath'] : undefined;
  const { inputs, problems } = expandArguments(files);
  for (const problem of problems) {
    process.stderr.write(`vita: ${printable(problem)}\n`);
    session.ioError = true;
  }
  const loaded: Loaded[] = [];
  const reported = new Set<string>();
  inputs.forEach((input: Input, index) => {
    const name = input.kind === 'stdin' ? (stdinPath ?? '<stdin>') : input.path;
    const path = input.kind === 'file' ? input.path : undefined;
    const setup = session.host.setup({ path: path ?? stdinPath ?? join(process.cwd(), '<stdin>') }, explicit);
    for (const problem of setup.problems) {
      if (reported.has(problem)) continue;
      reported.add(problem);
      process.stderr.write(`vita: ${printable(problem)}\n`);
    }
    // A file can hold at most 3 UTF-8 bytes per UTF-16 unit: beyond 3 × maxFileSize bytes it is surely too large.
    const maxBytes = setup.options.maxFileSize * 3 + 3;
    let text: string;
    let stamp: FileStamp | undefined;
    try {
      const read: { bytes: Buffer; truncated: boolean; size?: number; mtimeMs?: number } = input.kind === 'stdin' ? readStdin(maxBytes) : readRegularFile(input.path, maxBytes);
      if (read.truncated) {
        process.stderr.write(`vita: ${printable(name)} is larger than maxFileSize (${setup.options.maxFileSize} characters); not checked\n`);
        return;
      }
      const notText = notTextReason(read.bytes);
      if (notText) {
        process.stderr.write(`vita: ${printable(name)} ${notText}; skipped\n`);
        return;
      }
      text = decodeText(read.bytes);
      if (read.size !== undefined && read.mtimeMs !== undefined) stamp = { size: read.size, mtimeMs: read.mtimeMs };
    } catch (error) {
      const reason = error instanceof FileReadError ? error.reason : (error as Error).message;
      process.stderr.write(`vita: cannot read ${printable(name)}: ${printable(reason)}\n`);
      session.ioError = true;
      return;
    }
    if (!session.host.withinSizeLimit(text.length, setup.options)) {
      process.stderr.write(`vita: ${printable(name)} has ${text.length} characters, more than maxFileSize (${setup.options.maxFileSize}); not checked\n`);
      return;
    }
    const doc = session.service.parse({ uri: `input-${index}`, version: 0, getText: () => text });
    loaded.push({ name, ...(path ? { path } : {}), ...(stamp ? { stamp } : {}), setup, doc });
  });
  return loaded;
}

/** Standard input, whole (at most `maxBytes` and a byte more, to know it was longer). */
function readStdin(maxBytes: number): { bytes: Buffer; truncated: boolean } {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(65536);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking pipe with nothing yet: wait a little rather than spin a core.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > maxBytes) return { bytes: Buffer.concat(chunks), truncated: true };
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}

/** Writes a file back; a refusal or failure is named on stderr and makes the exit code 2. */
function writeBack(session: Session, file: Loaded, text: string): boolean {
  try {
    writeFileAtomic(file.path!, text, file.stamp);
    return true;
  } catch (error) {
    const reason = error instanceof WriteRefused ? error.message : `cannot write ${file.name}: ${(error as Error).message}`;
    process.stderr.write(`vita: ${printable(reason)}\n`);
    session.ioError = true;
    return false;
  }
}

function unifiedDiff(name: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, '', '', { context: 3 }).replace(/^=+\n/, '');
}

// ---------------------------------------------------------------------------------------------
// The commands

async function check(values: Record<string, string | boolean | undefined>, files: string[]): Promise<number> {
  const format = formatOf(values, ['text', 'json', 'sarif'], 'check');
  const explicit = explicitSettings(values, 'check');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run do not go together', 'check');
  if (values.diff && !values.fix && !values['fix-dry-run']) throw new UsageError('--diff goes with --fix or --fix-dry-run', 'check');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(String(values['max-warnings']))) throw new UsageError(`--max-warnings must be a whole number, 0 or more (got "${values['max-warnings']}")`, 'check');
  }
  if (values.fix && files.includes('-')) throw new UsageError('--fix cannot write standard input; use --fix-dry-run --diff, or "vita format -"', 'check');
  const palette: Palette = useColour(values.color ? true : values['no-color'] ? false : undefined, process.stdout) ? COLOURS : NO_COLOURS;
  const session = newSession();
  const fixing = values.fix === true || values['fix-dry-run'] === true;
  const output: { file: string; diagnostics: Diagnostic[] }[] = [];
  const fixLines: string[] = [];
  const loaded = loadInputs(session, files, values, explicit, 'check');
  for (const file of loaded) {
    // A turn of the event loop between files: Ctrl-C stops a long run between two files, never inside a write.
    await nextTurn();
    let { doc } = file;
    const context = session.host.context(file.setup);
    if (fixing) {
      const fixed = session.service.fixAll(doc, context);
      if (fixed.text !== doc.text) {
        const before = doc.text;
        if (values.diff) fixLines.push(unifiedDiff(file.name, before, fixed.text));
        else {
          for (const fix of [...fixed.fixes].sort((a, b) => a.start - b.start)) {
            const at = offsetToPosition(doc.lines, fix.start);
            fixLines.push(`${palette.dim(`${printable(file.name)}:${at.line + 1}:${at.character + 1}`)} ${palette.green(values.fix ? 'fixed' : 'would fix')} ${palette.dim(fix.rule)} ${printable(fix.title)}`);
          }
        }
        if (!values.fix || writeBack(session, file, fixed.text)) doc = session.service.parse({ uri: `${file.name}#fixed`, version: 0, getText: () => fixed.text });
      }
    }
    const diagnostics = session.service.diagnostics(doc, context);
    // The public contract of every output: each spelling finding carries `data.suggestions`, best first.
    const engine = session.host.spelling(file.setup);
    if (engine) withSpellingSuggestions(diagnostics, (word) => engine.suggest(word));
    output.push({ file: file.name, diagnostics: values.quiet ? diagnostics.filter((d) => d.severity === 1) : diagnostics });
  }
  const all = tally(output.flatMap((entry) => entry.diagnostics));
  if (format === 'sarif') {
    // The rules' configured levels: those of the first file's settings (a run has one configuration).
    const rulesSetting = loaded[0]?.setup.options.rules ?? {};
    process.stdout.write(`${JSON.stringify(sarifLog(allRules, rulesSetting, output, VERSION), null, 2)}\n`);
  } else if (format === 'json') {
    if (fixLines.length > 0) process.stderr.write(`${fixLines.join('\n')}\n`);
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const lines = [...fixLines];
    for (const { file, diagnostics } of output) {
      for (const d of diagnostics) if ((d.severity ?? 2) <= 3 || values.hints) lines.push(findingLine(file, d, palette));
    }
    lines.push(summaryLine(all, output.length, { hintsShown: values.hints === true, fixing: values.fix === true, quiet: values.quiet === true }, palette));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (session.ioError) return 2;
  if (all.errors > 0) return 1;
  if (maxWarnings !== undefined && all.warnings > maxWarnings) {
    process.stderr.write(`vita: ${all.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

async function format(values: Record<string, string | boolean | undefined>, files: string[]): Promise<number> {
  const explicit = explicitSettings(values, 'format');
  if (values.write && values.check) throw new UsageError('--write and --check do not go together', 'format');
  if (values.write && files.includes('-')) throw new UsageError('--write cannot write standard input; "vita format -" prints the formatted text', 'format');
  const printing = !values.write && !values.check && !values.diff;
  const session = newSession();
  const loaded = loadInputs(session, files, values, explicit, 'format');
  if (printing && loaded.length > 1) throw new UsageError('format prints one FILE; use --write, --check or --diff for several', 'format');
  let unformatted = false;
  for (const file of loaded) {
    await nextTurn();
    const formatted = session.service.format(file.doc, session.host.context(file.setup)).text;
    if (printing) {
      process.stdout.write(formatted);
      continue;
    }
    if (formatted === file.doc.text) continue;
    if (values.diff) process.stdout.write(unifiedDiff(file.name, file.doc.text, formatted));
    if (values.check) {
      unformatted = true;
      if (!values.diff) process.stdout.write(`${printable(file.name)}: not formatted\n`);
    } else if (values.write && writeBack(session, file, formatted)) {
      process.stderr.write(`vita: formatted ${printable(file.name)}\n`);
    }
  }
  if (session.ioError) return 2;
  return unformatted ? 1 : 0;
}

function outline(values: Record<string, string | boolean | undefined>, files: string[]): number {
  const format = formatOf(values, ['text', 'json'], 'outline');
  const session = newSession();
  const output = loadInputs(session, files, values, {}, 'outline').map((file) => ({ file: file.name, symbols: session.service.documentSymbols(file.doc) }));
  if (format === 'json') process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  else for (const { file, symbols } of output) process.stdout.write(`${[printable(file), ...formatOutline(symbols)].join('\n')}\n`);
  return session.ioError ? 2 : 0;
}

/** `vita summary`: durations, roles, words, pages, findings and top skills per file (the hover's facts). */
function summary(values: Record<string, string | boolean | undefined>, files: string[]): number {
  const format = formatOf(values, ['text', 'json', 'html'], 'summary');
  const explicit = explicitSettings(values, 'summary');
  const session = newSession();
  if (format === 'html') {
    const pages = loadInputs(session, files, values, explicit, 'summary').map((file) => ({ file: printable(file.name), timeline: session.service.timeline(file.doc, session.host.context(file.setup)) }));
    if (pages.length > 0) process.stdout.write(timelineHtml(pages));
    return session.ioError ? 2 : 0;
  }
  const output = loadInputs(session, files, values, explicit, 'summary').map((file) => {
    const context = session.host.context(file.setup);
    const diagnostics = session.service.diagnostics(file.doc, context);
    return { file: file.name, summary: session.service.summarize(file.doc, context, diagnostics) };
  });
  if (format === 'json') process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  else for (const { file, summary: facts } of output) process.stdout.write(`${[printable(file), ...summaryText(facts)].join('\n')}\n`);
  return session.ioError ? 2 : 0;
}

/** `vita match --job JOB FILE...`: each résumé against one job description (the matcher is pure: text in, result out). */
function match(values: Record<string, string | boolean | undefined>, files: string[]): number {
  const format = formatOf(values, ['text', 'json'], 'match');
  const jobPath = values.job;
  if (typeof jobPath !== 'string' || jobPath.length === 0) throw new UsageError('"vita match" needs --job JOB (a job description: .md, .txt or a JSON Resume job .json)', 'match');
  if (jobPath === '-' && files.includes('-')) throw new UsageError('the job and a résumé cannot both be standard input', 'match');
  let job: JobDescription;
  try {
    const read = jobPath === '-' ? readStdin(8 * 1024 * 1024) : readRegularFile(jobPath, 8 * 1024 * 1024);
    const notText = notTextReason(read.bytes);
    if (notText) throw new FileReadError(jobPath, notText);
    job = parseJob(decodeText(read.bytes), { format: jobFormatOf(jobPath) });
  } catch (error) {
    const reason = error instanceof FileReadError ? error.reason : error instanceof JsonSyntaxError ? `is not valid JSON (${error.message})` : (error as Error).message;
    process.stderr.write(`vita: cannot read the job ${printable(jobPath)}: ${printable(reason)}\n`);
    return 2;
  }
  const session = newSession();
  const results = loadInputs(session, files, values, {}, 'match').map((file) => ({ file, result: matchResume(file.doc, job) }));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(results.map(({ file, result }) => matchJson(file.name, jobPath, result)), null, 2)}\n`);
  } else {
    for (const { file, result } of results) process.stdout.write(matchText(printable(file.name), printable(jobPath), result));
  }
  return session.ioError ? 2 : 0;
}

// ---------------------------------------------------------------------------------------------

/**
 * `vita check … | head`: when the reader closes the pipe, stop quietly (as Unix tools do) instead of dying with an
 * EPIPE stack trace. Not for `vita lsp`, whose connection handles its own streams.
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
}

/** Until the next turn of the event loop: a signal received meanwhile is handled. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'lsp') {
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${commandHelp('lsp')}\n`);
      return 0;
    }
    // The server reads its transport (--stdio) from process.argv.
    if (!rest.includes('--stdio') && !rest.some((a) => a.startsWith('--socket') || a === '--node-ipc')) process.argv.push('--stdio');
    // The server bundle next to this one (dist/server.js), loaded at run time: `check` and the other commands
    // then never compile the LSP library. A non-literal path, so esbuild leaves the require alone.
    const serverBundle = join(__dirname, 'server.js');
    require(serverBundle);
    return -1;
  }
  quietOnClosedPipe();
  removeTemporaryFilesOnSignal();
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      const topic = command === 'help' ? rest[0] : undefined;
      if (topic !== undefined && !Object.hasOwn(COMMANDS, topic)) throw new UsageError(`there is no command "${topic}"`);
      // `vita` alone is a mistake (the help on stderr, exit 2); `vita help` is a question (stdout, exit 0).
      (command === undefined ? process.stderr : process.stdout).write(`${topic ? commandHelp(topic) : usage()}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command "${command}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${commandHelp(command)}\n`);
      return 0;
    }
    const { values, files } = parseCommand(command, rest);
    return await COMMANDS[command].run(values, files);
  } catch (error) {
    if (error instanceof UsageError) {
      const where = error.command ? `"vita ${error.command} --help"` : '"vita help"';
      process.stderr.write(`vita: ${printable(error.message)}; see ${where}\n`);
      return 2;
    }
    throw error;
  }
}

void main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
});
