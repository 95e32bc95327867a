/**
 * Developer tool (not a test): the review queue against a corpus's gold, as the queue-gold
 * test measures it, with the first items listed. `npx tsx test/decisions/measure-queue.ts DIR GOLD [N]`.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Output } from '../../src/model/contract.js';
import { reviewQueue } from '../../src/decisions/queue.js';
import { draw, judge, type Gold } from './gold-judge.js';
import { shippedRules } from '../support/rules.js';
import { runInProcess } from '../support/cli.js';

const [from, goldFile, n = '20'] = process.argv.slice(2);
if (!from || !goldFile) throw new Error('usage: measure-queue.ts DIR GOLD [N]');
// part-b of corpus-dev2 is the unseen check: the lead measures it with queue-gold.test.ts, never with this tool
if (/part-b/.test(from) || /part-b/.test(goldFile)) throw new Error('part-b is the unseen check: not measured here');
const dir = mkdtempSync(join(tmpdir(), 'reconcile-measure-'));
try {
  for (const f of readdirSync(from)) if (f.endsWith('.txt') || f === 'reports.json') cpSync(join(from, f), join(dir, f));
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
  const texts = new Map(Object.entries(gold.reports).map(([id, r]) => [id, readFileSync(join(dir, r.file), 'utf8').replace(/^\uFEFF/, '')]));
  const r = await runInProcess(['run', dir, '-q']);
  const output = JSON.parse(r.stdout) as Output;
  const { item, population } = judge(gold, texts, output);
  const queue = reviewQueue(shippedRules().rules)(output);
  const k = Number(n);
  const top = queue.slice(0, k).filter(item).length / k;
  const base = population.filter(Boolean).length / population.length;
  const draws = Array.from({ length: 50 }, (_, j) => draw(population, k, 1000 + j).filter(Boolean).length / k);
  console.log(`top ${k} wrong ${top.toFixed(2)}; random ${(draws.reduce((a, b) => a + b, 0) / draws.length).toFixed(2)}; base ${base.toFixed(2)} of ${population.length}; queue ${queue.length}`);
  const stats = new Map<string, [number, number]>();
  for (const x of queue) for (const y of x.reasons) { const s = stats.get(y.reason) ?? [0, 0]; s[0]++; if (item(x)) s[1]++; stats.set(y.reason, s); }
  const byRisk = new Map<number, [number, number]>();
  for (const x of queue) { const s = byRisk.get(x.risk) ?? [0, 0]; s[0]++; if (item(x)) s[1]++; byRisk.set(x.risk, s); }
  console.log([...stats].map(([r, [n, w]]) => `${r} ${w}/${n}`).join('; '));
  console.log('by risk: ' + [...byRisk].map(([r, [n, w]]) => `${r}: ${w}/${n}`).join('; '));
  for (const x of queue.slice(0, Number(process.env.LIST ?? k))) {
    console.log(`${item(x) ? 'WRONG' : 'ok   '} ${x.risk} ${x.target} ${x.category ?? x.actor ?? ''} ${x.value ?? x.stance ?? ''} ${x.source ?? ''} ${x.reportId ?? x.incidentId} | ${x.reasons.map((y) => y.reason).join(',')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
