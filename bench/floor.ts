/**
 * The floor of a corpus, as ../shared/tools/floor.mjs measures it, on the bench's own files:
 * read every text file, decode UTF-8 (fatal) and run one regex for digits and number words.
 * Usage: tsx bench/floor.ts <corpus-dir>; prints {"files","MB","cpuSeconds","seconds"}.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.argv[2] ?? '.', 'text');
const words = ['واحد', 'اثنين', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة', 'عشرين', 'ثلاثين', 'أربعين', 'خمسين', 'مئة', 'مائة', 'ألف'];
const re = new RegExp(`[0-9\u0660-\u0669\u06F0-\u06F9]+|${words.join('|')}`, 'gu');
const dec = new TextDecoder('utf-8', { fatal: true });
const files = (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => f.endsWith('.txt'));
const c0 = process.cpuUsage(), t0 = performance.now();
let bytes = 0, hits = 0;
for (const f of files) {
  const buf = readFileSync(f);
  bytes += buf.length;
  const s = dec.decode(buf);
  re.lastIndex = 0;
  while (re.exec(s)) hits++;
}
const c = process.cpuUsage(c0);
process.stdout.write(`${JSON.stringify({ files: files.length, MB: +(bytes / 1e6).toFixed(2), hits, cpuSeconds: +((c.user + c.system) / 1e6).toFixed(3), seconds: +((performance.now() - t0) / 1000).toFixed(3) })}\n`);
