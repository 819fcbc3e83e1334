/**
 * Typo or name? An unknown word is scored, not looked up in a list of exceptions. The evidence:
 *
 * - how far the word is from the nearest dictionary word (weighted edits: neighbouring keys, swapped letters and
 *   doubled letters are cheap, because they are how people mistype);
 * - how long the word is: a long word one edit away from a real one is almost certainly that word mistyped, while a
 *   short word lands near some dictionary word by chance;
 * - how common the nearest word is (SCOWL size tiers): misspellings are of common words;
 * - how it is capitalised: names are capitalised; a lower-case unknown word in prose is rarely a name; CamelCase
 *   is a product;
 * - where it stands: the name line, contact lines, organisations, locations, skills and links hold names.
 *
 * A word with no dictionary word within the search bound (Abhishek, Rijswijk, Gyeonggi) scores 0: a name.
 */
import type { WordContext } from '../model/types';
import { wordCase } from './casing';

export interface UnknownWordVerdict {
  verdict: 'typo' | 'name';
  /** 0 … 1: how likely the word is a misspelling. The verdict is `typo` from 0.5 up. */
  score: number;
}

export interface ClassifyInput {
  word: string;
  context: WordContext;
  /** The best suggestion: its spelling, weighted cost (100 = one edit) and frequency tier (1 common … 5 unlisted). */
  nearest?: { word: string; cost: number; tier: number };
}

const tierWeight = [0, 0.15, 0.1, 0.05, 0, -0.1];

/** Where a word stands, as evidence: names fill the name line, contact lines, organisations, places and skills. */
const contextWeight: Record<WordContext, number> = {
  name: -0.3,
  contact: -0.35,
  link: -0.1,
  organisation: -0.15,
  location: -0.15,
  skills: -0.1,
  role: 0,
  heading: 0,
  bullet: 0,
  text: 0,
};

export const typoThreshold = 0.5;

/** Each edit past the first takes this much from the score; cheaper than one edit adds. */
const perEdit = 0.35;
const bestTierWeight = Math.max(...tierWeight);

/** The evidence that does not depend on the nearest word: length, place and capitals. */
function wordEvidence(word: string, context: WordContext): number {
  const length = [...word].length;
  // Length: each letter past six is evidence the word was meant as the nearest one; short words land near some
  // dictionary word by chance.
  let evidence = Math.max(-0.25, Math.min(0.4, 0.09 * (length - 6)));
  evidence += contextWeight[context] ?? 0;
  switch (wordCase(word)) {
    case 'lower':
      evidence += 0.15;
      break;
    case 'title':
      evidence -= 0.1;
      break;
    case 'upper':
      evidence -= context === 'heading' ? 0 : 0.4;
      break;
    case 'mixed':
      evidence -= 0.6;
      break;
    default:
      break;
  }
  return evidence;
}

export function classifyScore({ word, context, nearest }: ClassifyInput): UnknownWordVerdict {
  if (!nearest || nearest.cost <= 0) return { verdict: 'name', score: 0 };
  const edits = nearest.cost / 100;
  let score = 0.5 + wordEvidence(word, context);
  // Distance: one edit is neutral; cheaper (a swap, a double letter, a neighbouring key) is evidence for a typo.
  score -= perEdit * (edits - 1);
  score += tierWeight[nearest.tier] ?? 0;
  // The nearest word is itself a name or brand (`Shenzen` near `Shenzhen`): a variant spelling of a name, or a name.
  if (wordCase(nearest.word) !== 'lower') score -= 0.05;
  score = Math.max(0, Math.min(1, score));
  return { verdict: score >= typoThreshold ? 'typo' : 'name', score: Math.round(score * 1000) / 1000 };
}

/**
 * The largest cost (100 = one edit) a nearest word can have and still make `word` a typo here, with the most
 * favourable nearest word (the commonest tier, written in lower case). Negative: no dictionary word can, so the
 * word is a name without any search (`PyData`, `PostGIS`: CamelCase needs no look-alike). The typo-or-name search
 * need not look further than this; a capitalised word in an organisation or location needs a close match.
 */
export function maxTypoCost(word: string, context: WordContext): number {
  const slack = wordEvidence(word, context) + bestTierWeight;
  return Math.floor(100 * (1 + (slack + 1e-9) / perEdit));
}
