/**
 * Schemas of the rule files under rules/: who speaks (sources), who attacks (actors),
 * where (gazetteer). Language rules, clustering and reconciliation policy have their
 * own schema modules; `Rules` below is the whole validated rule set.
 */
import { z } from 'zod';
import { LanguageRules } from './language-schema.js';
import { ClusteringRules } from './clustering-schema.js';
import { ReconcileRules } from './reconcile-schema.js';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase ASCII slug id (a-z, 0-9, -)');
const aliasList = z.array(z.string().trim().min(1, 'an alias cannot be empty')).default([]);
/**
 * Names by language code ("ar", "en", "fr", …): any language with rules under
 * rules/languages/<code>/ may have its own list. A language reads the lists its
 * `script.namesOf` names (French reads the Latin-script lists of `en` as well).
 */
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'expected a language code (ar, en, fr, …)');
export const Aliases = z.record(languageCode, aliasList).default({});
export type Aliases = z.infer<typeof Aliases>;

export const SourceKind = z.enum(['monitor', 'agency', 'newspaper', 'government', 'belligerent', 'local', 'outlet', 'other']);

export const Source = z.object({
  id,
  name: z.string(),
  kind: SourceKind,
  /** actors this source speaks for: its affirmation of their strike is an acknowledgement */
  speaksFor: z.array(id).default([]),
  /** an outlet that mostly relays others (wires, aggregators) */
  relay: z.boolean().default(false),
  /** what generic names refer back to it ("the monitor": monitor; "the ministry": ministry) */
  types: z.array(z.string()).optional(),
  aliases: Aliases,
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const Actor = z.object({
  id,
  name: z.string(),
  aliases: Aliases,
  /** adjective forms that name the actor as the doer ("أميركية", "Russian") */
  adjectives: Aliases,
  /** the names of the patron whose clients this actor's fighters are: each language's `stances.proxies`
   *  makes the actor's names from them ("Turkish-backed factions", "الفصائل الموالية لتركيا"; src/rules/proxies.ts) */
  patrons: z.record(languageCode, aliasList).optional(),
  /** the source id that speaks for this actor, if any */
  speaker: id.optional(),
  note: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

const GOVERNORATE_NEEDED = 'a place needs a governorate: the id of a governorate entry of the gazetteer (e.g. deir-ez-zor)';

export const PlaceKind = z.enum(['governorate', 'district', 'subdistrict', 'city', 'town', 'village', 'site', 'neighbourhood', 'camp', 'region']);

export const Place = z.object({
  id,
  name: z.string(),
  kind: PlaceKind,
  /** governorate id; a governorate's own id for governorate entries */
  governorate: z.string({ error: (iss) => (iss.input === undefined ? GOVERNORATE_NEEDED : undefined) })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, GOVERNORATE_NEEDED),
  district: id.optional(),
  /**
   * the gazetteer place this one lies within, below its district: a neighbourhood's city, a
   * camp's town. Containment runs neighbourhood ⊂ city ⊂ district ⊂ governorate; a place
   * agrees with the places that contain it (a neighbourhood and its own city are one place).
   */
  within: id.optional(),
  /** OCHA P-code of the unit or community (SY0200, C1031), when imported */
  pcode: z.string().trim().min(1).optional(),
  ar: z.array(z.string().trim().min(1)).min(1, 'a place needs at least one Arabic name'),
  en: z.array(z.string().trim().min(1)).min(1, 'a place needs at least one Latin name'),
  /**
   * the name is also a common word or names something else (دمشق "Damascus said", الباب
   * "the door"): it matches only where the text introduces a place ("قرية", "بلدة")
   */
  ambiguous: z.boolean().optional(),
  /**
   * other entries knowingly sharing one of this entry's names (a capital and its governorate,
   * two villages called صوران). The explicit tie-break: without it a shared name is a rules
   * problem. The matcher then takes a city after a city word ("مدينة"), else the governorate,
   * else the first by id.
   */
  sharesNameWith: z.array(id).optional(),
  lat: z.number().min(32).max(37.5).optional(),
  lon: z.number().min(35.5).max(42.5).optional(),
  note: z.string().optional(),
});
export type Place = z.infer<typeof Place>;

export const SourcesFile = z.object({ sources: z.array(Source) });
export const ActorsFile = z.object({ actors: z.array(Actor) });
export const GazetteerFile = z.object({ places: z.array(Place) });

export const Rules = z.object({
  sources: z.array(Source),
  actors: z.array(Actor),
  places: z.array(Place),
  languages: z.record(z.string(), LanguageRules),
  clustering: ClusteringRules,
  reconcile: ReconcileRules,
});
export type Rules = z.infer<typeof Rules>;
