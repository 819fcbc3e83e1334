/**
 * Patterns with Unicode property classes (`\p{L}`, `\p{Lu}`, `\p{N}`, `\p{M}`) and their ASCII twins. V8 compiles a
 * `\p{L}` class into hundreds of ranges, twice (bytecode, then machine code), and the first one in a process loads
 * ICU's property data: on a cold start the hot patterns of the model and rules cost ~15 ms before they match
 * anything. Most résumé text is ASCII, and on ASCII text a twin with `A-Za-z`/`0-9` classes (no `u` flag) matches
 * exactly what the Unicode pattern matches; the Unicode pattern is compiled only for text that needs it.
 * test/unit/asciiFirst.test.ts holds every twin to its pattern on ASCII text.
 */

const NON_ASCII = /[^\x00-\x7f]/;

export interface AsciiFirst {
  /** The pattern to run on `text`: the ASCII twin when `text` is ASCII, else the Unicode pattern. */
  pick(text: string): RegExp;
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
  readonly unicode: RegExp;
  readonly ascii: RegExp;
}

/** Every twin made, for the test that checks them. */
export const asciiTwins: AsciiFirst[] = [];

export function asciiFirst(unicode: RegExp): AsciiFirst {
  const ascii = new RegExp(asciiSource(unicode.source), unicode.flags.replace('u', ''));
  const pick = (text: string): RegExp => (NON_ASCII.test(text) ? unicode : ascii);
  const twin: AsciiFirst = { pick, test: (text) => pick(text).test(text), exec: (text) => pick(text).exec(text), unicode, ascii };
  asciiTwins.push(twin);
  return twin;
}

const CLASS_MEMBERS: Record<string, string> = { L: 'A-Za-z', Lu: 'A-Z', Ll: 'a-z', N: '0-9', Nd: '0-9', M: '' };

/** The source with each `\p{…}` replaced by its ASCII members: inside a class as members, outside as a class. */
export function asciiSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const property = /^\\p\{(\w+)\}/.exec(source.slice(i));
      if (property) {
        const members = CLASS_MEMBERS[property[1]];
        if (members === undefined) throw new Error(`asciiFirst: no ASCII twin for \\p{${property[1]}}`);
        if (!inClass && members === '') throw new Error('asciiFirst: \\p{M} outside a class has no ASCII twin');
        out += inClass ? members : `[${members}]`;
        i += property[0].length - 1;
        continue;
      }
      if (source[i + 1] === 'p' || source[i + 1] === 'P' || (source[i + 1] === 'u' && source[i + 2] === '{')) {
        throw new Error(`asciiFirst: unsupported escape in ${source}`);
      }
      out += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}
