/**
 * Hand-coded claims to an Extraction: the analyst has already done the reading, so claims
 * are grouped by their `event` key into event mentions, many-event totals become aggregates,
 * and place ids are resolved against the gazetteer. No text is read here.
 */
import type { DateRange } from '../model/contract.js';
import type { Extraction, ExtractWarning, Mention, PlaceRef, Stance, TollClaim } from '../model/claim.js';
import type { CodedClaim, CodedStance, Report } from '../model/report.js';
import type { Place } from '../rules/schema.js';

/** `${reportId}:${start}-${end}:${outcome}/${group}/${affiliation}` (src/model/claim.ts). */
export const tollClaimId = (reportId: string, c: Pick<CodedClaim, 'span' | 'outcome' | 'group' | 'affiliation'>): string =>
  `${reportId}:${c.span[0]}-${c.span[1]}:${c.outcome}/${c.group}/${c.affiliation}`;

const stanceId = (reportId: string, s: CodedStance): string =>
  `${reportId}:${s.span[0]}-${s.span[1]}:${s.source}/${s.actor}/${s.stance}`;

/** The event key a claim or stance belongs to; no key is event `0`. */
const eventKey = (x: { readonly event: string }): string => x.event || '0';

const collator = new Intl.Collator('und', { numeric: true });
const byKey = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const asRange = (d: CodedClaim['date']): DateRange | null =>
  d === null || d === undefined ? null : typeof d === 'string' ? { start: d, end: d } : d;

/** Smallest date range covering all the given ones; null when none is dated. */
export const dateHull = (dates: readonly (DateRange | null)[]): DateRange | null =>
  dates.reduce<DateRange | null>((hull, d) => (!d ? hull : !hull ? d : {
    start: d.start < hull.start ? d.start : hull.start,
    end: d.end > hull.end ? d.end : hull.end,
  }), null);

const toStance = (report: Report) => (s: CodedStance): Stance => ({
  id: stanceId(report.id, s), reportId: report.id, source: s.source, via: s.via,
  actor: s.actor, stance: s.stance, quote: s.quote, span: s.span,
});

/**
 * A report's hand-coded content as event mentions, aggregates and loose stances.
 * `places` is the gazetteer (rules.places): place ids are resolved to names and governorates.
 * A vague claim's `value` is read as the lower bound its vague word stands for: it becomes
 * `vagueMin`, and the claim's value is null (CONTRACT.md: null for a vague quantity).
 */
export const extractCoded = (places: readonly Place[]) => {
  const gazetteer = new Map(places.map((p) => [p.id, p]));
  return (report: Report): Extraction => {
    const coded = report.coded ?? { claims: [], stances: [] };
    const warnings: ExtractWarning[] = [];
    const warn = (code: string, message: string): void => { warnings.push({ reportId: report.id, code, message, location: report.origin }); };

    const ids = coded.claims.map((c) => tollClaimId(report.id, c));
    const seen = new Set<string>();
    const claims: { claim: TollClaim; coded: CodedClaim }[] = [];
    coded.claims.forEach((c, i) => {
      const id = ids[i]!;
      if (seen.has(id)) { warn('duplicate-claim', `claim ${id} is coded twice; the first is kept`); return; }
      seen.add(id);
      const partOf = c.partOf === null || c.partOf === undefined ? null : ids[c.partOf] ?? null;
      if (c.partOf !== null && c.partOf !== undefined && partOf === null) warn('invalid-part-of', `claim ${id}: partOf ${c.partOf} is not a claim of this report`);
      const vague = c.qualifier === 'vague';
      claims.push({ coded: c, claim: {
        id, reportId: report.id, source: c.source, via: c.via, outcome: c.outcome, group: c.group,
        affiliation: c.affiliation, value: vague ? null : c.value, qualifier: c.qualifier, mayRise: c.mayRise,
        quote: c.quote, span: c.span, partOf, vagueMin: vague ? c.value : null,
      } });
    });

    const unknown = new Set<string>();
    const placeRef = (id: string): PlaceRef => {
      const p = gazetteer.get(id);
      if (p) return { id, name: p.name, governorate: p.governorate, span: null };
      if (!unknown.has(id)) { unknown.add(id); warn('unknown-place', `place "${id}" is not in the gazetteer; kept by its id`); }
      return { id, name: id, governorate: null, span: null };
    };

    const inEvents = claims.filter((c) => !c.coded.aggregate);
    const keys = [...new Set(inEvents.map((c) => eventKey(c.coded)))].sort(byKey);
    const stanceIds = new Set<string>();
    const stances = coded.stances.map((s) => ({ key: eventKey(s), stance: toStance(report)(s) })).filter(({ stance }) => {
      if (!stanceIds.has(stance.id)) { stanceIds.add(stance.id); return true; }
      warn('duplicate-stance', `stance ${stance.id} is coded twice; the first is kept`);
      return false;
    });
    const mentions = keys.map((key, ordinal): Mention => {
      const mine = inEvents.filter((c) => eventKey(c.coded) === key);
      return {
        id: `${report.id}#${key}`, reportId: report.id, ordinal, publishedAt: report.publishedAt,
        date: dateHull(mine.map((c) => asRange(c.coded.date))),
        places: [...new Set(mine.flatMap((c) => c.coded.places ?? []))].map(placeRef),
        claims: mine.map((c) => c.claim),
        stances: stances.filter((s) => s.key === key).map((s) => s.stance),
        targets: [],
      };
    });
    const keySet = new Set(keys);
    return {
      mentions,
      aggregates: claims.filter((c) => c.coded.aggregate).map((c) => c.claim),
      looseStances: stances.filter((s) => !keySet.has(s.key)).map((s) => s.stance),
      warnings,
    };
  };
};
