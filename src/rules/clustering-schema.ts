/**
 * Schema of rules/clustering.yaml: blocking rules, comparison levels with weights, the
 * merge threshold and the date window. Splink-style settings as data: each comparison is
 * an ordered list of levels (first match wins), each with a label and a weight.
 */
import { z } from 'zod';
import { StanceKind } from '../model/contract.js';

/** Level ids each comparison knows how to test; rules choose their order, labels and weights. */
export const DATE_LEVELS = ['same-day', 'overlapping', 'within-window', 'undated', 'incompatible'] as const;
export const PLACE_LEVELS = ['same-place', 'contained-place', 'similar-name', 'other-place-same-district', 'other-place-same-governorate',
  'same-district', 'same-governorate', 'no-place', 'different'] as const;
/** Place levels a rule set may leave out (older rule sets do not know them): a missing level is never hit. */
export const OPTIONAL_PLACE_LEVELS = ['contained-place', 'other-place-same-district', 'other-place-same-governorate'] as const;
export const ACTOR_LEVELS = ['same-actor', 'no-actor', 'different'] as const;
export const VICTIM_LEVELS = ['close-figures', 'shared-category', 'no-claims', 'different-categories'] as const;
export const TARGET_LEVELS = ['shared-target', 'no-target', 'different-target'] as const;

export type DateLevelId = (typeof DATE_LEVELS)[number];
export type PlaceLevelId = (typeof PLACE_LEVELS)[number];
export type ActorLevelId = (typeof ACTOR_LEVELS)[number];
export type VictimLevelId = (typeof VICTIM_LEVELS)[number];
export type TargetLevelId = (typeof TARGET_LEVELS)[number];

/** An ordered level list naming every level of its comparison exactly once (optional ones at most once). */
const levelList = <T extends string>(ids: readonly [T, ...T[]], optional: readonly T[] = []) =>
  z.array(z.object({
    id: z.enum(ids),
    label: z.string().trim().min(1, 'a level needs a human label'),
    weight: z.number().finite('a weight must be a finite number'),
  })).superRefine((levels, ctx) => {
    for (const id of ids) {
      const n = levels.filter((l) => l.id === id).length;
      if (n !== 1 && !(n === 0 && optional.includes(id))) ctx.addIssue({ code: 'custom', message: `level '${id}' must appear exactly once (found ${n})` });
    }
  });

const actorId = z.string().trim().min(1);

export const DateComparison = z.object({ levels: levelList(DATE_LEVELS) });
export const PlaceComparison = z.object({
  /** largest Levenshtein distance between folded unresolved names that still counts as the same name */
  maxDistance: z.number().int().nonnegative(),
  /** names shorter than this (folded) never match fuzzily */
  minNameLength: z.number().int().positive(),
  /** gazetteer kinds too large to be "the same place": they count as district or governorate evidence only */
  coarseKinds: z.array(z.string().trim().min(1)).default([]),
  /**
   * How unresolved names are compared across scripts: each name becomes a consonant
   * skeleton (src/cluster/skeleton.ts), Arabic through `arabic` (letter → Latin), Latin
   * through `latinFolds` then without `vowels`; two skeletons at most `skeletonDistance`
   * apart (and at least `minSkeletonLength` long) are one name.
   */
  skeleton: z.object({
    arabic: z.record(z.string().length(1), z.string()).default({}),
    /** letters read otherwise at the end of a word (ه for a taa marbuta, which the fold writes as ه) */
    arabicFinal: z.record(z.string().length(1), z.string()).default({}),
    arabicArticles: z.array(z.string().min(1)).default([]),
    latinArticles: z.array(z.string().min(1)).default([]),
    latinFolds: z.array(z.object({ from: z.string().min(1), to: z.string() })).default([]),
    vowels: z.string().default(''),
    skeletonDistance: z.number().int().nonnegative().default(1),
    minSkeletonLength: z.number().int().positive().default(3),
  }).optional(),
  levels: levelList(PLACE_LEVELS, OPTIONAL_PLACE_LEVELS),
});
export const ActorComparison = z.object({
  /** stances that count as naming the actor that carried out the attack */
  stances: z.array(StanceKind).min(1),
  /** actors that say nothing about who did it ('unknown') */
  ignore: z.array(actorId).default([]),
  /** groups of actor ids that are one doer for matching (the coalition and the US) */
  equivalent: z.array(z.array(actorId).min(2)).default([]),
  levels: levelList(ACTOR_LEVELS),
});
export const VictimComparison = z.object({
  /** two figures agree when |a − b| ≤ max(absolute, relative × max(a, b)) */
  tolerance: z.object({ absolute: z.number().nonnegative(), relative: z.number().min(0).max(1) }),
  levels: levelList(VICTIM_LEVELS),
});
export const TargetComparison = z.object({ levels: levelList(TARGET_LEVELS) });

const ruleId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase slug id');

export const BlockingRule = z.discriminatedUnion('kind', [
  z.object({
    id: ruleId,
    kind: z.literal('date-overlap'),
    /** bucket width: a mention lands in every bucket its date range (widened by the window) touches */
    bucketDays: z.number().int().positive(),
  }),
  z.object({
    id: ruleId,
    kind: z.literal('place-id'),
    /** 'with-undated': only pairs with an undated side (dated pairs are covered by dates); 'all': every pair */
    scope: z.enum(['with-undated', 'all']),
  }),
]);
export type BlockingRule = z.infer<typeof BlockingRule>;

export const ClusteringRules = z.object({
  /** merge two mentions when the sum of their level weights reaches this */
  threshold: z.number().finite(),
  /** dated mentions further apart than this many days never merge (hard rule) */
  dateWindowDays: z.number().int('the date window is a whole number of days')
    .nonnegative('the date window cannot be negative: it is how many days apart two dated mentions may be and still merge (0 = overlapping dates only)'),
  blocking: z.array(BlockingRule).min(1).superRefine((rules, ctx) => {
    // Completeness: dated pairs are found by dates, pairs with an undated side by place id.
    if (!rules.some((r) => r.kind === 'date-overlap')) {
      ctx.addIssue({ code: 'custom', message: 'blocking needs a date-overlap rule, or dated pairs that could merge are never compared' });
    }
    if (!rules.some((r) => r.kind === 'place-id')) {
      ctx.addIssue({ code: 'custom', message: 'blocking needs a place-id rule, or undated mentions are never compared' });
    }
    const ids = rules.map((r) => r.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'blocking rule ids must be unique' });
  }),
  /** an undated mention joins only on the same gazetteer place AND one of these content levels */
  undated: z.object({
    victims: z.array(z.enum(VICTIM_LEVELS)).default([]),
    target: z.array(z.enum(TARGET_LEVELS)).default([]),
  }).refine((u) => u.victims.length + u.target.length > 0, { message: 'undated joins need at least one agreeing content level' }),
  comparisons: z.object({
    date: DateComparison,
    place: PlaceComparison,
    actor: ActorComparison,
    victims: VictimComparison,
    target: TargetComparison,
  }),
});
export type ClusteringRules = z.infer<typeof ClusteringRules>;
export type ComparisonName = keyof ClusteringRules['comparisons'];
