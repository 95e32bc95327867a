/**
 * Applying analysts' decisions (schema.ts) to a run, after extraction and clustering. Pure.
 *
 * - Anchors are found by report and quote: the quote is looked up in the report's text (the
 *   occurrence nearest the span when one is given), and the claim or event read there is the
 *   one the decision means. A decision whose anchor finds nothing is stale: a located
 *   warning, listed in the output's `decisions`, never dropped in silence.
 * - same-incident joins the clusters of its members (must-link); different-incidents keeps
 *   its members apart (cannot-link): a cluster holding two of them is clustered again, alone,
 *   under the constraints (src/cluster Constraints). A cannot-link inside a must-linked group
 *   is a conflict, reported, and not applied.
 * - Claim decisions edit the claims of their cluster only: a rejected claim leaves the tolls
 *   (kept in the incident's `rejectedClaims` with its decision), a correction replaces
 *   fields, an added claim joins the event nearest its quote. Incident decisions (attribution,
 *   grade, note) apply to the incident that holds most of their members.
 *
 * Decisions are taken in id order, so the result does not depend on their order in the file;
 * applying them to a run is a function of the run and the set of decisions. Clusters that no
 * decision reaches are reconciled exactly as without decisions.
 */
import type { Attribution, DecisionOut, DecisionStatus, Incident, RejectedClaimOut, Warning } from '../model/contract.js';
import type { Mention, TollClaim } from '../model/claim.js';
import type { Cluster, Clustering, Constraints } from '../cluster/index.js';
import type { Rules } from '../rules/schema.js';
import { reconcileIncident } from '../reconcile/index.js';
import { toClaimOut } from '../reconcile/tolls.js';
import type { ClaimAnchor, Decision, MemberAnchor } from './schema.js';

export const STALE_DECISION = 'stale-decision';
export const DECISION_CONFLICT = 'decision-conflict';

/** What applying needs to know about a report: its text (null when not kept) and date. */
export type ReportFacts = { readonly text: string | null; readonly publishedAt: string | null };

export type DecisionInput = {
  readonly rules: Rules;
  readonly reports: ReadonlyMap<string, ReportFacts>;
  /** the machine's clustering of the extracted mentions */
  readonly clusters: readonly Cluster[];
  /** clusters mentions under constraints (src/cluster clusterMentions with its rules) */
  readonly recluster: (mentions: readonly Mention[], constraints: Constraints) => Clustering;
  /** whether a cluster without decisions becomes an incident (pipeline keepCluster) */
  readonly keep: (c: Cluster) => boolean;
};

export type Decided = {
  readonly incidents: readonly Incident[];
  readonly statuses: readonly DecisionStatus[];
  readonly warnings: readonly Warning[];
  readonly claimsRejected: number;
  readonly claimsAdded: number;
};

type Range = readonly [number, number];
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const overlap = (a: Range, b: Range): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
/** How far a span's ends are from the anchor's range (0: the same span). */
const offset = (range: Range | null, span: Range): number => (range === null ? 0 : Math.abs(span[0] - range[0]) + Math.abs(span[1] - range[1]));
const distance = (a: Range, b: Range): number => (overlap(a, b) > 0 || (a[0] === b[0] && a[1] === b[1]) ? 0 : Math.max(a[0] - b[1], b[0] - a[1], 0));

export const decisionOut = (d: Decision): DecisionOut => ({ id: d.id, kind: d.kind, who: d.who, when: d.when, why: d.why });

/**
 * Where the quote is in the text: the occurrence at the span, else the one nearest it, else
 * the first. null: not in the text. With no text, the span given (or null).
 */
export const locateQuote = (text: string | null, quote: string, span?: Range): Range | null => {
  if (text === null) return span ?? null;
  let best: Range | null = null;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    const r: Range = [i, i + quote.length];
    if (best === null || (span && Math.abs(r[0] - span[0]) < Math.abs(best[0] - span[0]))) best = r;
    if (!span) break;
  }
  return best;
};

type Found<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };
const stale = <T>(message: string): Found<T> => ({ ok: false, message });

/** Where a claim or stance of a mention is, for member anchors. */
type Piece = { readonly mention: Mention; readonly span: Range; readonly quote: string };

export const applyDecisions = (input: DecisionInput) => (given: readonly Decision[]): Decided => {
  const { rules } = input;
  const decisions = [...given].sort((p, q) => cmp(p.id, q.id));
  const statuses = new Map<string, { status: DecisionStatus['status']; message?: string; incidents: Set<string> }>();
  const fail = (d: Decision, status: 'stale' | 'conflict', message: string): void => { statuses.set(d.id, { status, message, incidents: new Set() }); };
  const applied = (d: Decision, incidentId: string): void => {
    const s = statuses.get(d.id);
    if (s) s.incidents.add(incidentId); else statuses.set(d.id, { status: 'applied', incidents: new Set([incidentId]) });
  };

  const byReport = new Map<string, Mention[]>();
  for (const c of input.clusters) for (const m of c.mentions) byReport.set(m.reportId, [...(byReport.get(m.reportId) ?? []), m]);
  for (const ms of byReport.values()) ms.sort((p, q) => cmp(p.id, q.id));

  const rangeOf = (a: { report: string; quote: string; span?: Range | undefined }): Found<Range | null> => {
    const facts = input.reports.get(a.report);
    if (!facts) return stale(`no report '${a.report}' among the inputs`);
    if (facts.text === null) return { ok: true, value: a.span ?? null };
    const r = locateQuote(facts.text, a.quote, a.span);
    return r === null ? stale(`the quote "${a.quote}" is no longer in report ${a.report}`) : { ok: true, value: r };
  };
  /** Whether a claim or stance (span, quote) is where the anchor points. */
  const hit = (range: Range | null, quote: string, piece: { span: Range; quote: string }): number =>
    range === null ? (piece.quote.includes(quote) || quote.includes(piece.quote) ? 1 : 0) : overlap(range, piece.span);

  // Added claims: the event of the report nearest the quote, or an event of their own.
  const additions = new Map<string, { decision: Decision & { kind: 'add-claim' }; claim: TollClaim }[]>();
  const newMentions: Mention[] = [];
  for (const d of decisions) {
    if (d.kind !== 'add-claim') continue;
    const r = rangeOf(d.claim);
    if (!r.ok) { fail(d, 'stale', r.message); continue; }
    const range = r.value ?? d.claim.span;
    if (!range) { fail(d, 'stale', `report ${d.claim.report} has no text kept to find the quote in; give its span`); continue; }
    const ms = byReport.get(d.claim.report) ?? [];
    const pieces: Piece[] = ms.flatMap((m) => [...m.claims, ...m.stances].map((c) => ({ mention: m, span: c.span as Range, quote: c.quote })));
    const near = [...pieces].sort((p, q) => distance(range, p.span) - distance(range, q.span) || cmp(p.mention.id, q.mention.id))[0]?.mention;
    const a = d.add;
    const vague = a.qualifier === 'vague' && a.value === null;
    const claim: TollClaim = {
      id: `${d.claim.report}:${range[0]}-${range[1]}:${a.outcome}/${a.group}/${a.affiliation ?? ''}#${d.id}`,
      reportId: d.claim.report, source: a.source, via: a.via ?? null, relayChain: [a.source, ...(a.via ? [a.via] : [])],
      outcome: a.outcome, group: a.group, affiliation: a.affiliation ?? null, value: a.value, qualifier: a.qualifier ?? (a.value === null ? 'vague' : 'exact'),
      mayRise: false, quote: d.claim.quote, span: [range[0], range[1]], partOf: null,
      vagueMin: vague || a.value === null ? rules.reconcile.vague.defaultMin : null, rule: 'decision',
    };
    const target = near ?? (() => {
      const m: Mention = {
        id: `${d.claim.report}#decision-${d.id}`, reportId: d.claim.report, ordinal: 10_000 + newMentions.length,
        publishedAt: input.reports.get(d.claim.report)?.publishedAt ?? null, date: null, places: [], claims: [], stances: [], targets: [],
      };
      newMentions.push(m);
      byReport.set(m.reportId, [...(byReport.get(m.reportId) ?? []), m]);
      return m;
    })();
    additions.set(target.id, [...(additions.get(target.id) ?? []), { decision: d, claim }]);
  }

  const piecesOf = (reportId: string): Piece[] => (byReport.get(reportId) ?? []).flatMap((m) => [
    ...m.claims, ...m.stances, ...(additions.get(m.id) ?? []).map((a) => a.claim),
  ].map((c) => ({ mention: m, span: c.span as Range, quote: c.quote })));

  /** The event a member anchor names: the one whose claim or stance is at the quote, else the nearest. */
  const member = (a: MemberAnchor): Found<Mention> => {
    const r = rangeOf(a);
    if (!r.ok) return r;
    const pieces = piecesOf(a.report);
    if (!pieces.length) return stale(`report ${a.report} has no event with a claim or stance now`);
    const range = r.value;
    const score = (p: Piece): number => hit(range, a.quote, p);
    const ranked = [...pieces].sort((p, q) => score(q) - score(p)
      || (range ? distance(range, p.span) - distance(range, q.span) : 0) || cmp(p.mention.id, q.mention.id));
    if (range === null && score(ranked[0]!) === 0) return stale(`no claim or stance of report ${a.report} holds the quote "${a.quote}"`);
    return { ok: true, value: ranked[0]!.mention };
  };

  /** The claim a claim anchor names. */
  const claimAt = (a: ClaimAnchor): Found<{ mention: Mention; claim: TollClaim }> => {
    const r = rangeOf(a);
    if (!r.ok) return r;
    // The group names the toll a claim was shown in, which reconcile may have chosen (a figure of people
    // counted as the incident's one side's fighters): at the quote it prefers, it does not require.
    const found = (byReport.get(a.report) ?? []).flatMap((m) => m.claims.map((claim) => ({ mention: m, claim })))
      .filter(({ claim }) => a.outcome === undefined || claim.outcome === a.outcome)
      .map((x) => ({ ...x, score: hit(r.value, a.quote, { span: x.claim.span as Range, quote: x.claim.quote }), off: offset(r.value, x.claim.span as Range),
        other: a.group === undefined || x.claim.group === a.group ? 0 : 1 }))
      .filter((x) => x.score > 0)
      // equal overlap ("between 55 and 58" holds "58"): the claim whose span is nearest the anchor's
      .sort((p, q) => p.other - q.other || q.score - p.score || p.off - q.off || p.claim.span[0] - q.claim.span[0] || cmp(p.claim.id, q.claim.id));
    return found.length ? { ok: true, value: found[0]! } : stale(`no claim${a.outcome || a.group ? ` of ${a.outcome ?? '*'}/${a.group ?? '*'}` : ''} is read at "${a.quote}" in report ${a.report} now`);
  };

  // Claim decisions, by claim id.
  const onClaim = new Map<string, Decision[]>();
  for (const d of decisions) {
    if (d.kind !== 'reject-claim' && d.kind !== 'correct-claim' && !(d.kind === 'note' && d.claim)) continue;
    const found = claimAt(d.claim!);
    if (!found.ok) { fail(d, 'stale', found.message); continue; }
    onClaim.set(found.value.claim.id, [...(onClaim.get(found.value.claim.id) ?? []), d]);
  }

  // Links: must-link groups of mentions, then cannot-link pairs not inside one of them.
  const must = new Map<string, string>();
  const root = (x: string): string => { let r = x; while (must.has(r) && must.get(r) !== r) r = must.get(r)!; return r; };
  const mustLink: [string, string][] = [];
  const linkOwners = new Map<string, Decision[]>();
  const own = (mentionId: string, d: Decision): void => { linkOwners.set(mentionId, [...(linkOwners.get(mentionId) ?? []), d]); };
  const resolveMembers = (d: Decision, members: readonly MemberAnchor[]): Mention[] | null => {
    const found = members.map(member);
    const bad = found.find((f) => !f.ok);
    if (bad && !bad.ok) { fail(d, 'stale', bad.message); return null; }
    return found.map((f) => (f as { value: Mention }).value);
  };
  for (const d of decisions) {
    if (d.kind !== 'same-incident') continue;
    const ms = resolveMembers(d, d.members);
    if (!ms) continue;
    ms.forEach((m) => own(m.id, d));
    for (const m of ms.slice(1)) {
      mustLink.push([ms[0]!.id, m.id]);
      const [x, y] = [root(ms[0]!.id), root(m.id)];
      if (x !== y) must.set(x < y ? y : x, x < y ? x : y);
    }
  }
  const cannotLink: [string, string][] = [];
  for (const d of decisions) {
    if (d.kind !== 'different-incidents') continue;
    const ms = resolveMembers(d, d.members);
    if (!ms) continue;
    const pairs: [string, string][] = [];
    let clash: string | null = null;
    ms.forEach((a, i) => ms.slice(i + 1).forEach((b) => {
      if (a.id === b.id) clash ??= `two of its members are one event (${a.id}); an event of one report cannot be split`;
      else if (root(a.id) === root(b.id)) clash ??= `same-incident decision(s) ${[...new Set([...(linkOwners.get(a.id) ?? []), ...(linkOwners.get(b.id) ?? [])].map((x) => x.id))].join(', ')} join ${a.id} and ${b.id}`;
      pairs.push([a.id, b.id]);
    }));
    if (clash) { fail(d, 'conflict', clash); continue; }
    cannotLink.push(...pairs);
    ms.forEach((m) => own(m.id, d));
  }

  // The clusters, joined by must-links and split by cannot-links.
  const base: Mention[][] = [...input.clusters.map((c) => [...c.mentions]), ...newMentions.map((m) => [m])];
  const clusterOf = new Map<string, number>();
  base.forEach((ms, k) => ms.forEach((m) => clusterOf.set(m.id, k)));
  const parent = base.map((_, k) => k);
  const find = (k: number): number => { while (parent[k] !== k) k = parent[k]!; return k; };
  for (const [a, b] of mustLink) {
    const [x, y] = [find(clusterOf.get(a)!), find(clusterOf.get(b)!)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const groups = new Map<number, number[]>();
  base.forEach((_, k) => groups.set(find(k), [...(groups.get(find(k)) ?? []), k]));
  const finals: { mentions: Mention[] }[] = [];
  for (const ks of groups.values()) {
    const ms = ks.flatMap((k) => base[k]!).sort((p, q) => cmp(p.id, q.id));
    const ids = new Set(ms.map((m) => m.id));
    const apart = cannotLink.filter(([a, b]) => ids.has(a) && ids.has(b));
    if (apart.length === 0) { finals.push({ mentions: ms }); continue; }
    const inside = mustLink.filter(([a, b]) => ids.has(a) && ids.has(b));
    for (const c of input.recluster(ms, { mustLink: inside, cannotLink: apart }).clusters) finals.push({ mentions: [...c.mentions] });
  }

  // Each final cluster: its claims edited, reconciled, the decisions that reach it recorded.
  const reconcile = reconcileIncident(rules);
  const at = new Map<string, number>();
  finals.forEach((f, k) => f.mentions.forEach((m) => at.set(m.id, k)));
  const incidentDecisions = new Map<number, Decision[]>();
  for (const d of decisions) {
    if (d.kind !== 'set-attribution' && d.kind !== 'set-grade' && !(d.kind === 'note' && d.incident)) continue;
    const ms = resolveMembers(d, d.incident!.members);
    if (!ms) continue;
    const votes = new Map<number, number>();
    for (const m of ms) votes.set(at.get(m.id)!, (votes.get(at.get(m.id)!) ?? 0) + 1);
    const k = [...votes].sort((p, q) => q[1] - p[1] || p[0] - q[0])[0]![0];
    incidentDecisions.set(k, [...(incidentDecisions.get(k) ?? []), d]);
  }

  let claimsRejected = 0, claimsAdded = 0;
  const incidents: Incident[] = [];
  finals.forEach((f, k) => {
    const reached = new Map<string, Decision>();
    const reach = (d: Decision): void => { reached.set(d.id, d); };
    f.mentions.forEach((m) => (linkOwners.get(m.id) ?? []).forEach(reach));
    const rejected: { claim: TollClaim; by: string[] }[] = [];
    // A decided claim is found again in the reconciled tolls by where it is read and what it says, not by
    // its group and side: reconcile may count a figure of people as the incident's one side's fighters.
    const marks = new Map<string, string[]>();
    const markKey = (reportId: string, span: readonly number[], outcome: string, source: string, value: number | null): string =>
      `${reportId}|${span[0]}-${span[1]}|${outcome}|${source}|${value}`;
    const mark = (c: TollClaim, ids: readonly string[]): void => {
      const key = markKey(c.reportId, c.span, c.outcome, c.source, c.value);
      marks.set(key, [...(marks.get(key) ?? []), ...ids]);
    };
    const edited = f.mentions.map((m): Mention => {
      const gone = new Set<string>();
      const claims: TollClaim[] = [];
      for (const c of m.claims) {
        const ds = onClaim.get(c.id) ?? [];
        ds.forEach(reach);
        const rejects = ds.filter((d) => d.kind === 'reject-claim');
        if (rejects.length) { rejected.push({ claim: c, by: ds.map((d) => d.id) }); gone.add(c.id); continue; }
        let e = c;
        for (const d of ds) if (d.kind === 'correct-claim') e = corrected(e, d.set, rules);
        if (ds.length) mark(e, ds.map((d) => d.id));
        claims.push(e);
      }
      for (const a of additions.get(m.id) ?? []) { reach(a.decision); claims.push(a.claim); mark(a.claim, [a.decision.id]); claimsAdded++; }
      claimsRejected += gone.size;
      const kept = claims.map((c) => (c.partOf !== null && gone.has(c.partOf) ? { ...c, partOf: null } : c));
      return gone.size || kept.length !== m.claims.length || kept.some((c, i) => c !== m.claims[i]) ? { ...m, claims: kept } : m;
    });
    const own = incidentDecisions.get(k) ?? [];
    own.forEach(reach);
    const cluster: Cluster = { mentions: edited };
    if (reached.size === 0) {
      if (input.keep(cluster)) incidents.push(reconcile(cluster));
      return;
    }
    const base = reconcile(cluster);
    const tolls = base.tolls.map((t) => {
      const claims = t.claims.map((c) => {
        const ids = marks.get(markKey(c.reportId, c.span, t.outcome, c.source, c.value));
        return ids ? { ...c, decidedBy: [...new Set(ids)].sort(cmp) } : c;
      });
      const ids = new Set([
        ...claims.flatMap((c) => c.decidedBy ?? []),
        ...rejected.filter((r) => r.claim.outcome === t.outcome && r.claim.group === t.group && r.claim.affiliation === t.affiliation).flatMap((r) => r.by),
      ]);
      return { ...t, claims, ...(ids.size ? { decidedBy: [...ids].sort(cmp) } : {}) };
    });
    let attributions: Attribution[] = base.attributions;
    let grade = base.grade;
    let gradeDecidedBy: string[] | undefined;
    for (const d of own) {
      if (d.kind === 'set-attribution') {
        const set = (a: Attribution): Attribution => ({ ...a, status: d.status, ...(d.belligerent ? { belligerent: d.belligerent } : {}), decidedBy: [...new Set([...(a.decidedBy ?? []), d.id])].sort(cmp) });
        attributions = attributions.some((a) => a.actor === d.actor)
          ? attributions.map((a) => (a.actor === d.actor ? set(a) : a))
          : [...attributions, set({ actor: d.actor, status: d.status, stances: [] })];
      } else if (d.kind === 'set-grade') { grade = d.grade; gradeDecidedBy = [d.id]; }
    }
    const rejectedClaims: RejectedClaimOut[] = rejected
      .sort((p, q) => cmp(p.claim.reportId, q.claim.reportId) || p.claim.span[0] - q.claim.span[0] || cmp(p.claim.id, q.claim.id))
      .map(({ claim, by }) => ({ ...toClaimOut(claim), outcome: claim.outcome, group: claim.group, affiliation: claim.affiliation, decidedBy: [...new Set(by)].sort(cmp) }));
    const incident: Incident = {
      ...base, tolls, attributions,
      ...(grade === undefined ? {} : { grade }),
      ...(gradeDecidedBy ? { gradeDecidedBy } : {}),
      ...(rejectedClaims.length ? { rejectedClaims } : {}),
      decisions: [...reached.values()].sort((p, q) => cmp(p.id, q.id)).map(decisionOut),
    };
    incidents.push(incident);
    for (const d of reached.values()) applied(d, incident.id);
  });

  const out: DecisionStatus[] = decisions.map((d) => {
    const s = statuses.get(d.id) ?? { status: 'stale' as const, message: 'it reached no incident (its claim is in a cluster that is not an incident)', incidents: new Set<string>() };
    return {
      ...decisionOut(d), status: s.status, incidentIds: [...s.incidents].sort(cmp),
      ...(s.message ? { message: s.message } : {}), ...(d.location ? { location: d.location } : {}),
    };
  });
  const warnings: Warning[] = out.filter((s) => s.status !== 'applied').map((s) => {
    const d = decisions.find((x) => x.id === s.id)!;
    return {
      reportId: anchorReport(d), code: s.status === 'stale' ? STALE_DECISION : DECISION_CONFLICT,
      message: `decision ${s.id} (${s.kind}) ${s.status === 'stale' ? 'no longer applies' : 'is not applied'}: ${s.message ?? ''}`,
      ...(d.location ? { location: d.location } : {}),
    };
  });
  return { incidents, statuses: out, warnings, claimsRejected, claimsAdded };
};

const anchorReport = (d: Decision): string | null => {
  switch (d.kind) {
    case 'reject-claim': case 'correct-claim': case 'add-claim': return d.claim.report;
    case 'same-incident': case 'different-incidents': return d.members[0]?.report ?? null;
    case 'set-attribution': case 'set-grade': return d.incident.members[0]?.report ?? null;
    case 'note': return d.claim?.report ?? d.incident?.members[0]?.report ?? null;
  }
};

/** A claim with a correction's fields in place. */
const corrected = (c: TollClaim, set: (Decision & { kind: 'correct-claim' })['set'], rules: Rules): TollClaim => {
  const value = set.value === undefined ? c.value : set.value;
  const qualifier = set.qualifier ?? (set.value !== undefined && set.value !== null && c.qualifier === 'vague' ? 'exact' : c.qualifier);
  const source = set.source ?? c.source;
  const via = set.via === undefined ? c.via : set.via;
  const { sourceName: _n, review: _r, ...rest } = c;
  return {
    ...rest,
    ...(set.source === undefined && c.sourceName ? { sourceName: c.sourceName } : {}),
    source, via, value, qualifier,
    outcome: set.outcome ?? c.outcome, group: set.group ?? c.group,
    affiliation: set.affiliation === undefined ? c.affiliation : set.affiliation,
    vagueMin: value === null ? (c.vagueMin ?? rules.reconcile.vague.defaultMin) : null,
    ...(set.source !== undefined || set.via !== undefined ? { relayChain: [source, ...(via ? [via] : [])] } : {}),
  };
};
