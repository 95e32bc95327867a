/**
 * The gate: most sentences of a long article carry nothing the extractor keeps (background
 * prose). What a sentence yields reaches the output only through a claim (which needs a figure:
 * a number, a number word, a victim noun of one or two, a pronoun claim; see hasFigure in
 * constructions.ts), a stance (which needs a doer: an actor, its adjective, a source speaking
 * for it, an attack noun or a doer, accusation, denial or acknowledgement word), "the toll may
 * rise", or an attack cue (which makes a sentence with a place or date an event's). A sentence
 * with no token that could open any of these is inert: only who speaks in it is worked out
 * (the speaker carries over to the next sentence), and nothing else is read. `--no-gate` reads
 * every sentence; a property test checks that both give the same output.
 */
import type { Kit } from './kit.js';
import { stanceGrammarOf } from './stance-grammar.js';
import type { Lexicon } from './lexicon.js';
import type { Sentence, Token } from './tokens.js';

type Judge = { readonly lexicons: readonly Lexicon<unknown>[]; readonly words: Map<string, boolean> };

/** Word verdicts per kit: a word's answer does not change within a rule set. */
const JUDGES = new WeakMap<Kit, Judge>();
const JUDGED_SIZE = 100_000;

/** Every lexicon whose phrase may open a claim, stance, cue or doer (the kit's, by name). */
const OPENERS = [
  'dual', 'singular', 'oneOther', 'mayRise', 'attackCues', 'attackNouns', 'actors', 'actorAdjectives', 'sources', 'ownedNouns', 'selfReference',
  'doerBefore', 'doerAfter', 'doerLinks', 'accuse', 'accuseComplement', 'deny', 'acknowledge', 'blame', 'denialObjects', 'passives',
  'likely', 'possible', 'negations',
] as const satisfies readonly (keyof Kit)[];

const judgeOf = (kit: Kit): Judge => {
  let j = JUDGES.get(kit);
  if (!j) {
    // every word of the stance constructions' classes (rules/languages/<lang>/stances.yaml grammar)
    const stances = stanceGrammarOf(kit)?.grammar.words;
    j = { lexicons: [...OPENERS.map((k) => kit[k] as Lexicon<unknown>), ...(stances ? [stances] : [])].filter((l) => l !== undefined), words: new Map() };
    JUDGES.set(kit, j);
  }
  return j;
};

// (loops, not closures: these are asked of every token of every sentence)
const someOpens = (j: Judge, t: Token): boolean => {
  for (const l of j.lexicons) if (l.opens(t)) return true;
  return false;
};
const pronounForm = (kit: Kit, t: Token): boolean => {
  for (const v of kit.matcher.variants(t.text)) if (kit.pronounClaims.has(v)) return true;
  return false;
};
const someMatch = (j: Judge, t: Token, tokens: readonly Token[], i: number, to: number): boolean => {
  for (const l of j.lexicons) if (l.opens(t) && l.matchAt(tokens, i, to) !== null) return true;
  return false;
};

const opensAny = (kit: Kit, j: Judge, t: Token): boolean => {
  if (t.kind !== 'word') return someOpens(j, t);
  const known = j.words.get(t.text);
  if (known !== undefined) return known;
  if (j.words.size >= JUDGED_SIZE) j.words.clear();
  const yes = someOpens(j, t) || kit.numbers.wordValue(t) !== null || pronounForm(kit, t);
  j.words.set(t.text, yes);
  return yes;
};

/** Nothing in the sentence could open a claim, stance, cue or doer: reading it finds nothing that is kept. */
export const inert = (kit: Kit, tokens: readonly Token[], s: Sentence): boolean => {
  const j = judgeOf(kit);
  for (let i = s.from; i < s.to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number') return false;
    // a word that may open a phrase, where one of them does occur (most function words open a
    // longer phrase that is not there: "من" of "من قبل")
    if (opensAny(kit, j, t) && (kit.numbers.wordValue(t) !== null || (t.kind === 'word' && pronounForm(kit, t))
      || someMatch(j, t, tokens, i, s.to))) return false;
    // a figure read from more than the word (a vague quantity: "dozens of")
    if (t.kind === 'word' && kit.numbers.readAt(tokens, i, s.to) !== null) return false;
  }
  return true;
};

/**
 * "The toll may rise" or an attack cue occurs in the sentence: without them, a sentence that
 * has no claim and no stance tells nothing that is kept (its places and dates join no event).
 */
export const cuesEvent = (kit: Kit, tokens: readonly Token[], s: Sentence): boolean => {
  for (let i = s.from; i < s.to; i++) {
    if (kit.mayRise.matchAt(tokens, i, s.to) !== null || kit.attackCues.matchAt(tokens, i, s.to) !== null) return true;
  }
  return false;
};
