/**
 * Stable incident ids across re-clustering: an incident's id goes to the new cluster holding
 * most of its mentions (a merge keeps the largest's); a cluster with no predecessor gets a
 * fresh evidence-hash id. Pure; every change comes back as a history event.
 */
import { incidentId } from '../reconcile/incident.js';
import type { HistoryEvent } from './port.js';

export type Lineage = { readonly incidentId: string; readonly mentionIds: readonly string[] };

export type StableIds = {
  /** one per next cluster, in the order given, with its mention ids sorted */
  readonly incidents: readonly Lineage[];
  readonly events: readonly HistoryEvent[];
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sorted = (ids: readonly string[]): string[] => [...ids].sort(cmp);

/**
 * The evidence-hash id of these mentions (what `run` gives), or when that id was already
 * given to another incident, a salted one: an id never names two incidents.
 */
export const freshId = (mentionIds: readonly string[], taken: (id: string) => boolean): string => {
  let id = incidentId(mentionIds);
  for (let k = 1; taken(id); k++) id = incidentId([...mentionIds, `\u0000salt:${k}`]);
  return id;
};

/**
 * previous: the incidents the re-clustered mentions belonged to; next: the clusters they form
 * now (mention ids); taken: ids already given to any incident, now or before (fresh ids avoid them).
 * Rules, each deterministic whatever the input order:
 * - heir of a previous incident: the next cluster sharing most of its mentions (ties: the
 *   cluster with the smallest mention id);
 * - a next cluster that is heir to some previous incidents keeps the id of the one with the
 *   most mentions (ties: smallest mention id); the others are retired, merged into it;
 * - a next cluster heir to none gets a fresh id.
 * Events: created, grown (kept its id, lost nothing), changed (kept its id, lost mentions),
 * split (mentions of an incident went to another: `otherId`), merged (a retired id,
 * `otherId` the incident it went into), removed (no mention of it is in any next cluster).
 */
export const assignStableIds = (previous: readonly Lineage[], next: readonly (readonly string[])[], taken: ReadonlySet<string>): StableIds => {
  const prev = previous.map((p) => ({ id: p.incidentId, ms: sorted(p.mentionIds) }));
  const nxt = next.map(sorted);
  const owner = new Map<string, number>();
  prev.forEach((p, i) => p.ms.forEach((m) => owner.set(m, i)));
  // overlap[i] = next cluster index -> shared mentions
  const overlap = prev.map(() => new Map<number, number>());
  nxt.forEach((ms, j) => ms.forEach((m) => {
    const i = owner.get(m);
    if (i !== undefined) overlap[i]!.set(j, (overlap[i]!.get(j) ?? 0) + 1);
  }));
  const first = (ms: readonly string[]): string => ms[0] ?? '';
  const heir = overlap.map((o) => {
    let best: number | null = null;
    for (const [j, n] of o) {
      if (best === null || n > o.get(best)! || (n === o.get(best)! && cmp(first(nxt[j]!), first(nxt[best]!)) < 0)) best = j;
    }
    return best;
  });
  const claimants = nxt.map((): number[] => []);
  heir.forEach((j, i) => { if (j !== null) claimants[j]!.push(i); });
  const winner = claimants.map((cs) => cs.reduce<number | null>((w, i) =>
    (w === null || prev[i]!.ms.length > prev[w]!.ms.length || (prev[i]!.ms.length === prev[w]!.ms.length && cmp(first(prev[i]!.ms), first(prev[w]!.ms)) < 0) ? i : w), null));

  const used = new Set<string>();
  winner.forEach((w) => { if (w !== null) used.add(prev[w]!.id); });
  const before = new Set(prev.map((p) => p.id));
  const isTaken = (id: string): boolean => taken.has(id) || used.has(id) || before.has(id);
  // Fresh ids in order of the clusters' smallest mention: the same whatever the order of `next`.
  const ids: string[] = new Array<string>(nxt.length);
  nxt.map((ms, j) => ({ ms, j })).sort((p, q) => cmp(first(p.ms), first(q.ms))).forEach(({ ms, j }) => {
    const w = winner[j]!;
    if (w !== null) { ids[j] = prev[w]!.id; return; }
    const id = freshId(ms, isTaken);
    used.add(id);
    ids[j] = id;
  });

  const events: HistoryEvent[] = [];
  const event = (e: Omit<HistoryEvent, 'detail'>, detail: string): void => { events.push({ ...e, detail }); };
  nxt.forEach((ms, j) => {
    const w = winner[j]!;
    if (w === null) {
      const from = [...new Set(ms.flatMap((m) => { const i = owner.get(m); return i === undefined ? [] : [prev[i]!.id]; }))].sort(cmp);
      event({ event: 'created', incidentId: ids[j]!, otherId: null, before: null, after: ms.length },
        from.length ? `from mentions of ${from.join(', ')}` : 'new evidence');
      return;
    }
    const p = prev[w]!;
    const kept = overlap[w]!.get(j)!;
    if (kept === p.ms.length && ms.length === p.ms.length) return;
    const gained = ms.length - kept;
    event({ event: kept === p.ms.length ? 'grown' : 'changed', incidentId: p.id, otherId: null, before: p.ms.length, after: ms.length },
      `${gained} mention(s) joined, ${p.ms.length - kept} left`);
  });
  prev.forEach((p, i) => {
    const h = heir[i];
    if (h === null || h === undefined) {
      event({ event: 'removed', incidentId: p.id, otherId: null, before: p.ms.length, after: 0 }, 'none of its mentions is in an incident');
      return;
    }
    if (winner[h] !== i) {
      event({ event: 'merged', incidentId: p.id, otherId: ids[h]!, before: p.ms.length, after: nxt[h]!.length },
        `retired: merged into ${ids[h]!}`);
    }
    for (const [j, n] of [...overlap[i]!].sort((x, y) => cmp(ids[x[0]]!, ids[y[0]]!))) {
      if (j === h) continue;
      event({ event: 'split', incidentId: p.id, otherId: ids[j]!, before: p.ms.length, after: n }, `${n} mention(s) went to ${ids[j]!}`);
    }
  });
  const order = (e: HistoryEvent): string => `${e.incidentId ?? ''}\u0000${e.event}\u0000${e.otherId ?? ''}`;
  events.sort((x, y) => cmp(order(x), order(y)));
  return { incidents: nxt.map((ms, j) => ({ incidentId: ids[j]!, mentionIds: ms })), events };
};
