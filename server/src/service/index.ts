import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from './context';
import { quickFixes } from './features/codeActions';
import { computeDiagnostics } from './features/diagnostics';
import type { SpellingActionOptions } from './features/spellingActions';
import { fixAll, type FixAllResult } from './features/fixAll';
import { foldingRanges } from './features/folding';
import { formatDocument } from './features/format';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { documentLinks } from './features/links';
import { summarize, type ResumeSummary } from './features/summary';
import { documentSymbols } from './features/symbols';
import { parseResume } from './model/parse';
import type { ResumeDocument } from './model/types';

export type { ServiceContext, VitaOptions, CalendarDate } from './context';
export { defaultOptions, systemToday } from './context';
export type { ResumeDocument } from './model/types';
export type { ResumeSummary } from './features/summary';
export { summaryMarkdown, summaryText } from './features/summary';
export { parseResume } from './model/parse';
export { allRules } from './rules/index';
export type { FixAllResult } from './features/fixAll';
export { ruleDocUrl, RULES_DOC_URL } from './docsUrl';
export {
  ADD_TO_USER_DICTIONARY_COMMAND,
  ADD_TO_WORKSPACE_DICTIONARY_COMMAND,
  withSpellingSuggestions,
  type SpellingActionOptions,
} from './features/spellingActions';

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
  /** Quick fixes carried by the diagnostics; with the model, also "Disable <rule> for this line / file". */
  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], doc?: ResumeDocument, spelling?: SpellingActionOptions): CodeAction[];
  /** Every safe fix at once, re-checking until nothing fixable is left (`source.fixAll.vita`, `vita check --fix`). */
  fixAll(doc: ResumeDocument, context: ServiceContext): FixAllResult;
  /** Format Document per `vita.format.*` and `vita.dates.style`: whitespace, bullet markers, date style, blank lines. */
  format(doc: ResumeDocument, context: ServiceContext): { text: string; edits: FixAllResult['edits']; textEdits: TextEdit[] };
  documentSymbols(doc: ResumeDocument): DocumentSymbol[];
  foldingRanges(doc: ResumeDocument): FoldingRange[];
  documentLinks(doc: ResumeDocument): DocumentLink[];
  /** Durations, sizes and findings at a glance; `diagnostics` are the document's, already computed. */
  summarize(doc: ResumeDocument, context: ServiceContext, diagnostics?: readonly Diagnostic[]): ResumeSummary;
  hover(doc: ResumeDocument, position: Position, context: ServiceContext, diagnostics?: readonly Diagnostic[]): Hover | null;
  inlayHints(doc: ResumeDocument, context: ServiceContext, range?: Range): InlayHint[];
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
    fixAll,
    format: (doc, context) => formatDocument(doc, context.options.format, context.options.dates.style),
    documentSymbols,
    foldingRanges,
    documentLinks,
    summarize,
    hover,
    inlayHints,
  };
}
