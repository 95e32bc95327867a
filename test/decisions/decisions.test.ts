/**
 * Decisions (src/decisions): the file's located errors, and the properties of applying them
 * to generated corpora: order-independent, idempotent, local to the incident they anchor,
 * must-link and cannot-link honoured, rejecting every claim of an incident.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident, Output } from '../../src/model/contract.js';
import type { Mention } from '../../src/model/claim.js';
import * as Pipeline from '../../src/pipeline.js';
import { parseDecisions } from '../../src/decisions/parse.js';
import type { Decision } from '../../src/decisions/schema.js';
import { corpusLines, hash, readLines, rules } from '../store/support.js';

const base = { who: 'tester', when: '2026-01-02', why: 'checked by hand' };

describe('the decisions file', () => {
  it('reads every kind, and locates every mistake by line with what was expected', () => {
    const good = [
      'decisions:',
      '  - { id: a, kind: reject-claim, who: x, when: 2026-01-01, why: w, claim: { report: r, quote: q } }',
      '  - { id: b, kind: set-grade, who: x, when: 2026-01-01, why: w, grade: weak, incident: { members: [{ report: r, quote: q }] } }',
    ].join('\n');
    const ok = parseDecisions('d.yaml', good);
    expect(E.isRight(ok) && ok.right.map((d) => [d.id, d.kind, d.location])).toEqual([['a', 'reject-claim', 'd.yaml:2'], ['b', 'set-grade', 'd.yaml:3']]);
    const bad = [
      '- id: a',
      '  kind: correct-claim',
      '  who: x',
      '  when: 2026-01-01',
      '  why: w',
      '  claim: { report: r, quote: q }',
      '  set: { value: -3 }',
      '- id: a',
      '  kind: merge',
      '- id: c',
      '  kind: note',
      '  when: yesterday',
    ].join('\n');
    const problems = parseDecisions('d.yaml', bad);
    expect(E.isLeft(problems)).toBe(true);
    const ps = E.isLeft(problems) ? problems.left : [];
    expect(ps.find((p) => p.path === '[0].set.value')?.line).toBe(7);
    expect(ps.find((p) => p.path === '[1].kind')).toMatchObject({ line: 9, message: expect.stringContaining('expected kind: one of') });
    expect(ps.find((p) => p.path === '[2].when')?.line).toBe(12);
    expect(ps.some((p) => p.path === '[2].who')).toBe(true);
    expect(E.isLeft(parseDecisions('d.yaml', 'decisions: [1, {'))).toBe(true);
  });
});

// A generated corpus, run once without decisions: the material decisions are drawn from.
const reports = readLines(rules, corpusLines(7, 40, 12));
const run = (decisions?: readonly Decision[]) => Pipeline.reconcileReportsDetailed({
  reports, rules, rulesHash: hash, readWarnings: [], reportsSkipped: 0, reportsSkippedBy: {}, ...(decisions ? { decisions } : {}),
});
const plain = run();
const text = new Map(reports.map((r) => [r.id, r.text ?? '']));
const mentions: Mention[] = plain.clustering.clusters.flatMap((c) => [...c.mentions]);
const claims = mentions.flatMap((m) => m.claims.map((c) => ({ m, c })))
  // anchorable: the quote is in the text where the claim is
  .filter(({ c }) => text.get(c.reportId)!.slice(c.span[0], c.span[1]) === c.quote);
const members = mentions.flatMap((m) => {
  const c = m.claims[0] ?? m.stances[0];
  return c && text.get(m.reportId)!.slice(c.span[0], c.span[1]) === c.quote ? [{ m, member: { report: m.reportId, quote: c.quote, span: [c.span[0], c.span[1]] as [number, number] } }] : [];
});
const claimAnchor = (c: (typeof claims)[number]['c']) => ({ report: c.reportId, quote: c.quote, span: [c.span[0], c.span[1]] as [number, number], outcome: c.outcome, group: c.group });

/** One decision of a generated kind about the k-th claim or member. */
const decisionArb = fc.tuple(fc.constantFrom('reject', 'correct', 'grade', 'same', 'apart', 'attribution'), fc.nat(), fc.nat(), fc.nat({ max: 500 }))
  .map(([kind, i, j, v]): Decision => {
    const c = claims[i % claims.length]!.c;
    const a = members[i % members.length]!.member, b = members[j % members.length]!.member;
    switch (kind) {
      case 'reject': return { ...base, id: '', kind: 'reject-claim', claim: claimAnchor(c) };
      case 'correct': return { ...base, id: '', kind: 'correct-claim', claim: claimAnchor(c), set: { value: v } };
      case 'grade': return { ...base, id: '', kind: 'set-grade', grade: 'confirmed', incident: { members: [a] } };
      case 'same': return { ...base, id: '', kind: 'same-incident', members: [a, b] };
      case 'apart': return { ...base, id: '', kind: 'different-incidents', members: [a, b] };
      default: return { ...base, id: '', kind: 'set-attribution', actor: 'russia', status: 'contested', incident: { members: [a] } };
    }
  });
const decisionsArb = fc.array(decisionArb, { minLength: 1, maxLength: 6 })
  .map((ds) => ds.map((d, k): Decision => ({ ...d, id: `d${k}` })));

/** The output without the decisions' names: what they did, not what they are called. */
const effect = (o: Output): unknown => JSON.parse(JSON.stringify({ incidents: o.incidents, accounting: o.accounting }),
  (k, v: unknown) => (k === 'decidedBy' || k === 'gradeDecidedBy' || k === 'decisions' ? undefined : v));
const holding = (o: Output, mentionId: string): Incident | undefined => o.incidents.find((i) => i.mentionIds?.includes(mentionId));
const RUNS = { numRuns: 8 };

describe('applying decisions', () => {
  it('has material to decide on', () => {
    expect(claims.length).toBeGreaterThan(20);
    expect(members.length).toBeGreaterThan(20);
  });

  it('does not depend on the order of the decisions', () => {
    fc.assert(fc.property(decisionsArb, fc.integer(), (ds, seed) => {
      const shuffled = [...ds].sort((p, q) => ((p.id.charCodeAt(1) * 31 + seed) % 7) - ((q.id.charCodeAt(1) * 31 + seed) % 7) || (seed % 2 ? 1 : -1));
      expect(run(shuffled).output).toEqual(run(ds).output);
      expect(run([...ds].reverse()).output).toEqual(run(ds).output);
    }), RUNS);
  });

  it('is idempotent: the same decisions again (under other ids) change nothing more', () => {
    fc.assert(fc.property(decisionsArb, (ds) => {
      const twice = [...ds, ...ds.map((d) => ({ ...d, id: `${d.id}-again` }))];
      // Two different-incidents decisions on one pair are one constraint; two corrections of one claim the same value.
      expect(effect(run(twice).output)).toEqual(effect(run(ds).output));
    }), RUNS);
  });

  it('a claim or incident decision changes only the incident it is anchored to', () => {
    fc.assert(fc.property(decisionArb.filter((d) => d.kind !== 'same-incident' && d.kind !== 'different-incidents'), (d) => {
      const out = run([{ ...d, id: 'only' }]).output;
      const touched = new Set(out.decisions?.flatMap((s) => s.incidentIds));
      expect(touched.size).toBe(1);
      const others = (o: Output) => o.incidents.filter((i) => !touched.has(i.id));
      expect(others(out)).toEqual(others(plain.output));
      expect(out.incidents.length).toBe(plain.output.incidents.length);
    }), RUNS);
  });

  it('always honours must-link and cannot-link (a cannot-link inside a must-linked group is reported as a conflict)', () => {
    fc.assert(fc.property(decisionsArb, (ds) => {
      const out = run(ds).output;
      const status = new Map(out.decisions!.map((s) => [s.id, s]));
      for (const d of ds) {
        if (d.kind !== 'same-incident' && d.kind !== 'different-incidents') continue;
        const ids = d.members.map((a) => members.find((x) => x.member.report === a.report && x.member.quote === a.quote && x.member.span[0] === a.span![0])!.m.id);
        const at = ids.map((id) => holding(out, id)?.id ?? `none:${id}`);
        if (d.kind === 'same-incident') expect(new Set(at).size).toBe(1);
        else if (status.get(d.id)!.status === 'applied') expect(new Set(at).size).toBe(at.length);
        else expect(status.get(d.id)!.status).toBe('conflict');
        expect(status.get(d.id)!.status === 'stale').toBe(false);
      }
    }), RUNS);
  });

  it('rejecting every claim of an incident removes its tolls and keeps the incident with its decisions', () => {
    const target = plain.output.incidents.find((i) => i.tolls.filter((t) => !t.derived).length >= 2)!;
    const own = claims.filter(({ m }) => target.mentionIds!.includes(m.id));
    const ds = own.map(({ c }, k): Decision => ({ ...base, id: `r${k}`, kind: 'reject-claim', claim: claimAnchor(c) }));
    const out = run(ds).output;
    const after = out.incidents.find((i) => i.decisions?.some((d) => d.id === 'r0'))!;
    expect(after.tolls).toEqual([]);
    expect(after.rejectedClaims!.length).toBe(own.length);
    expect(after.decisions!.map((d) => d.id).sort()).toEqual(ds.map((d) => d.id).sort());
    expect(out.decisions!.every((s) => s.status === 'applied')).toBe(true);
    expect(out.accounting!.claimsRejected).toBe(own.length);
    expect(out.accounting!.claimsInIncidents).toBe(plain.output.accounting!.claimsInIncidents - own.length);
  });

  it('a correction names its decision on the claim and the toll; an added claim joins the event at its quote', () => {
    const { c, m } = claims.find(({ c }) => c.value !== null && !c.review)!;
    const out = run([
      { ...base, id: 'fix', kind: 'correct-claim', claim: claimAnchor(c), set: { value: (c.value ?? 0) + 1000 } },
      { ...base, id: 'more', kind: 'add-claim', claim: { report: c.reportId, quote: c.quote }, add: { source: 'sohr', outcome: 'injured', group: 'children', value: 3 } },
    ]).output;
    const inc = holding(out, m.id)!;
    const toll = inc.tolls.find((t) => t.outcome === c.outcome && t.group === c.group && t.claims.some((x) => x.decidedBy?.includes('fix')))!;
    expect(toll.claims.find((x) => x.decidedBy?.includes('fix'))!.value).toBe((c.value ?? 0) + 1000);
    expect(toll.decidedBy).toContain('fix');
    const added = inc.tolls.find((t) => t.outcome === 'injured' && t.group === 'children')!;
    expect(added.claims.find((x) => x.decidedBy?.includes('more'))).toMatchObject({ value: 3, source: 'sohr', quote: c.quote });
    expect(out.accounting!.claimsAdded).toBe(1);
  });

  it('a decision whose quote is gone is a located warning and listed as stale, never dropped', () => {
    const out = run([{ ...base, id: 'gone', kind: 'reject-claim', claim: { report: reports[0]!.id, quote: 'zzqx no such words' }, location: 'x.yaml:4' } as Decision]).output;
    expect(out.decisions).toEqual([expect.objectContaining({ id: 'gone', status: 'stale', location: 'x.yaml:4' })]);
    expect(out.warnings).toContainEqual(expect.objectContaining({ code: 'stale-decision', location: 'x.yaml:4' }));
    expect(out.incidents).toEqual(plain.output.incidents);
  });
});

describe('decisions in a store (the in-memory reference store)', () => {
  it('keeps every version with who, when, before and after; storing the same again adds nothing; the latest is in force', async () => {
    const { memoryStore, decisionChanges, currentDecisions } = await import('../../src/store/index.js');
    const store = memoryStore(() => '2026-01-05T00:00:00.000Z');
    const d1: Decision = { ...base, id: 'x1', kind: 'set-grade', grade: 'weak', incident: { members: [{ report: 'r', quote: 'q' }] }, location: 'a.yaml:2' };
    const d2: Decision = { ...base, id: 'x2', kind: 'reject-claim', claim: { report: 'r', quote: 'q' } };
    await store.recordDecisions(decisionChanges(await store.decisions(), [d2, d1]));
    expect(decisionChanges(await store.decisions(), [{ ...d1, location: 'elsewhere.yaml:9' }, d2])).toEqual([]);
    const changed: Decision = { ...d1, who: 'someone else', grade: 'confirmed' } as Decision;
    await store.recordDecisions(decisionChanges(await store.decisions(), [changed]));
    const rows = await store.decisions();
    expect(rows.map((r) => [r.seq, r.decisionId, r.change, r.who])).toEqual([[1, 'x1', 'added', 'tester'], [2, 'x2', 'added', 'tester'], [3, 'x1', 'changed', 'someone else']]);
    expect(rows[2]!.before).toMatchObject({ grade: 'weak', who: 'tester' });
    expect(rows[2]!.after).toMatchObject({ grade: 'confirmed', who: 'someone else' });
    expect(rows[0]!.before).toBeNull();
    expect(currentDecisions(rows).map((d) => [d.id, (d as { grade?: string }).grade ?? null])).toEqual([['x1', 'confirmed'], ['x2', null]]);
  });
});
