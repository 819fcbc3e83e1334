import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatOutline } from './service/features/symbols';
import { createResumeService, type ResumeDocument, type ServiceContext, summaryText, type VitaOptions, withSpellingSuggestions } from './service/index';
import { sarifLog } from './sarif';
import { allRules, parseResume } from './service/index';
import { resolveSettings } from './settings';
import { writeFileAtomic } from './writeAtomic';
import { spellingForFile } from './cliSpelling';

const USAGE = `vita — a language server and checker for résumés

Usage:
  vita check [--fix] [--format text|json|sarif] [--today YYYY-MM-DD] [--language en-US|en-GB] FILE...
  vita format [--write|--check] FILE...
  vita outline [--format text|json] FILE...
  vita summary [--format text|json] [--today YYYY-MM-DD] [--language en-US|en-GB] FILE...
  vita lsp --stdio

Spelling reads the dictionaries next to this file once, and the words in the nearest .vita/words.txt above
each FILE; --language picks the dictionary suggestions come from (British spellings pass either way).

Exit codes: 0 no error finding, 1 an error finding (format --check: a file not formatted), 2 usage or I/O error.`;

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];
const VERSION = '0.1.0';

class UsageError extends Error {}

interface LoadedFile {
  file: string;
  doc: ResumeDocument;
}

/** Reads and parses every FILE; one that cannot be read is named on stderr and sets `ioError` (exit 2). */
function loadFiles(files: string[]): { loaded: LoadedFile[]; ioError: boolean } {
  const service = createResumeService();
  const loaded: LoadedFile[] = [];
  let ioError = false;
  files.forEach((file, index) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      process.stderr.write(`vita: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}\n`);
      ioError = true;
      return;
    }
    loaded.push({ file, doc: service.parse({ uri: `file-${index}`, version: 0, getText: () => text }) });
  });
  return { loaded, ioError };
}

/** Raw settings → options; a broken value is a usage error on the command line. */
function cliOptions(raw: unknown): VitaOptions {
  const { options, problems } = resolveSettings(raw);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return options;
}

/** A rule that throws is named on stderr; the other rules' findings still arrive. */
function reportRuleError(ruleId: string, error: unknown): void {
  process.stderr.write(`vita: rule ${ruleId} failed: ${error instanceof Error ? error.message : String(error)}\n`);
}

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

function formatOption(value: string | undefined, allowed: string[]): string {
  const format = value ?? 'text';
  if (!allowed.includes(format)) throw new UsageError(`unknown --format "${format}" (expected ${allowed.join(' or ')})`);
  return format;
}

/** `--today` and `--language` as raw settings, for resolveSettings. */
function cliSettings(values: { today?: string; language?: string }): unknown {
  return { dates: { today: values.today }, spelling: { language: values.language } };
}

function check(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, today: { type: 'string' }, fix: { type: 'boolean' }, language: { type: 'string' } },
    allowPositionals: true,
  });
  const format = formatOption(values.format, ['text', 'json', 'sarif']);
  if (positionals.length === 0) throw new UsageError('check needs at least one FILE');
  const options = cliOptions(cliSettings(values));
  const { loaded: results, ioError: readError } = loadFiles(positionals);
  let ioError = readError;
  let errorFound = false;
  const service = createResumeService();
  const baseContext: ServiceContext = { options, onRuleError: reportRuleError };
  const output: { file: string; diagnostics: Diagnostic[] }[] = [];
  for (const loaded of results) {
    const { file } = loaded;
    let { doc } = loaded;
    const spelling = spellingForFile(file, options);
    const context: ServiceContext = { ...baseContext, spelling };
    if (values.fix && doc.text.length <= options.maxFileSize) {
      // Every safe fix, written back atomically; the findings reported are those left afterwards.
      const fixed = service.fixAll(doc, context);
      if (fixed.text !== doc.text) {
        try {
          writeFileAtomic(file, fixed.text);
          process.stderr.write(`vita: ${file}: applied ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'}\n`);
          doc = parseResume(fixed.text);
        } catch (error) {
          ioError = true;
          process.stderr.write(`vita: cannot write ${file}: ${(error as Error).message}\n`);
        }
      }
    }
    const diagnostics = doc.text.length > options.maxFileSize ? [] : service.diagnostics(doc, context);
    if (doc.text.length > options.maxFileSize) process.stderr.write(`vita: ${file} is larger than ${options.maxFileSize} bytes; not checked\n`);
    // The public contract of every output: each spelling finding carries `data.suggestions`, best first.
    if (spelling) withSpellingSuggestions(diagnostics, (word) => spelling.suggest(word));
    if (diagnostics.some((d) => d.severity === 1)) errorFound = true;
    output.push({ file, diagnostics });
  }
  if (format === 'sarif') {
    process.stdout.write(`${JSON.stringify(sarifLog(allRules, options.rules, output, VERSION), null, 2)}\n`);
  } else if (format === 'json') {
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    for (const { file, diagnostics } of output) {
      for (const d of diagnostics) {
        const suggestions = d.code === 'spelling' ? (d.data as { suggestions?: string[] } | undefined)?.suggestions : undefined;
        const hint = suggestions && suggestions.length > 0 ? ` (${suggestions.slice(0, 3).join(', ')}?)` : '';
        process.stdout.write(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity ?? 2]} ${d.code} ${d.message}${hint}\n`);
      }
    }
  }
  if (ioError) return 2;
  return errorFound ? 1 : 0;
}

/**
 * `vita format FILE`: the formatted text on stdout; `--write`: formatted in place (atomically); `--check`: exit 1
 * when a file is not formatted. Settings: `--bullet-marker` (as `vita.format.bulletMarker`); dates are written in the
 * document's own style, the one `date-style` reads.
 */
function format(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { write: { type: 'boolean' }, check: { type: 'boolean' }, 'bullet-marker': { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('format needs at least one FILE');
  if (values.write && values.check) throw new UsageError('format takes --write or --check, not both');
  if (!values.write && !values.check && positionals.length > 1) throw new UsageError('format prints one FILE; use --write or --check for several');
  const options = cliOptions({ format: { bulletMarker: values['bullet-marker'] } });
  const { loaded: results, ioError: readError } = loadFiles(positionals);
  let ioError = readError;
  let unformatted = false;
  const service = createResumeService();
  for (const { file, doc } of results) {
    const formatted = service.format(doc, { options }).text;
    if (values.check) {
      if (formatted !== doc.text) {
        unformatted = true;
        process.stdout.write(`${file}: not formatted\n`);
      }
    } else if (values.write) {
      if (formatted === doc.text) continue;
      try {
        writeFileAtomic(file, formatted);
        process.stderr.write(`vita: formatted ${file}\n`);
      } catch (error) {
        ioError = true;
        process.stderr.write(`vita: cannot write ${file}: ${(error as Error).message}\n`);
      }
    } else {
      process.stdout.write(formatted);
    }
  }
  if (ioError) return 2;
  return unformatted ? 1 : 0;
}

function outline(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true });
  const format = formatOption(values.format, ['text', 'json']);
  if (positionals.length === 0) throw new UsageError('outline needs at least one FILE');
  const { loaded: results, ioError } = loadFiles(positionals);
  const service = createResumeService();
  const output = results.map(({ file, doc }) => ({ file, symbols: service.documentSymbols(doc) }));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    for (const { file, symbols } of output) {
      process.stdout.write(`${[file, ...formatOutline(symbols)].join('\n')}\n`);
    }
  }
  return ioError ? 2 : 0;
}

/** `vita summary`: durations, roles, words, pages, findings and top skills per file (the hover's facts). */
function summary(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, today: { type: 'string' }, language: { type: 'string' } },
    allowPositionals: true,
  });
  const format = formatOption(values.format, ['text', 'json']);
  if (positionals.length === 0) throw new UsageError('summary needs at least one FILE');
  const options = cliOptions(cliSettings(values));
  const { loaded: results, ioError } = loadFiles(positionals);
  const service = createResumeService();
  const baseContext: ServiceContext = { options, onRuleError: reportRuleError };
  const output = results.map(({ file, doc }) => {
    const context: ServiceContext = { ...baseContext, spelling: spellingForFile(file, options) };
    const diagnostics = doc.text.length > options.maxFileSize ? [] : service.diagnostics(doc, context);
    return { file, summary: service.summarize(doc, context, diagnostics) };
  });
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    for (const { file, summary: facts } of output) process.stdout.write(`${[file, ...summaryText(facts)].join('\n')}\n`);
  }
  return ioError ? 2 : 0;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command !== 'lsp') quietOnClosedPipe();
  try {
    switch (command) {
      case 'check':
        return check(rest);
      case 'outline':
        return outline(rest);
      case 'format':
        return format(rest);
      case 'summary':
        return summary(rest);
      case 'lsp': {
        // The server reads its transport (--stdio) from process.argv.
        if (!rest.includes('--stdio') && !rest.some((a) => a.startsWith('--socket') || a === '--node-ipc')) process.argv.push('--stdio');
        // The server bundle next to this one (dist/server.js), loaded at run time: `check` and the other commands
        // then never compile the LSP library. A non-literal path, so esbuild leaves the require alone.
        const serverBundle = join(__dirname, 'server.js');
        require(serverBundle);
        return -1;
      }
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case '--version':
      case '-v':
        process.stdout.write(`${VERSION}\n`);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`vita: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

const code = main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
