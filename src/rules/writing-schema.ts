/**
 * Schema of rules/languages/<lang>/writing.yaml: how the corpus generator (src/generate)
 * writes reports in the language. Its preferred phrases must each be in the rule list they
 * stand for (src/generate/vocabulary.ts checks); the extractor never reads this file.
 */
import { z } from 'zod';
import { Group } from '../model/contract.js';

const phrase = z.string().trim().min(1, 'a phrase cannot be empty');
const phrases = z.array(phrase).min(1, 'give at least one phrase');
const forms = z.object({ plural: phrase, accusative: phrase }).strict();
/** [masculine forms], [feminine forms] */
const gendered = z.tuple([phrases, phrases]);
/** a letter or clitic, kept as written (no trimming) */
const letters = z.string().min(1);

export const WritingRules = z.object({
  prefer: z.object({
    speech: phrases, according: phrases, relayTo: phrases,
    killedBefore: phrases, injuredBefore: phrases, killedAfter: phrases, killedVerb: phrases, injuredVerb: phrases,
    militants: forms, injuredAfter: phrases,
    heads: z.partialRecord(Group, forms),
    breakdown: phrases, othersAccusative: phrases, othersNominative: phrases, partitive: phrases,
    partsOfDay: phrases, doerWords: phrases, likely: phrases, possible: phrases,
    deny: gendered, acknowledge: gendered, announce: gendered, doerVerbs: phrases, tally: gendered,
    period: phrases, previous: phrases, targets: phrases,
    placeIntro: z.record(z.string(), phrase), regionIntro: phrases, governorateIntro: phrases, attack: phrases,
  }).strict(),
  glue: z.object({
    in: phrase, on: phrase, thatAfterSpeech: phrase, that: phrase, ledTo: phrase,
    theDeathToll: phrase, anyStrikeOn: phrase, comma: letters,
    and: letters, by: letters, to: letters, article: letters,
  }).strict(),
  feminine: z.object({ verbEnding: letters, nounEnding: letters, pluralsOfThings: z.array(phrase).default([]) }).strict(),
  spelling: z.object({ alefForms: z.array(letters).min(1), bareAlef: letters, finalTaa: letters, haa: letters }).strict(),
}).strict();
export type WritingRules = z.infer<typeof WritingRules>;

/**
 * Schema of rules/languages/<lang>/administrative.yaml: the administrative words of place
 * names in the language's script, for `reconcile gazetteer import` (src/gazetteer/names.ts).
 */
export const AdministrativeRules = z.object({
  /** words that name an administrative unit, not the place: stripped from imported names */
  words: z.array(phrase).min(1, 'give at least one word'),
  /** the gazetteer's name of a district and of a subdistrict: `{name}` is the bare name */
  district: z.string().regex(/\{name\}/, 'a name pattern holds {name}'),
  subdistrict: z.string().regex(/\{name\}/, 'a name pattern holds {name}'),
}).strict();
export type AdministrativeRules = z.infer<typeof AdministrativeRules>;
