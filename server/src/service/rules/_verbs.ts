/**
 * A small built-in lexicon of résumé action verbs, shared by rules (not a rule: the `_` keeps it out of the
 * registry check). `bullet-stray-glyph` falls back to it when no spelling engine is loaded; `style-tense` and
 * `style-weak-verb` read tenses from it. Deliberately short: only verbs that open résumé bullets and are rarely
 * nouns at the start of one (no `design`, `research`, `support`, `lead`, `test`, `plan`).
 */

/** Base form → past form for the irregular ones. */
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  build: 'built', rebuild: 'rebuilt', lead: 'led', run: 'ran', write: 'wrote', rewrite: 'rewrote', drive: 'drove',
  make: 'made', teach: 'taught', bring: 'brought', hold: 'held', keep: 'kept', send: 'sent', spend: 'spent',
  grow: 'grew', take: 'took', undertake: 'undertook', give: 'gave', choose: 'chose', sell: 'sold', tell: 'told',
  think: 'thought', speak: 'spoke', begin: 'began', win: 'won', oversee: 'oversaw', overcome: 'overcame',
  find: 'found', get: 'got', go: 'went', meet: 'met', set: 'set', cut: 'cut', put: 'put', shape: 'shaped',
  fight: 'fought', seek: 'sought', draw: 'drew', understand: 'understood', foresee: 'foresaw', see: 'saw',
  become: 'became', come: 'came', do: 'did', forecast: 'forecast', broadcast: 'broadcast', split: 'split',
  spin: 'spun', stand: 'stood', withstand: 'withstood', feed: 'fed', pay: 'paid', lay: 'laid', sit: 'sat',
};

/** Base forms of common résumé verbs (regular past in -ed unless listed above). */
const BASE_VERBS = `
accelerate achieve acquire adapt administer advise advocate align analyse analyze architect arrange assemble assess
assist audit author automate balance benchmark boost bootstrap broaden build calculate catalogue champion clarify
coach code collaborate collect compile complete compose conceive conduct configure consolidate construct consult
contribute convert coordinate create curate customize cut debug decrease define delegate deliver demonstrate deploy
derive design develop devise diagnose direct discover document double drive earn educate eliminate empower enable
encourage engineer enhance ensure establish estimate evaluate examine execute expand expedite experiment explore
extend extract facilitate finalize fix forecast formalize formulate foster found gather generate grow guide halve
handle harden headline help hire identify implement improve increase influence initiate innovate inspect install
instrument integrate interview introduce invent investigate launch lead lower maintain manage map market maximize
mentor merge migrate minimize moderate modernize monitor motivate negotiate onboard operate optimise optimize
orchestrate organise organize outline overhaul oversee own partner pilot pioneer plan prepare present prioritize produce
profile program promote propose prototype provide publish recommend reconcile recruit redesign reduce refactor
refine reorganize repair replace report represent research resolve restructure revamp review revise rewrite run
save scale schedule secure shape ship shorten simplify solve spearhead speed standardize steer strengthen
streamline structure succeed supervise support surpass sustain teach test train transform translate triage triple
troubleshoot unify update upgrade use validate verify visualize win work write
`.trim().split(/\s+/);

/** Base forms that are common nouns at the start of a bullet (`Research on…`, `Support for…`): tense unknown. */
const NOUN_LIKE = new Set([
  'research', 'support', 'test', 'design', 'lead', 'plan', 'report', 'review', 'update', 'work', 'map', 'program',
  'profile', 'present', 'outline', 'structure', 'partner', 'pilot', 'prototype', 'market', 'benchmark', 'audit',
  'document', 'schedule', 'cut', 'set', 'put', 'help', 'train', 'triage', 'code', 'ship', 'experiment',
  'interview', 'headline', 'balance', 'forecast', 'shape', 'speed', 'double', 'triple', 'halve', 'found', 'own',
  'mentor', 'champion', 'catalogue', 'instrument', 'scale', 'repair', 'author', 'architect', 'engineer', 'secure',
  'run', 'drive', 'win', 'save', 'fix',
]);

function regularPast(base: string): string {
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  // Doubling for short stressed endings: plan → planned, ship → shipped (not develop → developped).
  if (/^(?:ship|plan|scrap|drop|stop|map|skip|grab|tag|chat|pin|log)$/.test(base)) return `${base}${base.at(-1)}ed`;
  return `${base}ed`;
}

function thirdPerson(base: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

function gerund(base: string): string {
  if (base.endsWith('ie')) return `${base.slice(0, -2)}ying`;
  if (base.endsWith('ee')) return `${base}ing`;
  if (base.endsWith('e')) return `${base.slice(0, -1)}ing`;
  if (/^(?:ship|plan|scrap|drop|stop|map|skip|grab|tag|chat|pin|log|run|win|set|cut|put|begin|spin|sit|get)$/.test(base)) {
    return `${base}${base.at(-1)}ing`;
  }
  return `${base}ing`;
}

const ALL_BASES = [...new Set([...BASE_VERBS, ...Object.keys(IRREGULAR_PAST)])];

export function pastOf(base: string): string {
  return IRREGULAR_PAST[base] ?? regularPast(base);
}

/** past form → base, present (3rd person) form → base, gerund → base. */
const PAST = new Map<string, string>();
const THIRD = new Map<string, string>();
const GERUND = new Map<string, string>();
for (const base of ALL_BASES) {
  PAST.set(pastOf(base), base);
  THIRD.set(thirdPerson(base), base);
  GERUND.set(gerund(base), base);
}
const BASES = new Set(ALL_BASES);

/** Every form of every verb in the lexicon, lower case: the fallback word list for glued glyphs. */
export const KNOWN_VERB_FORMS: ReadonlySet<string> = new Set([...BASES, ...PAST.keys(), ...THIRD.keys(), ...GERUND.keys()]);

export type VerbTense = 'past' | 'present';

/**
 * The tense a bullet's first word shows, or undefined when it is not a verb of the lexicon, when the form is
 * both (`set`, `cut`, `read`) or when the base form is a common noun (`Research`, `Support`).
 */
export function verbTense(word: string): VerbTense | undefined {
  const lower = word.toLowerCase();
  const isPast = PAST.has(lower);
  const isBase = BASES.has(lower) && !NOUN_LIKE.has(lower);
  const isThird = THIRD.has(lower) && !NOUN_LIKE.has(THIRD.get(lower)!);
  if (isPast && (BASES.has(lower) || THIRD.has(lower))) return undefined;
  if (isPast) return 'past';
  if (isBase || isThird) return 'present';
  return undefined;
}

/** The past form of a gerund of the lexicon (`managing` → `managed`), or undefined. */
export function pastOfGerund(word: string): string | undefined {
  const base = GERUND.get(word.toLowerCase());
  return base === undefined ? undefined : pastOf(base);
}
