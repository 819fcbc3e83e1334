import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from './context';
import { quickFixes } from './features/codeActions';
import { computeDiagnostics, computeDiagnosticsInSlices } from './features/diagnostics';
import type { SpellingActionOptions } from './features/spellingActions';
import { fixAll, type FixAllResult } from './features/fixAll';
import { foldingRanges } from './features/folding';
import { formatDocument } from './features/format';
import { hover } from './features/hover';
import { matchHoverMarkdown, matchOf, mentionAt } from './match/index';
import { timelineOf, type Timeline } from './features/timeline';
import type { MatchResult } from './match/types';
import { inlayHints } from './features/inlayHints';
import { documentLinks } from './features/links';
import { summarize, type ResumeSummary } from './features/summary';
import { documentSymbols } from './features/symbols';
import { parseSteps } from './model/parse';
import { runInSlices, type SliceOptions } from './slices';
import type { ResumeDocument } from './model/types';

export type { ServiceContext, VitaOptions, CalendarDate } from './context';
export { defaultOptions, systemToday } from './context';
export type { ResumeDocument } from './model/types';
export type { ResumeSummary } from './features/summary';
export { timelineHtml, timelineSvg, type Timeline } from './features/timeline';
export { summaryMarkdown, summaryText } from './features/summary';
export { parseResume } from './model/parse';
export { allRules } from './rules/index';
export type { FixAllResult } from './features/fixAll';
export type { SliceOptions } from './slices';
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
  /** The model for this document version and text, parsed once and cached. */
  parse(source: TextSource): ResumeDocument;
  /**
   * The same model, parsed in slices with pauses between them (see `slices.ts`); undefined when `options.stopped()`
   * said so at a pause. A parse left unfinished is continued by the next `parse` or `parseInSlices` of the version.
   */
  parseInSlices(source: TextSource, options: SliceOptions): Promise<ResumeDocument | undefined>;
  /** Forgets a closed document. */
  forget(uri: string): void;
  diagnostics(doc: ResumeDocument, context: ServiceContext): Diagnostic[];
  /**
   * The same diagnostics, computed in slices of a few milliseconds with a pause between them (so that a server
   * answers other requests while a big document is checked); undefined when `options.stopped()` said so at a pause.
   */
  diagnosticsInSlices(doc: ResumeDocument, context: ServiceContext, options: SliceOptions): Promise<Diagnostic[] | undefined>;
  /**
   * Quick fixes carried by the diagnostics; with the model, also "Disable <rule> for this line / file". With
   * `current` (the diagnostics of the document's text now), fixes come from the current twin of each diagnostic the
   * client sends, never from its own `data` (see features/codeActions.ts).
   */
  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], doc?: ResumeDocument, spelling?: SpellingActionOptions, current?: readonly Diagnostic[]): CodeAction[];
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
  /** The dated entries as bars on a time axis, with overlaps, gaps and today (`features/timeline.ts`). */
  timeline(doc: ResumeDocument, context: ServiceContext): Timeline;
  /** The résumé against `context.job` (computed once per model and job); undefined without a job. */
  match(doc: ResumeDocument, context: ServiceContext): MatchResult | undefined;
}

export function createResumeService(): ResumeService {
  /**
   * Per document, the model of one version and text, or its parse under way (`steps`, until `doc` is set). The text
   * is part of the key: a client may change a document without raising its version, or open it again without closing
   * it, and a model of another text would hand out ranges outside this one. (While the document is unchanged its
   * text is the same string object, so the comparison costs nothing.)
   */
  const cache = new Map<string, { version: number; text: string; doc?: ResumeDocument; steps?: Generator<void, ResumeDocument, void> }>();
  /** The cache entry of this version and text, a fresh parse when either is new. */
  const entryOf = (source: TextSource) => {
    let entry = cache.get(source.uri);
    const text = source.getText();
    if (!entry || entry.version !== source.version || entry.text !== text) cache.set(source.uri, (entry = { version: source.version, text, steps: parseSteps(text) }));
    return entry;
  };
  /**
   * One step of an entry's parse: the model once it is done. Both ways of parsing share the entry's one generator;
   * a parse that throws leaves the cache, so the next request parses afresh (and meets the same error).
   */
  const step = (uri: string, entry: { doc?: ResumeDocument; steps?: Generator<void, ResumeDocument, void> }): ResumeDocument | undefined => {
    if (entry.doc) return entry.doc;
    let next: IteratorResult<void, ResumeDocument>;
    try {
      next = entry.steps!.next();
    } catch (error) {
      if (cache.get(uri) === entry) cache.delete(uri);
      throw error;
    }
    if (!next.done) return undefined;
    entry.steps = undefined;
    return (entry.doc = next.value);
  };
  return {
    parse(source) {
      const entry = entryOf(source);
      for (;;) {
        const doc = step(source.uri, entry);
        if (doc) return doc;
      }
    },
    parseInSlices(source, options) {
      const entry = entryOf(source);
      return runInSlices(() => step(source.uri, entry), options);
    },
    forget(uri) {
      cache.delete(uri);
    },
    diagnostics: computeDiagnostics,
    diagnosticsInSlices: computeDiagnosticsInSlices,
    codeActions: quickFixes,
    fixAll,
    format: (doc, context) => formatDocument(doc, context.options.format, context.options.dates.style),
    documentSymbols,
    foldingRanges,
    documentLinks,
    summarize,
    hover(doc, position, context, diagnostics) {
      const own = hover(doc, position, context, diagnostics);
      // On a skill the job asks for: which requirement it answers, after what the hover says of the résumé itself.
      const mention = context.job ? mentionAt(matchOf(doc, context.job), position) : undefined;
      if (!mention || !context.job) return own;
      const text = matchHoverMarkdown(matchOf(doc, context.job), mention);
      if (!own) return { contents: { kind: 'markdown', value: text }, range: mention.range };
      const value = typeof own.contents === 'object' && 'kind' in own.contents ? own.contents.value : String(own.contents);
      return { ...own, contents: { kind: 'markdown', value: `${value}\n\n---\n\n${text}` } };
    },
    match: (doc, context) => (context.job ? matchOf(doc, context.job) : undefined),
    timeline: timelineOf,
    inlayHints,
  };
}
