/**
 * The victims a figure counts: its head noun, and what refines it — an adjective ("سجينا
 * مدنيا", "civilian prisoners"), a side named after a partitive ("عناصر من التنظيم",
 * "fighters of ISIS") or before the head ("15 ISIS members"), modifiers between ("four
 * Syrian soldiers"), "others" of the claim before. All words come from the victims rules.
 */
import type { Group, Qualifier } from '../model/contract.js';
import type { Actor } from '../rules/schema.js';
import type { Head, Kit } from './kit.js';
import type { Lexicon } from './lexicon.js';
import { compileLexicon, nextToken, phraseSet } from './lexicon.js';
import type { Sentence, Token } from './tokens.js';

/** `outcomeNoun`: the head is an outcome noun ("50 wounded"), which names no people of its own;
 *  `qualifier`: one written between the head and its side ("22 مقاتلا على الأقل من الحشد الشعبي") */
export type Victim = { group: Group; affiliation: string | null; to: number; others: boolean; outcomeNoun?: true; qualifier?: Qualifier };

/** Sides combatants may belong to (contract actor ids). */
export const COMBATANT_SIDES = new Set(['isis', 'iran-backed', 'sdf', 'syrian-government', 'armed-opposition']);

/** A side-needing head with its side named after it by a partitive ("7 members of Hezbollah"), else nothing. */
const sidedByPartitive = (kit: Kit, tokens: readonly Token[], j: number, limit: number, sideAfter: (k: number) => { actor: Actor; to: number } | null): Victim | null => {
  const head = kit.heads.matchAt(tokens, j, limit);
  const p = head ? kit.partitive.matchAt(tokens, nextToken(tokens, head.to, limit), limit) : null;
  const side = p ? sideAfter(nextToken(tokens, p.to, limit)) : null;
  return side && COMBATANT_SIDES.has(side.actor.id) ? { group: 'combatants', affiliation: affiliationOf(side), to: side.to, others: false } : null;
};

/** What every reader of one sentence shares: the kit, its tokens, the sentence's end and the claim before. */
type Ctx = { readonly kit: Kit; readonly tokens: readonly Token[]; readonly s: Sentence; readonly limit: number; readonly previous: () => Victim | null };

/** `several`: a second side is joined to the first ("قوات النظام والميليشيات الموالية لإيران", "government
 *  forces and Iran-backed militias"): fighters of no one side. */
type Side = { actor: Actor; to: number; mixed: boolean; several?: boolean };

/** The affiliation a side gives its fighters: none when several sides are named together. */
const affiliationOf = (side: { readonly actor: Actor; readonly several?: boolean }): string | null => (side.several ? null : side.actor.id);

/** The token carries the language's conjunction clitic ("وعوائلهم", "والميليشيات"). */
const CONJUNCTIONS = new WeakMap<Kit, readonly string[]>();
/** The word carries a conjunction clitic ("وامرأة", "وآخر"; rules: script.conjunctionClitics, folded once per kit). */
export const conjoined = (kit: Kit, t: Token): boolean => {
  let cs = CONJUNCTIONS.get(kit);
  if (!cs) { cs = kit.lang.script.conjunctionClitics.map(kit.matcher.folding.fold); CONJUNCTIONS.set(kit, cs); }
  return cs.some((c) => t.text.startsWith(c));
};

/** A second side joined, at token n, to the first one, by a conjunction clitic or word: where it ends, or null. */
const joinedSide = (kit: Kit, tokens: readonly Token[], n: number, limit: number, first: Actor): { to: number; several: boolean } | null => {
  if (n >= limit || tokens[n]!.kind !== 'word') return null;
  const clitic = conjoined(kit, tokens[n]!);
  const joiner = clitic ? null : kit.sideJoiners.matchAt(tokens, n, limit);
  const at = clitic ? n : joiner ? nextToken(tokens, joiner.to, limit) : -1;
  const b = at >= 0 && at < limit ? kit.actors.matchAt(tokens, at, limit) : null;
  if (!b || !COMBATANT_SIDES.has(b.value.id)) return null;
  // "fighters of the YPG and the SDF": two names of one side, one affiliation
  if (b.value.id === first.id) return { to: b.to, several: false };
  const after = nextToken(tokens, b.to, limit);
  return after < limit && kit.sameSide.matchAt(tokens, after, limit) ? null : { to: b.to, several: true };
};

/** An actor named as a side after a partitive or "تابعة ل" within a few words; mixed when "and their families" follows. */
const sideAfter = ({ kit, tokens, limit }: Ctx, j: number): Side | null => {
  for (let k = j, steps = 0; k < limit && steps < 6; k++, steps++) {
    const a = kit.actors.matchAt(tokens, k, limit);
    if (a) {
      const n = nextToken(tokens, a.to, limit);
      const mixed = n < limit && kit.mixed.matchAt(tokens, n, limit) !== null && conjoined(kit, tokens[n]!);
      const second = mixed ? null : joinedSide(kit, tokens, n, limit, a.value);
      return second === null ? { actor: a.value, to: a.to, mixed } : { actor: a.value, to: second.to, mixed, ...(second.several ? { several: true } : {}) };
    }
    if (tokens[k]!.kind === 'punct' && !['"', "'"].includes(tokens[k]!.text)) return null;
    if (tokens[k]!.kind === 'number') return null;
    // "5 أشخاص في الإنزال الذي نفذته القوات الأمريكية": after a preposition or a relative the actor is
    // no side of the victims (rules: victims.sideStops)
    if (kit.sideStops.matchAt(tokens, k, limit)) return null;
  }
  return null;
};

/** Adjectives and sides after a head ("سجينا مدنيا", "عناصر من تنظيم الدولة", "تابعة لجيش النظام"). */
const refine = (ctx: Ctx, v: Victim): Victim => {
  const { kit, tokens, limit } = ctx;
  const n = nextToken(tokens, v.to, limit);
  const adj = n < limit ? kit.heads.matchAt(tokens, n, limit) : null;
  if (adj && adj.value.adjective && (v.group === 'all')) return { ...v, group: adj.value.group, to: adj.to };
  if (v.group !== 'combatants' && v.group !== 'all') return v;
  let k = n;
  // "22 مقاتلا على الأقل من فصائل X": a qualifier after the head, before its side
  const q = k < limit ? kit.qualAfter.matchAt(tokens, k, limit) : null;
  if (q) k = nextToken(tokens, q.to, limit);
  const from = q ? q.to : v.to;
  // a side named by its patron, link and all ("militiamen loyal to Tehran", "gunmen backed by Ankara"): a
  // name of the client (rules: actors' patrons), not the patron's own side the link would read
  const p = k < limit ? kit.partitive.matchAt(tokens, k, limit) : null;
  const client = p ? kit.actors.matchAt(tokens, k, limit) : null;
  if (client && COMBATANT_SIDES.has(client.value.id)) return { ...v, group: 'combatants', affiliation: client.value.id, to: client.to, ...(q ? { qualifier: q.value } : {}) };
  let linked = false;
  if (p) { k = nextToken(tokens, p.to, limit); linked = true; }
  for (let m = kit.memberWords.matchAt(tokens, k, limit); k < limit && m; m = kit.memberWords.matchAt(tokens, k, limit)) { k = nextToken(tokens, m.to, limit); linked = true; }
  if (kit.lang.victims.sideNeedsLink && !linked) return v;
  const side = sideAfter(ctx, k);
  return side && !side.mixed && side.to - from <= 6 ? { ...v, group: 'combatants', affiliation: affiliationOf(side), to: side.to, ...(q ? { qualifier: q.value } : {}) } : v;
};

/** A head noun at j: a side-needing head only with a side; an adjective head before another
 *  head refines it ("civilian prisoners"); a head that names a side takes it ("15 jihadists"). */
const headAt = (ctx: Ctx, j: number, side: Actor | null, heads: Lexicon<Head> = ctx.kit.heads): Victim | null => {
  const { kit, tokens, limit } = ctx;
  const h = heads.matchAt(tokens, j, limit);
  // a side's name that begins with the head ("fighters loyal to Iran", "militias backed by Turkey")
  const named = h && !side && (h.value.group === 'combatants' || h.value.needsSide) ? kit.actors.matchAt(tokens, j, limit) : null;
  if (h && named && named.to > h.to && COMBATANT_SIDES.has(named.value.id)) return { group: 'combatants', affiliation: named.value.id, to: named.to, others: false };
  if (!h || (h.value.needsSide && !side)) return null;
  // a nationality after an army head names whose army ("جنود أتراك")
  const nat = h.value.army ? kit.nationalities.matchAt(tokens, nextToken(tokens, h.to, limit), limit) : null;
  if (nat) return { group: 'combatants', affiliation: nat.value, to: nat.to, others: false };
  if (h.value.adjective) {
    const n = nextToken(tokens, h.to, limit);
    const h2 = n < limit ? kit.heads.matchAt(tokens, n, limit) : null;
    if (h2 && !h2.value.adjective && h2.value.group === 'all') return { group: h.value.group, affiliation: null, to: h2.to, others: false };
  }
  if (side && COMBATANT_SIDES.has(side.id) && (h.value.group === 'combatants' || h.value.group === 'all')) {
    return { group: 'combatants', affiliation: side.id, to: h.to, others: false };
  }
  const own = h.value.group === 'combatants' && h.value.affiliation === null
    ? kit.actors.allAt(tokens, j, h.to).find((a) => COMBATANT_SIDES.has(a.id)) : undefined;
  return refine(ctx, { group: h.value.group, affiliation: own?.id ?? h.value.affiliation, to: h.to, others: false });
};

/** A state's soldiers with a nation's adjective before them ("five Turkish soldiers") are that state's army. */
const armyOf = (heads: Lexicon<Head>, tokens: readonly Token[], k: number, limit: number, nation: Actor | null, v: Victim | null): Victim | null =>
  v && nation && v.group === 'combatants' && heads.matchAt(tokens, k, limit)?.value.army ? { ...v, affiliation: nation.id } : v;

/** A name's short gloss in brackets right after it ("Syrian Democratic Forces (SDF) fighters"): k is the
 *  first word inside (brackets are soft, nextToken passes them); the token after the closing
 *  bracket, else k. At most three words stand inside. */
const pastGloss = (tokens: readonly Token[], k: number, limit: number): number => {
  if (tokens[k - 1]?.text !== '(') return k;
  for (let j = k; j < Math.min(limit, k + 4); j++) {
    const t = tokens[j]!;
    if (t.text === ')') return j > k ? nextToken(tokens, j - 1, limit) : k;
    if (t.kind !== 'word') return k;
  }
  return k;
};

/** English order: modifiers and a side between the figure and its head ("four Syrian soldiers",
 *  "15 Islamic State members", "6 Iran-backed fighters"); `heads` are the nouns that may head it (a singular
 *  victim's own: "a Syrian officer"). */
const headAfterModifiers = (ctx: Ctx, j: number, heads: Lexicon<Head> = ctx.kit.heads): Victim | null => {
  const { kit, tokens, limit } = ctx;
  let k = j;
  let side: { value: Actor; to: number } | null = null;
  let nation: Actor | null = null;
  // where a modifier word may begin the head itself ("Syrian military personnel": "military personnel")
  const modified: number[] = [];
  for (let steps = 0; steps < 4 && k < limit; steps++) {
    const m = kit.modifiers.matchAt(tokens, k, limit);
    const a: { value: Actor; to: number } | null = kit.lang.victims.sideBeforeHead && !side ? kit.actors.matchAt(tokens, k, limit) ?? kit.actorAdjectives.matchAt(tokens, k, limit) : null;
    // the longer reading wins: "Turkish-backed" is a side, not "Turkish" + "backed"; "Syrian rebel" a modifier and a side
    if (a && (!m || a.to > m.to)) { side = a; k = pastGloss(tokens, nextToken(tokens, a.to, limit), limit); continue; }
    if (m) { nation ??= a?.to === m.to ? a.value : null; if (k > j) modified.push(k); k = nextToken(tokens, m.to, limit); continue; }
    break;
  }
  const headFrom = (at: number) => armyOf(heads, tokens, at, limit, nation ?? side?.value ?? null, headAt(ctx, at, side?.value ?? null, heads));
  let v = k > j && k < limit ? headFrom(k) : null;
  // the last modifier read may be the head's first word: the head that ends furthest on wins
  for (let n = modified.length - 1; !v && n >= 0; n--) v = headFrom(modified[n]!);
  if (v || !side || !COMBATANT_SIDES.has(side.value.id)) return v;
  // the side's own name ends in the head ("Iran-backed fighters")
  const last = kit.heads.matchAt(tokens, side.to, limit);
  return last && last.to === side.to && heads.matchAt(tokens, side.to, limit) ? { group: 'combatants', affiliation: side.value.id, to: side.to, others: false } : null;
};

/** A figure within the two tokens before k (its head between): "20 قتيلا مدنيا" — the adjective at k is that figure's. */
const figureJustBefore = ({ tokens, s }: Ctx, k: number): boolean => {
  for (let m = k - 1; m >= Math.max(s.from, k - 2); m--) if (tokens[m]!.kind === 'number') return true;
  return false;
};

/** "حصيلة القتلى المدنيين ... 13 قتيلا": the group named before an outcome head, unless it is another figure's
 *  own adjective ("20 قتيلا مدنيا و40 جريحا": the wounded are not said to be civilians). */
const groupBefore = (ctx: Ctx, j: number): Group => {
  const { kit, tokens, s } = ctx;
  for (let k = j - 1; k >= Math.max(s.from, j - 30); k--) {
    const h = kit.heads.matchAt(tokens, k, j);
    if (h && h.value.adjective) return figureJustBefore(ctx, k) ? 'all' : h.value.group;
  }
  return 'all';
};

/** After a partitive ("7 of the fighters of ISIS", "dozens of others"): a side, "others", or a head. */
const afterPartitive = (ctx: Ctx, partTo: number): Victim | null => {
  const { kit, tokens, limit } = ctx;
  const j = nextToken(tokens, partTo, limit);
  const side = sideAfter(ctx, j);
  const hh = kit.heads.matchAt(tokens, j, limit);
  // "dozens of others": people other than those counted before
  const oth = hh ? null : kit.others.matchAt(tokens, j, limit);
  if (oth && !side) return { group: 'all', affiliation: null, to: oth.to, others: true };
  if (side && !side.mixed) return { group: 'combatants', affiliation: affiliationOf(side), to: side.to, others: false };
  return hh ? refine(ctx, { group: hh.value.group, affiliation: hh.value.affiliation, to: hh.to, others: false }) : null;
};

/** "others" (آخرون): of the group of the claim before when the language says so, else people. */
const othersVictim = (ctx: Ctx, to: number): Victim => {
  const inherit = ctx.kit.lang.victims.othersInherit;
  const before = ctx.previous();
  const keep = before !== null && (!inherit || inherit.includes(before.group));
  return { group: keep ? before!.group : 'all', affiliation: keep ? before!.affiliation : null, to, others: true };
};

/** An outcome head or "others", then "من" + a side: "3 آخرين من التنظيم" takes the side named; "13 قتيلا ... من بينهم" keeps its group. */
const sidedAfterPartitive = (ctx: Ctx, v: Victim): Victim => {
  const { kit, tokens, limit } = ctx;
  const n = nextToken(tokens, v.to, limit);
  if (n >= limit || !kit.partitive.matchAt(tokens, n, limit)) return v;
  const k = nextToken(tokens, n, limit);
  const side = sideAfter(ctx, k);
  if (side) return side.mixed ? v : { ...v, group: 'combatants', affiliation: affiliationOf(side), to: side.to };
  // "4 آخرين من المدنيين", "13 قتيلا من الأطفال": the group named after the partitive
  const h = k < limit ? kit.heads.matchAt(tokens, k, limit) : null;
  return h && !h.value.needsSide && h.value.group !== 'all' ? { ...v, group: h.value.group, affiliation: h.value.affiliation, to: h.to, others: false } : v;
};

/** The group a figure ending at figTo names: head noun, refinements, sides. */
const victimAfterFigure = (ctx: Ctx, figTo: number): Victim | null => {
  const { kit, tokens, limit } = ctx;
  const j = nextToken(tokens, figTo, limit);
  if (j >= limit) return null;
  const direct = headAt(ctx, j, null);
  if (direct) return direct;
  const h = kit.heads.matchAt(tokens, j, limit);
  if (h?.value.needsSide) return sidedByPartitive(kit, tokens, j, limit, (k) => sideAfter(ctx, k));
  const before = headAfterModifiers(ctx, j);
  if (before) return before;
  if (h) return refine(ctx, { group: h.value.group, affiliation: h.value.affiliation, to: h.to, others: false });
  const oh = kit.outcomeHeads.matchAt(tokens, j, limit);
  if (oh) return sidedAfterPartitive(ctx, { group: groupBefore(ctx, j), affiliation: null, to: oh.to, others: false });
  const others = kit.others.matchAt(tokens, j, limit);
  if (others) return sidedAfterPartitive(ctx, othersVictim(ctx, others.to));
  const part = kit.partitive.matchAt(tokens, j, limit);
  return part ? afterPartitive(ctx, part.to) : null;
};

/** The determiners of the language's singular phrases ("a", "his") and the nouns after them, with their
 *  heads ("a commander" → "commander"); also read by the age phrases (src/extract/ages.ts). */
export type SingularNouns = { readonly determiners: Lexicon<true>; readonly nouns: Lexicon<Head> };
const SINGULAR_NOUNS = new WeakMap<Kit, SingularNouns>();
export const singularNounsOf = (kit: Kit): SingularNouns => {
  let made = SINGULAR_NOUNS.get(kit);
  if (made) return made;
  const dets = new Set(kit.lang.victims.ageDeterminers.map((d) => kit.matcher.words(d).join(' ')));
  const nouns = kit.lang.victims.heads.flatMap((h) => h.singular.map((p) => kit.matcher.words(p))
    .filter((ws) => ws.length > 1 && dets.has(ws[0]!))
    .map((ws) => ({ phrase: ws.slice(1).join(' '), value: { group: h.group, affiliation: h.affiliation, adjective: h.adjective, needsSide: h.needsSide, army: h.army, outcome: h.outcome ?? null } as Head })));
  made = { determiners: phraseSet(kit.matcher, kit.lang.victims.ageDeterminers), nouns: compileLexicon(kit.matcher, nouns) };
  SINGULAR_NOUNS.set(kit, made);
  return made;
};

/** The noun of a singular phrase at i ("commander" of "a commander"): a victim of one may be named there. */
export const singularNounAt = (kit: Kit, tokens: readonly Token[], i: number, limit: number): boolean => singularNounsOf(kit).nouns.matchAt(tokens, i, limit) !== null;

/** A determiner, then modifiers or a side before the noun of a singular phrase: one victim ("a senior
 *  commander", "an ISIS commander", "a Turkish soldier"); the plain phrases ("a commander") are the singular heads. */
const singularAfterModifiers = (ctx: Ctx, i: number): Victim | null => {
  const { kit, tokens, limit } = ctx;
  const sn = singularNounsOf(kit);
  const d = sn.determiners.matchAt(tokens, i, limit);
  return d ? headAfterModifiers(ctx, nextToken(tokens, d.to, limit), sn.nouns) : null;
};

/** Victim readers over one sentence; `previous` is the last whole claim's victims, for "others". */
export const victimReader = (kit: Kit, tokens: readonly Token[], s: Sentence, previous: () => Victim | null) => {
  const ctx: Ctx = { kit, tokens, s, limit: s.to, previous };
  const refineHead = (v: Victim, head?: Head): Victim => {
    const nat = head?.army ? kit.nationalities.matchAt(tokens, nextToken(tokens, v.to, s.to), s.to) : null;
    return nat ? { ...v, group: 'combatants', affiliation: nat.value, to: nat.to } : refine(ctx, v);
  };
  return { victimAfter: (figTo: number) => victimAfterFigure(ctx, figTo), refine: refineHead, singularAt: (i: number) => singularAfterModifiers(ctx, i) };
};
