/**
 * Pairwise comparison of two mentions, Splink-style: each comparison walks its levels in
 * the order rules/clustering.yaml gives and takes the first that holds; the score is the
 * sum of the levels' weights. Hard rules (vetoes) say when a pair may never merge.
 */
import { distance } from 'fastest-levenshtein';
import type { ClusteringRules, ComparisonName } from '../rules/clustering-schema.js';
import { compatible, gapDays, isSingleDay, overlaps } from './dates.js';
import { skeletonsMatch, type SkeletonRules } from './skeleton.js';
import type { MentionFeatures } from './features.js';

export type LevelHit = {
  readonly comparison: ComparisonName;
  readonly level: string;
  readonly label: string;
  readonly weight: number;
};

export type VetoRule = 'same-report' | 'dates-incompatible' | 'undated-weak-evidence';
export type Veto = { readonly rule: VetoRule; readonly reason: string };

export type Comparison = {
  readonly a: string;
  readonly b: string;
  readonly levels: readonly LevelHit[];
  readonly score: number;
  readonly veto: Veto | null;
};

type Predicates = Readonly<Record<string, (a: MentionFeatures, b: MentionFeatures) => boolean>>;

const shares = <T>(x: ReadonlySet<T>, y: ReadonlySet<T>): boolean => {
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  for (const v of small) if (big.has(v)) return true;
  return false;
};

const datePredicates = (window: number): Predicates => ({
  'same-day': (a, b) => !!a.days && !!b.days && isSingleDay(a.days) && isSingleDay(b.days) && a.days.start === b.days.start,
  overlapping: (a, b) => !!a.days && !!b.days && overlaps(a.days, b.days),
  'within-window': (a, b) => !!a.days && !!b.days && gapDays(a.days, b.days) <= window,
  undated: (a, b) => !a.days || !b.days,
  incompatible: (a, b) => !!a.days && !!b.days && gapDays(a.days, b.days) > window,
});

/** The mention names a specific place: a gazetteer place finer than a district, or a name the gazetteer does not have. */
const specific = (f: MentionFeatures): boolean => f.placeIds.size > 0 || f.names.some((n) => n.id === null);

/** Both lie in known districts, and in none in common: two places, however vaguely named. */
const otherDistricts = (a: MentionFeatures, b: MentionFeatures): boolean =>
  a.districts.size > 0 && b.districts.size > 0 && !shares(a.districts, b.districts);

const placePredicates = (maxDistance: number, minLength: number, skeleton: SkeletonRules | undefined): Predicates => {
  const sameSkeleton = skeletonsMatch(skeleton);
  return {
  'same-place': (a, b) => shares(a.placeIds, b.placeIds),
  // a neighbourhood and its own city, a camp and its town: the gazetteer's `within`
  'contained-place': (a, b) => shares(a.placeIds, b.within) || shares(b.placeIds, a.within),
  // Fuzzy matching is for names the gazetteer did not resolve: two different ids are two places.
  // Spellings of one script are close by edits; across scripts and transliterations the
  // consonant skeletons agree ("تل عقربات", "Tal Aqrabat").
  'similar-name': (a, b) => a.names.some((x) => b.names.some((y) =>
    (x.id === null || y.id === null) && ((x.folded.length >= minLength && y.folded.length >= minLength &&
    distance(x.folded, y.folded) <= maxDistance) || sameSkeleton(x.skeleton, y.skeleton)))),
  // Both name specific places and none is shared: two places, near or far.
  // (an unresolved village is a specific place too; levels above took the same or a similar one)
  'other-place-same-district': (a, b) => specific(a) && specific(b) && !shares(a.placeIds, b.placeIds) && shares(a.districts, b.districts),
  // an unresolved village of no known governorate is a different place all the same
  // and a district is not a place of another district (levels above took a shared district)
  'other-place-same-governorate': (a, b) => (specific(a) && specific(b) && !shares(a.placeIds, b.placeIds)
    && (shares(a.governorates, b.governorates) || a.governorates.size === 0 || b.governorates.size === 0))
    || (otherDistricts(a, b) && shares(a.governorates, b.governorates)),
  'same-district': (a, b) => shares(a.districts, b.districts),
  'same-governorate': (a, b) => shares(a.governorates, b.governorates),
  'no-place': (a, b) => a.governorates.size === 0 || b.governorates.size === 0,
  different: () => true,
  };
};

/**
 * Whether two mentions may tell one event by their places: unless both name a specific place,
 * any; else only when they share one, one lies within the other, or an unresolved name is
 * like the other's (the place levels that agree). Two villages, two neighbourhoods of one
 * city, a village and an unlisted place: two events, however a broader mention links them.
 * So are two mentions in known districts with none in common (a district and a village of
 * another district).
 */
export const placesAgree = (place: ClusteringRules['comparisons']['place']) => {
  const p = placePredicates(place.maxDistance, place.minNameLength, place.skeleton);
  const same = (a: MentionFeatures, b: MentionFeatures): boolean => p['same-place']!(a, b) || p['contained-place']!(a, b) || p['similar-name']!(a, b);
  return (a: MentionFeatures, b: MentionFeatures): boolean =>
    (!specific(a) || !specific(b) || same(a, b)) && (!otherDistricts(a, b) || same(a, b));
};

/**
 * Whether two mentions may be in one incident as far as their places go: their places agree,
 * or their own comparison reaches the threshold (one strike told at two neighbouring villages
 * with one target and one toll). A broader mention that agrees with both never links them.
 * Read as if of two reports (report conflicts are the forest's).
 */
export const mayShareIncident = (rules: ClusteringRules) => {
  const agree = placesAgree(rules.comparisons.place);
  const compare = comparePair(rules);
  const alone = (f: MentionFeatures, tag: string): MentionFeatures => ({ ...f, mention: { ...f.mention, reportId: `\u0000${tag}` } });
  return (a: MentionFeatures, b: MentionFeatures): boolean => {
    if (agree(a, b)) return true;
    const p = compare(alone(a, 'a'), alone(b, 'b'));
    return p.veto === null && p.score >= rules.threshold;
  };
};

/** What placesAgree reads of a mention, as a key (null when it names no specific place and no district: it agrees with any). */
export const placeSignature = (f: MentionFeatures): string | null =>
  specific(f) || f.districts.size > 0 ? [[...f.placeIds].sort().join('\u0001'), [...f.districts].sort().join('\u0001'),
    f.names.map((n) => `${n.folded}\u0003${n.skeleton}\u0003${n.id ?? '\u0004'}`).sort().join('\u0001')].join('\u0002') : null;

const actorPredicates: Predicates = {
  'same-actor': (a, b) => shares(a.actors, b.actors),
  'no-actor': (a, b) => a.actors.size === 0 || b.actors.size === 0,
  different: () => true,
};

const close = (absolute: number, relative: number) => (x: number, y: number): boolean =>
  Math.abs(x - y) <= Math.max(absolute, relative * Math.max(x, y));

const victimPredicates = (absolute: number, relative: number): Predicates => {
  const near = close(absolute, relative);
  return {
    'close-figures': (a, b) => {
      const anyNear = (mine: ReadonlyMap<string, readonly number[]>, theirs: ReadonlyMap<string, readonly number[]>): boolean => {
        for (const [k, xs] of mine) {
          const ys = theirs.get(k);
          if (ys) for (const x of xs) for (const y of ys) if (near(x, y)) return true;
        }
        return false;
      };
      return anyNear(a.figures, b.figures) || anyNear(a.figures, b.unsided) || anyNear(a.unsided, b.figures);
    },
    'shared-category': (a, b) => {
      for (const k of a.figures.keys()) if (b.figures.has(k) || b.unsided.has(k)) return true;
      for (const k of a.unsided.keys()) if (b.figures.has(k)) return true;
      return false;
    },
    'no-claims': (a, b) => a.figures.size === 0 || b.figures.size === 0,
    'different-categories': () => true,
  };
};

const targetPredicates: Predicates = {
  'shared-target': (a, b) => shares(a.targets, b.targets),
  'no-target': (a, b) => a.targets.size === 0 || b.targets.size === 0,
  'different-target': () => true,
};

/** Index of the first level (in rule order) whose predicate holds; the schema guarantees a catch-all exists. */
const pickLevel = (comparison: ComparisonName, levels: ClusteringRules['comparisons'][ComparisonName]['levels'], predicates: Predicates) => {
  const tests = levels.map((l) => predicates[l.id]);
  return (a: MentionFeatures, b: MentionFeatures): number => {
    for (let k = 0; k < tests.length; k++) if (tests[k]?.(a, b)) return k;
    throw new Error(`no level of comparison '${comparison}' matched: the rule schema should prevent this`);
  };
};

/** Compare two mentions (any order in, a < b by id out). */
export const comparePair = (rules: ClusteringRules) => {
  const c = rules.comparisons;
  const window = rules.dateWindowDays;
  const specs = [
    ['date', c.date.levels, datePredicates(window)],
    ['place', c.place.levels, placePredicates(c.place.maxDistance, c.place.minNameLength, c.place.skeleton)],
    ['actor', c.actor.levels, actorPredicates],
    ['victims', c.victims.levels, victimPredicates(c.victims.tolerance.absolute, c.victims.tolerance.relative)],
    ['target', c.target.levels, targetPredicates],
  ] as const;
  const pickers = specs.map(([name, levels, predicates]) => pickLevel(name, levels, predicates));
  const hits = specs.map(([name, levels]) => levels.map((l): LevelHit => ({ comparison: name, level: l.id, label: l.label, weight: l.weight })));
  // One frozen level list per combination of levels: pairs share them instead of each holding five new objects.
  const combos = new Map<number, { levels: readonly LevelHit[]; score: number }>();
  const comboOf = (a: MentionFeatures, b: MentionFeatures) => {
    let key = 0;
    for (const pick of pickers) key = key * 16 + pick(a, b);
    let hit = combos.get(key);
    if (!hit) {
      const ks = pickers.map((_, n) => Math.floor(key / 16 ** (pickers.length - 1 - n)) % 16);
      const levels = Object.freeze(ks.map((k, n) => hits[n]![k]!));
      hit = { levels, score: levels.reduce((sum, l) => sum + l.weight, 0) };
      combos.set(key, hit);
    }
    return hit;
  };
  const fits = compatible(window);
  const farApart: Veto = { rule: 'dates-incompatible', reason: `their dates are more than ${window} day(s) apart` };
  const weakUndated: Veto = { rule: 'undated-weak-evidence', reason: 'an undated mention joins only the same gazetteer place with agreeing figures or target' };
  const undatedVictims = new Set<string>(rules.undated.victims);
  const undatedTarget = new Set<string>(rules.undated.target);
  return (x: MentionFeatures, y: MentionFeatures): Comparison => {
    const [a, b] = x.mention.id <= y.mention.id ? [x, y] : [y, x];
    const { levels, score } = comboOf(a, b);
    const levelOf = (name: ComparisonName): string => levels.find((l) => l.comparison === name)!.level;
    const veto: Veto | null =
      a.mention.reportId === b.mention.reportId
        ? { rule: 'same-report', reason: `both are events of report ${a.mention.reportId}, which tells them apart` }
        : a.days && b.days && !fits(a.days, b.days)
          ? farApart
          : (!a.days || !b.days) && !(shares(a.placeIds, b.placeIds) && (undatedVictims.has(levelOf('victims')) || undatedTarget.has(levelOf('target'))))
            ? weakUndated
            : null;
    return { a: a.mention.id, b: b.mention.id, levels, score, veto };
  };
};
