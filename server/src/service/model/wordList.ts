/** Where a word stands: the spelling engine weighs names in names' places differently. */
export type WordContext =
  | 'name'
  | 'contact'
  | 'heading'
  | 'organisation'
  | 'role'
  | 'location'
  | 'skills'
  | 'link'
  | 'bullet'
  | 'text';

/** One word of the document: its offsets (UTF-16, into `ResumeDocument.text`), its text and where it stands. */
export interface Word {
  start: number;
  end: number;
  text: string;
  context: WordContext;
}

/** The contexts by number, for {@link WordList}'s byte per word. */
const CONTEXTS: readonly WordContext[] = ['name', 'contact', 'heading', 'organisation', 'role', 'location', 'skills', 'link', 'bullet', 'text'];
const CONTEXT_CODES: ReadonlyMap<WordContext, number> = new Map(CONTEXTS.map((context, code) => [context, code]));

/** The byte {@link WordList} keeps for a context. */
export function contextCode(context: WordContext): number {
  return CONTEXT_CODES.get(context)!;
}

/** The distinct spellings of a {@link WordList}: `texts[ids[i]]` is the text of word `i`. */
export interface Spellings {
  ids: Int32Array;
  texts: string[];
}

/**
 * The words of a document, in document order, held in columns: start and end offsets in typed arrays and a byte for
 * the context. A 10,000-line document has ~55,000 words: as objects they were ~4 MB that every garbage collection
 * during a check copied; here they are 9 bytes each, which the collector never reads. A word's text is sliced from
 * the document when asked for; {@link at} and iteration make {@link Word} objects for code that wants them.
 */
export class WordList implements Iterable<Word> {
  private starts: Int32Array;
  private ends: Int32Array;
  private contexts: Uint8Array;
  private count = 0;

  constructor(
    /** The document's text: offsets are into it. */
    readonly text: string,
    capacity = 64,
  ) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.contexts = new Uint8Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /**
   * Words a line-end hyphen may have split (`archi-` / `tecture`; in a two-column PDF layout the rest may stand
   * after the gap of the next line, `plu-` / `… gin`): pairs of indices, the part before the hyphen then a
   * candidate continuation, in document order. The spelling pass joins a pair when the joined word is known.
   */
  get hyphenBreaks(): readonly number[] {
    return this.breaks;
  }

  /** Records that word `first`, which ends a line (or a column) with a hyphen, may continue with word `next`. */
  addHyphenBreak(first: number, next: number): void {
    this.breaks.push(first, next);
  }

  private breaks: number[] = [];

  /**
   * Words in capitals of up to five letters (`QPS`, `HIPPA`, `LATEX`), which are not in the list (acronyms are
   * not checked as words): pairs of start and end offsets, in document order. The spelling pass reads them for
   * known misspellings of acronyms (`HIPPA`) and brands flattened to capitals (`LATEX`).
   */
  get acronyms(): readonly number[] {
    return this.capitals;
  }

  /** Records a word in capitals that the list leaves out. */
  addAcronym(start: number, end: number): void {
    this.capitals.push(start, end);
  }

  private capitals: number[] = [];

  /** Appends a word; `code` is its context as {@link contextCode} gives it (looked up once per segment, not per word). */
  pushCoded(start: number, end: number, code: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.contexts[this.count] = code;
    this.count++;
    this.distinct = undefined; // made for fewer words
  }

  start(index: number): number {
    return this.starts[index];
  }

  end(index: number): number {
    return this.ends[index];
  }

  context(index: number): WordContext {
    return CONTEXTS[this.contexts[index]];
  }

  /** The word as written. */
  textOf(index: number): string {
    return this.text.slice(this.starts[index], this.ends[index]);
  }

  /** The word at `index` as an object (a new one each time); undefined past the end. */
  at(index: number): Word | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return { text: this.textOf(index), start: this.starts[index], end: this.ends[index], context: this.context(index) };
  }

  /** The index of the first word that starts at or after `offset` (binary search); `length` when there is none. */
  firstAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] >= offset) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** The word whose span [start, end) holds `offset`, if any. */
  wordAt(offset: number): Word | undefined {
    const index = this.firstAtOrAfter(offset + 1) - 1;
    return index >= 0 && offset < this.ends[index] ? this.at(index) : undefined;
  }

  /** Gives back the room grown for words that never came (the parser calls it once it has read them all). */
  trim(): void {
    if (this.starts.length === this.count) return;
    this.starts = this.starts.slice(0, this.count);
    this.ends = this.ends.slice(0, this.count);
    this.contexts = this.contexts.slice(0, this.count);
  }

  /**
   * The distinct spellings of the words, and for each word the index of its spelling: made once per list, when first
   * asked (the spelling pass looks each spelling up once).
   */
  spellings(): Spellings {
    this.distinct ??= distinctSpellings(this.text, this.starts, this.ends, this.count);
    return this.distinct;
  }

  private distinct: Spellings | undefined;

  *[Symbol.iterator](): Iterator<Word> {
    for (let i = 0; i < this.count; i++) yield this.at(i)!;
  }

  toArray(): Word[] {
    return [...this];
  }

  private grow(): void {
    const capacity = Math.max(64, this.starts.length * 2);
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(capacity);
    ends.set(this.ends);
    this.ends = ends;
    const contexts = new Uint8Array(capacity);
    contexts.set(this.contexts);
    this.contexts = contexts;
  }
}

/** The distinct spellings of `count` words given by their offsets (a function of its own: V8 keeps it optimised). */
function distinctSpellings(text: string, starts: Int32Array, ends: Int32Array, count: number): Spellings {
  const ids = new Int32Array(count);
  const texts: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const spelling = text.slice(starts[i], ends[i]);
    let id = index.get(spelling);
    if (id === undefined) {
      id = texts.length;
      texts.push(spelling);
      index.set(spelling, id);
    }
    ids[i] = id;
  }
  return { ids, texts };
}
