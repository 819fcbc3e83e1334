#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatOutline } from './service/features/symbols';
import { createResumeService, type ResumeDocument, type ServiceContext } from './service/index';
import { resolveSettings } from './settings';

const USAGE = `vita — a language server and checker for résumés

Usage:
  vita check [--format text|json] [--today YYYY-MM-DD] FILE...
  vita outline [--format text|json] FILE...
  vita lsp --stdio

Exit codes: 0 no error finding, 1 an error finding, 2 usage or I/O error.`;

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];

class UsageError extends Error {}

interface LoadedFile {
  file: string;
  doc: ResumeDocument;
}

function loadFiles(files: string[], onError: (message: string) => void): LoadedFile[] {
  const service = createResumeService();
  const loaded: LoadedFile[] = [];
  files.forEach((file, index) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      onError(`vita: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
      return;
    }
    loaded.push({ file, doc: service.parse({ uri: `file-${index}`, version: 0, getText: () => text }) });
  });
  return loaded;
}

function formatOption(value: string | undefined, allowed: string[]): string {
  const format = value ?? 'text';
  if (!allowed.includes(format)) throw new UsageError(`unknown --format "${format}" (expected ${allowed.join(' or ')})`);
  return format;
}

function check(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, today: { type: 'string' } },
    allowPositionals: true,
  });
  const format = formatOption(values.format, ['text', 'json']);
  if (positionals.length === 0) throw new UsageError('check needs at least one FILE');
  const { options, problems } = resolveSettings(values.today ? { dates: { today: values.today } } : undefined);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));

  let ioError = false;
  const results = loadFiles(positionals, (message) => {
    ioError = true;
    process.stderr.write(`${message}\n`);
  });
  let errorFound = false;
  const service = createResumeService();
  const context: ServiceContext = {
    options,
    onRuleError: (ruleId, error) => process.stderr.write(`vita: rule ${ruleId} failed: ${error instanceof Error ? error.message : String(error)}\n`),
  };
  const output: { file: string; diagnostics: Diagnostic[] }[] = [];
  for (const { file, doc } of results) {
    const diagnostics = doc.text.length > options.maxFileSize ? [] : service.diagnostics(doc, context);
    if (doc.text.length > options.maxFileSize) process.stderr.write(`vita: ${file} is larger than ${options.maxFileSize} bytes; not checked\n`);
    if (diagnostics.some((d) => d.severity === 1)) errorFound = true;
    output.push({ file, diagnostics });
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    for (const { file, diagnostics } of output) {
      for (const d of diagnostics) {
        process.stdout.write(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity ?? 2]} ${d.code} ${d.message}\n`);
      }
    }
  }
  if (ioError) return 2;
  return errorFound ? 1 : 0;
}

function outline(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true });
  const format = formatOption(values.format, ['text', 'json']);
  if (positionals.length === 0) throw new UsageError('outline needs at least one FILE');
  let ioError = false;
  const results = loadFiles(positionals, (message) => {
    ioError = true;
    process.stderr.write(`${message}\n`);
  });
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

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest);
      case 'outline':
        return outline(rest);
      case 'lsp': {
        // The server reads its transport (--stdio) from process.argv.
        if (!rest.includes('--stdio') && !rest.some((a) => a.startsWith('--socket') || a === '--node-ipc')) process.argv.push('--stdio');
        require('./main');
        return -1;
      }
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case '--version':
      case '-v':
        process.stdout.write('0.1.0\n');
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
