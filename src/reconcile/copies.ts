/**
 * Copies: a sentence that appears word for word in two reports of one incident was copied
 * from the earlier report (a wire republished without saying so). A claim or stance the copy
 * states in its own voice is the original's, relayed: one source, counted once for `best` and
 * the grade (DOMAIN.md, "Copying matters"), with the relay chain running through the copy.
 */
import type { Mention, Stance, TollClaim } from '../model/claim.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Said = Pick<TollClaim, 'source' | 'via' | 'relayChain' | 'reportId'> & { readonly sentenceKey?: string };

/** The chain of a copy: the original's chain, then the copy's own relays. */
const through = (original: Said, copy: Said): string[] => {
  const chain = [...(original.relayChain ?? [original.source])];
  for (const r of (copy.relayChain ?? [copy.source]).slice(1)) if (!chain.includes(r)) chain.push(r);
  if (copy.relayChain?.length === 1 && !chain.includes(copy.source)) chain.push(copy.source);
  return chain;
};

const rewrite = <T extends Said>(item: T, original: T | undefined): T => {
  if (!original || original.reportId === item.reportId) return item;
  const voice = (item.relayChain?.length ?? 0) === 1;
  if (!voice && item.source !== original.source) return item;
  const chain = through(original, item);
  const { sourceName: _own, ...rest } = item as typeof item & { sourceName?: string };
  const name = (original as { sourceName?: string }).sourceName;
  return { ...rest, source: original.source, ...(name ? { sourceName: name } : {}), via: chain[1] ?? null, relayChain: chain } as unknown as T;
};

/** Mentions with copied sentences' claims and stances given back to their original source. */
export const attributeCopies = (mentions: readonly Mention[]): Mention[] => {
  const ordered = [...mentions].sort((p, q) => cmp(p.publishedAt ?? '9999', q.publishedAt ?? '9999') || cmp(p.reportId, q.reportId) || cmp(p.id, q.id));
  const firstClaim = new Map<string, TollClaim>();
  const firstStance = new Map<string, Stance>();
  const claimKey = (c: TollClaim) => `${c.sentenceKey}|${c.outcome}/${c.group}/${c.affiliation ?? ''}|${c.value}`;
  const stanceKey = (s: Stance) => `${s.sentenceKey}|${s.actor}|${s.stance}`;
  for (const m of ordered) {
    for (const c of m.claims) if (c.sentenceKey && !firstClaim.has(claimKey(c))) firstClaim.set(claimKey(c), c);
    for (const s of m.stances) if (s.sentenceKey && !firstStance.has(stanceKey(s))) firstStance.set(stanceKey(s), s);
  }
  if (!firstClaim.size && !firstStance.size) return [...mentions];
  return mentions.map((m) => ({
    ...m,
    claims: m.claims.map((c) => (c.sentenceKey ? rewrite(c, firstClaim.get(claimKey(c))) : c)),
    stances: m.stances.map((s) => (s.sentenceKey ? rewrite(s, firstStance.get(stanceKey(s))) : s)),
  }));
};
