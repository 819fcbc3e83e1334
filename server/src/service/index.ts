import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Range } from 'vscode-languageserver-types';
import type { ServiceContext } from './context';
import { quickFixes } from './features/codeActions';
import { computeDiagnostics } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { documentLinks } from './features/links';
import { documentSymbols } from './features/symbols';
import { parseResume } from './model/parse';
import type { ResumeDocument } from './model/types';

export type { ServiceContext, VitaOptions, CalendarDate } from './context';
export { defaultOptions, systemToday } from './context';
export type { ResumeDocument } from './model/types';
export { parseResume } from './model/parse';
export { allRules } from './rules/index';

/** The text of one document version, as the server or the CLI holds it. */
export interface TextSource {
  uri: string;
  version: number;
  getText(): string;
}

/**
 * The résumé language service: pure functions over a parsed model, no connection, no editor, no file I/O.
 * The server adapts LSP requests to it; the CLI calls it directly.
 */
export interface ResumeService {
  /** The model for this document version, parsed once and cached. */
  parse(source: TextSource): ResumeDocument;
  /** Forgets a closed document. */
  forget(uri: string): void;
  diagnostics(doc: ResumeDocument, context: ServiceContext): Diagnostic[];
  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  documentSymbols(doc: ResumeDocument): DocumentSymbol[];
  foldingRanges(doc: ResumeDocument): FoldingRange[];
  documentLinks(doc: ResumeDocument): DocumentLink[];
}

export function createResumeService(): ResumeService {
  const cache = new Map<string, { version: number; doc: ResumeDocument }>();
  return {
    parse(source) {
      const cached = cache.get(source.uri);
      if (cached && cached.version === source.version) return cached.doc;
      const doc = parseResume(source.getText());
      cache.set(source.uri, { version: source.version, doc });
      return doc;
    },
    forget(uri) {
      cache.delete(uri);
    },
    diagnostics: computeDiagnostics,
    codeActions: quickFixes,
    documentSymbols,
    foldingRanges,
    documentLinks,
  };
}
