/**
 * A JSON reader that keeps where every string stands in the file: a JSON Resume job file's requirements must come
 * back as ranges in that file. Strings carry their decoded text and, per character, the offset it was written at.
 */

export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: Array<{ key: string; value: JsonNode }> }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string; /** `offsets[i]`: file offset of character i; `offsets[value.length]`: the closing quote. */ offsets: Int32Array }
  | { kind: 'other'; start: number; end: number };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Reads a JSON text; throws {@link JsonSyntaxError} when it is not JSON. */
export function readJson(text: string): JsonNode {
  let at = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at offset ${at}`, at);
  };
  const blank = () => {
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) at++;
      else break;
    }
  };
  const string = (): JsonNode & { kind: 'string' } => {
    const start = at;
    at++; // "
    const chars: string[] = [];
    const offsets: number[] = [];
    for (;;) {
      if (at >= text.length) fail('unterminated string');
      const c = text.charCodeAt(at);
      if (c === 0x22) break;
      if (c === 0x5c) {
        const e = text[at + 1];
        offsets.push(at);
        if (e === 'u') {
          const hex = text.slice(at + 2, at + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          chars.push(String.fromCharCode(parseInt(hex, 16)));
          at += 6;
        } else {
          const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (!(e in simple)) fail('bad escape');
          chars.push(simple[e]);
          at += 2;
        }
        continue;
      }
      offsets.push(at);
      chars.push(text[at]);
      at++;
    }
    offsets.push(at);
    at++; // "
    return { kind: 'string', start, end: at, value: chars.join(''), offsets: Int32Array.from(offsets) };
  };
  const value = (depth: number): JsonNode => {
    if (depth > 200) fail('nesting too deep');
    blank();
    const start = at;
    const c = text[at];
    if (c === '"') return string();
    if (c === '{') {
      at++;
      const entries: Array<{ key: string; value: JsonNode }> = [];
      blank();
      if (text[at] === '}') {
        at++;
        return { kind: 'object', start, end: at, entries };
      }
      for (;;) {
        blank();
        if (text[at] !== '"') fail('expected a key');
        const key = string().value;
        blank();
        if (text[at] !== ':') fail("expected ':'");
        at++;
        entries.push({ key, value: value(depth + 1) });
        blank();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === '}') {
          at++;
          return { kind: 'object', start, end: at, entries };
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      at++;
      const items: JsonNode[] = [];
      blank();
      if (text[at] === ']') {
        at++;
        return { kind: 'array', start, end: at, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        blank();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === ']') {
          at++;
          return { kind: 'array', start, end: at, items };
        }
        fail("expected ',' or ']'");
      }
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 64));
    if (!literal) fail('unexpected character');
    at += literal![0].length;
    return { kind: 'other', start, end: at };
  };
  const root = value(0);
  blank();
  if (at < text.length) fail('unexpected text after the value');
  return root;
}
