/**
 * The engine's invariants as pure checks: each takes what a run produced and returns the
 * violations it finds, as sentences naming the incident and category (empty: it holds).
 * The properties in properties.ts feed them generated cases.
 */
import { Output, type Incident, type Toll } from '../model/contract.js';
import type { Extraction, Mention } from '../model/claim.js';
import type { ExtractedReport } from '../pipeline.js';
import type { ReconcileRules } from '../rules/reconcile-schema.js';

export const categoryOf = (t: { readonly outcome: string; readonly group: string; readonly affiliation: string | null }): string =>
  `${t.outcome}/${t.group}${t.affiliation ? `/${t.affiliation}` : ''}`;

const at = (i: Incident, t?: Toll): string => `incident ${i.id}${t ? ` ${categoryOf(t)}` : ''}`;

/** Ancestor groups of a group in the rules' hierarchy, nearest first. */
export const wholesOf = (rules: ReconcileRules) => (group: string): string[] => {
  const parent = new Map(rules.hierarchy.map((h) => [h.part as string, h.whole as string]));
  const out: string[] = [];
  for (let g = parent.get(group); g !== undefined && !out.includes(g); g = parent.get(g)) out.push(g);
  return out;
};

/** The nearest whole of a toll present in its incident (affiliation none, same outcome). */
const nearestWhole = (rules: ReconcileRules, incident: Incident, t: Toll): Toll | undefined => {
  for (const g of wholesOf(rules)(t.group)) {
    const w = incident.tolls.find((x) => x.outcome === t.outcome && x.group === g && x.affiliation === null);
    if (w && w !== t) return w;
  }
  return undefined;
};

/** Every stated figure lies in its range, and the range's ends are stated figures; a figure that is not the whole
 *  event's toll (`notWhole`) is outside it, unless the toll has no other figure. */
export const rangeViolations = (output: Output): string[] => output.incidents.flatMap((i) => i.tolls.flatMap((t) => {
  if (t.derived) return [];
  const valued = t.claims.filter((c) => c.value !== null);
  const wholes = valued.filter((c) => !c.notWhole);
  const stated = (wholes.length ? wholes : valued).map((c) => c.value!);
  const out = stated.filter((v) => v < t.min || (t.max !== null && v > t.max))
    .map((v) => `${at(i, t)}: the stated figure ${v} lies outside the range ${t.min}–${t.max ?? '∞'}`);
  if (stated.length && (t.min !== Math.min(...stated) || t.max !== Math.max(...stated))) {
    out.push(`${at(i, t)}: the range ${t.min}–${t.max ?? '∞'} is not the span of the stated figures ${stated.join(', ')}`);
  }
  return out;
}));

/**
 * Every best estimate lies within [min, max]. The only exception is a part capped at its
 * whole's best (a part never exceeds its whole), which may then fall below its own min.
 */
export const bestViolations = (rules: ReconcileRules) => (output: Output): string[] => output.incidents.flatMap((i) => i.tolls.flatMap((t) => {
  if (t.best === null) return [];
  const policy = t.bestPolicy ? ` (policy ${t.bestPolicy})` : '';
  if (t.max !== null && t.best > t.max) return [`${at(i, t)}: best ${t.best} is above the highest figure ${t.max}${policy}`];
  if (t.best >= t.min) return [];
  const w = nearestWhole(rules, i, t);
  if (w && w.best === t.best) return [];
  return [`${at(i, t)}: best ${t.best} is below the lowest figure ${t.min}${policy}`];
}));

/** A part's best never exceeds the best of any of its wholes, unless the incident records that a part's
 *  lowest figure exceeds its whole on the way up to it (each best then stays among its own figures). */
export const partWholeViolations = (rules: ReconcileRules) => (output: Output): string[] => output.incidents.flatMap((i) => i.tolls.flatMap((t) => {
  const ws = wholesOf(rules)(t.group);
  return ws.flatMap((g, k) => {
    const w = i.tolls.find((x) => x.outcome === t.outcome && x.group === g && x.affiliation === null);
    const path = [t.group, ...ws.slice(0, k)];
    const flagged = i.disagreements.some((d) => d.reason === 'part-exceeds-whole' && d.outcome === t.outcome && path.includes(d.group ?? ''));
    return w && w.best !== null && t.best !== null && t.best > w.best && !flagged
      ? [`${at(i, t)}: best ${t.best} exceeds the best ${w.best} of its whole ${categoryOf(w)}`] : [];
  });
}));

const daysOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** No incident joins two dated mentions further apart than the window. */
export const dateWindowViolations = (window: number, mentions: ReadonlyMap<string, Mention>) => (output: Output): string[] =>
  output.incidents.flatMap((i) => {
    const dated = (i.mentionIds ?? []).flatMap((id) => { const d = mentions.get(id)?.date; return d ? [{ id, start: daysOf(d.start), end: daysOf(d.end) }] : []; });
    return dated.flatMap((a) => dated.filter((b) => a.id < b.id && Math.max(a.start, b.start) - Math.min(a.end, b.end) > window)
      .map((b) => `${at(i)} joins ${a.id} and ${b.id}, ${Math.max(a.start, b.start) - Math.min(a.end, b.end)} days apart (window ${window})`));
  });

type Signed = { reportId: string; span: readonly number[]; source: string; value: number | null };
/**
 * The category a claim keeps through reconciliation: figures of people and of fighters are one, since an incident
 * may show whose fighters they count (rules/reconcile.yaml sides: "78 fighters" of the side named, "the toll
 * passed 100" where only fighters are counted).
 */
export const keptCategory = (t: { readonly outcome: string; readonly group: string; readonly affiliation: string | null }): string =>
  t.group === 'all' || t.group === 'combatants' ? `${t.outcome}/all-or-combatants` : categoryOf(t);

const sign = (c: Signed, category: string): string => `${c.reportId}@${c.span[0]}-${c.span[1]} ${category} ${c.source}=${c.value}`;

const multisetDiff = (expected: readonly string[], found: readonly string[]): { missing: string[]; extra: string[] } => {
  const count = new Map<string, number>();
  for (const e of expected) count.set(e, (count.get(e) ?? 0) + 1);
  const extra: string[] = [];
  for (const f of found) { const n = count.get(f) ?? 0; if (n > 0) count.set(f, n - 1); else extra.push(f); }
  return { missing: [...count.entries()].flatMap(([k, n]) => Array<string>(n).fill(k)), extra };
};

/** Every extracted claim is in exactly one toll or aggregate; no stance is used twice; the accounting balances. */
export const conservationViolations = (rules: ReconcileRules) => (extracted: readonly ExtractedReport[], output: Output): string[] => {
  const xs: Extraction[] = extracted.map((x) => x.extraction);
  const mentions = xs.flatMap((x) => x.mentions);
  const expected = [
    ...mentions.flatMap((m) => m.claims.map((c) => sign(c, keptCategory(c)))),
    ...xs.flatMap((x) => x.aggregates.map((c) => sign({ ...c, value: c.value ?? c.vagueMin ?? rules.vague.defaultMin }, categoryOf(c)))),
  ];
  const found = [
    ...output.incidents.flatMap((i) => i.tolls.filter((t) => !t.derived).flatMap((t) => t.claims.map((c) => sign(c, keptCategory(t))))),
    ...output.aggregates.map((a) => sign(a, categoryOf(a))),
  ];
  const claims = multisetDiff(expected, found);
  const stances = multisetDiff(
    mentions.flatMap((m) => m.stances.map((s) => `${s.reportId}@${s.span[0]}-${s.span[1]} ${s.source} ${s.stance} ${s.actor}`)),
    output.incidents.flatMap((i) => i.attributions.flatMap((a) => a.stances.map((s) => `${s.reportId}@${s.span[0]}-${s.span[1]} ${s.source} ${s.stance} ${a.actor}`))),
  );
  const a = output.accounting;
  return [
    ...claims.missing.map((c) => `the claim ${c} is in no incident and no aggregate`),
    ...claims.extra.map((c) => `the claim ${c} appears more often than it was extracted`),
    ...stances.extra.map((s) => `the stance ${s} appears more often than it was extracted`),
    ...(rules.keepIncidentsWithoutTolls ? stances.missing.map((s) => `the stance ${s} is in no incident`) : []),
    ...(a && a.claimsInIncidents + a.claimsInAggregates !== a.claimsExtracted
      ? [`accounting: ${a.claimsInIncidents} claims in incidents + ${a.claimsInAggregates} in aggregates ≠ ${a.claimsExtracted} extracted`] : []),
    ...(a && a.stancesInIncidents + a.stancesWithoutIncident !== a.stancesExtracted
      ? [`accounting: ${a.stancesInIncidents} stances in incidents + ${a.stancesWithoutIncident} without ≠ ${a.stancesExtracted} extracted`] : []),
  ];
};

/**
 * Stated ranges of `after` (the same incident with one claim more) are no narrower than in `before`. The added
 * claim may show whose fighters the figures count (rules/reconcile.yaml sides): with a civilian figure, or a second
 * side, a figure that names no group is everyone's again ("the toll passed 100" no longer counts one side's
 * fighters), so a category's claims may part for several categories. Each stated figure is followed to the category
 * that holds it, and the range they stated must hold across those categories together.
 */
export const narrowingViolations = (before: Incident, after: Incident): string[] => before.tolls.flatMap((t) => {
  if (t.derived || t.max === null) return [];
  // the added claim may show that a figure is not the whole event's toll ("12 civilians and 5 others"): it leaves
  // the range; a range of such figures only holds until a whole figure comes
  const at0 = (c: { reportId: string; span: readonly number[] }) => `${c.reportId}@${c.span[0]}`;
  const asideAfter = new Set(after.tolls.flatMap((x) => x.claims.filter((c) => c.notWhole).map(at0)));
  const stated = t.claims.filter((c) => c.value !== null && !c.notWhole);
  if (t.claims.some((c) => !c.notWhole && asideAfter.has(at0(c))) || !stated.length) return [];
  const holders = stated.map((s) => after.tolls.find((x) => !x.derived && x.claims.some((c) => at0(c) === at0(s) && c.value === s.value)));
  if (holders.some((u) => u === undefined)) return [`${at(before, t)}: the range ${t.min}–${t.max} disappeared when a claim was added`];
  const us = [...new Set(holders as Toll[])];
  const lo = Math.min(...us.map((u) => u.min));
  const hi = us.some((u) => u.max === null) ? null : Math.max(...us.map((u) => u.max!));
  const where = us.length > 1 ? ` across ${us.map(categoryOf).join(', ')}` : '';
  return lo > t.min || (hi !== null && hi < t.max)
    ? [`${at(before, t)}: the range ${t.min}–${t.max} narrowed to ${lo}–${hi ?? '∞'}${where} when a claim was added`] : [];
});

/** The output meets the contract schema. */
export const contractViolations = (output: Output): string[] => {
  const r = Output.safeParse(output);
  return r.success ? [] : r.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
};

/** Every quote of an extraction is its report text at its span; figures are whole numbers. */
export const quoteViolations = (text: string, x: Extraction): string[] => {
  const quoted = [...x.mentions.flatMap((m) => [...m.claims, ...m.stances]), ...x.aggregates, ...x.looseStances];
  return [
    ...quoted.flatMap((q) => {
      const [s, e] = q.span;
      if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= text.length)) return [`the span [${s}, ${e}] of ${JSON.stringify(q.quote)} is outside the text (length ${text.length})`];
      return text.slice(s, e) === q.quote ? [] : [`the quote ${JSON.stringify(q.quote)} is not the text at [${s}, ${e}]: ${JSON.stringify(text.slice(s, e))}`];
    }),
    ...x.mentions.flatMap((m) => m.claims).filter((c) => c.value !== null && !(Number.isInteger(c.value) && c.value >= 0))
      .map((c) => `the figure ${c.value} of ${JSON.stringify(c.quote)} is not a whole number`),
    ...x.mentions.flatMap((m) => m.places).filter((p) => p.span !== null && !(p.span[0] >= 0 && p.span[0] <= p.span[1] && p.span[1] <= text.length))
      .map((p) => `the place ${p.name} has a span outside the text`),
  ];
};

/** Where two JSON values first differ ("incidents[2].tolls[0].best: 28 ≠ 30"), or null when equal. */
export const firstDifference = (a: unknown, b: unknown, path = ''): string | null => {
  if (Object.is(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let k = 0; k < Math.max(a.length, b.length); k++) {
      const d = firstDifference(a[k], b[k], `${path}[${k}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return null;
  }
  return `${path || 'value'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
};
