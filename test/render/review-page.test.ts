/**
 * The review page's markup (src/render/review-page.ts) and the posted-decision parser
 * (src/decisions/posted.ts): report text only ever becomes text; every control's decision,
 * read back from its attribute, is a valid decision whose anchor keeps the quote exactly
 * (bidirectional marks and all); control ids are unique; the policy allows exactly the
 * page's script and style.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../src/decisions/queue.js';
import { parsePostedDecision, postedId } from '../../src/decisions/posted.js';
import type { Output } from '../../src/model/contract.js';
import { asciiJson, renderReviewPage, reviewPagePolicy } from '../../src/render/review-page.js';
import { REVIEW_SCRIPT } from '../../src/render/review-page-script.js';
import { ROOT, runInProcess } from '../support/cli.js';

type El = { name?: string; attribs?: Record<string, string>; children?: El[]; type?: string; data?: string };
const walk = (n: El, f: (e: El) => void): void => { f(n); (n.children ?? []).forEach((c) => walk(c, f)); };

const INPUTS = [join(ROOT, 'fixtures/corpus-dev'), join(ROOT, 'fixtures/hostile-html')];
const view = async () => {
  const output = JSON.parse((await runInProcess(['run', ...INPUTS, '-q'])).stdout) as Output;
  const queue = (JSON.parse((await runInProcess(['review', ...INPUTS, '-q', '--format', 'json'])).stdout) as { queue: ReviewItem[] }).queue;
  return { output, queue, store: 'store"<x>.duckdb', reviewer: '<b>ana</b>', actors: ['russia', 'coalition'] };
};

describe('the review page', () => {
  it('keeps report text as text, and every control posts a valid decision whose anchor quotes exactly', async () => {
    const v = await view();
    const page = renderReviewPage(v);
    const doc = parseDocument(page) as unknown as El;
    const elements: El[] = [];
    walk(doc, (e) => { if (e.type === 'tag' || e.type === 'script' || e.type === 'style') elements.push(e); });
    expect(elements.filter((e) => e.name === 'script')).toHaveLength(1);
    expect(elements.filter((e) => ['img', 'svg'].includes(e.name!) && JSON.stringify(e.attribs).includes('pwned'))).toEqual([]);
    expect(elements.filter((e) => Object.keys(e.attribs ?? {}).some((a) => a.startsWith('on')))).toEqual([]);
    expect(page).not.toContain('<b>ana</b>');
    const quotes = new Set(v.output.incidents.flatMap((i) => [...i.tolls.flatMap((t) => t.claims), ...i.attributions.flatMap((a) => a.stances)]).map((c) => c.quote));
    const forms = elements.filter((e) => e.name === 'form' && e.attribs?.class?.startsWith('decide'));
    expect(forms.length).toBeGreaterThan(v.queue.length);
    const ids = forms.map((f) => f.attribs!.id!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of forms) {
      const base = JSON.parse(f.attribs!['data-base']!) as Record<string, unknown>;
      const anchored = [base.claim, ...((base.members ?? []) as unknown[]), ...(((base.incident as { members?: unknown[] } | undefined)?.members) ?? [])]
        .filter((x): x is { quote: string } => x !== undefined);
      for (const a of anchored) expect(quotes.has(a.quote), a.quote).toBe(true);
      // what the reviewer fills in, by kind
      const typed: Record<string, Record<string, unknown>> = { 'correct-claim': { set: { value: 3 } }, 'set-grade': { grade: 'weak' }, 'set-attribution': { actor: base.actor ?? 'russia' } };
      const filled = { ...base, who: 'ana', why: 'checked', ...(typed[String(base.kind)] ?? {}) };
      if (base.kind === 'different-incidents' || base.kind === 'same-incident') continue;
      const parsed = parsePostedDecision(filled, { id: 'x1', when: '2026-01-02' });
      expect(E.isRight(parsed) ? null : parsed.left, f.attribs!.id).toBeNull();
    }
    // the hostile report's quotes, with their bidi controls, are anchored unchanged
    const hostile = v.output.incidents.find((i) => i.reportIds.some((r) => r.startsWith('hostile-')))!;
    const bidi = hostile.tolls.flatMap((t) => t.claims).find((c) => /[\u2066-\u2069]/.test(c.quote))!;
    expect(forms.some((f) => (JSON.parse(f.attribs!['data-base']!) as { claim?: { quote: string } }).claim?.quote === bidi.quote)).toBe(true);
  });

  it('allows exactly its own script by hash, and requests to its own server only', () => {
    const hash = createHash('sha256').update(REVIEW_SCRIPT, 'utf8').digest('base64');
    expect(reviewPagePolicy()).toContain(`script-src 'sha256-${hash}';`);
    expect(reviewPagePolicy()).toMatch(/default-src 'none'.*connect-src 'self'.*form-action 'none'.*frame-ancestors 'none'/);
    expect(reviewPagePolicy('meta')).not.toContain('frame-ancestors');
  });

  it('writes JSON in printable ASCII that parses back to the same value', () => {
    const v = { quote: '\u202eنفت\u202c "x" <y> & \u001b', n: [1, 2] };
    expect(asciiJson(v)).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(asciiJson(v))).toEqual(v);
  });
});

describe('a posted decision', () => {
  const claim = { report: 'r1', quote: 'five people' };
  it('gets the id and time the server fills in, unless it gives its own', () => {
    const d = parsePostedDecision({ kind: 'reject-claim', who: 'ana', why: 'no', claim }, { id: 'web-1', when: '2026-01-02T10:00:00.000Z' });
    expect(E.isRight(d) && [d.right.id, d.right.when, d.right.kind]).toEqual(['web-1', '2026-01-02T10:00:00.000Z', 'reject-claim']);
    const own = parsePostedDecision({ kind: 'reject-claim', who: 'ana', why: 'no', claim, id: 'mine', when: '2025-03-04' }, { id: 'web-1', when: '2026-01-02' });
    expect(E.isRight(own) && [own.right.id, own.right.when]).toEqual(['mine', '2025-03-04']);
  });
  it('collects every problem, each with its path, and refuses what is not one decision', () => {
    const bad = parsePostedDecision({ kind: 'correct-claim', who: '', why: 'x', claim: { report: 'r1' }, set: {} }, { id: 'w', when: '2026-01-02' });
    expect(E.isLeft(bad) ? bad.left.length : 0).toBeGreaterThanOrEqual(3);
    expect(E.isLeft(bad) && bad.left.join('\n')).toMatch(/correct-claim: claim\.quote/);
    expect(E.isLeft(parsePostedDecision([1], { id: 'w', when: '2026-01-02' }))).toBe(true);
    expect(E.isLeft(parsePostedDecision({ kind: 'drop' }, { id: 'w', when: '2026-01-02' }))).toBe(true);
  });
  it('has an id made of the time and a random part, valid as a decision id', () => {
    expect(postedId(new Date('2026-01-02T10:15:00.123Z'), 'ab12cd')).toBe('web-20260102T101500Z-ab12cd');
  });
});
