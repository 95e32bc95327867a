/**
 * Prints how the current engine reads the sentence bank: passed/total per language and per
 * construction, and the entries that fail with their differences (with --verbose).
 *   npx tsx test/extract/bank/summary.ts [--verbose] [--out FILE] [--misses]
 * --misses prints only the ids that fail, one a line (the content of known-misses.txt).
 */
import { writeFileSync } from 'node:fs';
import { extract } from '../support.js';
import { compare, loadBank, loadKnownMisses } from './bank.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const onlyMisses = args.includes('--misses');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;

const bank = loadBank();
const known = loadKnownMisses();
const results = bank.map((e) => ({ e, diffs: compare(extract(e.text, { language: e.language, publishedAt: e.publishedAt, outlet: e.outlet }), e) }));

const lines: string[] = [];
if (onlyMisses) {
  for (const r of results) if (r.diffs.length) lines.push(r.e.id);
} else {
  const tally = (rows: typeof results) => `${rows.filter((r) => !r.diffs.length).length}/${rows.length}`;
  lines.push(`all: ${tally(results)}`);
  for (const lang of ['ar', 'en']) lines.push(`${lang}: ${tally(results.filter((r) => r.e.language === lang))}`);
  lines.push('', 'per construction (ar · en · both):');
  const constructions = [...new Set(bank.map((e) => e.construction))].sort();
  for (const c of constructions) {
    const rows = results.filter((r) => r.e.construction === c);
    const ar = rows.filter((r) => r.e.language === 'ar');
    const en = rows.filter((r) => r.e.language === 'en');
    lines.push(`  ${c.padEnd(22)} ${tally(ar).padStart(6)} · ${tally(en).padStart(6)} · ${tally(rows).padStart(6)}`);
  }
  const newlyPassing = results.filter((r) => !r.diffs.length && known.has(r.e.id)).map((r) => r.e.id);
  const newlyFailing = results.filter((r) => r.diffs.length && !known.has(r.e.id)).map((r) => r.e.id);
  lines.push('', `known misses now passing (take them off known-misses.txt): ${newlyPassing.join(' ') || 'none'}`);
  lines.push(`failing but not listed as known misses: ${newlyFailing.join(' ') || 'none'}`);
  if (verbose) {
    lines.push('', 'differences:');
    for (const r of results) if (r.diffs.length) lines.push(`  ${r.e.id}: ${r.e.text.replace(/\s+/g, ' ')}`, ...r.diffs.map((d) => `      ${d}`));
  }
}
const text = `${lines.join('\n')}\n`;
if (out) writeFileSync(out, text);
else process.stdout.write(text);
