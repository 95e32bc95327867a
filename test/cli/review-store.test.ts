/**
 * `reconcile review --store FILE`: the review queue of what the incident store holds, with
 * the store's decisions (and a file's) applied, is the queue `review` gives over the same
 * reports with the same decisions (but for incident ids); and the usage errors of --store,
 * --serve and --port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ReviewItem } from '../../src/decisions/queue.js';
import { ROOT, runInProcess } from '../support/cli.js';

const corpus = join(ROOT, 'fixtures/corpus-dev');
let dir: string;
let store: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reconcile-review-store-'));
  store = join(dir, 'store.duckdb');
  const added = await runInProcess(['add', corpus, '--store', store, '-q']);
  expect(added.code, added.stderr).toBe(0);
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

type Queue = { items: number; queue: ReviewItem[] };
const queueOf = async (args: string[]): Promise<Queue> => {
  const r = await runInProcess(['review', ...args, '--format', 'json', '-q']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Queue;
};
/** The items without what depends on incident ids (the id itself, and the rank, whose ties ids break). */
const contentOf = (q: Queue): string[] => q.queue.map(({ incidentId: _i, rank: _r, ...x }) => JSON.stringify(x)).sort();

const claimItems = (q: Queue): ReviewItem[] => q.queue.filter((x) => x.target === 'claim');
const decisionFile = (name: string, items: readonly ReviewItem[], kind: 'reject-claim' | 'note'): string => {
  const file = join(dir, name);
  writeFileSync(file, stringify({ decisions: items.map((x, k) => ({ id: `${name.replace(/\W/g, '')}-${k}`, kind, who: 'tester', when: '2026-01-02', why: 'checked', claim: x.anchor })) }));
  return file;
};

describe('review --store', () => {
  it('lists the same queue as review over the reports the store holds', async () => {
    const fromStore = await queueOf(['--store', store]);
    const fromReports = await queueOf([corpus]);
    expect(fromStore.items).toBeGreaterThan(5);
    expect(contentOf(fromStore)).toEqual(contentOf(fromReports));
    const text = await runInProcess(['review', '--store', store, '--limit', '3']);
    expect(text.stdout).toMatch(/^review queue: 3 item\(s\)/);
    expect(text.stderr).toMatch(/^reports: \d+ read/m);
  });

  it("applies the store's decisions, and a file's besides: decided claims leave the queue", async () => {
    const before = claimItems(await queueOf(['--store', store]));
    expect(before.length).toBeGreaterThan(3);
    const stored = decisionFile('stored.yaml', before.slice(0, 2), 'reject-claim');
    expect((await runInProcess(['add', '--store', store, '--decisions', stored, '-q'])).code).toBe(0);
    const after = await queueOf(['--store', store]);
    expect(contentOf(after)).toEqual(contentOf(await queueOf([corpus, '--decisions', stored])));
    const quotes = (q: readonly ReviewItem[]): string[] => q.map((x) => `${x.reportId}|${x.quote}|${x.category}`);
    expect(quotes(claimItems(after))).not.toContain(quotes(before)[0]);
    expect(quotes(claimItems(after))).not.toContain(quotes(before)[1]);
    expect(quotes(claimItems(after))).toContain(quotes(before)[2]);
    const extra = decisionFile('extra.yaml', before.slice(2, 3), 'note');
    const both = await queueOf(['--store', store, '--decisions', extra]);
    expect(quotes(claimItems(both))).not.toContain(quotes(before)[2]);
    expect(both.items).toBeLessThan(after.items);
  });

  it('says why it cannot review: no store, reports and a store, --serve without a store, --port without --serve', async () => {
    const missing = await runInProcess(['review', '--store', join(dir, 'none.duckdb')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no store at .*none\.duckdb/);
    const cases: [string[], RegExp][] = [
      [['review'], /review needs at least one file or directory, or --store FILE/],
      [['review', corpus, '--store', store], /review reads report files or a store, not both/],
      [['review', corpus, '--serve'], /--serve needs --store FILE/],
      [['review', '--store', store, '--port', '8080'], /--port is for --serve/],
      [['review', '--store', store, '--serve', '--port', '0'], /--port must be a whole number from 1 to 65535/],
    ];
    for (const [args, message] of cases) {
      const r = await runInProcess(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
