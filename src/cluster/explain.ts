/**
 * Pair explanations for people and tools (`inspect`, the HTML report): why two mentions
 * were joined or kept apart, as the contract's PairExplanation and as a sentence.
 */
import type { PairExplanation } from '../model/contract.js';
import type { ComparedPair } from './cluster.js';
import { formatScore } from './cluster.js';

export const toPairExplanation = (p: ComparedPair): PairExplanation => ({
  a: p.a,
  b: p.b,
  score: p.score,
  levels: Object.fromEntries(p.levels.map((l) => [l.comparison, l.level])),
  blockedBy: [...p.blockedBy],
  decision: p.decision,
  reason: p.reason,
});

/** Explanations of every compared pair with a side among `mentionIds` (inside or leaving the incident). */
export const explainPairs = (mentionIds: readonly string[]) => (pairs: readonly ComparedPair[]): PairExplanation[] => {
  const ids = new Set(mentionIds);
  return pairs.filter((p) => ids.has(p.a) || ids.has(p.b)).map(toPairExplanation);
};

/** One line per level: "date: same single day (+3)". */
export const describeLevels = (p: ComparedPair): string[] =>
  p.levels.map((l) => `${l.comparison}: ${l.label} (${l.weight >= 0 ? '+' : ''}${formatScore(l.weight)})`);

/** "seed-000#1 + seed-001#0: merged, score 9 ≥ threshold 6 [date-overlap]". */
export const describePair = (p: ComparedPair): string =>
  `${p.a} + ${p.b}: ${p.decision}, ${p.reason} [${p.blockedBy.join(', ')}]`;
