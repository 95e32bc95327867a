/**
 * A wire republished without saying so: the copy's own-voice claims are the original's,
 * relayed (one source for best and grade), with the chain running through the copy.
 */
import { describe, expect, it } from 'vitest';
import { reconcileReports } from '../../src/pipeline.js';
import type { Report } from '../../src/model/report.js';
import { attributeCopies } from '../../src/reconcile/copies.js';
import { shippedRules } from '../support/rules.js';
import { claimOf, mention } from '../cluster/support.js';

const WIRE = 'Air strikes on the town of Hajin in eastern Syria killed 23 civilians on Monday, most of them women and children, in the deadliest raid on the town this month.';
const report = (id: string, outlet: string, publishedAt: string, text: string): Report =>
  ({ id, publishedAt, outlet, language: 'en', url: null, text, coded: null, origin: id });
const run = (reports: Report[]) => reconcileReports({ reports, rules: shippedRules().rules, rulesHash: 'test', readWarnings: [], reportsSkipped: 0 });

describe('copied sentences', () => {
  it('the later report\'s own-voice claim in a copied sentence is the original\'s', () => {
    const key = 'air strikes on the town of hajin in eastern syria killed 23 civilians on monday';
    const a = { ...mention('r1', 0, { publishedAt: '2018-11-05' }), claims: [{ ...claimOf('r1', [0, 5], { value: 23, source: 'reuters' }), relayChain: ['reuters'], sentenceKey: key }] };
    const b = { ...mention('r2', 0, { publishedAt: '2018-11-06' }), claims: [{ ...claimOf('r2', [0, 5], { value: 23, source: 'digest' }), relayChain: ['digest'], sentenceKey: key }] };
    const [, copy] = attributeCopies([a, b]);
    expect(copy!.claims[0]).toMatchObject({ source: 'reuters', via: 'digest', relayChain: ['reuters', 'digest'] });
  });

  it('a different sentence with the same figure stays an independent claim', () => {
    const a = { ...mention('r1', 0, { publishedAt: '2018-11-05' }), claims: [{ ...claimOf('r1', [0, 5], { value: 23, source: 'reuters' }), relayChain: ['reuters'], sentenceKey: 'one long sentence about the strike' }] };
    const b = { ...mention('r2', 0, { publishedAt: '2018-11-06' }), claims: [{ ...claimOf('r2', [0, 5], { value: 23, source: 'ap' }), relayChain: ['ap'], sentenceKey: 'another long sentence about it' }] };
    expect(attributeCopies([a, b])[1]!.claims[0]!.source).toBe('ap');
  });

  it('end to end: a syndicated copy adds no source to the incident', () => {
    const out = run([report('wire', 'reuters', '2018-11-05', WIRE), report('copy', 'world-digest', '2018-11-06', `Hajin strike\n\n${WIRE}`)]);
    expect(out.incidents).toHaveLength(1);
    const claims = out.incidents[0]!.tolls.flatMap((t) => t.claims);
    expect(new Set(claims.map((c) => c.source))).toEqual(new Set(['reuters']));
    expect(claims.map((c) => c.relayChain)).toContainEqual(['reuters', 'world-digest']);
  });
});
