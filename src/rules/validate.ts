/**
 * Cross-checks of a rule set, the second pass after the schemas (as Splink validates its
 * settings): every id a rule names exists, names are not shared without a tie-break,
 * thresholds can be reached. Pure: parsed rules (whatever parsed) in, located problems out.
 */
import { PlaceKind, type Actor, type Place, type Source } from './schema.js';
import type { ClusteringRules } from './clustering-schema.js';
import type { LanguageRules } from './language-schema.js';
import type { ReconcileRules } from './reconcile-schema.js';
import type { RuleFiles, RuleProblem } from './load.js';
import { checkActorAliases, checkLanguagePhrases, checkPlaceNames, checkSourceAliases } from './validate-names.js';
import { checkFolds, foldingOf } from './folding.js';
import { checkGuess } from './guess.js';

/** The parts of a rule set that passed their schemas; checks that need a missing part are skipped. */
export type RuleParts = {
  readonly sources?: readonly Source[] | undefined;
  readonly actors?: readonly Actor[] | undefined;
  readonly places?: readonly Place[] | undefined;
  readonly clustering?: ClusteringRules | undefined;
  readonly reconcile?: ReconcileRules | undefined;
  readonly languages?: Readonly<Record<string, LanguageRules>> | undefined;
};

/** Ids every rule set must keep (../shared/CONTRACT.md, "Ids"). */
export const CONTRACT_SOURCES = ['sohr', 'sana', 'syria-gov', 'syria-mofa', 'al-watan', 'coalition', 'us-dod', 'us-gov',
  'russia-mod', 'sdf', 'snhr', 'local-sources', 'unattributed'] as const;
export const CONTRACT_ACTORS = ['coalition', 'us', 'iraq', 'russia', 'syrian-government', 'isis', 'iran-backed', 'sdf',
  'armed-opposition', 'turkey', 'unknown'] as const;

const problem = (file: string, path: string, code: string, message: string): RuleProblem => ({ file, path, code, message });

const duplicateIds = (file: string, list: string, entries: readonly { id: string }[]): RuleProblem[] => {
  const first = new Map<string, number>();
  return entries.flatMap((e, i) => {
    const k = first.get(e.id);
    if (k === undefined) { first.set(e.id, i); return []; }
    return [problem(file, `${list}[${i}].id`, 'duplicate-id', `the id '${e.id}' is already used by ${list}[${k}]`)];
  });
};

const missingIds = (file: string, list: string, noun: string, entries: readonly { id: string }[], required: readonly string[]): RuleProblem[] => {
  const have = new Set(entries.map((e) => e.id));
  return required.filter((id) => !have.has(id)).map((id) => problem(file, list, 'contract-id',
    `the ${noun} id '${id}' is part of the output contract (CONTRACT.md) and must be kept`));
};

/** A reference to an id of another list: each unknown one is a problem at its own path. */
const refs = (file: string, known: ReadonlySet<string> | undefined, noun: string, where: string) =>
  (items: readonly { path: string; id: string | null | undefined }[]): RuleProblem[] =>
    known === undefined ? [] : items.flatMap(({ path, id }) => (id === null || id === undefined || known.has(id) ? []
      : [problem(file, path, 'unknown-id', `'${id}' is not ${noun} (${where})`)]));

const each = <T>(xs: readonly T[] | undefined, path: (i: number) => string, id: (x: T) => string | null | undefined) =>
  (xs ?? []).map((x, i) => ({ path: path(i), id: id(x) }));
const eachIn = (xs: readonly string[] | undefined, path: string) => (xs ?? []).map((id, k) => ({ path: `${path}[${k}]`, id }));

/** Governorates exist as governorate entries; districts are district entries of the same governorate. */
const checkGazetteer = (places: readonly Place[]): RuleProblem[] => {
  const byId = new Map(places.map((p) => [p.id, p]));
  return places.flatMap((p, i): RuleProblem[] => {
    const out: RuleProblem[] = [];
    const gov = byId.get(p.governorate);
    if (p.kind === 'governorate' && p.governorate !== p.id) {
      out.push(problem('gazetteer.yaml', `places[${i}].governorate`, 'wrong-governorate', `a governorate entry is its own governorate: expected '${p.id}', found '${p.governorate}'`));
    } else if (!gov || gov.kind !== 'governorate') {
      out.push(problem('gazetteer.yaml', `places[${i}].governorate`, 'unknown-governorate',
        `'${p.governorate}' is not a governorate of the gazetteer: a place needs the id of an entry of kind governorate`));
    }
    if (p.district !== undefined) {
      const d = byId.get(p.district);
      if (!d || d.kind !== 'district') out.push(problem('gazetteer.yaml', `places[${i}].district`, 'unknown-id', `'${p.district}' is not a district of the gazetteer`));
      else if (d.governorate !== p.governorate) {
        out.push(problem('gazetteer.yaml', `places[${i}].district`, 'wrong-governorate', `the district '${p.district}' is in ${d.governorate}, not in ${p.governorate}`));
      }
    }
    if (p.within !== undefined) out.push(...checkWithin(byId, p, i));
    return out;
  });
};

/** `within` names another place of the same governorate, finer than a district, and no chain of them comes back. */
const checkWithin = (byId: ReadonlyMap<string, Place>, p: Place, i: number): RuleProblem[] => {
  const at = `places[${i}].within`;
  const w = byId.get(p.within!);
  if (!w) return [problem('gazetteer.yaml', at, 'unknown-id', `'${p.within}' is not a place of the gazetteer`)];
  if (['governorate', 'district', 'subdistrict'].includes(w.kind)) {
    return [problem('gazetteer.yaml', at, 'wrong-kind', `'${p.within}' is a ${w.kind}: say it with governorate or district; within is for a city, town or site`)];
  }
  if (w.governorate !== p.governorate) return [problem('gazetteer.yaml', at, 'wrong-governorate', `'${p.within}' is in ${w.governorate}, not in ${p.governorate}`)];
  const seen = new Set([p.id]);
  for (let c: Place | undefined = w; c; c = c.within ? byId.get(c.within) : undefined) {
    if (seen.has(c.id)) return [problem('gazetteer.yaml', at, 'cycle', `places containing '${p.id}' lead back to '${c.id}'`)];
    seen.add(c.id);
  }
  return [];
};

/** Highest and lowest score a compared pair can reach (the date level 'incompatible' is a veto, not a score). */
export const scoreBounds = (c: ClusteringRules): { readonly min: number; readonly max: number } => {
  const comparisons = Object.entries(c.comparisons).map(([name, cmp]) =>
    cmp.levels.filter((l) => !(name === 'date' && l.id === 'incompatible')).map((l) => l.weight));
  const sum = (pick: (ws: number[]) => number) => comparisons.reduce((n, ws) => n + (ws.length ? pick(ws) : 0), 0);
  return { min: sum((ws) => Math.min(...ws)), max: sum((ws) => Math.max(...ws)) };
};

const checkClustering = (c: ClusteringRules, actors: ReadonlySet<string> | undefined): RuleProblem[] => {
  const f = 'clustering.yaml';
  const { min, max } = scoreBounds(c);
  const actorRef = refs(f, actors, 'an actor id', 'actors.yaml');
  const kinds = new Set<string>(PlaceKind.options);
  return [
    ...(c.threshold > max ? [problem(f, 'threshold', 'out-of-range',
      `the threshold ${c.threshold} can never be reached: the highest score a pair can get is ${max}, so no two mentions would ever merge`)] : []),
    ...(c.threshold <= min ? [problem(f, 'threshold', 'out-of-range',
      `the threshold ${c.threshold} is reached by every pair (the lowest score is ${min}), so any two compatible mentions would merge`)] : []),
    ...actorRef(eachIn(c.comparisons.actor.ignore, 'comparisons.actor.ignore')),
    ...actorRef(c.comparisons.actor.equivalent.flatMap((g, i) => eachIn(g, `comparisons.actor.equivalent[${i}]`))),
    ...c.comparisons.place.coarseKinds.flatMap((k, i) => (kinds.has(k) ? [] : [problem(f, `comparisons.place.coarseKinds[${i}]`, 'unknown-id',
      `'${k}' is not a place kind (${PlaceKind.options.join(', ')})`)])),
  ];
};

/** The groups below `whole` in the hierarchy (its parts, their parts, …). */
const partsOf = (r: ReconcileRules, whole: string): Set<string> => {
  const out = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const h of r.hierarchy) if ((h.whole === whole || out.has(h.whole)) && !out.has(h.part)) { out.add(h.part); grew = true; }
  }
  return out;
};

const checkReconcile = (r: ReconcileRules, actors: ReadonlySet<string> | undefined): RuleProblem[] => {
  const f = 'reconcile.yaml';
  const actorRef = refs(f, actors, 'an actor id', 'actors.yaml');
  const seen = new Set<string>();
  return [
    ...actorRef(r.attribution.compatible.flatMap((g, i) => eachIn(g, `attribution.compatible[${i}]`))),
    ...actorRef(eachIn(r.attribution.ignoreInCompeting, 'attribution.ignoreInCompeting')),
    ...actorRef([{ path: 'existence.denialActor', id: r.existence.denialActor }]),
    ...r.grade.order.flatMap((g, i) => (seen.has(g) ? [problem(f, `grade.order[${i}]`, 'duplicate-id', `the grade '${g}' is listed twice`)] : (seen.add(g), []))),
    ...r.derive.flatMap((d, i) => {
      const parts = partsOf(r, d.whole);
      return (['group', 'minus'] as const).flatMap((k) => (parts.has(d[k]) ? [] : [problem(f, `derive[${i}].${k}`, 'outside-hierarchy',
        `'${d[k]}' is not a part of '${d.whole}' in the hierarchy, so ${d.whole} − ${d.minus} cannot be a figure for ${d.group}`)]));
    }),
  ];
};

const LANGUAGE_FILE = /^languages\/([a-z]{2,3})\/([a-z-]+)\.ya?ml$/;

/** The file a language family was read from (`languages/ar/numbers.yaml`, or `.yml`). */
const languageFile = (files: RuleFiles, lang: string) => (family: string): string =>
  Object.keys(files).find((f) => { const m = LANGUAGE_FILE.exec(f); return m?.[1] === lang && m[2] === family; })
  ?? `languages/${lang}/${family}.yaml`;

const checkLanguage = (lang: string, rules: LanguageRules, files: RuleFiles, actors: ReadonlySet<string> | undefined, fold: (s: string) => string): RuleProblem[] => {
  const fileOf = languageFile(files, lang);
  return [
    ...refs(fileOf('victims'), actors, 'an actor id', 'actors.yaml')(each(rules.victims.heads, (i) => `heads[${i}].affiliation`, (h) => h.affiliation)),
    ...rules.dates.recentWindows.flatMap((w, i) => (w.unit === 'hours' && !w.phrase.split(/\s+/).includes('#')
      ? [problem(fileOf('dates'), `recentWindows[${i}].phrase`, 'missing-number', "a window counted in hours needs '#' where its number of hours stands")] : [])),
    ...checkLanguagePhrases(rules, fileOf, fold),
  ];
};

/** Every cross-check that the parsed parts allow, in file order. */
export const validateRules = (parts: RuleParts, files: RuleFiles = {}): RuleProblem[] => {
  const { sources, actors, places, clustering, reconcile, languages } = parts;
  const actorIds = actors && new Set(actors.map((a) => a.id));
  const sourceIds = sources && new Set(sources.map((s) => s.id));
  const { fold } = foldingOf({ languages: languages ?? {} });
  return [
    ...(sources ? [
      ...duplicateIds('sources.yaml', 'sources', sources),
      ...missingIds('sources.yaml', 'sources', 'source', sources, CONTRACT_SOURCES),
      ...refs('sources.yaml', actorIds, 'an actor id', 'actors.yaml')(sources.flatMap((s, i) => eachIn(s.speaksFor, `sources[${i}].speaksFor`))),
      ...checkSourceAliases(sources, fold),
    ] : []),
    ...(actors ? [
      ...duplicateIds('actors.yaml', 'actors', actors),
      ...missingIds('actors.yaml', 'actors', 'actor', actors, CONTRACT_ACTORS),
      ...refs('actors.yaml', sourceIds, 'a source id', 'sources.yaml')(each(actors, (i) => `actors[${i}].speaker`, (a) => a.speaker)),
      ...checkActorAliases(actors, fold),
    ] : []),
    ...(places ? [
      ...duplicateIds('gazetteer.yaml', 'places', places),
      ...checkGazetteer(places),
      ...refs('gazetteer.yaml', new Set(places.map((p) => p.id)), 'a place id', 'gazetteer.yaml')(places.flatMap((p, i) => eachIn(p.sharesNameWith, `places[${i}].sharesNameWith`))),
      ...checkPlaceNames(places, fold),
    ] : []),
    ...(clustering ? checkClustering(clustering, actorIds) : []),
    ...(reconcile ? checkReconcile(reconcile, actorIds) : []),
    ...Object.entries(languages ?? {}).sort(([a], [b]) => a.localeCompare(b)).flatMap(([lang, rules]) => checkLanguage(lang, rules, files, actorIds, fold)),
    ...checkFolds(languages ?? {}),
    ...checkGuess(languages ?? {}),
  ];
};
