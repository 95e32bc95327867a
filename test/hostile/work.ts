/**
 * Counting extraction's work, never its time: the token list extraction reads is wrapped
 * so every read of a token is counted (`tokens visited`), and so is every read of a list
 * the speaker scan keeps of source names. A test that uses it mocks src/extract/tokens.js
 * with `countingTokens` (vi.mock), then reads `work.visited`.
 */

import { SAID } from './fixtures.js';

export const work = { visited: 0, on: false };

/** A read-only view of an array that counts each element read while counting is on. */
export const counted = <T>(xs: readonly T[]): readonly T[] => new Proxy(xs as T[], {
  get(target, key, receiver) {
    if (work.on && typeof key === 'string' && key.length < 10 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) work.visited++;
    return Reflect.get(target, key, receiver) as unknown;
  },
});

/** Extraction's work on one input: tokens and speaker-list elements visited. */
export const measure = (f: () => void): number => {
  work.visited = 0;
  work.on = true;
  try { f(); } finally { work.on = false; }
  return work.visited;
};

/** Hostile generators: text of about n repeats of a unit. */
export const GENERATORS: Readonly<Record<string, (n: number) => string>> = {
  'repeated speaker phrase': (n) => `${SAID} `.repeat(n),
  'repeated speaker phrase without a complementizer': (n) => 'قال المرصد السوري لحقوق الإنسان '.repeat(n),
  'repeated claims in one sentence': (n) => `${SAID} 12 مدنيا قتلوا، `.repeat(n),
  'one long line of Arabic words': (n) => 'كلمة '.repeat(n * 4),
  'long runs of digits': (n) => `${'9'.repeat(50)} `.repeat(n),
  'digits and victim nouns': (n) => '12 مدنيا 3 أطفال و'.repeat(n),
  'Arabic letters without spaces': (n) => 'قتل'.repeat(n * 4),
  spaces: (n) => `${' '.repeat(n * 8)}${SAID} 5 مدنيين قتلوا.`,
  'English speaker phrase': (n) => 'the Syrian Observatory for Human Rights said that '.repeat(n),
};

