import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { ResumeDocument } from '../model/types';
import { offsetToPosition } from '../positions';
import { ClientCommands, ServerCommands } from '../../protocol';

/** The server command behind "Add 'w' to workspace dictionary": `[{ uri, word }]` → `.vita/words.txt`. */
export const ADD_TO_WORKSPACE_DICTIONARY_COMMAND = ServerCommands.addToWorkspaceDictionary;
/** The client command behind "Add 'w' to user dictionary": `[{ word }]` → the global `vita.spelling.words`. */
export const ADD_TO_USER_DICTIONARY_COMMAND = ClientCommands.addToUserDictionary;

/** Rule ids whose findings carry `data.word`. */
export const SPELLING_RULES: ReadonlySet<string> = new Set(['spelling', 'spelling-casing']);

/** What the code-action provider may do for spelling findings, as the server knows it. */
export interface SpellingActionOptions {
  /** Suggestions for a word, best first (the engine's `suggest`, cached per word). */
  suggest?: (word: string) => readonly string[];
  /** Offer "Add to workspace dictionary" (the document lies in a workspace folder). */
  workspaceDictionary?: boolean;
  /** Offer "Add to user dictionary" (the client runs `vita.addToUserDictionary`: the VS Code extension). */
  userDictionary?: boolean;
}

/** How many "Change to" fixes a misspelled word gets. */
const CHANGE_TO_COUNT = 3;

function wordOf(diagnostic: Diagnostic): string | undefined {
  const data = diagnostic.data as { word?: unknown } | undefined;
  return typeof data?.word === 'string' && data.word.length > 0 ? data.word : undefined;
}

function suggestionsOf(diagnostic: Diagnostic): string[] | undefined {
  const data = diagnostic.data as { suggestions?: unknown } | undefined;
  return Array.isArray(data?.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : undefined;
}

/**
 * Fills `data.suggestions` (best first) on every `spelling` finding that has none: what `vita check --format json`
 * promises. The editor does not need this: its quick fixes ask for suggestions when the light bulb opens.
 */
export function withSpellingSuggestions(diagnostics: Diagnostic[], suggest: (word: string) => readonly string[]): Diagnostic[] {
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== 'spelling') continue;
    const word = wordOf(diagnostic);
    if (word === undefined || suggestionsOf(diagnostic) !== undefined) continue;
    diagnostic.data = { ...(diagnostic.data as object), suggestions: [...suggest(word)] };
  }
  return diagnostics;
}

/** The document's line break, as its first line ends. */
function lineBreak(doc: ResumeDocument): string {
  const first = doc.lines[0];
  return first.next > first.end ? doc.text.slice(first.end, first.next) : '\n';
}

/** "Ignore 'w' in this file": extend the first `vita-words` comment, or add one at the top (after front matter). */
function ignoreInFileEdit(doc: ResumeDocument, word: string): TextEdit {
  const existing = doc.wordDirectives[0];
  if (existing) {
    const close = doc.text.lastIndexOf('-->', existing.end);
    const at = offsetToPosition(doc.lines, close);
    const spaced = /\s/.test(doc.text.charAt(close - 1));
    return { range: { start: at, end: at }, newText: spaced ? `${word} ` : ` ${word} ` };
  }
  const eol = lineBreak(doc);
  const frontMatter = doc.skipRegions.find((region) => region.kind === 'front-matter');
  const line = frontMatter ? offsetToPosition(doc.lines, frontMatter.end).line + 1 : 0;
  if (line < doc.lines.length) {
    const at = { line, character: 0 };
    return { range: { start: at, end: at }, newText: `<!-- vita-words: ${word} -->${eol}` };
  }
  const end = offsetToPosition(doc.lines, doc.text.length);
  return { range: { start: end, end }, newText: `${eol}<!-- vita-words: ${word} -->` };
}

/**
 * Quick fixes for one spelling finding: "Change to 'X'" for the top three suggestions (the first preferred; for a
 * casing finding its own fix already says it), then "Add 'w' to workspace / user dictionary" and "Ignore 'w' in this
 * file". Suggestions are computed here, on request, never while checking.
 */
export function spellingActions(uri: string, diagnostic: Diagnostic, doc: ResumeDocument | undefined, options: SpellingActionOptions): CodeAction[] {
  const word = wordOf(diagnostic);
  if (word === undefined) return [];
  const actions: CodeAction[] = [];
  const typo = diagnostic.code === 'spelling';
  if (typo) {
    const suggestions = suggestionsOf(diagnostic) ?? options.suggest?.(word) ?? [];
    suggestions.slice(0, CHANGE_TO_COUNT).forEach((suggestion, index) => {
      actions.push({
        title: `Change to '${suggestion}'`,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: { changes: { [uri]: [{ range: diagnostic.range, newText: suggestion }] } },
      });
    });
    // A brand in the wrong case is spelled right: a dictionary word would not silence it.
    if (options.workspaceDictionary) {
      actions.push({
        title: `Add '${word}' to workspace dictionary`,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        command: { title: `Add '${word}' to workspace dictionary`, command: ADD_TO_WORKSPACE_DICTIONARY_COMMAND, arguments: [{ uri, word }] },
      });
    }
    if (options.userDictionary) {
      actions.push({
        title: `Add '${word}' to user dictionary`,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        command: { title: `Add '${word}' to user dictionary`, command: ADD_TO_USER_DICTIONARY_COMMAND, arguments: [{ word }] },
      });
    }
  }
  if (doc) {
    actions.push({
      title: `Ignore '${word}' in this file`,
      kind: 'quickfix',
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [ignoreInFileEdit(doc, word)] } },
    });
  }
  return actions;
}
