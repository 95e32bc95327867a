/**
 * Stances read by constructions written as data (the `grammar` section of
 * rules/languages/<lang>/stances.yaml), with the engine of the claims grammar: the same
 * first-slot index, clause boundaries, gaps and overlap policy (longest first, then
 * priority, then the earlier start). The word classes of the section are joined by classes
 * made from the rules of actors and sources, so a pattern names "an actor" or "a source" as
 * it names any word class. What a match means is the registry in stance-meanings.ts.
 */
import type { Construction, ConstructionRules } from '../rules/language-schema.js';
import type { StanceConstruction, StanceGrammar } from '../rules/stance-schema.js';
import type { Grammar, Match, Readers, Scene } from './grammar.js';
import { byPolicy, compileGrammar, matchesIn } from './grammar.js';
import type { Kit } from './kit.js';
import { compileLexicon } from './lexicon.js';
import type { Speaker, SentenceSpeakers } from './speakers.js';
import type { Sentence, Token } from './tokens.js';

export type CompiledStances = {
  readonly grammar: Grammar;
  readonly byId: ReadonlyMap<string, StanceConstruction>;
};

/** Value prefixes of the classes made from the rules: "actor:russia", "source:sohr". */
export const ACTOR = 'actor:';
export const SOURCE = 'source:';

const perLanguage = (m: unknown, keys: readonly string[]): readonly string[] => keys.flatMap((k) => ((m ?? {}) as Record<string, readonly string[] | undefined>)[k] ?? []);

/** The classes made from the rules of actors and sources, and the language's metonyms. */
const ruleClasses = (kit: Kit, g: StanceGrammar): ConstructionRules['classes'] => {
  const actors = [...kit.actorsById.values()];
  const byActor = (pick: (a: (typeof actors)[number]) => unknown) =>
    Object.fromEntries(actors.map((a) => [`${ACTOR}${a.id}`, [...perLanguage(pick(a), kit.aliasKeys)]]).filter(([, ps]) => ps!.length));
  const sources = [...kit.sourcesById.values()];
  return {
    'actor': byActor((a) => a.aliases),
    'actor-adjective': byActor((a) => a.adjectives),
    'source': Object.fromEntries(sources.map((s) => [`${SOURCE}${s.id}`, [...perLanguage(s.aliases, kit.aliasKeys)]]).filter(([, ps]) => ps!.length)),
    'metonym': Object.fromEntries(Object.entries(g.metonyms).map(([id, ps]) => [`${ACTOR}${id}`, ps])),
  };
};

/** A stance construction as the engine sees it: its pattern; its meaning stays with the stance rules. */
const asEngine = (c: StanceConstruction): Construction => ({
  id: c.id, builds: 'non-claim', priority: c.priority, pattern: c.pattern, fields: {}, examples: { read: [], reject: [] },
});

const compiled = new WeakMap<Kit, CompiledStances | null>();

/** The language's stance grammar, compiled once per kit (null when the language writes none). */
export const stanceGrammarOf = (kit: Kit): CompiledStances | null => {
  if (compiled.has(kit)) return compiled.get(kit)!;
  const g = kit.lang.stances.grammar;
  const out = g && g.constructions.length ? {
    grammar: compileGrammar({
      classes: { ...ruleClasses(kit, g), ...g.classes },
      clauseOpeners: kit.lang.constructions.clauseOpeners,
      constructions: g.constructions.map(asEngine),
    }, kit.matcher, kit.clauseMarks),
    byId: new Map(g.constructions.map((c) => [c.id, c])),
  } : null;
  compiled.set(kit, out);
  return out;
};

const none = () => null;

/** The built-in readers the engine needs: numbers (a gap stops at one); a stance reads no qualifier, range or victim. */
const readersOf = (kit: Kit): Readers => {
  const empty = compileLexicon<never>(kit.matcher, []);
  return {
    numbers: kit.numbers, qualBefore: empty, qualAfter: empty, rangeBefore: empty, rangeJoiners: empty, rangeMarks: new Set<string>(), coordinators: empty,
    victimAt: none, fewAt: none, pronounAt: none, dayOfMonth: () => false,
  };
};
const readersByKit = new WeakMap<Kit, Readers>();
const readersFor = (kit: Kit): Readers => {
  let r = readersByKit.get(kit);
  if (!r) { r = readersOf(kit); readersByKit.set(kit, r); }
  return r;
};

/** One sentence as the stance meanings see it. */
export type StanceScene = {
  readonly kit: Kit;
  readonly compiled: CompiledStances;
  readonly scene: Scene;
  readonly tokens: readonly Token[];
  readonly s: Sentence;
  readonly speakers: SentenceSpeakers;
  readonly voice: Speaker;
};

/** The matches of every stance construction in a sentence, in the order of the overlap policy (stances.ts takes them). */
export const stanceMatches = (kit: Kit, tokens: readonly Token[], s: Sentence, speakers: SentenceSpeakers, voice: Speaker): { readonly scene: StanceScene; readonly matches: readonly Match[] } | null => {
  const c = stanceGrammarOf(kit);
  if (!c) return null;
  // the mark that ends the sentence is read too ("?" makes it a question)
  const end = tokens[s.to];
  const upto = end?.kind === 'punct' ? { ...s, to: s.to + 1 } : s;
  const scene: Scene = { tokens, s: upto, readers: readersFor(kit), claims: [], nodes: [], memo: new Map() };
  return { scene: { kit, compiled: c, scene, tokens, s, speakers, voice }, matches: matchesIn(c.grammar, scene, () => true).sort(byPolicy) };
};
