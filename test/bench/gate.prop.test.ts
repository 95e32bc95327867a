/**
 * The sentence gate (src/extract/gate.ts) is conservative: extraction with it and without it
 * (`--no-gate`) gives the same output, on generated reports lengthened with background prose
 * or with one another's sentences (so that most sentences carry figures, places and speakers),
 * and on the real-length reports of the fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { DEFAULT_OPTIONS, generateCorpus, vocabularyOf } from '../../src/generate/index.js';
import type { Report } from '../../src/model/report.js';
import { ROOT } from '../support/cli.js';
import { shippedRules } from '../support/rules.js';

const { rules } = shippedRules();
const v = vocabularyOf(rules);
if (E.isLeft(v)) throw new Error(v.left.join('; '));
const gated = extractReport(rules);
const ungated = extractReport(rules, { gate: false });

/** Prose of the kind that fills an article around its lead (written for this test). */
const PROSE: Readonly<Record<string, readonly string[]>> = {
  ar: [
    'ويواجه الأهالي شتاء قاسيا مع ارتفاع أسعار المحروقات وتراجع ساعات التغذية الكهربائية.',
    'وقال ناشطون إن الطرق بين القرى باتت شبه مقطوعة منذ مطلع الأسبوع.',
    'ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا التقرير.',
    'وتعرضت المدارس في الريف الشرقي لأضرار كبيرة خلال المعارك السابقة.',
  ],
  en: [
    'Residents face a harsh winter as fuel prices climb and power cuts grow longer.',
    'Activists said roads between the villages had been all but cut since the start of the week.',
    'There was no official comment by the time this report was filed.',
    'Schools in the eastern countryside were badly damaged in earlier fighting.',
  ],
};

const asReport = (r: { id: string; publishedAt: string | null; outlet: string | null; language: string; text: string }): Report => ({
  id: r.id, publishedAt: r.publishedAt, outlet: r.outlet, language: r.language, url: null, text: r.text, origin: r.id, coded: null,
});

const same = (r: Report): void => {
  expect(JSON.stringify(gated(r))).toBe(JSON.stringify(ungated(r)));
};

describe('the sentence gate changes no output', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 3, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.boolean()], { numRuns: 30 })(
    'generated reports, lengthened with prose or with the sentences of other reports',
    (seed, reports, extra, dense) => {
      const corpus = generateCorpus(v.right)({ ...DEFAULT_OPTIONS, seed, reports });
      const sentences = corpus.reports.flatMap((r) => r.text.split(/(?<=[.!؟?])\s+/u));
      corpus.reports.forEach((r, k) => {
        const more = Array.from({ length: extra }, (_, j) => {
          const prose = PROSE[r.language] ?? PROSE.en!;
          return dense && j % 3 !== 2 ? sentences[(k * 7 + j * 13 + seed) % sentences.length]! : prose[(k + j) % prose.length]!;
        });
        same(asReport({ ...r, text: [r.text, ...more].join(j2(extra)) }));
      });
    });

  it('real-length reports (the fixtures), as they are and repeated with prose between', () => {
    const dirs = ['seeds', 'corpus-dev'].map((d) => join(ROOT, 'fixtures', d));
    const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const language = /[\u0600-\u06FF]/u.test(text) ? 'ar' : 'en';
      same(asReport({ id: f, publishedAt: '2018-03-01', outlet: 'afp', language, text }));
      same(asReport({ id: f, publishedAt: null, outlet: null, language, text: [text, ...(PROSE[language] ?? []), text].join('\n\n') }));
    }
  });
});

/** Sentences joined on one line, or some on lines of their own. */
function j2(n: number): string {
  return n % 2 === 0 ? ' ' : '\n\n';
}
