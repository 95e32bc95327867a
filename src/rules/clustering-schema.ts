/**
 * Schema of rules/clustering.yaml: blocking, comparison levels with weights, and the
 * merge threshold. PLACEHOLDER owned by the clustering work; extend freely.
 */
import { z } from 'zod';

export const ClusteringRules = z.object({}).passthrough();
export type ClusteringRules = z.infer<typeof ClusteringRules>;
