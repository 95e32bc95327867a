/**
 * A claim anchor with a span names the claim at that span, also when a longer claim of the
 * same report and category holds it ("between 55 and 58" holds "58"): equal overlap goes to
 * the claim whose span is nearest the anchor's, not to the one that starts first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Output, TollClaimOut } from '../../src/model/contract.js';
import { ROOT, runInProcess } from '../support/cli.js';

const corpus = join(ROOT, 'fixtures/corpus-dev');
const run = async (args: string[]): Promise<Output> => JSON.parse((await runInProcess(['run', corpus, ...args, '-q'])).stdout) as Output;

describe('a claim anchor with a span', () => {
  it('picks the claim at that span, not a longer one around it', async () => {
    const out = await run([]);
    const nested = out.incidents.flatMap((i) => i.tolls.filter((t) => !t.derived).flatMap((t) => t.claims.flatMap((inner) => t.claims
      .filter((outer: TollClaimOut) => outer !== inner && outer.reportId === inner.reportId && outer.span[0] < inner.span[0] && inner.span[1] <= outer.span[1])
      .map((outer) => ({ t, inner, outer })))));
    expect(nested.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'reconcile-anchor-'));
    try {
      for (const [k, { t, inner, outer }] of nested.entries()) {
        const file = join(dir, `d${k}.yaml`);
        writeFileSync(file, stringify([{ id: 'n1', kind: 'note', who: 'a', when: '2026-01-02', why: 'checked',
          claim: { report: inner.reportId, quote: inner.quote, span: [inner.span[0], inner.span[1]], outcome: t.outcome, group: t.group } }]));
        const decided = (await run(['--decisions', file])).incidents.flatMap((i) => i.tolls.flatMap((x) => x.claims)).filter((c) => c.decidedBy?.includes('n1'));
        expect(decided.map((c) => [c.span[0], c.span[1], c.value])).toEqual([[inner.span[0], inner.span[1], inner.value]]);
        expect(decided.some((c) => c.span[0] === outer.span[0])).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
