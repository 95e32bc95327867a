/**
 * One victim's age inside the phrase that names them ("an 11-year-old boy", "her 3-year-old
 * brother", "a boy aged 9"): the phrase counts one, the age no one, and an age under the
 * language's childUnder makes a victim the noun names no group of a child. Words come from
 * the victims rules (agesBefore, agesAfter, ageDeterminers, childUnder).
 */
import type { Head, Kit } from './kit.js';
import type { Lexicon } from './lexicon.js';
import { nextToken, phraseSet } from './lexicon.js';
import type { Sentence, Token } from './tokens.js';
import { numberValue } from './tokens.js';
import type { SingularNouns, Victim } from './victims.js';
import { singularNounsOf } from './victims.js';

type AgeKit = SingularNouns & {
  readonly before: Lexicon<true>;
  readonly after: Lexicon<true>;
  readonly childUnder: number | null;
};

const KITS = new WeakMap<Kit, AgeKit | null>();

const ageKitOf = (kit: Kit): AgeKit | null => {
  if (KITS.has(kit)) return KITS.get(kit)!;
  const v = kit.lang.victims;
  const made = v.agesBefore.length || v.agesAfter.length
    ? { ...singularNounsOf(kit), before: phraseSet(kit.matcher, v.agesBefore), after: phraseSet(kit.matcher, v.agesAfter), childUnder: v.childUnder ?? null }
    : null;
  KITS.set(kit, made);
  return made;
};

/** The years an age phrase [from, to] states: its first number token. */
const yearsIn = (tokens: readonly Token[], from: number, to: number): number | null => {
  for (let k = from; k <= to; k++) if (tokens[k]!.kind === 'number') return numberValue(tokens[k]!);
  return null;
};

const childOf = (a: AgeKit, v: Victim, years: number | null): Victim =>
  v.group === 'all' && years !== null && a.childUnder !== null && years < a.childUnder ? { ...v, group: 'children' } : v;

/** An age after a singular victim phrase ending at `to` ("a boy aged 9", "a girl, aged 7,"): the phrase taken to its end. */
export const ageAfter = (kit: Kit, tokens: readonly Token[], s: Sentence, v: Victim): Victim => {
  const a = ageKitOf(kit);
  if (!a) return v;
  let j = nextToken(tokens, v.to, s.to);
  const comma = j < s.to && tokens[j]!.kind === 'punct' && kit.commas.has(tokens[j]!.text);
  if (comma) j = nextToken(tokens, j, s.to);
  const m = j < s.to ? a.after.matchAt(tokens, j, s.to) : null;
  if (!m) return v;
  // an age set off by commas takes its closing comma: what follows reads on from the phrase
  const close = nextToken(tokens, m.to, s.to);
  const to = comma && close < s.to && tokens[close]!.kind === 'punct' && kit.commas.has(tokens[close]!.text) ? close : m.to;
  return childOf(a, { ...v, to }, yearsIn(tokens, m.from, m.to));
};

/**
 * A determiner, an age, then the noun of a singular phrase, modifiers perhaps between ("an
 * 11-year-old boy", "a 70-year-old Syrian man"); with no noun after it the age names one
 * person ("a 15-year-old was killed").
 */
export const agedVictimAt = (kit: Kit, tokens: readonly Token[], s: Sentence, i: number, refine: (v: Victim, h: Head) => Victim): Victim | null => {
  const a = ageKitOf(kit);
  const d = a ? a.determiners.matchAt(tokens, i, s.to) : null;
  const j = d ? nextToken(tokens, d.to, s.to) : s.to;
  const age = a && j < s.to ? a.before.matchAt(tokens, j, s.to) : null;
  if (!a || !age) return null;
  const years = yearsIn(tokens, age.from, age.to);
  let k = nextToken(tokens, age.to, s.to);
  for (let n = 0; n < 3 && k < s.to && !a.nouns.matchAt(tokens, k, s.to); n++) {
    const m = kit.modifiers.matchAt(tokens, k, s.to);
    if (!m) break;
    k = nextToken(tokens, m.to, s.to);
  }
  const h = k < s.to ? a.nouns.matchAt(tokens, k, s.to) : null;
  if (!h) return childOf(a, { group: 'all', affiliation: null, to: age.to, others: false }, years);
  return childOf(a, refine({ group: h.value.group, affiliation: h.value.affiliation, to: h.to, others: false }, h.value), years);
};
