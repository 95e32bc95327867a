/**
 * Schema of rules/languages/<lang>/places.yaml: how a name the gazetteer does not have is
 * read as a place (open-world places, src/extract/open-places.ts).
 */
import { z } from 'zod';

const phrases = z.array(z.string().trim().min(1, 'a phrase cannot be empty')).default([]);

export const PlaceWordRules = z.object({
  /**
   * place-kind words after which a name missing from the gazetteer is an unresolved place
   * ("the village of", "قرية"); the language's clitics are stripped as for any word ("بقرية")
   */
  openIntroducers: phrases,
  /**
   * the article as written before an introducer, clitics included ("ال", "لل" in "للبلدة"):
   * an introducer with the article refers back ("في البلدة", "in the town") and no name follows it
   */
  introducerArticles: phrases,
  /** words that may stand between a reference word and a place-kind word ("near the village of X"):
   *  the place is still a reference point */
  referenceArticles: phrases,
  /** first words of compound names, which take the next word with them ("تل", "كفر", "عين") */
  nameHeads: phrases,
  /** words that end a name or cannot begin one (prepositions, "الواقعة", weekdays) */
  nameStops: phrases,
  /** lower-case words that may stand inside a capitalised name ("al", "ad", "bin") */
  nameParticles: phrases,
  /** open introducers of several names ("قريتي", "بلدات", "the villages of"): a name joined to the
   *  first ("والصفصافة", "and Safsafa") is one more place, unresolved when the gazetteer lacks it */
  listIntroducers: phrases,
  /** place-kind words after a name ("Mashirfa village"): a capitalised name right before one that
   *  the gazetteer lacks is an unresolved place */
  openIntroducersAfter: phrases,
  /** place-kind words of a neighbourhood, before or after its name ("حي", "the neighbourhood of", "X
   *  neighbourhood"): an unresolved neighbourhood lies in the city named with it, or the city the event is told in */
  neighbourhoodWords: phrases,
  /** the article a word carries when it continues a name ("معرة النعمان") */
  nameArticles: phrases,
  /** the longest name, in words */
  maxNameWords: z.number().int().positive().default(3),
}).prefault({});
export type PlaceWordRules = z.infer<typeof PlaceWordRules>;
