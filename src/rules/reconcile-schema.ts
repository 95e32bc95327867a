/**
 * Schema of rules/reconcile.yaml: the best-estimate policy, vague quantities, the
 * part/whole hierarchy of victim groups, derived figures, attribution and grading.
 * The judgement is in the YAML (with its DOMAIN.md citations); this only checks its shape.
 */
import { z } from 'zod';
import { Group, HarmAssessmentKind, Outcome, StanceKind } from '../model/contract.js';

/**
 * 'mean-plus-sd': the mean of the independent sources' figures plus their (sample) standard
 * deviation, rounded: an upper-leaning estimate. Unlike the others it is not always a stated
 * figure and can exceed the highest one; `reconcile check-rules` (best-within-range) shows it.
 */
export const BEST_POLICIES = ['median-of-independent-sources', 'minimum', 'maximum', 'latest', 'mean-plus-sd'] as const;
export const BestPolicy = z.enum(BEST_POLICIES);
export type BestPolicy = z.infer<typeof BestPolicy>;

export const GradeName = z.enum(['confirmed', 'discounted', 'contested', 'fair', 'weak']);

const actorId = z.string().trim().min(1);

const PartWhole = z.object({ part: Group, whole: Group });

export const Derivation = z.object({
  enabled: z.boolean().default(true),
  /** the derived category's group (affiliation null) */
  group: Group,
  /** whole − part, each from the same source */
  whole: Group,
  minus: Group,
  outcomes: z.array(Outcome).min(1),
});
export type Derivation = z.infer<typeof Derivation>;

export const ReconcileRules = z.object({
  best: z.object({
    policy: BestPolicy,
    /** best for a category with only vague claims: their lower bound ('lower-bound') or none */
    vagueOnly: z.enum(['lower-bound', 'none']),
  }),
  vague: z.object({
    /** lower bound used when the extractor gave a vague claim none */
    defaultMin: z.number().int().nonnegative(),
  }),
  /** part ≤ whole, per outcome; combatants of any affiliation are a part of their whole */
  hierarchy: z.array(PartWhole).superRefine((pairs, ctx) => {
    const parent = new Map<string, string>();
    for (const p of pairs) {
      if (p.part === p.whole) ctx.addIssue({ code: 'custom', message: `'${p.part}' cannot be a part of itself` });
      if (parent.has(p.part)) ctx.addIssue({ code: 'custom', message: `'${p.part}' has more than one whole` });
      parent.set(p.part, p.whole);
    }
    for (const start of parent.keys()) {
      const seen = new Set<string>([start]);
      for (let g = parent.get(start); g !== undefined; g = parent.get(g)) {
        if (seen.has(g)) { ctx.addIssue({ code: 'custom', message: `the hierarchy has a cycle through '${g}'` }); break; }
        seen.add(g);
      }
    }
  }),
  derive: z.array(Derivation).default([]),
  /** whose fighters an incident's combatant figures count (src/reconcile/sides.ts) */
  sides: z.object({
    /** combatants counted without a side take the one side the incident's other combatant figures name */
    carryOver: z.boolean(),
    /** a figure of people that names no group counts fighters when every figure that names a group counts fighters */
    fightersOnly: z.boolean(),
  }).optional(),
  /** wholes that are not wholes (src/reconcile/hierarchy.ts partialWholes) */
  wholes: z.object({
    /** without sentence keys, two claims this many characters apart or fewer count as one sentence */
    sentenceChars: z.number().int().nonnegative(),
  }).optional(),
  attribution: z.object({
    /** stances that blame an actor: a denial of one of these from another source contests it */
    positive: z.array(StanceKind).min(1),
    /** stances that count when two different actors are blamed (competing attribution) */
    competing: z.array(StanceKind).min(1),
    /** stances that blame only tentatively: an actor with nothing stronger is 'unclear' */
    tentative: z.array(StanceKind),
    /** actor groups that are one doer (the coalition and the US): not competing */
    compatible: z.array(z.array(actorId).min(2)).default([]),
    /** actors that name no one: never competing */
    ignoreInCompeting: z.array(actorId).default([]),
  }),
  existence: z.object({
    /** a 'denies' stance about this actor denies that the event happened */
    denialActor: actorId,
  }),
  grade: z.object({
    /** first grade whose conditions hold wins; 'weak' always holds */
    order: z.array(GradeName).min(1).refine((o) => o.includes('weak'), { message: "the grade order must end in a grade that always holds ('weak')" }),
    contested: z.object({
      /** a denial of what another source blames an actor for, or of the event itself */
      denial: z.boolean(),
      competingActors: z.boolean(),
    }),
    /** Airwars "discounted": those killed were combatants, or other parties most likely responsible */
    discounted: z.object({
      /** killed figures for combatants above zero, and none for civilians (or a part of them) from any source */
      combatantsOnly: z.boolean(),
      /**
       * the belligerents graded for (Airwars monitors the coalition's and Russia's strikes): when each of them
       * that sources name is named only tentatively or denied, and a source firmly names another actor, another
       * party is most likely responsible
       */
      belligerents: z.array(actorId).default([]),
    }).default({ combatantsOnly: false, belligerents: [] }),
    confirmed: z.object({
      stances: z.array(StanceKind).min(1),
      /**
       * when not empty, the acknowledging source must also concede harm to one of these
       * groups (a figure above zero, or a vague one, of its own): Airwars' "accepted
       * responsibility for civilian harm", not only for the strike
       */
      harmConceded: z.array(Group).default([]),
      /** a belligerent's own assessment of civilian harm from its strike that accepts it (Mention.assessments) */
      assessments: z.array(HarmAssessmentKind).default([]),
    }),
    fair: z.object({
      minIndependentSources: z.number().int().positive(),
      /** count sources that only take a stance (no figure) too */
      countStanceSources: z.boolean(),
    }),
  }),
  /** incident date: the range all dated mentions share (else their hull), or always the hull */
  incidentDate: z.enum(['narrowest-agreed', 'hull']),
  /** keep incidents that have stances but no toll claims */
  keepIncidentsWithoutTolls: z.boolean(),
  /**
   * the largest figure one claim may state (absent: no ceiling): a hand-coded claim above it
   * is rejected; a figure read from text above maxPerIncident counts as a total over many
   * events, above maxPerAggregate as no casualty figure (src/extract/ceiling.ts)
   */
  limits: z.object({
    maxPerIncident: z.number().int().positive(),
    maxPerAggregate: z.number().int().positive(),
    /** a figure this many times every other figure of its category in one incident goes to review (src/reconcile/incident.ts) */
    outlierFactor: z.number().positive().optional(),
  }).optional(),
});
export type ReconcileRules = z.infer<typeof ReconcileRules>;
