/**
 * Where the sources of one incident disagree: tolls (independent sources differ, or one
 * source revised its own figure), attribution (an actor contested, or different actors
 * blamed), place, date, and existence (a source denies the event happened).
 */
import type { Disagreement } from '../model/contract.js';
import type { Mention, Stance } from '../model/claim.js';
import type { ReconcileRules } from '../rules/reconcile-schema.js';
import { formatRange, toDays } from '../cluster/dates.js';
import { competingActors, contestOf } from './attribution.js';
import { categoryLabel, listing } from './labels.js';
import { currentFigures, eventOf, groupByCategory, setAside, type DatedClaim } from './tolls.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const uniqSorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort(cmp);

/** 'sources-differ' when independent sources' current figures differ; 'revision' per source that changed its figure. */
export const tollDisagreements = (claims: readonly DatedClaim[]): Disagreement[] => {
  const out: Disagreement[] = [];
  for (const group of groupByCategory(claims).values()) {
    const c0 = group[0]!.claim;
    const category = { outcome: c0.outcome, group: c0.group, affiliation: c0.affiliation };
    const figures = currentFigures(group);
    if (new Set(figures.map((f) => f.value)).size >= 2) {
      out.push({
        kind: 'toll', ...category, sources: figures.map((f) => f.source), reason: 'sources-differ',
        summary: `Sources differ on ${categoryLabel(c0)}: ${listing(figures.map((f) => `${f.source} ${f.value}`))}.`,
      });
    }
    out.push(...revisions(group).map((r) => ({ kind: 'toll' as const, ...category, ...r })));
  }
  return out;
};

/** One source's figure per report (its highest there, after any figure it revised there: "up from
 *  18"), when it differs across reports or within one. */
const revisions = (group: readonly DatedClaim[]): { sources: string[]; summary: string; reason: string }[] => {
  type Held = { value: number; publishedAt: string | null; earlier: number[] };
  const bySource = new Map<string, Map<string, Held>>();
  for (const { claim, publishedAt } of group.filter((d) => !d.claim.superseded && !setAside(d.claim))) {
    if (claim.value === null) continue;
    const reports = bySource.get(claim.source) ?? new Map<string, Held>();
    const held = reports.get(claim.reportId);
    if (!held || claim.value > held.value) reports.set(claim.reportId, { value: claim.value, publishedAt, earlier: [] });
    bySource.set(claim.source, reports);
  }
  for (const { claim } of group.filter((d) => d.claim.superseded)) {
    const held = bySource.get(claim.source)?.get(claim.reportId);
    if (held && claim.value !== null && claim.value !== held.value && !held.earlier.includes(claim.value)) held.earlier.push(claim.value);
  }
  // a report that gives one source's figures for two events (two mentions) tells different events,
  // not a revision: a timeline joins only one source's figures about one event
  const eventsIn = new Map<string, Set<string>>();
  for (const d of group) {
    const k = `${d.claim.source}\u0000${d.claim.reportId}`;
    eventsIn.set(k, (eventsIn.get(k) ?? new Set()).add(eventOf(d)));
  }
  const manyEvents = new Set([...eventsIn.entries()].filter(([, es]) => es.size > 1).map(([k]) => k.split('\u0000')[0]!));
  const out: { sources: string[]; summary: string; reason: string }[] = [];
  for (const [source, reports] of [...bySource.entries()].sort(([a], [b]) => cmp(a, b))) {
    if (manyEvents.has(source)) continue;
    const seq = [...reports.entries()]
      .sort(([pa, p], [qa, q]) => cmp(p.publishedAt ?? '', q.publishedAt ?? '') || cmp(pa, qa))
      .flatMap(([reportId, r]) => [...r.earlier.map((value) => ({ reportId, value, publishedAt: r.publishedAt, revised: true })),
        { reportId, value: r.value, publishedAt: r.publishedAt, revised: false }]);
    if (new Set(seq.map((s) => s.value)).size < 2) continue;
    const inReport = seq.some((s) => s.revised);
    const dated = inReport || (seq.every((s) => s.publishedAt !== null) && seq[0]!.publishedAt! < seq[seq.length - 1]!.publishedAt!);
    const first = seq[0]!, last = seq[seq.length - 1]!;
    const verb = !dated ? 'gave different figures for' : last.value > first.value ? 'raised its figure for' : last.value < first.value ? 'lowered its figure for' : 'changed its figure for';
    const steps = seq.map((s) => `${s.value} (${s.reportId}${s.publishedAt ? `, ${s.publishedAt}` : ''})`).join(dated ? ' → ' : ', ');
    out.push({ sources: [source], summary: `${source} ${verb} ${categoryLabel(group[0]!.claim)}: ${steps}.`, reason: 'revision' });
  }
  return out;
};

/** A contested actor (denied by one source, blamed by another), and competing actors. */
export const attributionDisagreements = (rules: ReconcileRules) => (stances: readonly Stance[]): Disagreement[] => {
  const out: Disagreement[] = [];
  const actors = uniqSorted(stances.map((s) => s.actor));
  for (const actor of actors) {
    const { deniers, blamers } = contestOf(rules)(stances.filter((s) => s.actor === actor));
    if (!deniers.length) continue;
    out.push({
      kind: 'attribution', actor, sources: uniqSorted([...deniers, ...blamers]), reason: 'contested',
      summary: `${listing(blamers)} blame${blamers.length === 1 ? 's' : ''} ${actor}; ${listing(deniers)} den${deniers.length === 1 ? 'ies' : 'y'} it.`,
    });
  }
  const doers = competingActors(rules)(stances);
  if (doers.size) {
    const blamed = [...doers.values()].flat();
    const who = uniqSorted(blamed.map((s) => s.actor)).map((a) =>
      `${listing(uniqSorted(blamed.filter((s) => s.actor === a).map((s) => s.source)))} ${a}`);
    for (const actor of uniqSorted(blamed.map((s) => s.actor))) {
      if (out.some((d) => d.actor === actor)) continue;
      out.push({
        kind: 'attribution', actor, sources: uniqSorted(blamed.map((s) => s.source)), reason: 'competing-actors',
        summary: `Sources blame different actors: ${who.join('; ')}.`,
      });
    }
  }
  return out;
};

const sourcesOf = (ms: readonly Mention[]): string[] =>
  uniqSorted(ms.flatMap((m) => [...m.claims.map((c) => c.source), ...m.stances.map((s) => s.source)]));

/** Mentions from different reports naming different specific gazetteer places, none in common
 *  (a governorate named by one and a town by the other do not disagree). */
export const placeDisagreements = (isSpecific: (id: string) => boolean) => (mentions: readonly Mention[]): Disagreement[] => {
  const idsOf = (m: Mention): string[] => m.places.flatMap((p) => (p.id && isSpecific(p.id) ? [p.id] : []));
  // Mentions naming the same set of places behave alike: the sets are compared, not every two mentions.
  type Named = { ids: Set<string>; members: Mention[]; reports: string[] };
  const bySet = new Map<string, Named>();
  for (const m of mentions) {
    const ids = uniqSorted(idsOf(m));
    if (!ids.length) continue;
    const key = ids.join('\u0001');
    const g = bySet.get(key) ?? { ids: new Set(ids), members: [], reports: [] };
    bySet.set(key, g);
    g.members.push(m);
    if (g.reports.length < 2 && !g.reports.includes(m.reportId)) g.reports.push(m.reportId);
  }
  const groups = [...bySet.values()];
  const clash = new Set<Mention>();
  // The members of a that some mention of b, from another report, clashes with.
  const clashWith = (a: Named, b: Named): void => {
    for (const m of a.members) if (b.reports.length > 1 || b.reports[0] !== m.reportId) clash.add(m);
  };
  for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) {
    const a = groups[i]!, b = groups[j]!;
    if ([...a.ids].some((id) => b.ids.has(id))) continue;
    clashWith(a, b);
    clashWith(b, a);
  }
  if (!clash.size) return [];
  const ms = mentions.filter((m) => clash.has(m));
  const says = ms.map((m) => `${m.reportId} ${uniqSorted(idsOf(m)).join(', ')}`);
  return [{ kind: 'place', sources: sourcesOf(ms), summary: `Reports place it differently: ${says.join('; ')}.` }];
};

/** Dated mentions whose dates do not overlap (they still lie within the clustering window). */
export const dateDisagreements = (mentions: readonly Mention[]): Disagreement[] => {
  const dated = mentions.filter((m): m is Mention & { date: NonNullable<Mention['date']> } => m.date !== null);
  const days = dated.map((m) => toDays(m.date));
  // A range misses another exactly when it ends before the latest start or starts after the earliest end.
  const latestStart = days.reduce((x, d) => Math.max(x, d.start), -Infinity), earliestEnd = days.reduce((x, d) => Math.min(x, d.end), Infinity);
  const ms = dated.filter((_, k) => days[k]!.end < latestStart || days[k]!.start > earliestEnd);
  if (!ms.length) return [];
  return [{ kind: 'date', sources: sourcesOf(ms), summary: `Reports date it differently: ${ms.map((m) => `${m.reportId} ${formatRange(m.date)}`).join('; ')}.` }];
};

/** A denial aimed at no named doer: the event itself is denied. */
export const existenceDisagreements = (rules: ReconcileRules) => (stances: readonly Stance[]): Disagreement[] => {
  const deniers = uniqSorted(stances.filter((s) => s.stance === 'denies' && s.actor === rules.existence.denialActor).map((s) => s.source));
  return deniers.length
    ? [{ kind: 'existence', sources: deniers, summary: `${listing(deniers)} den${deniers.length === 1 ? 'ies' : 'y'} that the event took place.` }]
    : [];
};

const KIND_ORDER: readonly Disagreement['kind'][] = ['existence', 'attribution', 'toll', 'date', 'place'];

/** Every disagreement of one incident, existence first, then attribution, tolls, date, place. */
export const findDisagreements = (rules: ReconcileRules, isSpecificPlace: (id: string) => boolean = () => true) =>
  (mentions: readonly Mention[], claims: readonly DatedClaim[], extra: readonly Disagreement[] = []): Disagreement[] => {
  const stances = mentions.flatMap((m) => m.stances);
  const all = [
    ...existenceDisagreements(rules)(stances),
    ...attributionDisagreements(rules)(stances),
    ...tollDisagreements(claims),
    ...extra,
    ...dateDisagreements(mentions),
    ...placeDisagreements(isSpecificPlace)(mentions),
  ];
  // Stable sort: by kind, keeping each kind's own order (categories, actors).
  return all.map((d, i) => ({ d, i }))
    .sort((p, q) => KIND_ORDER.indexOf(p.d.kind) - KIND_ORDER.indexOf(q.d.kind) || p.i - q.i)
    .map((x) => x.d);
};
