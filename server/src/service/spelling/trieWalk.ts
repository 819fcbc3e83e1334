/**
 * Candidate search for suggestions: a bounded, weighted Damerau–Levenshtein walk over a flat trie (flatTrie.ts),
 * pruning a branch as soon as every alignment of its prefix costs more than the bound. The costs of the typed
 * word's letters against each character of the trie's alphabet are computed once per search, so the walk itself
 * is integer arithmetic over arrays.
 */
import { baseLetter, costs, deletionCost, insertionCost, substitutionCost } from './editCosts';
import { childOf, type FlatTrie } from './flatTrie';

interface WalkTables {
  lowerIdOf: ReadonlyMap<string, number>;
  /** deletion[a]: leaving out alphabet[a] after another letter (after the same letter it is a doubled letter). */
  deletion: Int32Array;
  /** The alphabet's letters without accents. */
  base: readonly string[];
  /** 1 for the characters `singleEdits` inserts and substitutes (a–z and the apostrophe). */
  editCharacters: Uint8Array;
  /** The costs of typing `typed` where each character of the alphabet belongs. */
  substitutionRow(typed: string): Int32Array;
}

/** Per-trie tables of the walk, computed once: the alphabet's costs against each letter typed so far. */
const walkTables = new WeakMap<FlatTrie, WalkTables>();

function tablesOf(trie: FlatTrie): WalkTables {
  let tables = walkTables.get(trie);
  if (tables) return tables;
  const { lower, lowerId } = trie;
  const size = lower.length;
  const lowerIdOf = new Map<string, number>();
  for (let a = 0; a < size; a++) lowerIdOf.set(lower[a], lowerId[a]);
  const deletion = new Int32Array(size);
  for (let a = 0; a < size; a++) deletion[a] = deletionCost(lower[a], '');
  const rows = new Map<string, Int32Array>();
  const editCharacters = new Uint8Array(size);
  for (let a = 0; a < size; a++) editCharacters[a] = editAlphabet.includes(trie.alphabet[a]) ? 1 : 0;
  tables = {
    lowerIdOf,
    deletion,
    base: lower.map((c) => baseLetter(c)),
    editCharacters,
    substitutionRow(typed) {
      let row = rows.get(typed);
      if (!row) {
        row = new Int32Array(size);
        for (let a = 0; a < size; a++) row[a] = lower[a] === typed ? 0 : substitutionCost(typed, lower[a]);
        if (rows.size < 512) rows.set(typed, row);
      }
      return row;
    },
  };
  walkTables.set(trie, tables);
  return tables;
}

const soundAlikeFirst: Record<string, string> = { c: 'ks', k: 'c', s: 'cz', z: 's', f: 'p', p: 'f', i: 'y', y: 'i' };

/**
 * Collects into `into` the words of the trie within `bound` of `typed` (compared without case) whose flags share a
 * bit with `mask`, best cost per word. The first letter of a candidate must be one of the first two typed letters
 * (three, or one that sounds like the first, without `strictFirstLetter`): first letters are rarely mistyped, and
 * that keeps the walk to a few thousand nodes.
 */
export function searchTrie(
  trie: FlatTrie,
  mask: number,
  typed: string,
  bound: number,
  into: Map<string, number>,
  options: { maxDepthSlack?: number; strictFirstLetter?: boolean } = {},
): void {
  const w = [...typed.toLowerCase()];
  const n = w.length;
  if (n === 0 || bound < 0) return;
  const { nodes, alphabet, lower, lowerId } = trie;
  const size = alphabet.length;
  const maxDepth = n + (options.maxDepthSlack ?? 3);
  const firstAllowed = new Set<string>([w[0], baseLetter(w[0])]);
  if (n > 1) firstAllowed.add(w[1]);
  if (!options.strictFirstLetter) {
    for (const ch of soundAlikeFirst[w[0]] ?? '') firstAllowed.add(ch);
    if (n > 2) firstAllowed.add(w[2]);
  }

  const tables = tablesOf(trie);
  // The typed letters as the trie's lower-case ids (−1: a letter the trie does not have).
  const typedId = new Int32Array(n + 1).fill(-1);
  for (let i = 1; i <= n; i++) typedId[i] = tables.lowerIdOf.get(w[i - 1]) ?? -1;
  // sub[i * size + a]: typing w[i-1] where alphabet[a] belongs.
  const sub = new Int32Array((n + 1) * size);
  for (let i = 1; i <= n; i++) sub.set(tables.substitutionRow(w[i - 1]), i * size);
  // The cost of an extra typed letter does not depend on the dictionary word: compute it once per position.
  const insertCost = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    insertCost[i] = insertionCost(w[i - 1], w[i - 2] ?? '', w[i] ?? '') + (i === 1 ? costs.firstLetter : 0);
  }
  // One row per depth, in one array: rows[j * (n + 1) + i] = cost of aligning the first j trie letters with the
  // first i typed ones.
  const width = n + 1;
  const rows = new Int32Array((maxDepth + 2) * width);
  for (let i = 1; i <= n; i++) rows[i] = rows[i - 1] + insertCost[i];
  const firstAllowedId = new Uint8Array(size);
  for (let a = 0; a < size; a++) firstAllowedId[a] = firstAllowed.has(lower[a]) || firstAllowed.has(tables.base[a]) ? 1 : 0;
  const walk: Walk = { nodes, lowerId, mask, n, size, maxDepth, bound, sub, insertCost, deletion: tables.deletion, typedId, firstAllowedId, rows };
  walkTrie(walk, alphabet, into);
}

/** Adds the word spelled by `path[1…j]` to `into` at `cost`, unless it is there at a lower cost. */
function collect(alphabet: readonly string[], path: Int32Array, j: number, cost: number, into: Map<string, number>): void {
  let word = '';
  for (let k = 1; k <= j; k++) word += alphabet[path[k]];
  const known = into.get(word);
  if (known === undefined || cost < known) into.set(word, cost);
}

/** What {@link walkTrie} reads: typed arrays and numbers only, computed per search by {@link searchTrie}. */
interface Walk {
  nodes: Uint32Array;
  lowerId: Int32Array;
  mask: number;
  /** Letters typed. */
  n: number;
  /** Size of the trie's alphabet. */
  size: number;
  maxDepth: number;
  bound: number;
  /** sub[i * size + a]: typing letter i where alphabet[a] belongs. */
  sub: Int32Array;
  insertCost: Int32Array;
  deletion: Int32Array;
  typedId: Int32Array;
  firstAllowedId: Uint8Array;
  /** (maxDepth + 2) rows of n + 1 costs; row 0 filled in. */
  rows: Int32Array;
}

/**
 * The walk itself: depth-first with an explicit stack rather than recursion, over typed arrays only. It is one small
 * loop in one function, so V8 optimises it during the first search (on-stack replacement) and keeps that code for
 * every later search: the recursive closure it replaces was created per search, started cold each time and was
 * deoptimised with every frame on the stack (a cold start spent ≈ 20 ms there). At depth j: `path[j]` the
 * character taken, `nodeAt[j]` the node reached, `nextEdge[j]` its next child to try.
 */
function walkTrie(walk: Walk, alphabet: readonly string[], into: Map<string, number>): void {
  const { nodes, lowerId, mask, n, size, maxDepth, bound, sub, insertCost, deletion, typedId, firstAllowedId, rows } = walk;
  const width = n + 1;
  const doubled = costs.doubled;
  const firstLetter = costs.firstLetter;
  const transposition = costs.transposition;
  const path = new Int32Array(maxDepth + 2);
  const nodeAt = new Int32Array(maxDepth + 2);
  const nextEdge = new Int32Array(maxDepth + 2);
  nextEdge[0] = 1;
  let depth = 0;
  while (depth >= 0) {
    const parent = nodeAt[depth];
    const edgeIndex = nextEdge[depth];
    if (edgeIndex > nodes[parent] >>> 8) {
      depth--;
      continue;
    }
    nextEdge[depth] = edgeIndex + 1;
    const edge = nodes[parent + edgeIndex];
    const a = edge & 0xff;
    if (depth === 0 && firstAllowedId[a] === 0) continue;
    const j = depth + 1;
    const o = edge >>> 8;
    path[j] = a;
    const prev = depth * width;
    const prevPrev = prev - width;
    const here = j * width;
    const id = lowerId[a];
    const prevId = j >= 2 ? lowerId[path[j - 1]] : -1;
    const d = (id === prevId ? doubled : deletion[a]) + (j === 1 ? firstLetter : 0);
    rows[here] = rows[prev] + d;
    let min = rows[here];
    for (let i = 1; i <= n; i++) {
      let s = sub[i * size + a];
      if (s > 0 && i === 1 && j === 1) s += firstLetter;
      let c = rows[prev + i - 1] + s;
      const ins = rows[here + i - 1] + insertCost[i];
      if (ins < c) c = ins;
      const dl = rows[prev + i] + d;
      if (dl < c) c = dl;
      if (j >= 2 && i >= 2 && typedId[i] === prevId && typedId[i - 1] === id && id !== prevId) {
        const tr = rows[prevPrev + i - 2] + transposition;
        if (tr < c) c = tr;
      }
      rows[here + i] = c;
      if (c < min) min = c;
    }
    // Both tests every time (no short cut): V8 then has type feedback for each before it optimises the loop.
    const cost = rows[here + n];
    const isWord = (nodes[o] & mask) !== 0;
    const within = cost <= bound;
    if (isWord && within) collect(alphabet, path, j, cost, into);
    if (min > bound || j >= maxDepth) continue;
    nodeAt[j] = o;
    nextEdge[j] = 1;
    depth = j;
  }
}

/** The weighted distance between a typed word and a dictionary word (compared without case), as the walk counts it. */
export function weightedDistance(typed: string, meant: string): number {
  const w = [...typed.toLowerCase()];
  const d = [...meant.toLowerCase()];
  const n = w.length;
  const m = d.length;
  const rows: Int32Array[] = [];
  for (let j = 0; j <= m; j++) rows.push(new Int32Array(n + 1));
  for (let i = 1; i <= n; i++) {
    rows[0][i] = rows[0][i - 1] + insertionCost(w[i - 1], w[i - 2] ?? '', w[i] ?? '') + (i === 1 ? costs.firstLetter : 0);
  }
  for (let j = 1; j <= m; j++) {
    const dc = d[j - 1];
    const prevDc = d[j - 2] ?? '';
    const first = j === 1 ? costs.firstLetter : 0;
    const del = deletionCost(dc, prevDc) + first;
    const row = rows[j];
    const prevRow = rows[j - 1];
    row[0] = prevRow[0] + del;
    for (let i = 1; i <= n; i++) {
      const tc = w[i - 1];
      let sub = substitutionCost(tc, dc);
      if (sub > 0 && i === 1 && j === 1) sub += costs.firstLetter;
      let c = prevRow[i - 1] + sub;
      c = Math.min(c, row[i - 1] + insertionCost(tc, w[i - 2] ?? '', w[i] ?? '') + (i === 1 ? costs.firstLetter : 0));
      c = Math.min(c, prevRow[i] + del);
      if (j >= 2 && i >= 2 && tc === prevDc && w[i - 2] === dc && tc !== dc) c = Math.min(c, rows[j - 2][i - 2] + costs.transposition);
      row[i] = c;
    }
  }
  return rows[m][n];
}

const editAlphabet = [...'abcdefghijklmnopqrstuvwxyz', "'"];

/**
 * Adds to `into` the strings of `singleEdits(word)` that the trie holds below node `from` (the root, or the `~`
 * node of case-folded forms) with flags sharing a bit with `mask`: the same answer as looking each edit up, found
 * by following the word through the trie with one edit on the way instead of building ~55 strings a letter.
 */
export function singleEditsInTrie(trie: FlatTrie, mask: number, word: string, from: number, into: Set<string>): void {
  const { nodes, alphabet } = trie;
  const w = [...word.toLowerCase()];
  const n = w.length;
  const ids = w.map((ch) => (ch.length === 1 && ch.charCodeAt(0) < 128 ? trie.ascii[ch.charCodeAt(0)] : (trie.index.get(ch) ?? -1)));
  const { editCharacters } = tablesOf(trie);
  const hyphen = trie.ascii[45];
  /** Follows w[k…] exactly from node o; adds the string when it ends on a word. */
  const rest = (o: number, k: number, prefix: string): void => {
    for (let i = k; i < n && o >= 0; i++) o = ids[i] < 0 ? -1 : childOf(nodes, o, ids[i]);
    if (o >= 0 && (nodes[o] & mask) !== 0) into.add(prefix + w.slice(k).join(''));
  };
  let o = from;
  let prefix = '';
  for (let i = 0; i <= n; i++) {
    if (i < n) rest(o, i + 1, prefix); // delete w[i]
    if (i + 1 < n && w[i] !== w[i + 1] && ids[i] >= 0 && ids[i + 1] >= 0) {
      const o1 = childOf(nodes, o, ids[i + 1]);
      const o2 = o1 < 0 ? -1 : childOf(nodes, o1, ids[i]);
      if (o2 >= 0) rest(o2, i + 2, prefix + w[i + 1] + w[i]); // swap w[i] and w[i+1]
    }
    const count = nodes[o] >>> 8;
    for (let k = 1; k <= count; k++) {
      const edge = nodes[o + k];
      const c = edge & 0xff;
      if (editCharacters[c] === 0) continue;
      const child = edge >>> 8;
      if (i < n && c !== ids[i]) rest(child, i + 1, prefix + alphabet[c]); // replace w[i]
      rest(child, i, prefix + alphabet[c]); // insert before w[i]
    }
    if (i > 0 && i < n && hyphen >= 0) {
      const oh = childOf(nodes, o, hyphen);
      if (oh >= 0) rest(oh, i, `${prefix}-`);
    }
    if (i === n || ids[i] < 0) break;
    o = childOf(nodes, o, ids[i]);
    if (o < 0) break;
    prefix += w[i];
  }
}

/** Every string one edit (delete, swap, replace, insert) from `word` (lower case), without duplicates. */
export function singleEdits(word: string): Set<string> {
  const w = word.toLowerCase();
  const out = new Set<string>();
  for (let i = 0; i <= w.length; i++) {
    const head = w.slice(0, i);
    const tail = w.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const ch of editAlphabet) {
      if (tail.length > 0 && ch !== tail[0]) out.add(head + ch + tail.slice(1));
      out.add(head + ch + tail);
    }
    if (i > 0 && i < w.length) out.add(`${head}-${tail}`);
  }
  out.delete(w);
  out.delete('');
  return out;
}
