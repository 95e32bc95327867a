/**
 * Stance constructions (the `grammar` section of rules/languages/<lang>/stances.yaml): who
 * did it, according to whom, read by typed token patterns written as data, with the engine
 * of the claims grammar (src/extract/grammar.ts). Slots are those of constructions.yaml; the
 * word classes are this section's own, plus classes made from the rules of sources and
 * actors: `actor` (an actor's aliases; the value is its id), `actor-adjective` (its
 * adjectives), `source` (a source's aliases) and `metonym` (a capital that stands for its
 * government where the language says so, as the subject of a verb of saying or denying;
 * never a doer). What a match means is the registry in src/extract/stance-meanings.ts.
 */
import { z } from 'zod';
import { HarmAssessmentKind, StanceKind } from '../model/contract.js';
import { Slot } from './language-schema.js';

const phrase = z.string().trim().min(1, 'a phrase cannot be empty');
const slotIndex = z.number().int().nonnegative();

const ExampleRead = z.object({
  text: phrase,
  /** what the construction must read: "kind actor" ("asserts russia", "denies coalition"), for an assessment "no-evidence coalition",
   *  for a background "no russia" (no stance of that actor) */
  stances: z.array(phrase).min(1),
}).strict();

export const StanceConstruction = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'an id is lower-case words joined by - or .'),
  /**
   * what it builds: `doer` (the actors of the slots carried out the attack), `denial` (the
   * speaker denies it), `accusation` (a speaker names the doer), `acknowledgement` (a
   * speaker says its own side struck), `assessment` (a belligerent's word on civilian harm,
   * apart from who struck), `no-stance` (a conditional or a question: nothing after it in
   * the sentence is a stance), `background` (the actors named in it are no doer there: a victim,
   * "Turkish troops killed in the attack"; an offensive named as the setting, "amid the regime
   * offensive"; its examples read "no <actor>")
   */
  builds: z.enum(['doer', 'denial', 'accusation', 'acknowledgement', 'assessment', 'no-stance', 'background']),
  priority: z.number().int().default(0),
  pattern: z.array(z.lazy(() => Slot)).min(1),
  fields: z.object({
    /** slots whose value names an actor (`actor`, `actor-adjective`, `metonym` classes) */
    actors: z.array(slotIndex).optional(),
    /** the slot naming who speaks (a source, or an actor or capital for the source that speaks for it) */
    source: slotIndex.optional(),
    /** a fixed stance kind; else a hedge in the clause makes it likely or possible */
    stance: StanceKind.optional(),
    /** the assessment an `assessment` builds */
    assessment: HarmAssessmentKind.optional(),
    /** what a no-stance leaves without stances: the rest of the sentence from it (a conditional), or all of it (a question) */
    scope: z.enum(['after', 'sentence']).optional(),
    /** an acknowledgement only a belligerent's own voice makes (rules/sources.yaml kind `belligerent`): a
     *  government confirming that strikes hit its land ("the Syrian defence ministry confirmed the strikes") names no doer */
    belligerent: z.literal(true).optional(),
  }).strict().default({}),
  examples: z.object({
    read: z.array(ExampleRead).min(3, 'a construction needs at least three example sentences it must read'),
    reject: z.array(phrase).min(1, 'a construction needs at least one example sentence it must not read'),
  }).strict(),
}).strict();
export type StanceConstruction = z.infer<typeof StanceConstruction>;

export const StanceGrammar = z.object({
  /** word classes: a list of lemmas, or a map from the value they carry to lemmas */
  classes: z.record(phrase, z.union([z.array(phrase), z.record(phrase, z.array(phrase))])).default({}),
  /** capitals read as their government where they speak or deny (capital → actor id) */
  metonyms: z.record(phrase, z.array(phrase)).default({}),
  constructions: z.array(StanceConstruction).default([]),
  /** proclitics that make a source's name the addressee of a relay or an object ("لوكالة"), not a speaker */
  addresseeClitics: z.array(phrase).default([]),
});
export type StanceGrammar = z.infer<typeof StanceGrammar>;
