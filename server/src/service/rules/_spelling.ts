import type { ServiceContext, WordLookup } from '../context';
import type { ResumeDocument, WordContext } from '../model/types';
import { checkSpelling, type SpellingEngine, type SpellingIssue } from '../spelling/index';

/** The whole spelling engine, when the context carries one (a bare `WordLookup` is not enough for the rules). */
export function spellingEngine(context: ServiceContext): SpellingEngine | undefined {
  const lookup: WordLookup | undefined = context.spelling;
  return lookup && typeof (lookup as Partial<SpellingEngine>).classifyUnknown === 'function' && typeof (lookup as Partial<SpellingEngine>).brandCasing === 'function'
    ? (lookup as SpellingEngine)
    : undefined;
}

/**
 * The name line and contact lines hold the person's name, their street, town and handles: an unknown capitalised word
 * there is a name (a typo in one's own name cannot be told from a name), so only brand casing is checked. This also
 * spares the typo-versus-name search its longest words (`Raghunathan-Okafor`), the bulk of a first check's time. A
 * lower-case word there is checked as anywhere (`mutliple` in a header that runs on into prose is no name).
 */
const NAME_CONTEXTS: ReadonlySet<WordContext> = new Set(['name', 'contact']);

/** One spelling pass per (document, engine), shared by `spelling`, `spelling-casing` and `spelling-glued`. */
const passes = new WeakMap<ResumeDocument, { engine: SpellingEngine; issues: SpellingIssue[] }>();

/**
 * The spelling issues of a document: checkSpelling over the model's words, minus the words its
 * `<!-- vita-words: … -->` comments name (as written, or in lower case for a word written capitalised).
 */
export function spellingIssues(doc: ResumeDocument, engine: SpellingEngine): SpellingIssue[] {
  const cached = passes.get(doc);
  if (cached && cached.engine === engine) return cached.issues;
  const fileWords = new Set(doc.wordDirectives.flatMap((directive) => directive.words));
  const issues = checkSpelling(engine, doc.words, {
    skip: fileWords.size > 0 ? (text) => isFileWord(fileWords, text) : undefined,
    casingOnly: (context) => NAME_CONTEXTS.has(context),
  });
  issues.sort((a, b) => a.word.start - b.word.start);
  passes.set(doc, { engine, issues });
  return issues;
}

function isFileWord(fileWords: ReadonlySet<string>, word: string): boolean {
  if (fileWords.has(word)) return true;
  const lower = word.toLowerCase();
  // `Kubeflow` at a sentence start or `KUBEFLOW` in a heading, when the file lists `kubeflow`.
  return lower !== word && fileWords.has(lower);
}
