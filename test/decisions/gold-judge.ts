/**
 * What the gold of a corpus marks as wrong in an output, as ../shared/tools/score.mjs judges
 * (test/decisions/queue-gold.test.ts): a claim on a gold anchor with another value, source or
 * category, or on no gold claim at all; a stance on no gold attribution of its actor, stance
 * and source; an incident holding the claims of two gold incidents that must not merge.
 * And a seeded random draw, for the share a random reviewer would get.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Output } from '../../src/model/contract.js';
import { reviewQueue, type ReviewItem } from '../../src/decisions/queue.js';
import { runInProcess } from '../support/cli.js';

type RuleSet = Parameters<typeof reviewQueue>[0];

type GoldClaim = { report: string; anchor: string; outcome: string; group: string | string[]; affiliation?: string | null; value: number | null; sources: string[] };
type GoldStance = { report: string; anchor: string; actor: string | string[]; stance: string; sources: string[] };
export type Gold = {
  reports: Record<string, { file: string }>;
  incidents: { key: string; claims: GoldClaim[]; optionalClaims?: GoldClaim[]; attributions: GoldStance[]; mayMergeWith?: string }[];
};

const anyOf = (want: string | string[], got: string): boolean => (Array.isArray(want) ? want.includes(got) : want === got);
const overlaps = (a: readonly number[] | null, b: readonly number[]): boolean => a !== null && a[0]! < b[1]! && b[0]! < a[1]!;

export const judge = (gold: Gold, texts: Map<string, string>, output: Output) => {
  const range = (report: string, anchor: string): [number, number] | null => {
    const i = texts.get(report)?.indexOf(anchor) ?? -1;
    return i < 0 ? null : [i, i + anchor.length];
  };
  const srcOk = (s: string, allowed: string[]): boolean => allowed.includes('*') || allowed.includes(s) || s.startsWith('unlisted:');
  const goldClaims = gold.incidents.flatMap((g) => [...g.claims, ...(g.optionalClaims ?? [])].map((c) => ({ key: g.key, c })));
  /** Whether a claim is wrong, and the gold incident it belongs to when right. */
  const claim = (outcome: string, group: string, c: { reportId: string; span: readonly number[]; value: number | null; source: string }): { wrong: boolean; key?: string } => {
    const at = goldClaims.filter(({ c: g }) => g.report === c.reportId && overlaps(range(g.report, g.anchor), c.span));
    const right = at.find(({ c: g }) => g.outcome === outcome && anyOf(g.group, group) && (g.value === null || g.value === c.value) && srcOk(c.source, g.sources));
    return right ? { wrong: false, key: right.key } : { wrong: true };
  };
  const stance = (actor: string, s: { reportId: string; span: readonly number[]; stance: string; source: string }): boolean =>
    !gold.incidents.some((g) => g.attributions.some((a) => a.report === s.reportId && overlaps(range(a.report, a.anchor), s.span)
      && anyOf(a.actor, actor) && a.stance === s.stance && srcOk(s.source, a.sources)));
  const mayMerge = (a: string, b: string): boolean => gold.incidents.some((g) => (g.key === a && g.mayMergeWith === b) || (g.key === b && g.mayMergeWith === a));
  const incident = (id: string): boolean => {
    const i = output.incidents.find((x) => x.id === id)!;
    const keys = [...new Set(i.tolls.flatMap((t) => t.claims.flatMap((c) => claim(t.outcome, t.group, c).key ?? [])))];
    return keys.some((a, k) => keys.slice(k + 1).some((b) => !mayMerge(a, b)));
  };
  const item = (x: ReviewItem): boolean => {
    if (x.target === 'incident') return incident(x.incidentId);
    const i = output.incidents.find((y) => y.id === x.incidentId)!;
    if (x.target === 'claim') {
      const [outcome, group] = x.category!.split('/');
      return claim(outcome!, group!, { reportId: x.reportId!, span: x.span!, value: x.value ?? null, source: x.source! }).wrong;
    }
    return stance(x.actor!, { reportId: x.reportId!, span: x.span!, stance: x.stance!, source: x.source! }) && i !== undefined;
  };
  // Everything the output holds that an item could be about: claims, stances and incidents.
  const population: boolean[] = output.incidents.flatMap((i) => [
    ...i.tolls.filter((t) => !t.derived).flatMap((t) => t.claims.map((c) => claim(t.outcome, t.group, c).wrong)),
    ...i.attributions.flatMap((a) => a.stances.map((s) => stance(a.actor, s))),
    incident(i.id),
  ]);
  return { item, population };
};

/** A seeded draw of n from xs (mulberry32), for the figure a random reviewer would get. */
export const draw = <T>(xs: readonly T[], n: number, seed: number): T[] => {
  let a = seed >>> 0;
  const rand = (): number => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [copy[i], copy[j]] = [copy[j]!, copy[i]!]; }
  return copy.slice(0, n);
};


/**
 * The review queue of a run over the texts of `from`, judged against `goldFile`: the queue, which
 * items the gold marks wrong, the share wrong in its first `k` items, in `k` items drawn at
 * random (the mean of 50 seeded draws) and in the whole output.
 */
export const queueAgainstGold = async (rules: RuleSet, from: string, goldFile: string, k = 20) => {
  const dir = mkdtempSync(join(tmpdir(), 'reconcile-queue-'));
  try {
    for (const f of readdirSync(from)) if (f.endsWith('.txt') || f === 'reports.json') cpSync(join(from, f), join(dir, f));
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
    const texts = new Map(Object.entries(gold.reports).map(([id, r]) => [id, readFileSync(join(dir, r.file), 'utf8').replace(/^\uFEFF/, '')]));
    const output = JSON.parse((await runInProcess(['run', dir, '-q'])).stdout) as Output;
    const { item, population } = judge(gold, texts, output);
    const queue = reviewQueue(rules)(output);
    const top = queue.slice(0, k).filter(item).length / k;
    const base = population.filter(Boolean).length / population.length;
    const draws = Array.from({ length: 50 }, (_, j) => draw(population, k, 1000 + j).filter(Boolean).length / k);
    const random = draws.reduce((n, x) => n + x, 0) / draws.length;
    return { queue, item, top, random, base, size: population.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
