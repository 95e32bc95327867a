/**
 * The review server without a browser (the built CLI in a process of its own, plain HTTP):
 * it listens on 127.0.0.1 only, refuses requests without the token, validates a posted
 * decision by its kind, refuses one that would not apply, stores one that does (the page
 * then shows it), refuses a taken port, and stops on SIGINT with exit code 0.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { ROOT, runBuilt, runInProcess, startBuilt } from '../support/cli.js';

type Served = { child: ChildProcess; port: number; token: string; stderr: string };
type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

const serve = (store: string): Promise<Served> => new Promise((resolve, reject) => {
  const child = startBuilt(['review', '--store', store, '--serve']);
  const s: Served = { child, port: 0, token: '', stderr: '' };
  let out = '';
  child.stderr!.on('data', (b: Buffer) => { s.stderr += b.toString(); });
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    const m = /review page: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{48})\n/.exec(out);
    if (m) resolve(Object.assign(s, { port: Number(m[1]), token: m[2]! }));
  });
  child.once('exit', (code) => reject(new Error(`exited ${code}: ${s.stderr}`)));
});

const call = (s: Served, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = request({ host: opts.host ?? '127.0.0.1', port: s.port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });

const post = (s: Served, decision: unknown, token = s.token): Promise<Reply> =>
  call(s, '/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reconcile-Token': token }, body: JSON.stringify(decision) });

describe('review --serve over HTTP', () => {
  let dir: string;
  let store: string;
  let s: Served;
  let claim: { report: string; quote: string; span: [number, number]; outcome: string; group: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reconcile-serve-http-'));
    store = join(dir, 'store.duckdb');
    expect((await runInProcess(['add', join(ROOT, 'fixtures/corpus-dev'), '--store', store, '-q'])).code).toBe(0);
    const out = JSON.parse((await runInProcess(['export', '--store', store, '-q'])).stdout) as Output;
    const t = out.incidents[0]!.tolls.find((x) => !x.derived)!;
    const c = t.claims[0]!;
    claim = { report: c.reportId, quote: c.quote, span: [c.span[0], c.span[1]], outcome: t.outcome, group: t.group };
    s = await serve(store);
  }, 90_000);
  afterAll(() => {
    if (s && s.child.exitCode === null) s.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page with the token only, with a strict policy, on loopback', async () => {
    expect((await call(s, '/')).status).toBe(403);
    expect((await call(s, '/?token=0')).status).toBe(403);
    // as many characters as the token but more bytes: refused, not a crash of the comparison
    expect((await call(s, `/?token=${encodeURIComponent('é'.repeat(48))}`)).status).toBe(403);
    expect((await call(s, `/?token=${s.token}`)).status).toBe(200);
    expect((await post(s, { kind: 'note' }, 'nope')).status).toBe(403);
    const page = await call(s, `/?token=${s.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+';.*connect-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<ol class="queue">');
    expect(page.body).not.toContain(s.token);
    expect((await call(s, `/nothing?token=${s.token}`)).status).toBe(404);
  });

  it('validates a posted decision by its kind, refuses one that would not apply, and stores one that does', async () => {
    const base = { who: 'tester', why: 'checked' };
    const bad = await post(s, { ...base, kind: 'reject-claim', claim: { report: claim.report } });
    expect(bad.status).toBe(400);
    expect((JSON.parse(bad.body) as { problems: string[] }).problems.join('\n')).toMatch(/reject-claim: claim\.quote/);
    expect((await post(s, { ...base, kind: 'drop-everything' })).status).toBe(400);
    const stale = await post(s, { ...base, kind: 'reject-claim', claim: { ...claim, quote: 'a quote no report holds' } });
    expect(stale.status).toBe(422);
    expect(stale.body).toMatch(/would not apply: the quote .* is no longer in report/);
    const ok = await post(s, { ...base, kind: 'reject-claim', claim });
    expect(ok.status).toBe(200);
    const id = (JSON.parse(ok.body) as { id: string }).id;
    expect(id).toMatch(/^web-\d{8}T\d{6}Z-[0-9a-f]{6}$/);
    expect((await call(s, `/?token=${s.token}`)).body).toContain(`data-decision="${id}" data-status="applied"`);
    const exported = JSON.parse((await runInProcess(['export', '--store', store, '-q'])).stdout) as Output;
    expect(exported.decisions!.map((d) => [d.id, d.kind, d.status, d.who])).toEqual([[id, 'reject-claim', 'applied', 'tester']]);
  });

  it('corrects a claim, sets an attribution and a grade with a note: each applied, and export shows what it changed', async () => {
    const out = JSON.parse((await runInProcess(['export', '--store', store, '-q'])).stdout) as Output;
    const inc = out.incidents.find((i) => i.tolls.some((t) => !t.derived && t.claims.some((c) => c.reportId !== claim.report)) && i.attributions.length)!;
    const t = inc.tolls.find((x) => !x.derived && x.claims.some((c) => c.reportId !== claim.report))!;
    const c = t.claims.find((x) => x.reportId !== claim.report)!;
    const anchor = { report: c.reportId, quote: c.quote, span: [c.span[0], c.span[1]], outcome: t.outcome, group: t.group };
    const members = [{ report: c.reportId, quote: c.quote, span: [c.span[0], c.span[1]] }];
    const base = { who: 'tester', why: 'checked against the ministry statement' };
    const replies = await Promise.all([
      post(s, { ...base, kind: 'correct-claim', claim: anchor, set: { value: 4321 } }),
      post(s, { ...base, kind: 'set-attribution', incident: { members }, actor: inc.attributions[0]!.actor, status: 'uncontested', belligerent: 'known' }),
      post(s, { ...base, kind: 'set-grade', incident: { members }, grade: 'weak' }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const ids = replies.map((r) => (JSON.parse(r.body) as { id: string }).id);
    const after = JSON.parse((await runInProcess(['export', '--store', store, '-q'])).stdout) as Output;
    expect(after.decisions!.filter((d) => ids.includes(d.id)).map((d) => d.status)).toEqual(['applied', 'applied', 'applied']);
    const changed = after.incidents.find((i) => i.gradeDecidedBy?.includes(ids[2]!))!;
    expect(changed.grade).toBe('weak');
    expect(changed.attributions.find((a) => a.decidedBy?.includes(ids[1]!))?.status).toBe('uncontested');
    expect(changed.tolls.flatMap((x) => x.claims).find((x) => x.decidedBy?.includes(ids[0]!))?.value).toBe(4321);
  });

  it('refuses a port that is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const r = runBuilt(['review', '--store', store, '--serve', '--port', String(port)]);
    taken.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`port ${port} is taken`);
  });

  it('stops on SIGINT with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
    s.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(s.stderr).toContain('review page: stopped');
  });
});
