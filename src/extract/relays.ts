/**
 * Who carries a claim to the reader: the source that states it, the outlet it told or
 * was quoted by ("told AFP"), the outlet a republished story came from ("originally
 * appeared on Reuters"), and the report's own outlet. A relay is not a second source
 * (DOMAIN.md, "Copying matters"): the chain shows it, `source` stays the origin.
 */
import type { Kit } from './kit.js';
import { nextToken } from './lexicon.js';
import type { Token } from './tokens.js';

const RELAY_KINDS = new Set(['outlet', 'agency', 'newspaper']);

/** The outlet a report says it republishes (rules: sources.copiedFrom), or null. */
export const copiedFrom = (kit: Kit, tokens: readonly Token[]): string | null => {
  for (let i = 0; i < tokens.length; i++) {
    const cue = kit.copiedFrom.matchAt(tokens, i);
    if (!cue) continue;
    for (let k = nextToken(tokens, cue.to, tokens.length), steps = 0; k < tokens.length && steps < 3; k = nextToken(tokens, k, tokens.length), steps++) {
      const m = kit.sources.matchAt(tokens, k);
      if (m && RELAY_KINDS.has(m.value.kind)) return m.value.id;
    }
  }
  return null;
};

/** source → relays → the report's outlet, without repeats or gaps. */
export const relayChain = (source: string, ...relays: readonly (string | null)[]): string[] => {
  const chain = [source];
  for (const r of relays) if (r && !chain.includes(r)) chain.push(r);
  return chain;
};
