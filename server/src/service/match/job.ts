/**
 * A job description → its requirement terms. Markdown and plain text are read line by line: headings (`#`, bold
 * lines, `Label:` lines, short lines such as "Requirements" or "Nice to have", ALL CAPS lines) set what the lines
 * under them are — required, optional, neutral (duties, the intro) or skipped (about the employer, benefits, how to
 * apply, location and salary lines). A JSON Resume job file (`job-schema.json`) is read field by field. Each piece of
 * text gives terms in four ways, in this order: the vocabulary and vita's brand list (longest spelling first), an
 * acronym spelled out in brackets ("Applied Behavior Analysis (ABA)"), other acronyms, and short phrases after
 * requirement cues ("experience in X", "knowledge of X", "X skills", items of a skills list). Generic words,
 * places and the employer never become terms.
 */
import { splitLines } from '../model/lines';
import { spanToRange } from '../positions';
import type { Span } from '../model/types';
import { readJson, type JsonNode } from './json';
import { tokenize, type Token } from './tokens';
import type { JobDescription, JobFormat, JobTerm, TermSource } from './types';
import { addToIndex, isGeneric, longestAt, makeSpelling, sortIndex, SpellingMode, vocabulary, type Concept, type IndexEntry, type Spelling, type Vocabulary } from './vocabulary';

/** What the text under a heading is. */
type Mode = 'required' | 'optional' | 'neutral' | 'skip';

/** A piece of the job's text, with the mode it was found in. */
interface Segment {
  /** The text the offsets below index: the whole job for Markdown and text, a decoded string for JSON. */
  text: string;
  from: number;
  to: number;
  /** For a JSON string: file offset of each character of `text` (and of its end). */
  offsets?: Int32Array;
  mode: Mode;
  /** Items of a list (a skills line, JSON keywords): each short item may be a term as written. */
  list?: boolean;
  /** One item on its own (a JSON keyword): the whole text is a term when nothing in it is known. */
  whole?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Headings

const OPTIONAL_HEADING =
  /\b(?:nice[\s-]*to[\s-]*haves?|desirable|desired|bonus|preferred|pluses|plus|would be (?:nice|great)|even better|extra credit|good to have|great to have|advantageous|ideally|stand out|optional|not required)\b/;
const SKIP_HEADING =
  /\b(?:about (?!you\b|the role\b|the job\b|the position\b|this role\b|the opportunity\b|the team\b|this job\b|the post\b)|who we are|our (?:company|story|mission|values|culture|benefits|offer|perks|commitment)|benefits|perks|what we offer|we offer|in return|what'?s in it|compensation|salary|pay\b|package|rewards|location|how to apply|to apply|apply\b|application|equal opportunit|eeo\b|diversity|inclusion|culture|why (?:join|us|work)|life at|working (?:at|here)|interview|hiring process|recruitment process|contact|closing date|next steps|disclaimer|accommodation|privacy)/;
const REQUIRED_HEADING =
  /\b(?:requirements?|required|qualifications?|must|essentials?|you have|you'?ll have|you will have|you bring|what you bring|you need|what you'?ll need|what we need|what we'?re looking for|looking for|who you are|about you|your (?:profile|skills|experience|background)|skills|experience|knowledge|competenc(?:y|ies|e)|criteria|person specification|minimum|basic|need to have|ideal candidate|the candidate|candidate profile|stack|technologies|tools|tech)\b/;
const NEUTRAL_HEADING =
  /\b(?:responsibilit(?:y|ies)|duties|what you'?ll do|what you will do|the role|about the role|role|overview|summary|day[\s-]to[\s-]day|your impact|the job|position|the opportunity|the team|what you'?ll be doing|key tasks|accountabilities|description)\b/;

/** The mode a heading sets, or undefined when it reads as none of the known kinds. */
export function headingMode(heading: string): Mode | undefined {
  const text = heading.toLowerCase().replace(/[’`]/g, "'").replace(/[*_#:]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length === 0) return undefined;
  if (OPTIONAL_HEADING.test(text)) return 'optional';
  if (SKIP_HEADING.test(text)) return 'skip';
  if (REQUIRED_HEADING.test(text)) return 'required';
  if (NEUTRAL_HEADING.test(text)) return 'neutral';
  return undefined;
}

/** `Label: value` lines that say something about the post, not what it asks for. */
const META_LABEL =
  /^(?:location|locations|based|based in|office|salary|pay|pay range|compensation|rate|company|employer|organi[sz]ation|hiring (?:company|organi[sz]ation|manager)|department|division|team|reports? to|reporting to|hours|working hours|schedule|shift|shifts|job type|employment type|type|contract|contract type|duration|start date|start|closing date|deadline|posted|date posted|date|reference|ref|job ref|job id|requisition|req|remote|work model|workplace|workplace type|travel|benefits|perks|visa|apply|contact|grade|band|level|seniority|experience level|title|job title|role|position|vacancy|site|setting|unit|ward|specialty|salary range|package|openings|positions|category|industry)$/;
const SKIP_REQUIREMENT = /\b(?:subject to|required|must|essential|mandatory|you(?:'|’)ll need|you will need|need to hold)\b/i;
const EMPLOYER_LABEL = /^(?:company|employer|organi[sz]ation|hiring (?:company|organi[sz]ation))$/;
const PLACE_LABEL = /^(?:location|locations|based|based in|office|site)$/;

// ---------------------------------------------------------------------------------------------
// Word classes for the phrase rules

const STOP = new Set(
  'a an the another and or of in on at to for with by from as is are be been being our your their its his her we you they it this that these those will would can could should may might must have has had do does did not no nor both either neither etc e.g i.e including within across into through using via per such like who whom which where when while what how all any each every other more most well also plus able ideally preferably required preferred desirable essential bonus nice than then there here if so up out over under about after before between during without upon'.split(
    ' ',
  ),
);
const MODIFIERS = new Set(
  'strong solid proven excellent good great working hands deep advanced basic demonstrated demonstrable practical professional relevant previous prior extensive thorough sound depth current recent direct significant some sufficient expert fluent confident comfortable effective robust modern exceptional outstanding superb keen clear broad detailed comprehensive appropriate valid full clean up date related general overall similar applicable minimum least one two three four five six seven eight nine ten several years year yrs months month familiarity understanding knowledge proficiency experience experienced skilled skills expertise background exposure ability up-to-date high level high-level intermediate native'.split(
    ' ',
  ),
);
/** Nouns that end a phrase without adding to it: "safeguarding procedures" is "safeguarding". */
const FILLER_HEADS = new Set(
  ['procedures', 'procedure', 'practices', 'principles', 'techniques', 'methods', 'environment', 'environments', 'settings', 'setting', 'skills', 'skill', 'experience', 'knowledge', 'tools', 'software', 'platforms', 'concepts', 'fundamentals', 'standards', 'guidelines', 'packages', 'applications', 'background', 'expertise', 'proficiency', 'ability', 'abilities', 'capabilities', 'best', 'role', 'roles'],
);
/** Cues after which a phrase names what the job asks for. `capitals`: a capitalised name may follow (a tool). */
const CUES: ReadonlyArray<{ words: string[]; capitals: boolean; single: boolean }> = [
  ...['experience with', 'experience in', 'experience of', 'experience using', 'experienced in', 'experienced with', 'background in', 'knowledge of', 'understanding of', 'proficiency in', 'proficiency with', 'proficient in', 'proficient with', 'proficient using', 'skilled in', 'skills in', 'expertise in', 'expertise with', 'trained in', 'training in', 'certified in', 'certification in', 'certificate in', 'familiarity with', 'familiar with', 'fluent in', 'fluency in', 'competence in', 'competent in', 'comfortable with', 'confident with', 'confident using', 'exposure to', 'qualification in', 'qualified in', 'degree in', 'diploma in', 'specialising in', 'specializing in', 'such as', 'including', 'e.g', 'ideally with', 'using'].map(
    (cue) => ({
      words: cue.split(' '),
      capitals: !/ in$/.test(cue) || /^(?:degree|diploma|qualification|qualified|certified|certification|certificate|trained|training|fluent|fluency|proficiency|proficient|skilled|expertise|background|experienced|experience) in$/.test(cue),
      // "such as", "including", "e.g.", "using" list names; a lone lower-case word after them is usually a verb.
      single: !/^(?:such as|including|e\.g|using|ideally with)$/.test(cue),
    }),
  ),
];
const CUES_BY_FIRST = new Map<string, Array<(typeof CUES)[number]>>();
for (const cue of CUES) {
  const list = CUES_BY_FIRST.get(cue.words[0]) ?? [];
  list.push(cue);
  CUES_BY_FIRST.set(cue.words[0], list);
}
/** Words before which a phrase names a skill: "phlebotomy skills", "retail experience", "Notary certification". */
const BACKWARD_CUES = new Set(['skill', 'experience', 'knowledge', 'background', 'certification', 'certificate', 'license', 'licensure', 'qualification', 'accreditation', 'training', 'proficiency', 'expertise']);
const OBJECT_STOP = new Set(
  'to for within across at on from into through while when that which who where as is are be will would should can could preferred required desirable essential ideally preferably such plus years year is was must and/or in with of under over via by per'.split(
    ' ',
  ),
);
const MONTHS_DAYS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);
const OPTIONAL_CUES: string[][] = [
  ['nice', 'to', 'have'],
  ['a', 'plus'],
  ['bonus'],
  ['preferred'],
  ['preferably'],
  ['desirable'],
  ['desired'],
  ['advantageous'],
  ['an', 'advantage'],
  ['ideally'],
  ['helpful'],
  ['beneficial'],
  ['would', 'be', 'great'],
  ['would', 'be', 'nice'],
  ['not', 'required'],
  ['not', 'essential'],
  ['optional'],
  ['welcome'],
  ['valued'],
];
const REQUIRED_CUES: string[][] = [['required'], ['must'], ['essential'], ['mandatory'], ['necessary']];

// ---------------------------------------------------------------------------------------------
// Reading

interface Mention {
  key: string;
  term: string;
  written: string;
  concept?: Concept;
  aliases: string[];
  spellings: Spelling[];
  source: TermSource;
  span: Span;
  required: boolean;
}

/** What one reading of a job gathers: names that are never terms, terms the job defines, mentions. */
class JobReader {
  readonly vocab: Vocabulary = vocabulary();
  /** Lower-case words of the employer's name and of places the job names. */
  readonly excluded = new Set<string>();
  /** Acronyms of the employer's name. */
  readonly excludedAcronyms = new Set<string>();
  employer?: string;
  title?: string;
  /** Terms the job spells out itself ("Applied Behavior Analysis (ABA)"). */
  readonly local = new Map<string, IndexEntry[]>();
  private localCount = 0;
  readonly mentions: Mention[] = [];

  addEmployer(name: string): void {
    const clean = name.replace(/[*_`#]/g, '').replace(/^\s*the\s+/i, '').trim();
    if (clean.length < 2 || clean.length > 80) return;
    this.employer ??= clean;
    this.addExcluded(clean);
    const words = clean.split(/[\s,]+/).filter((w) => /^[\p{Lu}\d]/u.test(w));
    if (words.length > 1) this.excludedAcronyms.add(words.map((w) => w[0]).join('').toUpperCase());
    if (/^[A-Z]{2,}$/.test(clean)) this.excludedAcronyms.add(clean);
  }

  addExcluded(name: string): void {
    for (const word of name.toLowerCase().split(/[^\p{L}\p{N}&'.-]+/u)) {
      if (word.length > 1 && !STOP.has(word)) this.excluded.add(word);
    }
  }

  isExcludedWord(token: Token): boolean {
    return this.excluded.has(token.lower) || this.vocab.places.has(token.lower) || MONTHS_DAYS.has(token.lower);
  }

  defineLocal(term: string, spellings: Spelling[]): Concept {
    const concept: Concept = { id: 1_000_000 + this.localCount++, term, spellings, source: 'vocabulary' };
    for (const spelling of spellings) addToIndex(this.local, concept, spelling);
    sortIndex(this.local);
    return concept;
  }

  // -------------------------------------------------------------------------------------------
  // One segment

  read(seg: Segment): void {
    const tokens = tokenize(seg.text, seg.from, seg.to);
    const n = tokens.length;
    if (n === 0) return;
    const gap = (i: number) => seg.text.slice(i > 0 ? tokens[i - 1].end : seg.from, i < n ? tokens[i].start : seg.to);
    const clauseStart = new Uint8Array(n);
    const comma = new Uint8Array(n);
    const depth = new Int8Array(n);
    let level = 0;
    for (let i = 0; i < n; i++) {
      const before = gap(i);
      if (i === 0 || /[;!?:•|]|\.(?:\s|$)|\n\s*\n/.test(before)) clauseStart[i] = 1;
      if (before.includes(',')) comma[i] = 1;
      for (const ch of before) {
        if (ch === '(' || ch === '[') level++;
        else if ((ch === ')' || ch === ']') && level > 0) level--;
      }
      depth[i] = level;
    }
    const optional = this.optionalFlags(seg, tokens, clauseStart, comma, depth);
    const consumed = new Uint8Array(n);
    const spanOf = (i: number, j: number): Span =>
      seg.offsets ? { start: seg.offsets[tokens[i].start], end: seg.offsets[tokens[j - 1].end] } : { start: tokens[i].start, end: tokens[j - 1].end };
    const textOf = (i: number, j: number) => seg.text.slice(tokens[i].start, tokens[j - 1].end).replace(/\s+/g, ' ');
    const mark = (i: number, j: number) => consumed.fill(1, i, j);
    const add = (mention: Omit<Mention, 'span' | 'required' | 'written'>, i: number, j: number, written = textOf(i, j)) => {
      this.mentions.push({ ...mention, span: spanOf(i, j), required: seg.mode !== 'optional' && !optional[i], written });
      mark(i, j);
    };
    const addConcept = (concept: Concept, i: number, j: number, written?: string) => {
      const source: TermSource = concept.source === 'brand' ? 'brand' : concept.id >= 1_000_000 ? 'acronym' : 'vocabulary';
      add({ key: `c${concept.id}`, term: concept.term, concept, aliases: concept.spellings.map((s) => s.text), spellings: concept.spellings, source }, i, j, written);
    };
    const addPhrase = (i: number, j: number, source: TermSource) => {
      const written = textOf(i, j);
      const spelling = makeSpelling(written);
      add({ key: `p:${spelling.tokens.join(' ')}`, term: written, aliases: [], spellings: [spelling], source }, i, j);
    };

    const upperShare = tokens.filter((t) => /^[^a-z]*[A-Z][^a-z]*$/.test(t.raw)).length / n;
    const shouting = n > 3 && upperShare > 0.6;

    if (seg.mode !== 'skip') {
      // 1. Acronyms spelled out in brackets: "Applied Behavior Analysis (ABA)", "Civil Procedure Rules (CPR)". First,
      // so that the job's own meaning of an acronym wins over the vocabulary's (CPR is also resuscitation).
      for (let i = 1; i < n && !shouting; i++) {
        if (consumed[i] || !isAcronym(tokens[i].raw)) continue;
        if (!/\(\s*$/.test(gap(i)) || !(i + 1 >= n ? /^\s*\)/.test(gap(n)) : /^\s*\)/.test(gap(i + 1)))) continue;
        const letters = tokens[i].raw.replace(/s$/, '').replace(/[^A-Z]/g, '');
        let k = i - 1;
        let matched = letters.length;
        const first: number[] = [];
        while (k >= 0 && matched > 0 && !consumed[k]) {
          const t = tokens[k];
          if (STOP.has(t.lower) || t.raw === '&' || t.raw === '/') {
            k--;
            continue;
          }
          if (t.raw[0].toUpperCase() !== letters[matched - 1]) break;
          first.push(k);
          matched--;
          k--;
        }
        if (matched !== 0 || first.length === 0) continue;
        const from = first[first.length - 1];
        // The vocabulary names the long form already ("Basic Life Support (BLS)"): it takes both.
        const known = longestAt(this.vocab.index, tokens, from, n, seg.text);
        if (known && known.end >= i) continue;
        const expansion = textOf(from, i).replace(/[\s(]+$/, '');
        const concept = this.defineLocal(expansion, [makeSpelling(expansion), makeSpelling(tokens[i].raw, SpellingMode.Exact)]);
        addConcept(concept, from, i + 1, expansion);
      }
    }

    // 2. The vocabulary, vita's brand list and the job's own terms: longest spelling first.
    for (let i = 0; i < n; i++) {
      if (consumed[i]) continue;
      const known = longestAt(this.vocab.index, tokens, i, n, seg.text);
      const local = this.local.size > 0 ? longestAt(this.local, tokens, i, n, seg.text) : undefined;
      const found = local && (!known || local.end >= known.end) ? local : known;
      if (!found) continue;
      const { concept, spelling } = found.entry;
      const j = found.end;
      if (tokens.slice(i, j).some((_, k) => consumed[i + k])) continue;
      if (concept.source === 'brand') {
        if (seg.mode === 'skip') continue;
        if (concept.plainWord && clauseStart[i]) continue;
        // A plain word beside another capitalised word is part of a longer name ("Data Vault", "Teams Rooms").
        if (concept.plainWord && ((i > 0 && !clauseStart[i] && /^\p{Lu}/u.test(tokens[i - 1].raw)) || (j < n && !clauseStart[j] && /^\p{Lu}/u.test(tokens[j].raw)))) continue;
        if (tokens.slice(i, j).some((t) => this.excluded.has(t.lower))) continue;
      }
      addConcept(concept, i, j);
      // Words a gap skipped ("administer oral and IV medications") are read on their own.
      if (spelling.gap) consumed.fill(0, i + 1, j - 1);
      else i = j - 1;
    }
    if (seg.mode === 'skip') return;

    // 3. Other acronyms.
    if (!shouting) {
      for (let i = 0; i < n; i++) {
        const t = tokens[i];
        if (consumed[i] || !isAcronym(t.raw)) continue;
        const bare = t.raw.replace(/s$/, '');
        if (this.vocab.stopAcronyms.has(bare) || this.vocab.stopAcronyms.has(t.raw) || this.excludedAcronyms.has(bare) || this.excluded.has(t.lower)) continue;
        if (/^[IVX]+$/.test(bare)) continue;
        // "our SENCO", "the CFO": a person or a body, not a skill.
        if (i > 0 && /^(?:the|our|your|their|his|her)$/.test(tokens[i - 1].lower)) continue;
        addPhrase(i, i + 1, 'acronym');
      }
    }

    // 4. Phrases after requirement cues, before "skills" / "experience", and items of lists.
    const accept = (p: number, q: number, capitals: boolean, single: boolean) => {
      // Leading small words and modifiers go ("strong SQL"), but not a capitalised word inside a sentence, which
      // belongs to a name ("Great Expectations").
      while (p < q && (STOP.has(tokens[p].lower) || (MODIFIERS.has(tokens[p].lower) && (clauseStart[p] || !/^\p{Lu}/u.test(tokens[p].raw))) || /\d/.test(tokens[p].raw) || tokens[p].raw === '/' || tokens[p].raw === '&')) p++;
      while (q > p && (FILLER_HEADS.has(tokens[q - 1].lower) || STOP.has(tokens[q - 1].lower) || tokens[q - 1].raw === '/' || tokens[q - 1].raw === '&')) q--;
      const length = q - p;
      if (length < 1 || length > 3) return;
      let capitalised = false;
      for (let k = p; k < q; k++) {
        const t = tokens[k];
        if (consumed[k] || STOP.has(t.lower) || t.raw === '/' || t.raw === '&' || /\d/.test(t.raw)) return;
        if (isGeneric(this.vocab, t) || (MODIFIERS.has(t.lower) && k > p)) return;
        if (/^\p{Lu}/u.test(t.raw)) {
          capitalised = true;
          if (this.isExcludedWord(t)) return;
        }
        if (t.lower.length < 2) return;
      }
      if (capitalised && !capitals) return;
      if (length === 1 && (tokens[p].lower.length < 3 || (!single && !capitalised))) return;
      if (this.vocab.companies.has(textOf(p, q).toLowerCase())) return;
      addPhrase(p, q, 'phrase');
    };
    /** Items of `[p, q)`, split at commas, `and`, `or`, `/`. */
    const items = (p: number, q: number, capitals: boolean, single: boolean) => {
      let from = p;
      for (let k = p; k <= q; k++) {
        const boundary = k === q || (k > from && comma[k]) || tokens[k].lower === 'and' || tokens[k].lower === 'or' || tokens[k].raw === '/' || tokens[k].raw === '&';
        if (!boundary) continue;
        if (k > from) {
          let known = false;
          for (let m = from; m < k; m++) if (consumed[m]) known = true;
          if (!known) accept(from, k, capitals, single);
        }
        from = k === q ? k : comma[k] && tokens[k].lower !== 'and' && tokens[k].lower !== 'or' && tokens[k].raw !== '/' && tokens[k].raw !== '&' ? k : k + 1;
      }
    };

    for (let i = 0; i < n; i++) {
      for (const cue of CUES_BY_FIRST.get(tokens[i].lower) ?? []) {
        const len = cue.words.length;
        if (i + len > n) continue;
        let hit = true;
        for (let k = 0; k < len; k++) if (tokens[i + k].lower !== cue.words[k]) hit = false;
        if (!hit) continue;
        const o = i + len;
        let q = o;
        while (q < n && q - o < 16 && !clauseStart[q] && !(q > o && /[(]/.test(gap(q))) && !(q > o && OBJECT_STOP.has(tokens[q].lower) && !['and', 'or'].includes(tokens[q].lower))) q++;
        if (q > o) items(o, q, cue.capitals, cue.single);
        break;
      }
      if (BACKWARD_CUES.has(tokens[i].norm) && i > 0 && !consumed[i]) {
        let p = i;
        while (p > 0 && i - p < 3 && !clauseStart[p] && !comma[p] && !consumed[p - 1]) {
          const t = tokens[p - 1];
          if (STOP.has(t.lower) || MODIFIERS.has(t.lower) || /\d/.test(t.raw) || t.raw === '/' || t.raw === '&') break;
          p--;
        }
        if (clauseStart[p] && p < i && /^\p{Lu}/u.test(tokens[p].raw) && MODIFIERS.has(tokens[p].lower)) p++;
        if (p < i) accept(p, i, true, true);
      }
    }
    if (seg.list || (seg.mode !== 'neutral' && listLike(tokens, comma))) {
      // A skills line: every short item may be a term.
      items(0, n, true, true);
    }
    if (seg.whole && !consumed.some((c) => c === 1)) accept(0, n, true, true);
  }

  /** Per token: whether a cue in its clause makes it optional ("ACLS preferred", "a plus", "(BSN desirable)"). */
  private optionalFlags(seg: Segment, tokens: Token[], clauseStart: Uint8Array, comma: Uint8Array, depth: Int8Array): Uint8Array {
    const n = tokens.length;
    const flags = new Uint8Array(n);
    if (seg.mode === 'optional') return flags.fill(1);
    const cueAt = (i: number, cues: string[][]) => cues.find((cue) => cue.every((w, k) => i + k < n && tokens[i + k].lower === w))?.length ?? 0;
    for (let a = 0; a < n; ) {
      let b = a + 1;
      while (b < n && !clauseStart[b]) b++;
      // Cues in this clause: position, kind, bracket depth.
      const cues: Array<{ at: number; optional: boolean; depth: number }> = [];
      for (let i = a; i < b; i++) {
        const notRequired = cueAt(i, [['not', 'required'], ['not', 'essential']]);
        if (notRequired) {
          cues.push({ at: i, optional: true, depth: depth[i] });
          i += notRequired - 1;
          continue;
        }
        const o = cueAt(i, OPTIONAL_CUES);
        if (o) {
          cues.push({ at: i, optional: true, depth: depth[i] });
          i += o - 1;
          continue;
        }
        if (cueAt(i, REQUIRED_CUES)) cues.push({ at: i, optional: false, depth: depth[i] });
      }
      if (cues.some((c) => c.optional)) {
        const requiredToo = cues.some((c) => !c.optional);
        for (let i = a; i < b; i++) {
          // A cue inside brackets with other words ("(BSN preferred)") covers the brackets only.
          const bracketCue = cues.find((c) => c.depth > 0 && c.depth === depth[i] && sameBracket(depth, c.at, i));
          if (bracketCue) {
            flags[i] = bracketCue.optional ? 1 : 0;
            continue;
          }
          if (!requiredToo) {
            flags[i] = depth[i] > 0 && cues.every((c) => c.depth === 0) ? 0 : 1;
            if (cues.every((c) => c.depth > 0)) {
              // "(preferred)" alone: the words before it.
              const cue = cues[0];
              flags[i] = i < cue.at && depth[i] === 0 && !bracketHasWords(tokens, depth, cue.at) ? 1 : 0;
            }
            continue;
          }
          // Both kinds: each comma part takes the first cue at or after it.
          const next = cues.find((c) => c.at >= partStart(comma, a, i)) ?? cues[cues.length - 1];
          flags[i] = next.optional ? 1 : 0;
        }
      }
      a = b;
    }
    return flags;
  }
}

function partStart(comma: Uint8Array, a: number, i: number): number {
  let p = i;
  while (p > a && !comma[p]) p--;
  return p;
}

function sameBracket(depth: Int8Array, a: number, b: number): boolean {
  const [from, to] = a < b ? [a, b] : [b, a];
  for (let k = from; k <= to; k++) if (depth[k] < depth[a]) return false;
  return true;
}

/** Whether the bracket holding the cue at `at` holds words besides the cue. */
function bracketHasWords(tokens: Token[], depth: Int8Array, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && depth[k] === depth[at]) {
    if (!['preferred', 'desirable', 'a', 'plus', 'bonus', 'ideally', 'optional'].includes(tokens[k].lower)) return true;
    k--;
  }
  k = at + 1;
  while (k < tokens.length && depth[k] === depth[at]) {
    if (!['preferred', 'desirable', 'a', 'plus', 'bonus', 'ideally', 'optional'].includes(tokens[k].lower)) return true;
    k++;
  }
  return false;
}

/** `ABA`, `EHR`, `GA4`, `KPIs`, `C++`: two capitals or more, short. */
function isAcronym(raw: string): boolean {
  if (raw.length < 2 || raw.length > 8) return false;
  return /^[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:s|\+{1,2}|#)?$/.test(raw) && !/^[A-Z][a-z]/.test(raw);
}

/** A line of short items separated by commas: "Python, Go, Rust", "Kronos, Visio and Tableau". */
function listLike(tokens: Token[], comma: Uint8Array): boolean {
  let parts = 1;
  let run = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (comma[i]) {
      parts++;
      run = 0;
    }
    run++;
    if (run > 4) return false;
  }
  return parts >= 3;
}

// ---------------------------------------------------------------------------------------------
// Markdown and text

const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BOLD_LINE = /^\s*(\*\*|__)(.+?)\1\s*:?\s*$/;
const BULLET = /^\s*(?:[-*+•▪◦‣·–]|\d{1,2}[.)])\s+/;
const LABEL = /^\s*(?:[-*+•]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z '’&/()-]{0,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(\S.*)$/;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function readMarkdown(reader: JobReader, text: string): Segment[] {
  const lines = splitLines(text);
  const segments: Segment[] = [];
  let mode: Mode = 'neutral';
  let titleSeen = false;
  /** The segment a continuation line joins. */
  let open: Segment | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const content = line.text;
    if (content.trim().length === 0) {
      open = undefined;
      continue;
    }
    if (/^\s*(?:[-=*_]\s*){3,}$/.test(content)) continue; // rules and setext underlines
    const next = lines[index + 1]?.text ?? '';
    const atx = ATX.exec(content);
    const bold = BOLD_LINE.exec(content);
    const setext = /^\s*(?:=+|-+)\s*$/.test(next) && !BULLET.test(content) && next.trim().length > 0;
    const bullet = BULLET.exec(content);
    const stripped = content.replace(/[*_`#]/g, '').trim();
    const colonHeading = !bullet && /^[^:]{2,60}:\s*$/.test(stripped) && wordCount(stripped) <= 8;
    const caps = !bullet && /\p{Lu}/u.test(stripped) && !/\p{Ll}/u.test(stripped) && wordCount(stripped) <= 8 && wordCount(stripped) >= 1 && /[A-Z]{3}/.test(stripped);
    const known = headingMode(stripped);
    const shortKnown = !bullet && known !== undefined && wordCount(stripped) <= 6 && !/[.,;]$/.test(stripped) && !LABEL.test(content);
    const isHeading = atx || bold || setext || colonHeading || caps || shortKnown;
    if (!titleSeen) {
      titleSeen = true;
      // The first line: the job's title when it is a heading, or a short line on its own. A title names the post
      // ("Senior Backend Engineer", "Sous Chef"): filler, no terms; the employer and place after it are noted.
      if ((atx || bold || setext || (wordCount(stripped) <= 12 && !/[.;]$/.test(stripped))) && (known === undefined || (atx && atx[1] === '#'))) {
        const headingText = atx ? atx[2] : bold ? bold[2] : content.trim();
        reader.title = headingText.replace(/[*_`]/g, '').trim();
        titleEmployer(reader, reader.title);
        if (setext) index++;
        continue;
      }
    }
    if (isHeading) {
      const headingText = (atx ? atx[2] : bold ? bold[2] : stripped).replace(/[*_`:]/g, '').trim();
      mode = known ?? 'neutral';
      const about = /^(?:about|join|life at|working at|why)\s+(.+)$/i.exec(headingText);
      if (about && mode === 'skip' && !/^(?:us|you|the team|our team|the company|our company|company)$/i.test(about[1].trim())) reader.addEmployer(about[1]);
      if (setext) index++;
      open = undefined;
      continue;
    }
    // `Label: value` lines.
    const label = LABEL.exec(content);
    let lineMode = mode;
    let from = line.start + (bullet ? bullet[0].length : 0);
    let list = false;
    if (label) {
      const name = label[1].trim().toLowerCase().replace(/\s+/g, ' ');
      const value = label[2];
      if (META_LABEL.test(name)) {
        if (EMPLOYER_LABEL.test(name)) reader.addEmployer(value);
        else if (PLACE_LABEL.test(name)) reader.addExcluded(value);
        open = undefined;
        continue;
      }
      const labelMode = headingMode(name);
      if (labelMode && wordCount(name) <= 5) {
        lineMode = labelMode;
        from = line.start + content.length - value.length;
        list = labelMode !== 'skip';
      }
    }
    // About the employer, benefits, how to apply: no terms; the employer's name and places are noted.
    if (lineMode === 'neutral' || lineMode === 'skip') placesAndEmployer(reader, content);
    // A line that carries on the paragraph or bullet above (no marker, no label) joins its segment: sentences
    // run across lines.
    if (open && !bullet && !label && open.mode === lineMode && lines[index - 1].text.trim().length > 0) {
      open.to = line.end;
      continue;
    }
    open = { text, from, to: line.end, mode: lineMode, list };
    segments.push(open);
  }
  // About the employer, benefits, how to apply give no terms, but a requirement stated there still counts ("The
  // post is subject to an enhanced DBS check").
  return segments.filter((s) => s.mode !== 'skip' || SKIP_REQUIREMENT.test(s.text.slice(s.from, s.to)));
}

/** "Senior Nurse — Riverside Clinic, Harborview": the words after `at`, a dash, a bar or a comma are not terms. */
function titleEmployer(reader: JobReader, title: string): void {
  const parts = title.split(/\s+(?:at|@)\s+|\s+[—–|-]\s+|,\s+|\s*\(\s*|\s*\)\s*/);
  for (const part of parts.slice(1)) if (/^\p{Lu}/u.test(part.trim())) reader.addExcluded(part);
}

const EMPLOYER_SENTENCE =
  /(?:^|[.!?]\s+|^\s*(?:[-*+•]\s+)?)((?:The\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|&|and|for))*)\s+(?:is|are|was|has|have|provides|serves|builds|makes|helps|seeks|operates|runs|offers|employs|delivers|creates|develops|was founded|exists|believes|supports|cares|needs|wants)\b/u;
const EMPLOYER_AFTER = /\b(?:[Aa]t|[Jj]oin|[Jj]oining|[Ww]orking at)\s+((?:The\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|&))*)/u;
const PLACE_AFTER = /\b(?:based in|located in|near|offices? in|campus in|in)\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)*)(?:,\s*(\p{Lu}[\p{L}.-]+(?:\s+\p{Lu}[\p{L}.-]+)*))/u;
const PLACE_CUE = /\b(?:based in|located in|near|offices? in|campus in)\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)*)/u;
const PRONOUNS = /^(?:we|you|our|your|they|this|it|he|she|i|the|a|an|each|every|all|as|if|in|at|on|for|with|join|about|why|what|how|when|who|here|there|successful|ideal|experience|candidates?|applicants?|this role|the role)$/i;

/** Names of the employer and places a line gives away ("Riverside Clinic is a …", "at Northwind", "in Harborview, OR"). */
function placesAndEmployer(reader: JobReader, line: string): void {
  const employer = EMPLOYER_SENTENCE.exec(line);
  if (employer && !PRONOUNS.test(employer[1].trim().split(/\s+/)[0]) && wordCount(employer[1]) <= 5) reader.addEmployer(employer[1]);
  const after = EMPLOYER_AFTER.exec(line);
  if (after && !PRONOUNS.test(after[1].trim())) reader.addExcluded(after[1]);
  const place = PLACE_AFTER.exec(line);
  if (place) {
    reader.addExcluded(place[1]);
    reader.addExcluded(place[2]);
  }
  const cue = PLACE_CUE.exec(line);
  if (cue) reader.addExcluded(cue[1]);
}

// ---------------------------------------------------------------------------------------------
// JSON Resume job files

function readJsonJob(reader: JobReader, text: string): Segment[] {
  const root = readJson(text);
  const segments: Segment[] = [];
  if (root.kind !== 'object') return segments;
  const stringSegment = (node: JsonNode, mode: Mode, extra: Partial<Segment> = {}) => {
    if (node.kind !== 'string') return;
    segments.push({ text: node.value, from: 0, to: node.value.length, offsets: node.offsets, mode, ...extra });
  };
  const strings = (node: JsonNode): string[] =>
    node.kind === 'string' ? [node.value] : node.kind === 'array' ? node.items.flatMap(strings) : node.kind === 'object' ? node.entries.flatMap((e) => strings(e.value)) : [];
  // The employer and the place first: they are never terms.
  for (const { key, value } of root.entries) {
    if (key === 'company') for (const name of strings(value)) reader.addEmployer(name);
    if (key === 'location') for (const name of strings(value)) reader.addExcluded(name);
  }
  const lines = (node: JsonNode, mode: Mode, extra: Partial<Segment> = {}) => {
    if (node.kind === 'array') for (const item of node.items) lines(item, mode, extra);
    else if (node.kind === 'string') {
      // A description may hold several lines: each is read on its own.
      let from = 0;
      for (const part of node.value.split('\n')) {
        const to = from + part.length;
        if (part.trim().length > 0) segments.push({ text: node.value, from, to, offsets: node.offsets, mode, ...extra });
        from = to + 1;
      }
    }
  };
  for (const { key, value } of root.entries) {
    switch (key) {
      case 'title':
        if (value.kind === 'string') {
          reader.title = value.value;
          titleEmployer(reader, value.value);
        }
        break;
      case 'description':
      case 'responsibilities':
        lines(value, 'neutral');
        break;
      case 'qualifications':
        lines(value, 'required');
        break;
      case 'skills':
        if (value.kind !== 'array') break;
        for (const skill of value.items) {
          if (skill.kind === 'string') stringSegment(skill, 'required', { list: true, whole: true });
          if (skill.kind !== 'object') continue;
          for (const entry of skill.entries) {
            if (entry.key === 'name') stringSegment(entry.value, 'required', { whole: false });
            if (entry.key === 'keywords' && entry.value.kind === 'array') {
              for (const keyword of entry.value.items) stringSegment(keyword, 'required', { list: true, whole: true });
            }
          }
        }
        break;
      case 'company':
      case 'location':
      case 'type':
      case 'date':
      case 'remote':
      case 'salary':
      case 'experience':
      case 'meta':
      case '$schema':
        break;
      default: {
        // Fields beyond the schema: "niceToHave", "requirements", "benefits"… by their name.
        const mode = headingMode(key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' '));
        if (mode && mode !== 'skip') lines(value, mode, { list: value.kind === 'array' });
      }
    }
  }
  return segments;
}

// ---------------------------------------------------------------------------------------------
// The whole

export interface ParseJobOptions {
  /** How the job is written; by default JSON when the text starts with `{`, Markdown otherwise. */
  format?: JobFormat;
}

/** The format a job file's name suggests: `.json` → JSON, `.txt` → text, anything else → Markdown. */
export function jobFormatOf(path: string): JobFormat {
  return /\.json$/i.test(path) ? 'json' : /\.txt$/i.test(path) ? 'text' : 'markdown';
}

/**
 * A job description → its requirement terms, each with the spellings that count, whether it is required and where
 * the job names it (LSP ranges in the job's text). Throws a `JsonSyntaxError` for a JSON job that is not JSON.
 */
export function parseJob(text: string, options: ParseJobOptions = {}): JobDescription {
  const format: JobFormat = options.format ?? (/^\s*\{/.test(text) ? 'json' : 'markdown');
  const reader = new JobReader();
  const segments = format === 'json' ? readJsonJob(reader, text) : readMarkdown(reader, text);
  for (const segment of segments) reader.read(segment);
  const lines = splitLines(text);
  return { text, lines, format, title: reader.title, employer: reader.employer, terms: mergeMentions(reader.mentions, lines) };
}

function mergeMentions(mentions: Mention[], lines: ReturnType<typeof splitLines>): JobTerm[] {
  const byKey = new Map<string, { first: Mention; firstRequired?: Mention; all: Mention[]; written: string[] }>();
  for (const mention of mentions) {
    let entry = byKey.get(mention.key);
    if (!entry) byKey.set(mention.key, (entry = { first: mention, all: [], written: [] }));
    entry.all.push(mention);
    if (mention.required && !entry.firstRequired) entry.firstRequired = mention;
    if (!entry.written.some((w) => w.toLowerCase() === mention.written.toLowerCase())) entry.written.push(mention.written);
  }
  const terms: JobTerm[] = [];
  for (const { first, firstRequired, all, written } of byKey.values()) {
    const anchor = firstRequired ?? first;
    const term = first.term;
    const seen = new Set([term.toLowerCase()]);
    const aliases: string[] = [];
    for (const spelling of [...written, ...first.aliases]) {
      const key = spelling.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      aliases.push(spelling);
    }
    const spellings = first.concept ? first.spellings : [...first.spellings, ...written.slice(1).map((w) => makeSpelling(w))];
    terms.push({
      term,
      aliases,
      required: firstRequired !== undefined,
      jobRange: spanToRange(lines, anchor.span),
      jobSpan: anchor.span,
      mentions: all.map((m) => m.span),
      source: first.source,
      spellings,
    });
  }
  return terms;
}
