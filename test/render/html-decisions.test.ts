/**
 * The HTML report's "copy decision" snippets, taken from the page as a reader would copy them
 * (the textareas' text), pasted into a decisions file and run with `--decisions`: every one
 * applies (none stale) and does what it says. And the snippets are plain text that read back
 * to exactly the quote, whatever characters the report holds.
 */
import * as E from 'fp-ts/lib/Either.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, Output, TollClaimOut } from '../../src/model/contract.js';
import { parseDecisions } from '../../src/decisions/parse.js';
import { claimSnippets, incidentSnippets, yamlString } from '../../src/render/html-decision.js';
import { ROOT, runInProcess } from '../support/cli.js';

/** The seeds, and corpus-dev for incidents of several reports (every seed incident has one). */
const INPUTS = ['seeds', 'corpus-dev'].map((d) => join(ROOT, 'fixtures', d));

type Copied = { readonly incidentId: string; readonly owner: 'claim' | 'incident'; readonly kind: string; readonly yaml: string };

const unescape = (s: string): string => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every snippet of the page, with the incident it is in and whether it sits on a claim row or on the incident. */
const snippetsOf = (page: string): Copied[] => page.split('<article class="incident" id="').slice(1).flatMap((part) => {
  const incidentId = part.slice(0, part.indexOf('"'));
  return [...part.matchAll(/<(td class="decide"|header)|<textarea class="snippet" data-decision-kind="([a-z-]+)"[^>]*>([\s\S]*?)<\/textarea>/g)]
    .reduce<{ owner: 'claim' | 'incident'; out: Copied[] }>((acc, m) => {
      if (m[1]) return { ...acc, owner: m[1] === 'header' ? 'incident' : 'claim' };
      return { ...acc, out: [...acc.out, { incidentId, owner: acc.owner, kind: m[2]!, yaml: unescape(m[3]!) }] };
    }, { owner: 'incident', out: [] }).out;
});

const ids = (yaml: string): string[] => [...yaml.matchAll(/^- id: (\S+)/gm)].map((m) => m[1]!);
type Anchor = { report: string; span: [number, number]; category?: string };
const anchors = (yaml: string): Anchor[] =>
  [...yaml.matchAll(/report: ("(?:[^"\\]|\\.)*"), quote: (?:"(?:[^"\\]|\\.)*"), span: \[(\d+), (\d+)\](?:, outcome: ([a-z-]+), group: ([a-z-]+))?/g)]
    .map((m) => ({ report: JSON.parse(m[1]!) as string, span: [Number(m[2]), Number(m[3])], ...(m[4] ? { category: `${m[4]}/${m[5]}` } : {}) }));

const at = (inc: Incident, a: { report: string; span: [number, number] }): boolean =>
  [...inc.tolls.flatMap((t) => t.claims), ...inc.attributions.flatMap((x) => x.stances), ...(inc.rejectedClaims ?? [])]
    .some((p) => p.reportId === a.report && p.span[0] === a.span[0] && p.span[1] === a.span[1]);
const holder = (out: Output, a: { report: string; span: [number, number] }): Incident[] => out.incidents.filter((i) => at(i, a));
/** The claims read at a claim anchor (its report, span, outcome and group). */
const claimAt = (out: Output, a: Anchor): TollClaimOut[] => out.incidents.flatMap((i) => i.tolls
  .filter((t) => a.category === undefined || `${t.outcome}/${t.group}` === a.category).flatMap((t) => t.claims))
  .filter((c) => c.reportId === a.report && c.span[0] === a.span[0] && c.span[1] === a.span[1]);

describe('"copy decision" in the HTML report, pasted into a decisions file', () => {
  let dir = '';
  let copied: Copied[] = [];
  let base: Output;
  const withDecisions = async (name: string, yaml: readonly string[]): Promise<Output> => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, `decisions:\n${yaml.join('\n')}\n`);
    const r = await runInProcess(['run', ...INPUTS, '--decisions', file, '--format', 'json', '--out', join(dir, `${name}.json`), '--quiet']);
    expect(r.code, r.stderr).toBeLessThan(2);
    const out = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Output;
    const statuses = out.decisions ?? [];
    expect(statuses.length).toBe(yaml.flatMap(ids).length);
    expect(statuses.filter((s) => s.status !== 'applied')).toEqual([]);
    return out;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reconcile-copy-'));
    const [h, j] = await Promise.all([
      runInProcess(['run', ...INPUTS, '--format', 'html', '--out', join(dir, 'report.html'), '--quiet']),
      runInProcess(['run', ...INPUTS, '--format', 'json', '--out', join(dir, 'base.json'), '--quiet']),
    ]);
    expect([h.code, j.code], h.stderr + j.stderr).toEqual([0, 0]);
    copied = snippetsOf(readFileSync(join(dir, 'report.html'), 'utf8'));
    base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as Output;
  }, 60_000);
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  const of = (owner: 'claim' | 'incident', kind: string): Copied[] => copied.filter((c) => c.owner === owner && c.kind === kind);

  it('offers every kind on every claim row and incident, and each snippet parses on its own and under decisions:', () => {
    const rows = base.incidents.reduce((n, i) => n + i.tolls.filter((t) => !t.derived && t.claims.length).length, 0);
    expect(of('claim', 'reject-claim').length).toBeGreaterThanOrEqual(rows);
    expect(of('claim', 'correct-claim').length).toBe(of('claim', 'reject-claim').length);
    for (const kind of ['same-incident', 'set-attribution', 'set-grade', 'note']) expect(of('incident', kind)).toHaveLength(base.incidents.length);
    expect(of('incident', 'different-incidents')).toHaveLength(base.incidents.filter((i) => i.reportIds.length >= 2).length);
    for (const c of copied) {
      expect(E.isRight(parseDecisions('bare.yaml', c.yaml)), c.yaml).toBe(true);
      expect(E.isRight(parseDecisions('file.yaml', `decisions:\n${c.yaml}`)), c.yaml).toBe(true);
    }
    const all = copied.flatMap((c) => ids(c.yaml));
    expect(new Set(all).size).toBe(all.length);
  });

  it('reject claim: every copied claim leaves the tolls and is kept as rejected', async () => {
    const yaml = of('claim', 'reject-claim').map((c) => c.yaml);
    const out = await withDecisions('reject', yaml);
    const targets = yaml.flatMap(anchors);
    expect(targets.length).toBeGreaterThan(10);
    for (const a of targets) {
      expect(claimAt(out, a)).toEqual([]);
      expect(out.incidents.some((i) => (i.rejectedClaims ?? []).some((c) => c.reportId === a.report && c.span[0] === a.span[0]))).toBe(true);
    }
  });

  it('correct claim: the value an analyst edits in the snippet replaces the claim\'s', async () => {
    const edited = of('claim', 'correct-claim').filter((c) => /set: \{ value: \d+/.test(c.yaml))
      .map((c) => c.yaml.replace(/set: \{ value: (\d+)/g, (_, n: string) => `set: { value: ${Number(n) + 1000}`));
    expect(edited.length).toBeGreaterThan(10);
    const out = await withDecisions('correct', edited);
    for (const y of edited) {
      const values = [...y.matchAll(/set: \{ value: (\d+)/g)].map((m) => Number(m[1]));
      anchors(y).forEach((a, k) => {
        const cs = claimAt(out, a);
        expect(cs.length).toBeGreaterThan(0);
        expect(cs.some((c) => c.value === values[k] && (c.decidedBy ?? []).includes(ids(y)[k]!))).toBe(true);
      });
    }
  });

  it('notes on claims and incidents apply to what they anchor', async () => {
    const notes = [...of('claim', 'note'), ...of('incident', 'note')];
    const out = await withDecisions('notes', notes.map((c) => c.yaml));
    for (const n of of('incident', 'note')) {
      const inc = out.incidents.find((i) => (i.decisions ?? []).some((d) => d.id === ids(n.yaml)[0]));
      expect(inc && anchors(n.yaml).every((a) => at(inc, a))).toBe(true);
    }
  });

  it('same incident: as copied it keeps each incident whole; two incidents\' members under one list join them', async () => {
    const same = of('incident', 'same-incident');
    const asIs = await withDecisions('same', same.map((c) => c.yaml));
    expect(asIs.incidents).toHaveLength(base.incidents.length);
    const [a, b] = same;
    const joined = `${a!.yaml}\n${anchors(b!.yaml).map((m) => b!.yaml.split('\n').find((l) => l.includes(`span: [${m.span[0]}, ${m.span[1]}]`))!).join('\n')}`;
    expect(E.isRight(parseDecisions('joined.yaml', joined))).toBe(true);
    const out = await withDecisions('joined', [joined]);
    const holders = new Set(anchors(joined).flatMap((m) => holder(out, m).map((i) => i.id)));
    expect(holders.size).toBe(1);
    expect(out.incidents).toHaveLength(base.incidents.length - 1);
  });

  it('different incidents: its members end in different incidents', async () => {
    const apart = of('incident', 'different-incidents');
    expect(apart.length).toBeGreaterThan(0);
    const out = await withDecisions('apart', apart.map((c) => c.yaml));
    for (const c of apart) {
      const ms = anchors(c.yaml);
      const homes = ms.map((m) => holder(out, m).map((i) => i.id).join(' '));
      expect(homes.every(Boolean)).toBe(true);
      expect(new Set(homes).size).toBe(ms.length);
    }
  });

  it('set attribution and set grade: the incident they anchor carries them, with the decision', async () => {
    const attribution = of('incident', 'set-attribution').filter((c) => !/actor: ACTOR/.test(c.yaml));
    const grades = of('incident', 'set-grade').map((c) => c.yaml.replace(/grade: [a-z]+/, 'grade: weak'));
    const out = await withDecisions('set', [...attribution.map((c) => c.yaml), ...grades]);
    for (const c of attribution) {
      const id = ids(c.yaml)[0]!;
      const actor = JSON.parse(/actor: ("[^"]*")/.exec(c.yaml)![1]!) as string;
      const inc = out.incidents.find((i) => anchors(c.yaml).every((m) => at(i, m)));
      expect(inc?.attributions.find((x) => x.actor === actor)?.decidedBy).toContain(id);
    }
    for (const y of grades) {
      const inc = out.incidents.find((i) => anchors(y).every((m) => at(i, m)));
      expect(inc).toMatchObject({ grade: 'weak', gradeDecidedBy: [ids(y)[0]] });
    }
  });
});

describe('a snippet is plain text that reads back to the quote', () => {
  const hostile = ['a "quoted" \\ back', 'line\nbreak\ttab', '\u202eoverride\u2066isolate\u2069 \u200f\u061c', '</textarea><script>x()</script>', 'قال المرصد: ٢٣ قتيلا', "it's: # not a comment"];
  it('escapes every control, bidi and invisible character, and parses back to the same string', () => {
    for (const q of hostile) {
      const s = yamlString(q);
      expect(s).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f]/);
      const claim: TollClaimOut = { source: 'sohr', via: null, reportId: `r ${q}`, value: 3, qualifier: 'exact', mayRise: false, quote: q, span: [0, q.length] };
      for (const sn of claimSnippets({ outcome: 'killed', group: 'civilians' }, [claim])) {
        const parsed = parseDecisions('x.yaml', sn.yaml);
        expect(E.isRight(parsed)).toBe(true);
        const d = E.isRight(parsed) ? parsed.right[0]! : null;
        expect(d && 'claim' in d ? d.claim : null).toMatchObject({ report: `r ${q}`, quote: q, span: [0, q.length] });
      }
    }
  });
  it('an incident without a claim or stance gets no snippet; one report gets no different-incidents', () => {
    const inc = { id: 'i1', tolls: [], attributions: [], reportIds: [] } as unknown as Incident;
    expect(incidentSnippets(inc)).toEqual([]);
    const one = { ...inc, reportIds: ['r'], attributions: [{ actor: 'x', status: 'uncontested', stances: [{ source: 's', via: null, stance: 'asserts', reportId: 'r', quote: 'q', span: [1, 2] }] }] } as unknown as Incident;
    expect(incidentSnippets(one).map((s) => s.kind)).toEqual(['same-incident', 'set-attribution', 'set-grade', 'note']);
  });
});
