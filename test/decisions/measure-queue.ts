/**
 * Developer tool (not a test): the review queue against a corpus's gold, as the queue-gold
 * test measures it, with the first items listed. `npx tsx test/decisions/measure-queue.ts DIR GOLD [N]`.
 */
import { queueAgainstGold } from './gold-judge.js';
import { shippedRules } from '../support/rules.js';

const [from, goldFile, n = '20'] = process.argv.slice(2);
if (!from || !goldFile) throw new Error('usage: measure-queue.ts DIR GOLD [N]');
// part-b of corpus-dev2 is the unseen check: the lead measures it with queue-gold.test.ts, never with this tool
if (/part-b/.test(from) || /part-b/.test(goldFile)) throw new Error('part-b is the unseen check: not measured here');
const { queue, item, top, random, base, size } = await queueAgainstGold(shippedRules().rules, from, goldFile, Number(n));
const k = Number(n);
console.log(`top ${k} wrong ${top.toFixed(2)}; random ${random.toFixed(2)}; base ${base.toFixed(2)} of ${size}; queue ${queue.length}`);
const stats = new Map<string, [number, number]>();
for (const x of queue) for (const y of x.reasons) { const s = stats.get(y.reason) ?? [0, 0]; s[0]++; if (item(x)) s[1]++; stats.set(y.reason, s); }
const byRisk = new Map<number, [number, number]>();
for (const x of queue) { const s = byRisk.get(x.risk) ?? [0, 0]; s[0]++; if (item(x)) s[1]++; byRisk.set(x.risk, s); }
console.log([...stats].map(([r, [c, w]]) => `${r} ${w}/${c}`).join('; '));
console.log('by risk: ' + [...byRisk].map(([r, [c, w]]) => `${r}: ${w}/${c}`).join('; '));
for (const x of queue.slice(0, Number(process.env.LIST ?? k))) {
  console.log(`${item(x) ? 'WRONG' : 'ok   '} ${x.risk} ${x.target} ${x.category ?? x.actor ?? ''} ${x.value ?? x.stance ?? ''} ${x.source ?? ''} ${x.reportId ?? x.incidentId} | ${x.reasons.map((y) => y.reason).join(',')}`);
}
