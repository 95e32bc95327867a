/**
 * Model-based, on mentions shaped to collide (undated, unresolved names, coarse places,
 * same reports) and under several blocking set-ups: the probe finds every stored mention the
 * blocking pairs with a new one, and re-clustering only the components new mentions reach,
 * batch after batch, ends in exactly the clusters of clustering everything at once.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { placeSplit } from '../../src/cluster/block.js';
import { blockMentions, clusterMentions, mentionFeatures } from '../../src/cluster/index.js';
import type { Mention } from '../../src/model/claim.js';
import type { Rules } from '../../src/rules/schema.js';
import { clusterRegion, meets, mentionKeys, probeOf, toFeatureRecord, touchedComponents, type StoredMention } from '../../src/store/index.js';
import { mentionsArb } from '../cluster/arbitraries.js';
import { partition, readRuleFile, testRules } from '../cluster/support.js';

const base = readRuleFile('clustering.yaml') as Record<string, unknown>;
/** The shipped clustering, and variants that change how far places split the blocks and what the blocking rules are. */
const variants: Record<string, Rules> = {
  shipped: testRules(),
  'threshold 2 (places do not split blocks)': testRules({ clustering: { ...base, threshold: 2 } }),
  'threshold 4 (split by governorate)': testRules({ clustering: { ...base, threshold: 4 } }),
  'threshold 9 (split by district)': testRules({ clustering: { ...base, threshold: 9 } }),
  'wide buckets, place ids for all': testRules({ clustering: { ...base, blocking: [
    { id: 'date-overlap', kind: 'date-overlap', bucketDays: 3 }, { id: 'place-all', kind: 'place-id', scope: 'all' }] } }),
};
const variantArb = fc.constantFrom(...Object.keys(variants));

it('the variants cover every way places split the blocks', () => {
  expect(new Set(Object.values(variants).map((r) => placeSplit(r.clustering)))).toEqual(new Set(['none', 'governorate', 'district']));
});

describe('the store probe and regional re-clustering', () => {
  test.prop([mentionsArb(14), fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), variantArb])(
    'every stored mention blocking pairs with a new one meets the probe',
    (ms, isNew, variant) => {
      const rules = variants[variant]!;
      const features = mentionFeatures(rules);
      const keysOf = mentionKeys(rules.clustering);
      const fs = [...ms].sort((a, b) => (a.id < b.id ? -1 : 1)).map(features);
      const fresh = (k: number): boolean => isNew[ms.indexOf(fs[k]!.mention)]!;
      const probe = probeOf(rules.clustering)(fs.filter((_, k) => fresh(k)).map(keysOf));
      const hit = meets(probe);
      for (const { i, j } of blockMentions(rules.clustering)(fs)) {
        if (fresh(i) === fresh(j)) continue;
        const [o, n] = fresh(i) ? [fs[j]!, fs[i]!] : [fs[i]!, fs[j]!];
        expect(probe.mentions.some((p) => hit(keysOf(o), p)), `${o.mention.id} is paired with ${n.mention.id}`).toBe(true);
        expect(hit(keysOf(o), keysOf(n))).toBe(true);
      }
    });

  test.prop([mentionsArb(16), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 16, maxLength: 16 }), variantArb])(
    'adding mentions batch by batch, re-clustering the reached components, gives the clusters of all at once',
    (ms, batchOf, variant) => {
      const rules = variants[variant]!;
      const features = mentionFeatures(rules);
      const keysOf = mentionKeys(rules.clustering);
      let stored: StoredMention[] = [];
      for (let b = 0; b <= 3; b++) {
        const fresh = ms.filter((_, k) => batchOf[k] === b);
        const probe = probeOf(rules.clustering)(fresh.map((m) => keysOf(features(m))));
        const candidates = stored.filter((s) => probe.mentions.some((p) => meets(probe)(s.keys, p))).map((s) => ({ features: s.features, component: s.component }));
        const touched = new Set(touchedComponents(rules)(fresh.map(features), candidates));
        const region = stored.filter((s) => touched.has(s.component));
        const { clusters, componentOf } = clusterRegion(rules)([...region.map((s) => s.mention), ...fresh]);
        const cluster = new Map(clusters.flatMap((c, k) => c.mentions.map((m) => [m.id, `${b}:${k}`] as const)));
        const again = (m: Mention): StoredMention => ({
          mention: m, keys: keysOf(features(m)), features: toFeatureRecord(features(m)), component: componentOf.get(m.id)!, incidentId: cluster.get(m.id)!,
        });
        stored = [...stored.filter((s) => !touched.has(s.component)), ...region.map((s) => again(s.mention)), ...fresh.map(again)];
      }
      const groups = new Map<string, Mention[]>();
      for (const s of stored) groups.set(s.incidentId!, [...(groups.get(s.incidentId!) ?? []), s.mention]);
      expect(partition([...groups.values()].map((g) => ({ mentions: g })))).toEqual(partition(clusterMentions(rules)(ms).clusters));
    });
});
