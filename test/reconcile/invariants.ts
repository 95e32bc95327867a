/**
 * Reconciliation invariants over generated claim sets (issue 17), as checks that return the
 * violations they find, so that one set of cases can be fed to the real reconcile and to a
 * deliberately broken one (invariants.prop.test.ts shows each check catches its break).
 *
 * Claim sets: one incident's mentions from a few reports (some with two events each), with
 * figures for every group of the hierarchy, several sources, revisions ("up from") and vague
 * figures.
 */
import { fc } from '@fast-check/vitest';
import type { Incident, Output, Toll } from '../../src/model/contract.js';
import type { Mention, TollClaim } from '../../src/model/claim.js';
import type { Rules } from '../../src/rules/schema.js';
import { mention, type ClaimSpec } from '../cluster/support.js';

/** How many runs each property gets: a few dozen in `npm test`, `FUZZ_RUNS` in `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 40;

const GROUPS = ['all', 'civilians', 'children', 'women', 'men', 'combatants'] as const;
const SOURCES = ['sohr', 'sana', 'snhr', 'local-sources'] as const;
const REPORTS = ['r1', 'r2', 'r3'] as const;
const PUBLISHED: Record<string, string> = { r1: '2019-07-20', r2: '2019-07-21', r3: '2019-07-22' };

type Spec = ClaimSpec & { superseded?: boolean };

const claimSpecArb: fc.Arbitrary<Spec> = fc.record({
  group: fc.constantFrom(...GROUPS),
  outcome: fc.constantFrom('killed', 'killed', 'killed', 'injured') as fc.Arbitrary<'killed' | 'injured'>,
  value: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  source: fc.constantFrom(...SOURCES),
  superseded: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
}).map((s) => ({ ...s, affiliation: null, vagueMin: s.value === null ? 10 : null }));

/** Mentions of one incident: up to three reports, one or two events each. */
export const incidentArb: fc.Arbitrary<Mention[]> = fc.array(
  fc.record({ report: fc.constantFrom(...REPORTS), claims: fc.array(claimSpecArb, { minLength: 1, maxLength: 6 }) }),
  { minLength: 1, maxLength: 5 },
).map((drafts) => {
  const next = new Map<string, number>();
  return drafts.map(({ report, claims }) => {
    const ordinal = next.get(report) ?? 0;
    next.set(report, ordinal + 1);
    const m = mention(report, ordinal, { publishedAt: PUBLISHED[report]!, claims });
    return { ...m, claims: m.claims.map((c, k) => (claims[k]!.superseded && c.value !== null ? { ...c, superseded: true } : c)) };
  });
});

const cat = (t: Pick<Toll, 'outcome' | 'group' | 'affiliation'>) => `${t.outcome}/${t.group}${t.affiliation ? `/${t.affiliation}` : ''}`;
const claimsOf = (ms: readonly Mention[]) => ms.flatMap((m) => m.claims.map((c) => ({ c, m })));

/** Every whole of a toll present in its incident, nearest first. */
const wholesOf = (rules: Rules, inc: Incident, t: Toll): Toll[] => {
  const parent = new Map<string, string>(rules.reconcile.hierarchy.map((h) => [h.part, h.whole]));
  const out: Toll[] = [];
  for (let g = parent.get(t.group); g !== undefined; g = parent.get(g)) {
    const w = inc.tolls.find((x) => x.outcome === t.outcome && x.group === g && x.affiliation === null);
    if (w) out.push(w);
  }
  return out;
};

/** low ≤ best ≤ high for every category. */
export const rangeOrder = (_rules: Rules, _ms: readonly Mention[], inc: Incident): string[] => inc.tolls.flatMap((t) =>
  t.best !== null && (t.best < t.min || (t.max !== null && t.best > t.max)) ? [`${cat(t)}: best ${t.best} outside ${t.min}–${t.max ?? '∞'}`] : []);

/** A stated (non-derived) category's best lies among its own whole figures (the hull of those not set aside), and a
 *  part never exceeds its whole unless its own figures all do, which is then a recorded disagreement. */
export const partsAndWholes = (rules: Rules, _ms: readonly Mention[], inc: Incident): string[] => inc.tolls.flatMap((t) => {
  const out: string[] = [];
  const valued = t.claims.filter((c) => c.value !== null);
  const wholes = valued.filter((c) => !c.notWhole);
  const stated = (wholes.length ? wholes : valued).map((c) => c.value!);
  if (!t.derived && t.best !== null && stated.length && (t.best < Math.min(...stated) || t.best > Math.max(...stated))) {
    out.push(`${cat(t)}: best ${t.best} is not within its own figures ${stated.join(', ')}`);
  }
  // a part above a whole is allowed only where the incident says a part's figures exceed its whole,
  // on the way from the part up to that whole (children above all when civilians are above all)
  const path: string[] = [t.group];
  for (const w of wholesOf(rules, inc, t)) {
    const flagged = inc.disagreements.some((d) => d.reason === 'part-exceeds-whole' && d.outcome === t.outcome && path.includes(d.group!));
    if (w.best !== null && t.best !== null && t.best > w.best && !flagged) out.push(`${cat(t)}: best ${t.best} exceeds its whole ${cat(w)} best ${w.best} with no disagreement`);
    path.push(w.group);
  }
  return out;
});

/** The figures a category's best may rest on: current (not revised), not to review, not set aside. */
const currentValues = (t: Toll): number[] => t.claims.flatMap((c) => (c.value === null || c.superseded || c.review || c.notWhole ? [] : [c.value]));

/** A model of a whole's parts (children of its group in the hierarchy, a missing part through its own parts): a part
 *  group counts its figure without a side or the sum of its sides', whichever is larger; `pick` reads a toll. */
const partsSum = (rules: Rules, inc: Incident, w: Toll, pick: (t: Toll) => number | null): { value: number; count: number } => {
  const children = (g: string) => rules.reconcile.hierarchy.filter((h) => h.whole === g).map((h) => h.part as string);
  const of = (g: string): { value: number; count: number } => {
    const own = inc.tolls.filter((t) => t.outcome === w.outcome && t.group === g && !t.derived && t.best !== null && pick(t) !== null);
    const below = children(g).map(of).reduce((a, b) => ({ value: a.value + b.value, count: a.count + b.count }), { value: 0, count: 0 });
    if (!own.length) return below;
    const plain = own.find((t) => t.affiliation === null);
    const sided = own.filter((t) => t.affiliation !== null);
    const s = sided.reduce((n, t) => n + pick(t)!, 0);
    const mine = plain ? { value: Math.max(pick(plain)!, s), count: pick(plain)! >= s ? 1 : sided.length } : { value: s, count: sided.length };
    // a group is at least its own parts
    return mine.value >= below.value ? mine : below;
  };
  return children(w.group).map(of).reduce((a, b) => ({ value: a.value + b.value, count: a.count + b.count }), { value: 0, count: 0 });
};

/** A whole's best covers the sum of its parts' bests as far as its own highest current figure allows; when even the
 *  parts' lowest current figures sum beyond that figure, the incident says the parts exceed their whole. */
export const wholesCoverParts = (rules: Rules, _ms: readonly Mention[], inc: Incident): string[] => inc.tolls.flatMap((w) => {
  if (w.derived || w.affiliation !== null || w.best === null) return [];
  const cur = currentValues(w);
  const top = w.max === null ? Infinity : cur.length ? Math.max(...cur) : w.max;
  const sum = partsSum(rules, inc, w, (t) => t.best);
  const out: string[] = [];
  const parent = new Map(rules.reconcile.hierarchy.map((h) => [h.part as string, h.whole as string]));
  const above = (g: string) => { const up: string[] = []; for (let x = parent.get(g); x; x = parent.get(x)) up.push(x); return up; };
  const said = inc.disagreements.some((d) => d.outcome === w.outcome && ((d.reason === 'parts-exceed-whole' && d.group === w.group)
    || (d.reason === 'part-exceeds-whole' && above(d.group!).includes(w.group))));
  const floor = (t: Toll) => { const c = currentValues(t); return Math.min(c.length ? Math.min(...c) : t.min, t.best!); };
  const floors = partsSum(rules, inc, w, floor);
  // a whole capped by its own whole covers at least its parts' lowest figures, or the sources are said to disagree
  const related = (g: string) => g === w.group || above(g).includes(w.group) || above(w.group).includes(g);
  const disagreed = inc.disagreements.some((d) => d.outcome === w.outcome && (d.reason === 'parts-exceed-whole' || d.reason === 'part-exceeds-whole') && related(d.group!));
  if ((w.bestPolicy ?? '').includes('capped')) {
    if (w.best < floors.value && !disagreed) out.push(`${cat(w)}: capped best ${w.best} is below its parts' lowest figures ${floors.value}, with no disagreement`);
  } else if (w.best < Math.min(sum.value, top)) out.push(`${cat(w)}: best ${w.best} does not cover its parts' sum ${sum.value} (highest current figure ${top})`);
  if (floors.value > top && !said) out.push(`${cat(w)}: its parts' lowest figures sum to ${floors.value}, beyond its highest current figure ${top}, with no disagreement`);
  return out;
});

/** Every figure of a derived category is one source's whole minus its part, both about one event (one mention). */
export const derivedFromOneEvent = (rules: Rules, ms: readonly Mention[], inc: Incident): string[] => inc.tolls.filter((t) => t.derived).flatMap((t) => {
  const d = rules.reconcile.derive.find((x) => x.group === t.group)!;
  // figures the incident sets aside (to review, or not the whole event's toll) derive nothing
  const aside = new Set(inc.tolls.flatMap((x) => x.claims.filter((c) => c.review || c.notWhole).map((c) => `${c.reportId}@${c.span[0]}`)));
  const possible = new Set<number>();
  for (const m of ms) {
    for (const source of new Set(m.claims.map((c) => c.source))) {
      const top = (g: string) => Math.max(-1, ...m.claims.filter((c) => c.source === source && c.outcome === t.outcome && c.group === g && c.affiliation === null
        && !c.superseded && c.value !== null && !aside.has(`${c.reportId}@${c.span[0]}`)).map((c) => c.value!));
      const w = top(d.whole), p = top(d.minus);
      if (w >= 0 && p >= 0 && w >= p) possible.add(w - p);
    }
  }
  return [t.min, t.max, t.best].filter((v): v is number => v !== null && !possible.has(v))
    .map((v) => `${cat(t)}: derived figure ${v} is no one source's whole minus its part about one event`);
});

/** A revision names one source, and lists only figures that source gave about one event per report. */
export const revisionsOfOneEvent = (_rules: Rules, ms: readonly Mention[], inc: Incident): string[] => inc.disagreements.filter((d) => d.reason === 'revision').flatMap((d) => {
  if (d.sources.length !== 1) return [`revision with sources ${d.sources.join(', ')}`];
  const source = d.sources[0]!;
  const twoEvents = REPORTS.filter((r) => new Set(ms.filter((m) => m.reportId === r && m.claims.some((c) => c.source === source && c.outcome === d.outcome && c.group === d.group)).map((m) => m.id)).size > 1);
  return twoEvents.length ? [`revision of ${source} ${d.outcome}/${d.group} joins figures of two events in ${twoEvents.join(', ')}`] : [];
});

/** No best is a figure only superseded claims state (a revised "up from" figure), capped or raised: a best equal to
 *  one is allowed only as the best of a whole that caps it, or as its parts' sum that raised it. */
export const supersededNeverBest = (rules: Rules, _ms: readonly Mention[], inc: Incident): string[] => inc.tolls.flatMap((t) => {
  if (t.derived || t.best === null) return [];
  const current = t.claims.filter((c) => !c.superseded).map((c) => c.value);
  const revised = t.claims.filter((c) => c.superseded).map((c) => c.value);
  if (!revised.includes(t.best) || current.includes(t.best)) return [];
  const policy = t.bestPolicy ?? '';
  const cappedThere = policy.includes('capped') && wholesOf(rules, inc, t).some((w) => w.best === t.best);
  const raisedThere = policy.includes('raised') && partsSum(rules, inc, t, (x) => x.best).value === t.best;
  return cappedThere || raisedThere ? [] : [`${cat(t)}: best ${t.best} is a superseded figure`];
});

export type IncidentCheck = (rules: Rules, ms: readonly Mention[], inc: Incident) => string[];

/** Every claim ends up in exactly one incident or one aggregate. */
export const claimsAccountedFor = (claims: readonly TollClaim[], aggregates: readonly TollClaim[], out: Output): string[] => {
  const key = (c: { reportId: string; span: readonly number[]; value: number | null }) => `${c.reportId}@${c.span[0]}-${c.span[1]}=${c.value}`;
  const seen = new Map<string, number>();
  for (const i of out.incidents) for (const t of i.tolls) for (const c of t.claims) seen.set(key(c), (seen.get(key(c)) ?? 0) + 1);
  for (const a of out.aggregates) seen.set(key(a), (seen.get(key(a)) ?? 0) + 1);
  return [...claims, ...aggregates].flatMap((c) => (seen.get(key(c)) === 1 ? [] : [`${key(c)} is in ${seen.get(key(c)) ?? 0} places`]));
};


/** A figure set aside as not the whole event's toll is outside its category's range and never its best, unless the
 *  category has no other figure: the range is the hull of the figures that are wholes. */
export const notWholesOutsideRange = (_rules: Rules, _ms: readonly Mention[], inc: Incident): string[] => inc.tolls.flatMap((t) => {
  if (t.derived) return [];
  const wholes = t.claims.filter((c) => c.value !== null && !c.notWhole).map((c) => c.value!);
  if (!wholes.length) return [];
  const [lo, hi] = [Math.min(...wholes), Math.max(...wholes)];
  return t.min === lo && t.max === hi ? [] : [`${cat(t)}: range ${t.min}–${t.max} is not the hull ${lo}–${hi} of its whole figures`];
});

const STANCES = ['asserts', 'likely', 'possible', 'acknowledges', 'denies'] as const;
const ACTORS = ['russia', 'syrian-government', 'coalition', 'unknown'] as const;

/** Mentions of one incident as `incidentArb`, each with a few stances. */
export const stancedIncidentArb: fc.Arbitrary<Mention[]> = fc.tuple(incidentArb, fc.array(fc.record({
  actor: fc.constantFrom(...ACTORS), stance: fc.constantFrom(...STANCES), source: fc.constantFrom(...SOURCES, 'russia-mod'),
}), { maxLength: 5 })).map(([ms, stances]) => {
  const first = ms[0]!;
  const withStances = mention(first.reportId, first.ordinal, { stances });
  return [{ ...first, stances: withStances.stances }, ...ms.slice(1)];
});

/** Contested needs a denial of what another source states (or of the event), or two actors firmly named by
 *  different sources: a hedge alone ("believed to be Russian") is no contest. */
export const contestNeedsDenialOrCompetitor = (rules: Rules, ms: readonly Mention[], inc: Incident): string[] => {
  if (inc.grade !== 'contested') return [];
  const stances = ms.flatMap((m) => m.stances);
  const positive = new Set<string>(rules.reconcile.attribution.positive);
  const firm = new Set<string>(rules.reconcile.attribution.competing);
  const denied = stances.some((s) => s.stance === 'denies' && (s.actor === rules.reconcile.existence.denialActor
    || stances.some((b) => b.actor === s.actor && b.source !== s.source && positive.has(b.stance))));
  const named = stances.filter((s) => firm.has(s.stance) && !rules.reconcile.attribution.ignoreInCompeting.includes(s.actor));
  const competing = new Set(named.map((s) => s.actor)).size >= 2;
  return denied || competing ? [] : [`contested with neither a denial of another source's claim nor competing belligerents`];
};
