/**
 * Casualty claims of one sentence as the constructions read them (src/extract/constructions.ts),
 * before the report's speakers and spans are attached, and the side a pronoun claim refers to.
 */
import type { Group, Outcome, Qualifier } from '../model/contract.js';
import type { Actor } from '../rules/schema.js';
import type { Kit } from './kit.js';
import { prevToken } from './lexicon.js';
import type { Token } from './tokens.js';
import { COMBATANT_SIDES } from './victims.js';

export type DraftClaim = {
  readonly outcome: Outcome;
  readonly group: Group;
  readonly affiliation: string | null;
  readonly value: number | null;
  readonly vagueMin: number | null;
  readonly qualifier: Qualifier;
  /** token range of the quote */
  readonly from: number;
  readonly to: number;
  /** index of the claim (in this sentence) this one is a part of */
  readonly partOf: number | null;
  /** the source's earlier figure, revised in this sentence ("risen to 31, up from 18") */
  readonly superseded?: boolean;
  /** the construction that read it (rules/languages/<lang>/constructions.yaml) */
  readonly rule?: string;
  /** its victim noun is "others" (آخرون): people other than the whole claim before it */
  readonly others?: true;
  /** it has no victim noun of its own, gapped from the whole claim before it ("... died and four were hurt") */
  readonly elided?: true;
  /** its victims are the speaker's own ("four of its fighters"): of the side the speaker speaks for */
  readonly ownSide?: true;
};

/** The last side named before i in the sentence that is not named as the doer. */
export const sideBefore = (kit: Kit, tokens: readonly Token[], from: number, i: number): Actor | null => {
  const found = kit.actors.findAll(tokens, from, i).filter((m) => {
    const p = prevToken(tokens, m.from, from);
    return !(p >= from && (kit.doerBefore.matchAt(tokens, p, m.from) || kit.doerBefore.matchAt(tokens, Math.max(from, p - 1), m.from)));
  });
  const lastSide = found.filter((m) => COMBATANT_SIDES.has(m.value.id)).pop();
  return lastSide ? lastSide.value : null;
};
