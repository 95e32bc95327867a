/**
 * Developer tool (not a test): a digest of what the generator and the property-test texts
 * produce for fixed seeds, to show that a refactoring leaves them byte-identical.
 * `npx tsx test/generate/snapshot-tool.ts` prints one digest per line.
 */
import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { DEFAULT_OPTIONS, corpusFiles, generateCorpus, vocabularyOf } from '../../src/generate/index.js';
import { vocabularyOf as checkVocabularyOf } from '../../src/check/vocabulary.js';
import { textOf } from '../../src/check/text.js';
import { scenarioOf } from '../../src/check/arbitraries.js';
import { shippedRules } from '../support/rules.js';

const { rules } = shippedRules();
const digest = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
const v = vocabularyOf(rules);
if (E.isLeft(v)) throw new Error(v.left.join('; '));
for (const seed of [1, 7, 42]) {
  const corpus = generateCorpus(v.right)({ ...DEFAULT_OPTIONS, seed, reports: 300 });
  console.log(`generate seed ${seed}: ${digest(corpusFiles(seed, corpus))}`);
}
const cv = checkVocabularyOf(rules);
console.log(`check vocabulary: ${digest(cv)}`);
for (const l of cv.languages) console.log(`check text ${l.language}: ${digest(fc.sample(textOf(l), { seed: 5, numRuns: 300 }))}`);
console.log(`check scenarios: ${digest(fc.sample(scenarioOf(rules, cv), { seed: 5, numRuns: 100 }))}`);
