import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { LRI, PDI, RLI, cleanText, hasRtl, terminalText } from '../../src/render/bidi.js';

const show = (s: string): string => s.replaceAll(RLI, '<R>').replaceAll(LRI, '<L>').replaceAll(PDI, '</>');
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

describe('cleanText', () => {
  it('removes embeddings, overrides and isolates, turns line breaks into spaces and marks other controls', () => {
    expect(cleanText('a\u202Eb\u2066c\u2069\nd\te\u001b[31m')).toBe('abc d e\uFFFD[31m');
  });
});

describe('terminalText', () => {
  it('isolates a quote that starts in Arabic whole, with its numbers left to right inside', () => {
    expect(show(terminalText('قال المرصد إن 54 شخصا قتلوا'))).toBe('<R>قال المرصد إن <L>54</> شخصا قتلوا</>');
  });
  it('isolates only the Arabic runs of a line that starts in a left-to-right script', () => {
    expect(show(terminalText('SOHR said قتل 5 أشخاص in Raqqa, 12 dead'))).toBe('SOHR said <R>قتل <L>5</> أشخاص</> in Raqqa, 12 dead');
  });
  it('keeps Arabic-Indic digits and decimal separators in one left-to-right number', () => {
    expect(show(terminalText('٥٤ قتيلا و1,200 جريح'))).toBe('<R><L>٥٤</> قتيلا و<L>1,200</> جريح</>');
  });
  it('leaves text without right-to-left letters as it is (after cleaning)', () => {
    expect(terminalText('killed 54, \u202Eevil')).toBe('killed 54, evil');
  });
  propTest.prop([fc.string({ unit: 'binary' })])('for any text: no control characters, and the isolates it adds are balanced', (s) => {
    const out = terminalText(s);
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    let depth = 0;
    for (const ch of out) {
      if (ch === RLI || ch === LRI) depth++;
      if (ch === PDI) { depth--; expect(depth).toBeGreaterThanOrEqual(0); }
    }
    expect(depth).toBe(0);
    expect(out.replace(/[\u2066\u2067\u2069]/g, '')).toBe(cleanText(s));
    expect(hasRtl(s) ? out.includes(RLI) : !BIDI.test(out)).toBe(true);
  });
});
