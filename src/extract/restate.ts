/**
 * Claims a report restates. A news outlet's headline repeats the body's claim in its voice
 * ("Strikes kill 44 civilians" above "..., the Observatory said"): it is the body's
 * source's claim, not a second source (a source's own headline, SANA's or SOHR's, is its own). A figure recalled as earlier ("had earlier reported
 * 18", "كان قد ذكر في وقت سابق") is superseded by the same source's current figure.
 */
import type { Stance, TollClaim } from '../model/claim.js';

export type SentenceClaims = {
  readonly claims: readonly TollClaim[];
  /** the report's first line, standing alone */
  readonly headline: boolean;
  /** per claim: it follows a cue recalling earlier reporting (rules: events.past) */
  readonly recalled: readonly boolean[];
};

const sameFigure = (a: TollClaim, b: TollClaim): boolean =>
  a.outcome === b.outcome && a.group === b.group && a.affiliation === b.affiliation && a.value === b.value;

/**
 * The stances of one event mention: a headline's stance in the outlet's voice is the body's
 * (same actor, named source); a headline that also names another event's doer ("... as Russian
 * jets hit nearby town") keeps it out of this event when the body blames someone else.
 */
export const restateStances = (voice: string | null, sentences: readonly { stances: readonly Stance[]; headline: boolean }[]): { kept: Stance[]; dropped: Stance[] } => {
  const body = sentences.filter((s) => !s.headline).flatMap((s) => s.stances);
  const kept: Stance[] = [], dropped: Stance[] = [];
  for (const s of sentences) {
    for (const st of s.stances) {
      if (!s.headline || voice === null || st.source !== voice) { kept.push(st); continue; }
      const like = body.find((b) => b.actor === st.actor && b.source !== voice);
      if (like) kept.push({ ...st, source: like.source, via: like.via, ...(like.relayChain ? { relayChain: like.relayChain } : {}) });
      else if (body.some((b) => b.actor !== st.actor)) dropped.push(st);
      else kept.push(st);
    }
  }
  return { kept, dropped };
};

/**
 * A headline figure the body states again, for the same source, is one claim said twice: the
 * body's statement is kept, with the headline's listed in its `restatements`.
 */
const sayOnce = (sentences: readonly SentenceClaims[], claims: readonly TollClaim[][]): TollClaim[] => {
  const body = claims.flatMap((cs, k) => (sentences[k]!.headline ? [] : cs));
  const again = new Map<TollClaim, { quote: string; span: TollClaim['span'] }[]>();
  const kept: TollClaim[] = [];
  // a part of a headline figure said again is a part of the body's
  const moved = new Map<string, string>();
  claims.forEach((cs, k) => {
    for (const c of cs) {
      const same = sentences[k]!.headline && c.value !== null && !c.superseded
        ? body.find((b) => !b.superseded && b.source === c.source && sameFigure(b, c)) : undefined;
      if (same) { again.set(same, [...(again.get(same) ?? []), { quote: c.quote, span: c.span }]); moved.set(c.id, same.id); }
      else kept.push(c);
    }
  });
  return kept.map((c) => {
    const r = again.get(c);
    const whole = c.partOf !== null && moved.has(c.partOf) ? { partOf: moved.get(c.partOf)! } : {};
    return r || whole.partOf ? { ...c, ...whole, ...(r ? { restatements: [...(c.restatements ?? []), ...r] } : {}) } : c;
  });
};

/** The claims of one event mention, with headline voices and recalled figures resolved, each said once. */
export const restateClaims = (voice: string | null, sentences: readonly SentenceClaims[]): TollClaim[] =>
  sayOnce(sentences, resolveVoices(voice, sentences));

const resolveVoices = (voice: string | null, sentences: readonly SentenceClaims[]): TollClaim[][] => {
  const body = sentences.filter((s) => !s.headline).flatMap((s) => s.claims);
  const named = body.filter((c) => c.source !== voice);
  const current = sentences.filter((s) => !s.headline).flatMap((s) => s.claims.filter((_, i) => !s.recalled[i]));
  return sentences.map((s) => s.claims.map((c, i): TollClaim => {
    if (s.headline && voice !== null && c.source === voice) {
      const like = named.find((b) => sameFigure(b, c)) ?? (c.value === null ? named.find((b) => b.outcome === c.outcome) : undefined);
      return like ? { ...c, source: like.source, via: like.via, ...(like.relayChain ? { relayChain: like.relayChain } : {}) } : c;
    }
    if (s.recalled[i] && !c.superseded && current.some((b) => b.source === c.source && b.outcome === c.outcome && b.value !== null && b.value !== c.value)) {
      return { ...c, superseded: true };
    }
    return c;
  }));
};
