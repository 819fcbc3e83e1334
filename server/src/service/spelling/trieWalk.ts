/**
 * Candidate search for suggestions: a bounded, weighted Damerau–Levenshtein walk over a trie, pruning a branch as
 * soon as every alignment of its prefix costs more than the bound. Works on any trie whose nodes expose `eow` and
 * `entries()` (cspell-trie-lib's `ITrieNode`).
 */
import { baseLetter, costs, deletionCost, insertionCost, substitutionCost } from './editCosts';

export interface WalkNode {
  readonly eow: boolean;
  entries(): Iterable<readonly [string, WalkNode]>;
}

const soundAlikeFirst: Record<string, string> = { c: 'ks', k: 'c', s: 'cz', z: 's', f: 'p', p: 'f', i: 'y', y: 'i' };

/**
 * Collects into `into` the words of the trie within `bound` of `typed` (compared without case), best cost per word.
 * The first letter of a candidate must be one of the first three typed letters (or sound like the first): that keeps
 * the walk to a few thousand nodes and costs little, since first letters are rarely mistyped.
 */
export function searchTrie(
  root: WalkNode,
  typed: string,
  bound: number,
  into: Map<string, number>,
  options: { maxDepthSlack?: number; strictFirstLetter?: boolean } = {},
): void {
  const w = [...typed.toLowerCase()];
  const n = w.length;
  if (n === 0) return;
  const maxDepth = n + (options.maxDepthSlack ?? 3);
  const firstAllowed = new Set<string>([w[0], baseLetter(w[0])]);
  if (n > 1) firstAllowed.add(w[1]);
  if (!options.strictFirstLetter) {
    for (const ch of soundAlikeFirst[w[0]] ?? '') firstAllowed.add(ch);
    if (n > 2) firstAllowed.add(w[2]);
  }

  // The cost of an extra typed letter does not depend on the dictionary word: compute it once per position.
  const insertCost = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    insertCost[i] = insertionCost(w[i - 1], w[i - 2] ?? '', w[i] ?? '') + (i === 1 ? costs.firstLetter : 0);
  }
  // One row per depth, reused: rows[j][i] = cost of aligning the first j trie letters with the first i typed ones.
  const rows: Int32Array[] = [];
  for (let j = 0; j <= maxDepth + 1; j++) rows.push(new Int32Array(n + 1));
  const row0 = rows[0];
  for (let i = 1; i <= n; i++) row0[i] = row0[i - 1] + insertCost[i];

  const chars: string[] = [];

  const visit = (node: WalkNode, dc: string, j: number, prevDc: string): void => {
    const prevRow = rows[j - 1];
    const prevPrevRow = j >= 2 ? rows[j - 2] : undefined;
    const row = rows[j];
    const first = j === 1 ? costs.firstLetter : 0;
    const del = deletionCost(dc, prevDc) + first;
    row[0] = prevRow[0] + del;
    let min = row[0];
    for (let i = 1; i <= n; i++) {
      const tc = w[i - 1];
      let sub = tc === dc ? 0 : substitutionCost(tc, dc);
      if (sub > 0 && i === 1 && j === 1) sub += costs.firstLetter;
      let c = prevRow[i - 1] + sub;
      const ins = row[i - 1] + insertCost[i];
      if (ins < c) c = ins;
      const d = prevRow[i] + del;
      if (d < c) c = d;
      if (prevPrevRow !== undefined && i >= 2 && tc === prevDc && w[i - 2] === dc && tc !== dc) {
        const tr = prevPrevRow[i - 2] + costs.transposition;
        if (tr < c) c = tr;
      }
      row[i] = c;
      if (c < min) min = c;
    }
    if (node.eow && row[n] <= bound) {
      const word = chars.join('');
      const known = into.get(word);
      if (known === undefined || row[n] < known) into.set(word, row[n]);
    }
    if (min > bound || j >= maxDepth) return;
    for (const [key, child] of node.entries()) {
      chars.push(key);
      visit(child, key.length === 1 && key >= 'a' && key <= 'z' ? key : key.toLowerCase(), j + 1, dc);
      chars.pop();
    }
  };

  for (const [key, child] of root.entries()) {
    const lower = key.toLowerCase();
    if (!firstAllowed.has(lower) && !firstAllowed.has(baseLetter(lower))) continue;
    chars.push(key);
    visit(child, lower, 1, '');
    chars.pop();
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
