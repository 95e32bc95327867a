/**
 * Schema of rules/reconcile.yaml: best-estimate policy, part/whole hierarchy, grades.
 * PLACEHOLDER owned by the reconciliation work; extend freely.
 */
import { z } from 'zod';

export const ReconcileRules = z.object({}).passthrough();
export type ReconcileRules = z.infer<typeof ReconcileRules>;
