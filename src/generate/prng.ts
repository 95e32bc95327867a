/**
 * A small seeded pseudo-random generator (mulberry32) and seed mixing, so the corpus
 * generator is deterministic for a seed: the same seed gives the same bytes on every
 * machine. Each Rng keeps its own state; nothing global, no clock.
 */

/** 32-bit avalanche (murmur3 fmix32): spreads nearby seeds far apart. */
const fmix = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** A seed derived from a seed and a path of integers (incident index, report index …). */
export const mixSeed = (seed: number, ...path: readonly number[]): number =>
  path.reduce((h, k) => fmix((h ^ fmix(k + 0x9e3779b9)) + 0x632be5ab), fmix(seed >>> 0));

export type Rng = {
  /** uniform in [0, 1) */
  readonly float: () => number;
  /** uniform integer in [lo, hi] */
  readonly int: (lo: number, hi: number) => number;
  readonly chance: (p: number) => boolean;
  readonly pick: <T>(xs: readonly T[]) => T;
  /** an item with probability proportional to its weight */
  readonly weighted: <T>(entries: readonly (readonly [T, number])[]) => T;
  /** k distinct items in random order (all of them when k ≥ length) */
  readonly sample: <T>(xs: readonly T[], k: number) => T[];
};

export const makeRng = (seed: number): Rng => {
  let state = seed >>> 0;
  const float = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(float() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(float() * xs.length)]!;
  };
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = float() * total;
    for (const [v, w] of entries) {
      if (x < w) return v;
      x -= w;
    }
    return entries[entries.length - 1]![0];
  };
  const sample = <T>(xs: readonly T[], k: number): T[] => {
    const out = [...xs];
    const n = Math.min(k, out.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(float() * (out.length - i));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out.slice(0, n);
  };
  return { float, int, chance: (p) => float() < p, pick, weighted, sample };
};
