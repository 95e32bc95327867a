/**
 * What a stance construction's match means: a closed registry keyed by what it builds.
 * A doer is the agent the pattern names (an active subject, a "by X" passive, an attack
 * noun's possessor or adjective); a denial is the speaker's; an accusation names the accused;
 * an acknowledgement is the speaker's own side's strike; an assessment is a belligerent's
 * word on civilian harm, which is no stance on who struck; a no-stance (a conditional, a
 * question) leaves nothing after it in the sentence a stance; a background names actors that
 * are no doer there (a victim, an offensive named as the setting).
 */
import type { HarmAssessmentKind, StanceKind } from '../model/contract.js';
import type { StanceConstruction } from '../rules/stance-schema.js';
import type { Match } from './grammar.js';
import { boundaryAt } from './grammar.js';
import type { StanceScene } from './stance-grammar.js';
import { ACTOR, SOURCE } from './stance-grammar.js';
import { speakerAt } from './speakers.js';
import { slugOf } from './speaker-names.js';
import { withoutArticles } from './speaker-kit.js';

export type DraftStance = {
  readonly actor: string;
  readonly stance: StanceKind;
  readonly source: string;
  readonly via: string | null;
  readonly from: number;
  readonly to: number;
  /** the construction that read it, or "core" */
  readonly rule?: string;
};

export type DraftAssessment = {
  readonly actor: string;
  readonly assessment: HarmAssessmentKind;
  readonly source: string;
  readonly via: string | null;
  readonly from: number;
  readonly to: number;
  readonly rule: string;
};

/** What one match built, and the span where no procedure may read another stance. */
export type StanceBuilt = {
  readonly stances: readonly DraftStance[];
  readonly assessments: readonly DraftAssessment[];
  /** [from, to] and the actors it settles (null: every actor) */
  readonly cover: {
    readonly from: number; readonly to: number; readonly actors: ReadonlySet<string> | null; readonly kinds?: readonly StanceKind[];
    /** besides: this actor named as a doer there by another speaker (the side that assessed is no doer of its own sentence) */
    readonly side?: string;
    /** a conditional or a question: no stance from `from` to the sentence's end, whoever read it */
    readonly silences?: true;
  } | null;
};

const NOTHING: StanceBuilt = { stances: [], assessments: [], cover: null };

const valueAt = (m: Match, slot: number): string | null => m.captures[slot]?.value ?? null;
/** The actors the slots name, not inside a source's name ("وزارة الدفاع الروسية" names a speaker, not a doer). */
const actorsOf = (x: StanceScene, m: Match, c: StanceConstruction): string[] => (c.fields.actors ?? []).flatMap((k) => {
  const cap = m.captures[k];
  const v = cap?.value;
  const named = [...x.speakers.aliasSpans, ...x.kit.sources.findAll(x.tokens, x.s.from, x.s.to).map((n) => [n.from, n.to] as const)];
  if (!cap || !v?.startsWith(ACTOR) || named.some(([a, b]) => cap.from >= a && cap.to <= b && !(cap.from === a && cap.to === b))) return [];
  return [v.slice(ACTOR.length)];
}).filter((a, _, all) => a !== UNKNOWN || all.every((b) => b === UNKNOWN));

/** The contract's actor for a doer nobody names ("warplanes"): it gives way to an actor the match names ("warplanes ... Russian"). */
const UNKNOWN = 'unknown';

/** Who speaks: the source slot (a source, or an actor or capital for the source that speaks for it), else the sentence's speaker. */
const speakerOf = (x: StanceScene, m: Match, c: StanceConstruction): { source: string; via: string | null } | null => {
  // a speaker named after what it said ("Reports that ... are false, the ministry said") speaks from the sentence's end
  const at = speakerAt(x.speakers, m.from, x.voice);
  const sp = at.kind === 'voice' ? speakerAt(x.speakers, x.s.to - 1, x.voice) : at;
  const v = c.fields.source === undefined ? null : valueAt(m, c.fields.source);
  if (v?.startsWith(SOURCE)) return { source: v.slice(SOURCE.length), via: sp.via };
  if (v?.startsWith(ACTOR)) {
    const speaker = x.kit.actorsById.get(v.slice(ACTOR.length))?.speaker;
    return speaker ? { source: speaker, via: sp.via } : null;
  }
  // a noun naming a kind of source ("the ministry") names again the latest source of that kind
  const again = v ? [...x.speakers.context.named].reverse().find((n) => n.types?.includes(v)) : undefined;
  if (again) return { source: again.id, via: sp.via };
  return { source: sp.source, via: sp.via };
};

/** The side a source speaks for, if any. */
const sideOf = (x: StanceScene, source: string): string | null => x.kit.sourcesById.get(source)?.speaksFor[0] ?? null;

/** The start of the clause holding token i. */
const clauseStart = (x: StanceScene, i: number): number => {
  let k = i;
  while (k > x.s.from && !boundaryAt(x.compiled.grammar, x.scene, k - 1)) k--;
  return k;
};

/** A hedge in the match's clause, up to its end: "likely" or "possible" (classes of the same names). */
const hedgeOf = (x: StanceScene, m: Match): StanceKind | null => {
  const likely = x.compiled.grammar.classes.get('likely');
  const possible = x.compiled.grammar.classes.get('possible');
  for (let k = clauseStart(x, m.from); k <= m.to; k++) {
    if (likely?.matchAt(x.tokens, k, x.s.to)) return 'likely';
    if (possible?.matchAt(x.tokens, k, x.s.to)) return 'possible';
  }
  return null;
};

/** Actors named inside the match (by alias or adjective): what a denial of "reports that Russian jets struck" denies. */
const actorsInside = (x: StanceScene, m: Match): string[] => {
  const found = [...x.kit.actors.findAll(x.tokens, m.from, m.to + 1), ...x.kit.actorAdjectives.findAll(x.tokens, m.from, m.to + 1)];
  return [...new Set(found.filter((a) => a.to <= m.to).sort((a, b) => a.from - b.from).map((a) => a.value.id))];
};

const stance = (c: StanceConstruction, m: Match, who: { source: string; via: string | null }, actor: string, kind: StanceKind): DraftStance =>
  ({ actor, stance: kind, source: who.source, via: who.via, from: m.from, to: m.to, rule: c.id });

const doer = (x: StanceScene, m: Match, c: StanceConstruction): StanceBuilt => {
  const who = speakerOf(x, m, c);
  const actors = actorsOf(x, m, c);
  if (!who || !actors.length) return NOTHING;
  const hedge = c.fields.stance ?? hedgeOf(x, m);
  const kindFor = (a: string): StanceKind => hedge ?? (x.kit.sourcesById.get(who.source)?.speaksFor.includes(a) ? 'acknowledges' : 'asserts');
  // a denial the procedure reads of the same actors is not settled: a negated doer is denied ("no Turkish or Russian drones")
  return { stances: actors.map((a) => stance(c, m, who, a, kindFor(a))), assessments: [], cover: { from: m.from, to: m.to, actors: new Set(actors), kinds: NAMING } };
};

/** What a doer's match settles: every stance but a denial. */
const NAMING: readonly StanceKind[] = ['asserts', 'likely', 'possible', 'acknowledges'];

const denial = (x: StanceScene, m: Match, c: StanceConstruction): StanceBuilt => {
  const who = speakerOf(x, m, c);
  if (!who) return NOTHING;
  const named = actorsOf(x, m, c);
  const inside = named.length ? named : actorsInside(x, m).filter((a) => a !== x.kit.sourcesById.get(who.source)?.id);
  const own = sideOf(x, who.source);
  const actors = inside.length ? inside : own ? [own] : [];
  if (!actors.length) return NOTHING;
  return { stances: actors.map((a) => stance(c, m, who, a, 'denies')), assessments: [], cover: { from: m.from, to: m.to, actors: null } };
};

const accusation = (x: StanceScene, m: Match, c: StanceConstruction): StanceBuilt => {
  const who = speakerOf(x, m, c);
  const actors = actorsOf(x, m, c);
  if (!who || !actors.length) return NOTHING;
  const kind = c.fields.stance ?? hedgeOf(x, m) ?? 'asserts';
  // the accuser's own side is no doer of its accusation ("was blamed on Turkish drones by the SDF")
  const side = sideOf(x, who.source);
  return { stances: actors.map((a) => stance(c, m, who, a, kind)), assessments: [], cover: { from: m.from, to: m.to, actors: new Set(actors), ...(side && !actors.includes(side) ? { side } : {}) } };
};

/** "وتبنى تنظيم الدولة الهجوم", "ISIS claimed the attack": an actor no source speaks for (rules: actors without
 *  `speaker`) acknowledges in its own name, as the unlisted source its name makes (as a claim's speaker would). */
const ownVoice = (x: StanceScene, m: Match, c: StanceConstruction): { source: string; via: string | null; actor: string } | null => {
  if (c.fields.source === undefined) return null;
  const v = valueAt(m, c.fields.source);
  const cap = m.captures[c.fields.source];
  if (!v?.startsWith(ACTOR) || !cap) return null;
  const actor = v.slice(ACTOR.length);
  if (x.kit.actorsById.get(actor)?.speaker) return null;
  // the name's words, without an article it begins with ("the Islamic State group"), as a speaker's name is cut
  const words = withoutArticles(x.kit, x.tokens.slice(cap.from, cap.to + 1).filter((t) => t.kind === 'word').map((t) => t.text));
  const slug = slugOf(words.join(' '), x.kit.matcher.folding.fold);
  return slug ? { source: `unlisted:${slug}`, via: speakerAt(x.speakers, m.from, x.voice).via, actor } : null;
};

const acknowledgement = (x: StanceScene, m: Match, c: StanceConstruction): StanceBuilt => {
  const self = ownVoice(x, m, c);
  if (self) {
    const kind = c.fields.stance ?? hedgeOf(x, m) ?? 'acknowledges';
    return { stances: [stance(c, m, self, self.actor, kind)], assessments: [], cover: { from: m.from, to: m.to, actors: new Set([self.actor]) } };
  }
  const who = speakerOf(x, m, c);
  const own = who ? sideOf(x, who.source) : null;
  if (!who || !own) return NOTHING;
  if (c.fields.belligerent && x.kit.sourcesById.get(who.source)?.kind !== 'belligerent') return NOTHING;
  const kind = c.fields.stance ?? hedgeOf(x, m) ?? 'acknowledges';
  return { stances: [stance(c, m, who, own, kind)], assessments: [], cover: { from: m.from, to: m.to, actors: new Set([own]) } };
};

const assessment = (x: StanceScene, m: Match, c: StanceConstruction): StanceBuilt => {
  const who = speakerOf(x, m, c);
  const own = who ? sideOf(x, who.source) : null;
  if (!who || !own || !c.fields.assessment) return NOTHING;
  const a: DraftAssessment = { actor: own, assessment: c.fields.assessment, source: who.source, via: who.via, from: m.from, to: m.to, rule: c.id };
  // an assessment is no stance on who struck: a denial read there by the procedure gives way ("no evidence of civilian harm"),
  // and so does the assessing side named as a doer ("the army declined to comment on the strike that killed")
  return { stances: [], assessments: [a], cover: { from: m.from, to: m.to, actors: null, kinds: ['denies'], side: own } };
};

/** A conditional or a question: nothing from it to the sentence's end (or in the whole sentence) is a stance. */
const noStance = (x: StanceScene, m: Match, c: StanceConstruction): StanceBuilt =>
  ({ stances: [], assessments: [], cover: { from: c.fields.scope === 'sentence' ? x.s.from : m.from, to: x.s.to, actors: null, silences: true } });

/** Every stance kind: what a background settles of the actors it names. */
const ALL_KINDS: readonly StanceKind[] = ['asserts', 'likely', 'possible', 'acknowledges', 'denies'];

/** A background ("Turkish troops killed in", "amid the regime offensive"): the actors named in it are no doer there. */
const background = (x: StanceScene, m: Match, c: StanceConstruction): StanceBuilt => {
  const named = [...new Set([...actorsOf(x, m, c), ...actorsInside(x, m)])];
  return named.length ? { stances: [], assessments: [], cover: { from: m.from, to: m.to, actors: new Set(named), kinds: ALL_KINDS } } : NOTHING;
};

export const STANCE_MEANINGS: Readonly<Record<StanceConstruction['builds'], (x: StanceScene, m: Match, c: StanceConstruction) => StanceBuilt>> = {
  'doer': doer,
  'denial': denial,
  'accusation': accusation,
  'acknowledgement': acknowledgement,
  'assessment': assessment,
  'no-stance': noStance,
  'background': background,
};
