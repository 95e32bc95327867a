/**
 * Pairwise comparison of two mentions, Splink-style: each comparison walks its levels in
 * the order rules/clustering.yaml gives and takes the first that holds; the score is the
 * sum of the levels' weights. Hard rules (vetoes) say when a pair may never merge.
 */
import { distance } from 'fastest-levenshtein';
import type { ClusteringRules, ComparisonName } from '../rules/clustering-schema.js';
import { compatible, gapDays, isSingleDay, overlaps } from './dates.js';
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

const placePredicates = (maxDistance: number, minLength: number): Predicates => ({
  'same-place': (a, b) => shares(a.placeIds, b.placeIds),
  // Fuzzy matching is for names the gazetteer did not resolve: two different ids are two places.
  'similar-name': (a, b) => a.names.some((x) => b.names.some((y) =>
    (x.id === null || y.id === null) && x.folded.length >= minLength && y.folded.length >= minLength &&
    distance(x.folded, y.folded) <= maxDistance)),
  'same-district': (a, b) => shares(a.districts, b.districts),
  'same-governorate': (a, b) => shares(a.governorates, b.governorates),
  'no-place': (a, b) => a.governorates.size === 0 || b.governorates.size === 0,
  different: () => true,
});

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
    'close-figures': (a, b) => [...a.figures].some(([k, xs]) => {
      const ys = b.figures.get(k);
      return !!ys && xs.some((x) => ys.some((y) => near(x, y)));
    }),
    'shared-category': (a, b) => [...a.figures.keys()].some((k) => b.figures.has(k)),
    'no-claims': (a, b) => a.figures.size === 0 || b.figures.size === 0,
    'different-categories': () => true,
  };
};

const targetPredicates: Predicates = {
  'shared-target': (a, b) => shares(a.targets, b.targets),
  'no-target': (a, b) => a.targets.size === 0 || b.targets.size === 0,
  'different-target': () => true,
};

/** First level (in rule order) whose predicate holds; the schema guarantees a catch-all exists. */
const pickLevel = (comparison: ComparisonName, levels: ClusteringRules['comparisons'][ComparisonName]['levels'], predicates: Predicates) =>
  (a: MentionFeatures, b: MentionFeatures): LevelHit => {
    for (const l of levels) {
      if (predicates[l.id]?.(a, b)) return { comparison, level: l.id, label: l.label, weight: l.weight };
    }
    throw new Error(`no level of comparison '${comparison}' matched: the rule schema should prevent this`);
  };

/** Compare two mentions (any order in, a < b by id out). */
export const comparePair = (rules: ClusteringRules) => {
  const c = rules.comparisons;
  const window = rules.dateWindowDays;
  const pickers = [
    pickLevel('date', c.date.levels, datePredicates(window)),
    pickLevel('place', c.place.levels, placePredicates(c.place.maxDistance, c.place.minNameLength)),
    pickLevel('actor', c.actor.levels, actorPredicates),
    pickLevel('victims', c.victims.levels, victimPredicates(c.victims.tolerance.absolute, c.victims.tolerance.relative)),
    pickLevel('target', c.target.levels, targetPredicates),
  ];
  const fits = compatible(window);
  const undatedVictims = new Set<string>(rules.undated.victims);
  const undatedTarget = new Set<string>(rules.undated.target);
  return (x: MentionFeatures, y: MentionFeatures): Comparison => {
    const [a, b] = x.mention.id <= y.mention.id ? [x, y] : [y, x];
    const levels = pickers.map((pick) => pick(a, b));
    const score = levels.reduce((s, l) => s + l.weight, 0);
    const levelOf = (name: ComparisonName): string => levels.find((l) => l.comparison === name)!.level;
    const veto: Veto | null =
      a.mention.reportId === b.mention.reportId
        ? { rule: 'same-report', reason: `both are events of report ${a.mention.reportId}, which tells them apart` }
        : a.days && b.days && !fits(a.days, b.days)
          ? { rule: 'dates-incompatible', reason: `their dates are more than ${window} day(s) apart` }
          : (!a.days || !b.days) && !(shares(a.placeIds, b.placeIds) && (undatedVictims.has(levelOf('victims')) || undatedTarget.has(levelOf('target'))))
            ? { rule: 'undated-weak-evidence', reason: 'an undated mention joins only the same gazetteer place with agreeing figures or target' }
            : null;
    return { a: a.mention.id, b: b.mention.id, levels, score, veto };
  };
};
