/**
 * vita's word-list format: a minimised trie (a DAWG) laid out flat in one Uint32Array, so that a file is used as read
 * (no decoding, no objects per node) and both look-ups and the suggestion walk are array reads.
 *
 * File layout (little-endian):
 *
 *   bytes 0–3    `VTR1`
 *   bytes 4–7    length in bytes of the alphabet (UTF-8 JSON array of the characters, sorted by code point)
 *   bytes 8–11   number of 32-bit node words
 *   bytes 12–…   the alphabet, padded with spaces to a multiple of 4 bytes, then the node words
 *
 * A node at word offset `o`: `nodes[o] = childCount << 8 | flags`, then one word per child, sorted by character:
 * `childOffset << 8 | characterIndex`. The root is at offset 0. `flags` is non-zero where a word ends: a bit mask
 * (which lists hold the word: en_US and en_GB share one trie) or a small number (a frequency tier). At most 255
 * characters per trie and 2^24 node words (64 MB).
 *
 * `buildFlatTrie` is used at build time (scripts/build-dictionaries.mjs bundles this file) and at run time for the
 * user's words.
 */

const MAGIC = 0x31525456; // 'VTR1' little-endian

export interface FlatTrie {
  readonly nodes: Uint32Array;
  /** Characters by index (code points, as strings). */
  readonly alphabet: readonly string[];
  /** The same characters in lower case. */
  readonly lower: readonly string[];
  /** Character index → index of its lower-case form among `lowerIds` (equal ids: equal letters without case). */
  readonly lowerId: Int32Array;
  /** Character → index, for characters outside ASCII. */
  readonly index: ReadonlyMap<string, number>;
  /** ASCII code → index, −1 when the trie has no such character. */
  readonly ascii: Int16Array;
  /** Size of the trie in bytes (node words). */
  readonly bytes: number;
}

export function isFlatTrie(data: Uint8Array): boolean {
  return data.byteLength >= 12 && data[0] === 0x56 && data[1] === 0x54 && data[2] === 0x52 && data[3] === 0x31;
}

/** Uses the bytes as they are (copies them only when they are not 4-byte aligned). */
export function readFlatTrie(data: Uint8Array): FlatTrie {
  if (!isFlatTrie(data)) throw new Error('not a vita trie (VTR1)');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a vita trie (VTR1)');
  const alphabetBytes = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  const nodesAt = 12 + align4(alphabetBytes);
  if (nodesAt + count * 4 > data.byteLength) throw new Error('truncated vita trie');
  const alphabet = JSON.parse(new TextDecoder().decode(data.subarray(12, 12 + alphabetBytes))) as string[];
  let nodes: Uint32Array;
  if ((data.byteOffset + nodesAt) % 4 === 0) nodes = new Uint32Array(data.buffer, data.byteOffset + nodesAt, count);
  else nodes = new Uint32Array(data.slice(nodesAt, nodesAt + count * 4).buffer);
  return trieOf(nodes, alphabet);
}

function trieOf(nodes: Uint32Array, alphabet: string[]): FlatTrie {
  const lower = alphabet.map((c) => c.toLowerCase());
  const lowerIds = new Map<string, number>();
  const lowerId = new Int32Array(alphabet.length);
  lower.forEach((c, i) => {
    if (!lowerIds.has(c)) lowerIds.set(c, lowerIds.size);
    lowerId[i] = lowerIds.get(c)!;
  });
  const index = new Map<string, number>();
  const ascii = new Int16Array(128).fill(-1);
  alphabet.forEach((c, i) => {
    index.set(c, i);
    if (c.length === 1 && c.charCodeAt(0) < 128) ascii[c.charCodeAt(0)] = i;
  });
  return { nodes, alphabet, lower, lowerId, index, ascii, bytes: nodes.byteLength };
}

const align4 = (n: number): number => (n + 3) & ~3;

/** The child of node `o` by character index, or −1. */
export function childOf(nodes: Uint32Array, o: number, charIndex: number): number {
  const count = nodes[o] >>> 8;
  let lo = o + 1;
  let hi = o + count;
  if (count <= 8) {
    for (let k = lo; k <= hi; k++) {
      const c = nodes[k] & 0xff;
      if (c === charIndex) return nodes[k] >>> 8;
      if (c > charIndex) return -1;
    }
    return -1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = nodes[mid] & 0xff;
    if (c === charIndex) return nodes[mid] >>> 8;
    if (c < charIndex) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The flags of `word` (0: not in the trie). Case-sensitive, exact. */
export function flagsOf(trie: FlatTrie, word: string): number {
  const { nodes, ascii, index } = trie;
  let o = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: number;
    if (code < 128) c = ascii[code];
    else {
      const cp = word.codePointAt(i)!;
      if (cp > 0xffff) i++;
      c = index.get(String.fromCodePoint(cp)) ?? -1;
    }
    if (c < 0) return 0;
    o = childOf(nodes, o, c);
    if (o < 0) return 0;
  }
  return nodes[o] & 0xff;
}

/** Every word of the trie with its flags (for tests and tools; a full walk). */
export function* flatTrieWords(trie: FlatTrie): Generator<[string, number]> {
  const { nodes, alphabet } = trie;
  const stack: Array<{ o: number; prefix: string; k: number }> = [{ o: 0, prefix: '', k: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.k === 0 && (nodes[top.o] & 0xff) !== 0) yield [top.prefix, nodes[top.o] & 0xff];
    const count = nodes[top.o] >>> 8;
    if (top.k >= count) {
      stack.pop();
      continue;
    }
    const edge = nodes[top.o + 1 + top.k];
    top.k++;
    stack.push({ o: edge >>> 8, prefix: top.prefix + alphabet[edge & 0xff], k: 0 });
  }
}

// -------------------------------------------------------------------------------------------------
// Building

interface BuildNode {
  flags: number;
  chars: number[];
  children: BuildNode[];
  id: number;
}

/**
 * Builds the trie of `entries` (word → flags, 1…255; a word given twice gets its flags or-ed) as a minimised DAWG
 * (Daciuk et al.'s incremental algorithm over sorted words) and encodes it in the VTR1 format.
 */
export function buildFlatTrie(entries: Iterable<readonly [string, number]>): Uint8Array {
  const merged = new Map<string, number>();
  for (const [word, flags] of entries) {
    if (word.length === 0) continue;
    if (!Number.isInteger(flags) || flags < 1 || flags > 255) throw new Error(`flags of "${word}" out of range: ${flags}`);
    merged.set(word, (merged.get(word) ?? 0) | flags);
  }
  const codePointsOf = (word: string): number[] => Array.from(word, (c) => c.codePointAt(0)!);
  const words = [...merged].map(([word, flags]) => ({ cps: codePointsOf(word), flags }));
  const compare = (a: number[], b: number[]): number => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  };
  words.sort((a, b) => compare(a.cps, b.cps));
  const alphabetCps = [...new Set(words.flatMap((w) => w.cps))].sort((a, b) => a - b);
  if (alphabetCps.length > 255) throw new Error(`too many distinct characters for one trie: ${alphabetCps.length}`);
  const charIndex = new Map(alphabetCps.map((cp, i) => [cp, i]));

  let nextId = 0;
  const newNode = (): BuildNode => ({ flags: 0, chars: [], children: [], id: -1 });
  const register = new Map<string, BuildNode>();
  const root = newNode();
  /** The path of the previous word: path[i] is the node after i characters. */
  const path: BuildNode[] = [root];
  let previous: number[] = [];

  const signature = (node: BuildNode): string => {
    let s = `${node.flags}`;
    for (let k = 0; k < node.chars.length; k++) s += `,${node.chars[k]}:${node.children[k].id}`;
    return s;
  };
  /** Replaces the nodes of the previous word's path below `depth` by equal registered ones, deepest first. */
  const minimise = (depth: number): void => {
    for (let i = path.length - 1; i > depth; i--) {
      const child = path[i];
      const parent = path[i - 1];
      const sig = signature(child);
      const known = register.get(sig);
      if (known) parent.children[parent.children.length - 1] = known;
      else {
        child.id = nextId++;
        register.set(sig, child);
      }
    }
    path.length = depth + 1;
  };

  for (const { cps, flags } of words) {
    let common = 0;
    while (common < cps.length && common < previous.length && cps[common] === previous[common]) common++;
    minimise(common);
    let node = path[common];
    for (let i = common; i < cps.length; i++) {
      const child = newNode();
      node.chars.push(charIndex.get(cps[i])!);
      node.children.push(child);
      path.push(child);
      node = child;
    }
    node.flags |= flags;
    previous = cps;
  }
  minimise(0);

  // Lay the nodes out breadth-first from the root (the upper levels, which every walk visits, sit together).
  const offsets = new Map<BuildNode, number>();
  const order: BuildNode[] = [root];
  offsets.set(root, 0);
  let size = 1 + root.children.length;
  for (let q = 0; q < order.length; q++) {
    for (const child of order[q].children) {
      if (offsets.has(child)) continue;
      offsets.set(child, size);
      size += 1 + child.children.length;
      order.push(child);
    }
  }
  if (size >= 1 << 24) throw new Error(`trie too large: ${size} node words`);
  const alphabetJson = new TextEncoder().encode(JSON.stringify(alphabetCps.map((cp) => String.fromCodePoint(cp))));
  const nodesAt = 12 + align4(alphabetJson.length);
  const out = new Uint8Array(nodesAt + size * 4);
  out.fill(0x20, 12, nodesAt);
  out.set(alphabetJson, 12);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, alphabetJson.length, true);
  view.setUint32(8, size, true);
  const nodes = new Uint32Array(out.buffer, nodesAt, size);
  for (const node of order) {
    const o = offsets.get(node)!;
    nodes[o] = ((node.children.length << 8) | node.flags) >>> 0;
    for (let k = 0; k < node.children.length; k++) nodes[o + 1 + k] = ((offsets.get(node.children[k])! << 8) | node.chars[k]) >>> 0;
  }
  return out;
}

/** Builds a trie in memory (for the user's words and plain word lists): every word gets `flags`. */
export function flatTrieOfWords(words: Iterable<string>, flags = 1): FlatTrie {
  return readFlatTrie(buildFlatTrie(Array.from(words, (w) => [w, flags] as const)));
}
