/**
 * The stance modules hold no language knowledge and no long procedure: no Arabic-script
 * character and no language-code literal outside comments, and no function over 80 lines
 * (a top-level declaration runs to its closing line at column 0). An Arabic character written
 * as an escape ("\\u060C") is language knowledge too: it belongs in rules/languages/<lang>/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const files = [
  ...readdirSync(join(ROOT, 'src/extract')).filter((f) => /^stance.*\.ts$/.test(f)).map((f) => join(ROOT, 'src/extract', f)),
  join(ROOT, 'src/rules/stance-schema.ts'),
];
/** the code of a file without its comments (line comments, block comments) */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');

describe('stance modules', () => {
  it('hold no Arabic-script character and no language code', () => {
    const found: string[] = [];
    for (const f of files) {
      code(readFileSync(f, 'utf8')).split('\n').forEach((line, k) => {
        if (/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u.test(line) || /['"`](ar|en|fr)['"`]/.test(line)) found.push(`${f}:${k + 1}: ${line.trim()}`);
        // nor an Arabic-script character written as an escape ("\u060C")
        if (/\\u\{?0*(6[0-9a-f]{2}|7[5-7][0-9a-f]|fb[5-9a-f][0-9a-f]|f[cd][0-9a-f]{2}|fe[7-9a-f][0-9a-f])\}?/i.test(line)) found.push(`${f}:${k + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
  it('have no function over 80 lines', () => {
    const long: string[] = [];
    for (const f of files) {
      const lines = readFileSync(f, 'utf8').split('\n');
      let start = -1;
      lines.forEach((l, k) => {
        if (/^(export )?const \w+ = /.test(l) && !/;\s*$/.test(l)) start = k;
        else if (start >= 0 && /^(\}|\)|\]|\}\))[;,]?\s*$/.test(l)) { if (k - start + 1 > 80) long.push(`${f}:${start + 1} (${k - start + 1} lines)`); start = -1; }
      });
    }
    expect(long).toEqual([]);
  });
});
