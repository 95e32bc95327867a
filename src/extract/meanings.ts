/**
 * What a construction's match means: a closed registry keyed by what it builds (as
 * cluster/compare.ts keys its comparison levels). A toll phrase is a node other patterns
 * use; a claim is a new figure; a part is a part of the claim it follows ("eight of them
 * women"); an item is coordinated with the claim before it and shares its outcome
 * ("12 men, five women"); a revision is the source's earlier figure ("up from 18"); a
 * non-claim holds a figure that counts no casualties (a hypothetical, a count of sorties).
 */
import type { Group, Outcome, Qualifier } from '../model/contract.js';
import { Group as GroupEnum, Outcome as OutcomeEnum, Qualifier as QualifierEnum } from '../model/contract.js';
import type { Construction } from '../rules/language-schema.js';
import type { DraftClaim } from './claims.js';
import type { Capture, Match, Node } from './grammar.js';

type Field = NonNullable<Construction['fields']['outcome']>;

/** The value of a field: a literal, or what the slot it names carries. */
const fieldValue = (m: Match, f: Field | undefined, key: 'outcome' | 'group' | 'qualifier', claims: readonly DraftClaim[]): string | null => {
  if (f === undefined) return null;
  if (typeof f === 'string') return f;
  if (!('slot' in f)) return null;
  const cap = m.captures[f.slot];
  if (!cap) return null;
  if (cap.node) return cap.node.fields[key] ?? null;
  if (cap.claim !== undefined) return (claims[cap.claim] as Record<string, unknown>)[key] as string ?? null;
  if (cap.victim && key === 'group') return cap.victim.group;
  return cap.value ?? null;
};

const is = <T extends string>(values: readonly T[], v: string | null): v is T => v !== null && (values as readonly string[]).includes(v);

/** The claim a part, item or revision hangs on: its claim slot, else the nearest claim that starts before it. */
const baseOf = (m: Match, claims: readonly DraftClaim[]): number | null => {
  const cap = m.captures.find((c) => c?.claim !== undefined);
  if (cap) return cap.claim!;
  let best: number | null = null;
  claims.forEach((c, k) => { if (c.from < m.from && (best === null || claims[best]!.from <= c.from)) best = k; });
  return best;
};

/** The span a claim quotes: its own slots, not the claim it hangs on. */
const spanOf = (m: Match): [number, number] => {
  const own = m.captures.filter((c): c is Capture => c !== null && c.claim === undefined && c.node === undefined);
  const fig = own.find((c) => c.figure || c.few !== undefined)!;
  return [fig.from, Math.max(...own.map((c) => c.to))];
};

export type Built = { readonly claims: readonly DraftClaim[]; readonly node: Node | null };

/** What the meanings need of the language: the groups whose "others" are others of the same group. */
export type MeaningContext = {
  readonly othersInherit: readonly string[] | null;
  /** groups that hold others (rules: victims.joint), for a `joint` group field */
  readonly joint?: Readonly<Record<string, readonly string[]>>;
  /** a counted noun (a victim or an outcome noun: "جريحا", "wounded") right after the figure ending at this token */
  readonly nounAfter?: (figTo: number) => boolean;
};

/** "and 9 others": people other than the whole claim before, of its group when the language says so. */
const othersOf = (m: Match, claims: readonly DraftClaim[], ctx: MeaningContext): { group: string; affiliation: string | null } => {
  const whole = [...claims].filter((c) => c.partOf === null && c.from < m.from).sort((a, b) => a.from - b.from).pop();
  const keep = whole !== undefined && (ctx.othersInherit === null || ctx.othersInherit.includes(whole.group));
  return keep ? { group: whole!.group, affiliation: whole!.affiliation } : { group: 'all', affiliation: null };
};

const NONE: Built = { claims: [], node: null };

/** A toll phrase node: the fields it names. */
const buildToll = (m: Match, claims: readonly DraftClaim[]): Built => {
  const f = m.construction.fields;
  const victim = m.captures.find((c) => c?.victim)?.victim ?? null;
  const group = fieldValue(m, f.group, 'group', claims) ?? victim?.group ?? null;
  return {
    claims: [],
    node: {
      type: 'toll', rule: m.construction.id, from: m.from, to: m.to,
      fields: { outcome: fieldValue(m, f.outcome, 'outcome', claims), group, affiliation: victim?.affiliation ?? null, qualifier: fieldValue(m, f.qualifier, 'qualifier', claims) },
    },
  };
};

/** The group of one figure over the victims of two slots: theirs when they are of one group (of
 *  one side, else of none), else the group that holds both, else people of no group said. */
const jointOf = (m: Match, f: Field | undefined, ctx: MeaningContext): { group: string; affiliation: string | null } | 'none' | null => {
  if (typeof f !== 'object' || !('joint' in f)) return null;
  const [a, b] = f.joint.map((k) => m.captures[k]?.victim);
  // "killed 14 women and wounded 20": an outcome noun is no second set of people
  if (!a || !b || a.outcomeNoun || b.outcomeNoun) return 'none';
  if (a.group === b.group) return { group: a.group, affiliation: a.affiliation === b.affiliation ? a.affiliation : null };
  const holder = Object.entries(ctx.joint ?? {}).find(([, gs]) => gs.includes(a.group) && gs.includes(b.group));
  return { group: holder?.[0] ?? 'all', affiliation: null };
};

/** "killed 11 people, all of them fighters": a part that counts the whole claim before it, of the group
 *  its victim phrase names (rules: a part's `value: whole`). A whole of that group already says so. */
const buildAllOf = (m: Match, claims: readonly DraftClaim[]): Built => {
  const base = baseOf(m, claims);
  if (base === null) return NONE;
  const at = claims[base]!.partOf ?? base;
  const whole = claims[at]!;
  const victim = m.captures.find((c) => c?.victim)?.victim ?? null;
  if (!victim || victim.group === 'all' || victim.group === whole.group || whole.value === null) return NONE;
  const own = m.captures.filter((c): c is Capture => c !== null && c.claim === undefined);
  const from = Math.min(...own.map((c) => c.from)), to = Math.max(...own.map((c) => c.to));
  return {
    claims: [{
      outcome: whole.outcome, group: victim.group as Group, affiliation: victim.group === 'combatants' ? victim.affiliation : null,
      value: whole.value, vagueMin: null, qualifier: whole.qualifier, from, to, partOf: at, rule: m.construction.id,
    }],
    node: null,
  };
};

/** Claims of a figure (two for a range), with the outcome, group and part-of the kind gives them. */
const buildClaims = (m: Match, claims: readonly DraftClaim[], ctx: MeaningContext): Built => {
  const kind = m.construction.builds;
  const f = m.construction.fields;
  if (kind === 'part' && f.value === 'whole') return buildAllOf(m, claims);
  const figCap = m.captures.find((c) => c?.figure || c?.few !== undefined);
  if (!figCap) return NONE;
  const base = kind === 'claim' ? null : baseOf(m, claims);
  if (kind !== 'claim' && base === null) return NONE;
  const b = base === null ? null : claims[base]!;
  // the group named by the figure's own victim ("a Syrian officer and two civilians": the officer's) keeps its side
  const ownGroup = typeof f.group === 'object' && 'slot' in f.group && m.captures[f.group.slot] === figCap;
  const read = (ownGroup ? figCap.victim : undefined) ?? m.captures.find((c) => c?.victim && c !== figCap)?.victim ?? figCap.victim ?? null;
  const victim = read?.others ? { ...read, ...othersOf(m, claims, ctx) } as typeof read : read;
  const outcome = fieldValue(m, f.outcome, 'outcome', claims) ?? b?.outcome ?? null;
  const node = m.captures.find((c) => c?.node)?.node ?? null;
  // a victim phrase that names a group wins, then the toll phrase's, then the claim it hangs on
  const named = victim && victim.group !== 'all' ? victim.group : null;
  const joint = jointOf(m, f.group, ctx);
  if (joint === 'none') return NONE;
  const group = joint?.group ?? fieldValue(m, f.group, 'group', claims) ?? named ?? node?.fields.group ?? (victim || kind === 'claim' ? null : b?.group ?? null) ?? 'all';
  const nodeAff = node?.fields.affiliation ?? null;
  const affiliation = joint ? joint.affiliation : victim ? victim.affiliation : kind === 'claim' ? nodeAff : b?.affiliation ?? null;
  if (!is(OutcomeEnum.options, outcome) || !is(GroupEnum.options, group)) return NONE;
  const partOf = kind === 'part' ? (b!.partOf ?? base) : kind === 'claim' ? null : b!.partOf;
  const fig = figCap.figure;
  const value = fig ? fig.value : figCap.few!;
  const lent = fieldValue(m, f.qualifier, 'qualifier', claims);
  // a range's low end is at-least whatever a link verb lends: the range says more than the verb
  const qualifier: Qualifier = value === null ? 'vague' : fig?.qualifier ?? (fig?.upper ? 'at-least' : is(QualifierEnum.options, lent) ? lent : read?.qualifier ?? 'exact');
  const [from, to] = spanOf(m);
  // a figure that opens its clause as a subject with no victim noun ("... were killed and three
  // wounded") has the subject's head gapped: it shares the noun, so the group, of the whole claim
  // before it (where "others" name people other than those, of no group said). An object left bare
  // ("and injured 20") is not gapped, nor a figure with a noun of its own ("20 قتيلا مدنيا و40 جريحا").
  const subject = m.captures.find((c) => c !== null) === figCap;
  const elided = subject && kind === 'claim' && read === null && node === null && fig !== undefined && group === 'all' && fieldValue(m, f.group, 'group', claims) === null
    && !(ctx.nounAfter?.(figCap.to) ?? false);
  const one: DraftClaim = {
    outcome: outcome as Outcome, group: group as Group, affiliation: group === 'combatants' ? affiliation : null,
    value, vagueMin: fig?.vagueMin ?? null, qualifier, from, to, partOf, rule: node ? `${m.construction.id}(${node.rule})` : m.construction.id,
    ...(kind === 'revision' ? { superseded: true } : {}),
    ...(read?.others && group === victim!.group ? { others: true as const } : {}),
    ...(elided ? { elided: true as const } : {}),
    ...(f.affiliation === 'speaker' ? { ownSide: true as const } : {}),
  };
  if (!fig?.upper) return { claims: [one], node: null };
  return { claims: [one, { ...one, value: fig.upper.value, qualifier: 'up-to', from: fig.upper.from }], node: null };
};

/** The registry: what each kind of construction builds from its match. */
export const MEANINGS: Readonly<Record<Construction['builds'], (m: Match, claims: readonly DraftClaim[], ctx: MeaningContext) => Built>> = {
  'toll': buildToll,
  'claim': buildClaims,
  'part': buildClaims,
  'item': buildClaims,
  'revision': buildClaims,
  'non-claim': () => NONE,
};
