/**
 * The clustering stage: event mentions → blocked candidate pairs → comparisons →
 * clusters under hard rules, with every compared pair explained.
 */
export { clusterMentions, clusterMentionsBruteForce, clusterPairs, clusterWith, formatScore } from './cluster.js';
export { clusterByClasses, clusterLarge, GIANT_DEGREE, GIANT_PAIRS, signature } from './classes.js';
export type { ClusterOptions } from './classes.js';
export type { Cluster, Clustering, ComparedPair, Constraints, PairDecision } from './cluster.js';
export { comparePair } from './compare.js';
export type { Comparison, LevelHit, Veto, VetoRule } from './compare.js';
export { allPairs, blockMentions } from './block.js';
export type { CandidatePair } from './block.js';
export { categoryKey, mentionFeatures, placeGrain } from './features.js';
export type { MentionFeatures } from './features.js';
export { describeLevels, describePair, explainPairs, toPairExplanation } from './explain.js';
export { unresolvedPlaces } from './unresolved.js';
export { makeSkeleton, skeletonsMatch } from './skeleton.js';
