// The reconciliation invariants of issue 17 (test/reconcile/invariants.prop.test.ts), run here
// too so that `npm run fuzz` gives them FUZZ_RUNS runs each.
import '../reconcile/invariants.prop.test.js';
