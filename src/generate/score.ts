/**
 * Clustering quality against a generated truth: pairwise precision, recall and F1 over
 * report pairs (two reports are a pair when they tell one incident), incidents split and
 * merged, and totals that landed in an incident.
 */

export type ClusterScore = {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** report pairs that tell one true incident / that share an output incident / both */
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  /** true incidents told by two or more reports that do not end up in one output incident */
  readonly incidentsSplit: number;
  /** output incidents holding reports of more than one true incident */
  readonly incidentsMerged: number;
  /** reports that only give totals yet appear in an incident */
  readonly totalsInIncidents: number;
};

const pairsOf = (k: number): number => (k * (k - 1)) / 2;

export const scoreClustering = (truth: Readonly<Record<string, string | null>>) =>
  (incidents: readonly { readonly reportIds: readonly string[] }[]): ClusterScore => {
    const trueSizes = new Map<string, number>();
    for (const inc of Object.values(truth)) if (inc !== null) trueSizes.set(inc, (trueSizes.get(inc) ?? 0) + 1);
    const truePairs = [...trueSizes.values()].reduce((s, k) => s + pairsOf(k), 0);

    // A report pair sharing several incidents counts once. Only reports in two or more incidents
    // can pair twice, so only their pairs are remembered: the count is linear in the reports.
    const incidentsOf = new Map<string, number>();
    for (const incident of incidents) for (const id of new Set(incident.reportIds)) incidentsOf.set(id, (incidentsOf.get(id) ?? 0) + 1);
    const seen = new Set<string>();
    const label = new Map<string, number>();
    let predictedPairs = 0, correctPairs = 0, incidentsMerged = 0;
    const totals = new Set<string>();
    const sameTruth = (x: string, y: string): boolean => { const t = truth[x]; return t !== null && t !== undefined && t === truth[y]; };
    incidents.forEach((incident, n) => {
      const ids = [...new Set(incident.reportIds)].sort();
      const kinds = new Set<string>();
      const byTruth = new Map<string, number>();
      for (const id of ids) {
        if (!label.has(id)) label.set(id, n);
        const t = truth[id];
        kinds.add(t ?? `total:${id}`);
        if (t === null) totals.add(id);
        if (t !== null && t !== undefined) byTruth.set(t, (byTruth.get(t) ?? 0) + 1);
      }
      if (kinds.size > 1) incidentsMerged++;
      predictedPairs += pairsOf(ids.length);
      for (const k of byTruth.values()) correctPairs += pairsOf(k);
      const shared = ids.filter((id) => (incidentsOf.get(id) ?? 0) > 1);
      for (let x = 0; x < shared.length; x++) for (let y = x + 1; y < shared.length; y++) {
        const key = `${shared[x]}\u0000${shared[y]}`;
        if (!seen.has(key)) { seen.add(key); continue; }
        predictedPairs--;
        if (sameTruth(shared[x]!, shared[y]!)) correctPairs--;
      }
    });

    const places = new Map<string, Set<string>>();
    for (const [id, inc] of Object.entries(truth)) {
      if (inc === null || (trueSizes.get(inc) ?? 0) < 2) continue;
      const set = places.get(inc) ?? new Set<string>();
      set.add(label.has(id) ? `i${label.get(id)}` : `none:${id}`);
      places.set(inc, set);
    }
    const incidentsSplit = [...places.values()].filter((s) => s.size > 1).length;

    const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
    const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1, truePairs, predictedPairs, correctPairs, incidentsSplit, incidentsMerged, totalsInIncidents: totals.size };
  };
