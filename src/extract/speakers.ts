/**
 * Who speaks where in a sentence: speech verbs with the source named after (VSO) or
 * before (SVO, possibly before an aside) them, pronouns that continue the last speaker,
 * "according to" phrases, relays ("لوكالة فرانس برس", "told AFP") and quoted origins
 * ("نقلا عن"). Claims and stances take the nearest speaker before them; a reporting clause
 * after a comma ("..., the monitor said") also speaks for what comes before it.
 *
 * The world is open: the subject of a speech verb that no source lists is a source of its
 * own (`unlisted:<slug>`, its name as written); a person named by title speaks for the
 * organisation of the title ("X, a spokesman for Y"), and the report remembers it; generic
 * names ("the monitor", "الوزارة") refer back to the last source of a compatible type.
 * The readers are small functions over one sentence's Reading: names (speaker-names.ts),
 * candidates (speaker-candidates.ts), a verb's subject and reach (speaker-clauses.ts), and
 * the word classes they read with (speaker-kit.ts, from rules/languages/<lang>/sources.yaml).
 *
 * Every lookup is bounded by a window or answered from an index built once per sentence, so
 * reading a sentence costs time linear in its length.
 */
import type { Source } from '../rules/schema.js';
import type { Kit } from './kit.js';
import type { Match } from './lexicon.js';
import { nextToken, prevToken } from './lexicon.js';
import { findCandidates, firstStartIn, remember } from './speaker-candidates.js';
import {
  RELAY_KINDS, actorSubject, authorOfDocument, beforeAside, cliticHead, denialVerb, opensClause, originAfter, postposedAt, pronounBefore, relayAfter, reportedFrom,
  speakerOf, startsWithRelay, subjectBefore,
} from './speaker-clauses.js';
import { speakerKit } from './speaker-kit.js';
import type { Attribution, NameList, Original, Reading, Speaker, SpeakerContext } from './speaker-names.js';
import { asMatch, capitalRunEndingAt, headRunFrom, isUnlisted, nameFrom } from './speaker-names.js';
import type { Sentence, Token } from './tokens.js';

export type { Attribution, NameList, Original, Speaker, SpeakerContext } from './speaker-names.js';
export { isUnlisted, slugOf } from './speaker-names.js';

export const emptyContext: SpeakerContext = { last: null, named: [], persons: new Map(), names: null };

/** Unlisted source ids → their names as written (the first writing). */
export const unlistedNames = (ctx: SpeakerContext): ReadonlyMap<string, string> => {
  const out = new Map<string, string>();
  for (let n = ctx.names; n; n = n.next) out.set(n.id, n.name);
  return out;
};

export type SentenceSpeakers = {
  readonly points: readonly Attribution[];
  /** source alias matches used as speakers (so stances do not take them as actors) */
  readonly aliasSpans: readonly (readonly [number, number])[];
  /** the sentence opens with a continuation verb and names nobody new */
  readonly continues: boolean;
  /** the report's speaker context after this sentence */
  readonly context: SpeakerContext;
  /** for speakerAt: suffix minima of `points[j].at`, and the according points in order */
  readonly index?: { readonly sufMin: readonly number[]; readonly according: readonly Attribution[]; readonly negations: readonly number[]; readonly clauseBreaks: readonly number[] };
};

/** how many sources named earlier anaphora looks back over */
const NAMED_KEPT = 12;

const startReading = (kit: Kit, tokens: readonly Token[], s: Sentence, ctx: SpeakerContext, voice: Speaker, original: Original | null): Reading => {
  const n = s.to - s.from;
  return {
    kit, sk: speakerKit(kit), tokens, s, voice, original, ctx, capitals: kit.lang.sources.unlisted.by === 'capitals',
    points: [], used: [], named: [...ctx.named], persons: new Map(ctx.persons), names: new Map(), nameList: ctx.names,
    listedAt: new Array(n), coveredBy: new Array(n).fill(false), startAt: new Array(n), endAt: new Array(n),
    lastNamedHere: null, lastVerbTo: -2, continues: false, topicAt: -1,
  };
};

/** A named speaker at verb i: its origin if it quotes one ("نقلا عن X"), the outlet it addresses,
 *  and (not for "according to") a postposed reach back over its clause. */
const pushNamed = (r: Reading, m: Match<Source>, verbAt: number, according: boolean, verbTo = verbAt, used = true): void => {
  const origin = originAfter(r, m);
  const speakerSrc = origin ?? m;
  // unnamed media quoting a source ("وسائل إعلام، نقلا عن المرصد") relay nothing that can be named
  const via = origin ? (m.value.kind === 'local' ? null : m.value.id) : relayAfter(r, m);
  const start = Math.min(verbAt, m.from);
  const back = according ? null : postposedAt(r, start, Math.max(verbTo, m.to));
  if (back !== null && !origin && relaysInner(r, back, start, speakerSrc.value)) {
    if (used) r.used.push([m.from, m.to]);
    return;
  }
  const denies = !according && denialVerb(r, verbAt);
  const deniedOf = denies ? deniedAuthor(r, Math.max(verbTo, m.to)) : null;
  r.points.push({
    at: back ?? start, verbAt, alias: speakerSrc, according, speaker: speakerOf(r, speakerSrc.value, via),
    ...(denies ? { denies: true } : {}), ...(deniedOf ? { deniedOf: speakerOf(r, deniedOf.value, null) } : {}),
  });
  if (used) r.used.push([m.from, m.to]);
  if (origin) r.used.push([origin.from, origin.to]);
  r.lastNamedHere = r.points[r.points.length - 1]!.speaker;
};

/** "SOHR reported that 18 were killed, Xinhua reported": an outlet's postposed verb after a clause that names
 *  its own speaker relays that speaker (its `via`), and does not take the clause over. */
const relaysInner = (r: Reading, back: number, start: number, outer: Source): boolean => {
  if (!RELAY_KINDS.has(outer.kind)) return false;
  // the inner speaker's verb opens the clause the postposed verb reaches back over ("X said (that) …, Y reported")
  const opensReach = (verbAt: number): boolean => {
    const n = nextToken(r.tokens, verbAt, r.s.to);
    return n === back || (n < back && r.kit.complementizers.matchAt(r.tokens, n, r.s.to)?.to === prevToken(r.tokens, back, r.s.from));
  };
  const k = r.points.findIndex((p) => p.at < start && p.speaker.kind === 'named' && !p.denies && !p.according && p.speaker.source !== outer.id && opensReach(p.verbAt));
  if (k < 0) return false;
  const inner = r.points[k]!;
  r.points[k] = { ...inner, speaker: { ...inner.speaker, via: outer.id } };
  return true;
};

/** "denied reports by the Observatory that", "rejected claims from X": the author of what a denial
 *  names, a source right after a link word ("by", "from") within a few words of the denial. */
const deniedAuthor = (r: Reading, end: number): Match<Source> | null => {
  const { tokens, s } = r;
  for (let k = nextToken(tokens, end, s.to), n = 0; k < s.to && n < 4; k = nextToken(tokens, k, s.to), n++) {
    if (tokens[k]!.kind !== 'word' || r.kit.complementizers.matchAt(tokens, k, s.to)) return null;
    const c = r.startAt[k - s.from];
    const p = prevToken(tokens, k, s.from);
    if (c && p >= s.from && (r.sk.documentLinks.has(tokens[p]!.text) || r.sk.documents.matchAt(tokens, p, k))) return c;
  }
  return null;
};

/** "according to a new toll by the Observatory", "وفق حصيلة جديدة للمرصد": the source after a document */
const accordingSource = (r: Reading, accTo: number): Match<Source> | null => {
  const { tokens, s } = r;
  const first = nextToken(tokens, accTo, s.to);
  const near = firstStartIn(r, accTo + 1, first + Math.max(1, r.kit.lang.sources.subjectWindow - 1));
  if (near) return near;
  // a head that ends with its document ("في حصيلة أولية أوردها الدفاع المدني"): the source a few words on
  const headDocument = r.sk.documents.matchAt(tokens, accTo, s.to)?.to === accTo ? firstStartIn(r, accTo + 1, accTo + 4) : null;
  if (headDocument) return headDocument;
  for (let k = first, n = 0; k < s.to && n < 4; k++, n++) {
    const d = r.sk.documents.matchAt(tokens, k, s.to);
    if (!d) continue;
    const src = firstStartIn(r, d.to + 1, d.to + 4);
    if (src) return src;
    // "according to a count by Step News Agency"
    for (let j = d.to + 1; j < s.to && j <= d.to + 3; j++) {
      const m = asMatch(r, nameFrom(r, j, s.to));
      if (m) return m;
    }
    return null;
  }
  return asMatch(r, nameFrom(r, first, s.to));
};

/** "بحسب ما أعلنه (به)": after an "according" phrase that ends in a relative word (rules:
 *  sources.accordingRelatives), the relative clause's verb and a word after it (accordingTails)
 *  belong to the phrase; the source comes after them. */
const accordingEnd = (r: Reading, accTo: number): number => {
  const { tokens, s } = r;
  if (!r.sk.accordingRelatives.has(tokens[accTo]!.text)) return accTo;
  const v = nextToken(tokens, accTo, s.to);
  if (v >= s.to || tokens[v]!.kind !== 'word') return accTo;
  const t = nextToken(tokens, v, s.to);
  const tail = t < s.to ? r.sk.accordingTails.matchAt(tokens, t, s.to) : null;
  return tail ? tail.to : v;
};

/** "according to X" at token i: the token to go on after, or null when i reads none. */
const readAccording = (r: Reading, i: number): number | null => {
  const { kit, tokens, s, points } = r;
  const acc = kit.according.matchAt(tokens, i, s.to);
  const m = acc ? accordingSource(r, accordingEnd(r, acc.to)) : null;
  if (!m) return null;
  // the origin a relay before it quotes already ("Reuters reported, citing the Observatory")
  if (points.length && points[points.length - 1]!.alias?.from === m.from) return m.to;
  pushNamed(r, m, i, true);
  const prev = points[points.length - 2];
  const own = points[points.length - 1]!;
  const relay = prev?.alias && !prev.according ? relayOfAccording(r, prev, own, m, i) : null;
  if (relay) {
    points[points.length - 2] = { ...prev!, alias: relay.alias, speaker: relay.speaker };
    points[points.length - 1] = { ...own, speaker: relay.speaker };
    r.lastNamedHere = relay.speaker;
  }
  if (!r.named.includes(m.value)) r.named.push(m.value);
  return m.to;
};

/** A relay between the statement before (prev, whose alias is named) and the "according to" point just
 *  pushed (own, naming m at token i): the speaker both points then give, and the alias prev keeps. */
const relayOfAccording = (r: Reading, prev: Attribution, own: Attribution, m: Match<Source>, i: number): { alias: Match<Source>; speaker: Speaker } | null => {
  const { kit, tokens, s } = r;
  // "Reuters reported, citing the Observatory, that": the outlet relays the source it cites
  if (RELAY_KINDS.has(prev.alias!.value.kind) && i - prev.verbAt <= 3 && kit.relayFrom.matchAt(tokens, i, s.to)) {
    return { alias: m, speaker: { ...own.speaker, via: prev.speaker.source } };
  }
  // "قال مدير المرصد، حسبما نقلت قناة X، إن": an outlet named by "according to" in a named speaker's
  // reporting clause (before what is reported) carries that speaker's words
  if (!outletLike(prev.alias!.value) && outletLike(m.value) && !reportsWithin(r, prev.verbAt, i)) {
    return { alias: prev.alias!, speaker: { ...prev.speaker, via: m.value.id } };
  }
  return null;
};

/** An outlet, listed ("AFP") or unlisted and named by a media noun ("قناة X", "صحيفة X"). */
const OUTLET_TYPES = new Set(['agency', 'channel', 'newspaper']);
const outletLike = (src: Source): boolean => RELAY_KINDS.has(src.kind) || (isUnlisted(src.id) && (src.types ?? []).some((t) => OUTLET_TYPES.has(t)));

/** Who may be the subject of the speech verb at i (ending at spTo). */
type Subjects = {
  readonly after: Match<Source> | null; readonly before: Match<Source> | null;
  readonly pronoun: boolean; readonly continuation: boolean; readonly afterAllowed: boolean;
  /** the subject is an actor speaking through its speaker ("Russia said") */
  readonly actor: boolean;
};

/** ", said Col. X, a spokesman for Y" or "قال المتحدث باسم ...": an unlisted name right after the verb;
 *  a title after the name says whom the person speaks for, and the report remembers them. */
const unlistedAfter = (r: Reading, spTo: number, reported: number): Match<Source> | null => {
  const { tokens, s } = r;
  const n = nextToken(tokens, spTo, s.to);
  const after = n < reported ? asMatch(r, nameFrom(r, n, Math.min(s.to, reported))) : null;
  const comma = after ? nextToken(tokens, after.to, s.to) : s.to;
  const title = comma < s.to && r.sk.clauseBreaks.has(tokens[comma]!.text) ? firstStartIn(r, comma + 1, nextToken(tokens, comma, s.to) + 1) : null;
  if (after && cliticHead(r, after)) return null;
  if (!after || !title) return after;
  remember(r, tokens.slice(after.from, after.to + 1).filter((t) => t.kind === 'word').map((t) => t.text), title.value);
  return title;
};

const subjectsOf = (r: Reading, i: number, spTo: number): Subjects => {
  const { kit, tokens, s } = r;
  const rules = kit.lang.sources;
  const reported = reportedFrom(r, spTo);
  const continuation = kit.continuation.matchAt(tokens, i, s.to) !== null;
  // ", saying ...", ", adding ...": a participle shares the subject of its clause, never inverts it
  const afterAllowed = rules.speakerAfterVerb === 'always' || (opensClause(r, i) && !continuation);
  let after = afterAllowed
    ? firstStartIn(r, spTo + 1, Math.min(spTo + rules.window, reported - 1), (a) => (!startsWithRelay(kit, tokens, a) && !cliticHead(r, a)) || authorOfDocument(r, a)) : null;
  // "حمّلت منظمة أطباء بلا حدود قوات النظام": a name right after the verb is its subject, before a listed one
  if (after && !r.capitals) {
    const n = nextToken(tokens, spTo, s.to);
    const own = after.from > n && n < reported ? asMatch(r, headRunFrom(r, n, Math.min(s.to, reported))) : null;
    // "قوى الأمن الداخلي "الأسايش"": a listed name in quotes or brackets right after it is its gloss
    const gloss = own !== null && after.from === nextToken(tokens, own.to, s.to) && after.from > own.to + 1;
    if (own && !cliticHead(r, own) && !gloss) after = own;
  }
  let before = subjectBefore(r, i);
  const pronoun = !before && pronounBefore(r, i);
  // an unlisted name: the subject before the verb (capitals), or right after it
  if (!before && !pronoun && r.capitals) {
    let end = prevToken(tokens, beforeAside(r, i) ?? i, s.from);
    // "Governor X initially said": at most two adverbs or auxiliaries between the name and its verb
    for (let n = 0; n < 2 && end > s.from && r.sk.modifiers.has(tokens[end]!.text); n++) end = prevToken(tokens, end, s.from);
    before = end >= s.from ? asMatch(r, capitalRunEndingAt(r, end, s.from)) : null;
  }
  if (!after && !before && !pronoun && afterAllowed) after = unlistedAfter(r, spTo, reported);
  // (a country's denial is read by the stances: the toll around it stays with whoever reports it)
  const actor = !after && !before && !pronoun && !denialVerb(r, i) ? actorSubject(r, i, spTo) : null;
  return { after, before: before ?? actor, pronoun, continuation, afterAllowed, actor: actor !== null };
};

/** The speaker of the sentence's main statement so far: its first named one. A speaker named inside
 *  what that one says (its reported clause, a relative clause, "citing", "according to") is not it;
 *  a later statement is, after a contrast ("..., while X said"), or over a first "according to". */
// Read once, as the points come: each point and each token between points is looked at once.
type MainState = { seen: number; main: Attribution | null; scanned: number; contrast: boolean };
const MAIN = new WeakMap<Reading, MainState>();
const mainSpeaker = (r: Reading): Speaker | null => {
  let st = MAIN.get(r);
  if (!st) { st = { seen: 0, main: null, scanned: r.s.from, contrast: false }; MAIN.set(r, st); }
  for (; st.seen < r.points.length; st.seen++) {
    const p = r.points[st.seen]!;
    if (p.speaker.kind === 'voice') continue;
    // a contrast word between the main statement's verb and this point
    if (st.main && !st.contrast) {
      for (let k = Math.max(st.scanned, st.main.verbAt + 1); k < p.at && !st.contrast; k++) {
        if (r.sk.contrast.opens(r.tokens[k]!) && r.sk.contrast.matchAt(r.tokens, k, p.at)) st.contrast = true;
      }
      st.scanned = Math.max(st.scanned, p.at);
    }
    if (!st.main || (st.main.according && !p.according) || (!p.according && st.contrast)) {
      st.main = p; st.contrast = false; st.scanned = Math.max(st.scanned, p.verbAt + 1);
    }
  }
  return st.main?.speaker ?? null;
};

/** A verb with no named subject: a pronoun or a continuation keeps the last speaker named, a verb
 *  after "and" shares its sentence's subject, else the report's own voice speaks. */
const attributeUnnamed = (r: Reading, i: number, spTo: number, subj: Subjects): void => {
  const { tokens, s, points } = r;
  // "..., it added", "وأضاف": the speaker of the statement before, not a name inside what it said
  const lastNamed = mainSpeaker(r) ?? r.ctx.last;
  const continued = (sp: Speaker): Speaker => ({ ...sp, kind: 'continued' });
  if (subj.pronoun) {
    const back = postposedAt(r, i, spTo);
    points.push({ at: back ?? i, verbAt: i, alias: null, according: false, speaker: lastNamed ? continued(lastNamed) : r.voice, ...(denialVerb(r, i) ? { denies: true } : {}) });
    return;
  }
  // "X put the toll at four, and said 16 were wounded": a verb after a coordinator shares the subject
  const q = prevToken(tokens, i, s.from);
  if (r.lastNamedHere && q >= s.from && r.sk.sharedSubject.matchAt(tokens, q, i)) {
    points.push({ at: i, verbAt: i, alias: null, according: false, speaker: continued(r.lastNamedHere) });
    return;
  }
  if (subj.continuation && lastNamed) {
    points.push({ at: i, verbAt: i, alias: null, according: false, speaker: continued(lastNamed) });
    if (i <= s.from + 1) r.continues = true;
    return;
  }
  // "X tweeted that initial reporting indicates ...": a verb with no subject inside what a named
  // speaker says is still that speaker's account
  const last = points[points.length - 1];
  if (r.lastNamedHere && last && last.speaker.kind !== 'voice' && reportsWithin(r, last.verbAt, i)) {
    points.push({ at: i, verbAt: i, alias: null, according: false, speaker: continued(r.lastNamedHere) });
    return;
  }
  points.push({ at: i, verbAt: i, alias: null, according: false, speaker: r.voice });
};

/** A complementizer between the verb at `from` and token `to`: `to` stands in its reported clause. */
const reportsWithin = (r: Reading, from: number, to: number): boolean => reportedFrom(r, from, to - from - 1) < to;

/** The speech verb at token i, if any: the token to go on after. */
const readSpeechVerb = (r: Reading, i: number): number => {
  const { kit, tokens, s } = r;
  const sp = kit.speech.matchAt(tokens, i, s.to);
  if (!sp) return i;
  // "denied reports that", "said reports": a speech word right after a verb is its object
  const object = prevToken(tokens, i, s.from) === r.lastVerbTo;
  r.lastVerbTo = sp.to;
  if (object) return i;
  const subj = subjectsOf(r, i, sp.to);
  // inverted order (", said the Observatory") only when no subject stands before the verb
  const inverted = kit.lang.sources.speakerAfterVerb === 'inverted';
  if (subj.after && !(subj.continuation && subj.before) && !(inverted && (subj.before || subj.pronoun))) {
    pushNamed(r, subj.after, i, false, sp.to);
    return sp.to;
  }
  if (subj.before) pushNamed(r, subj.before, i, false, sp.to, !subj.actor);
  else attributeUnnamed(r, i, sp.to, subj);
  return i;
};

/** Marks of the clause at token i: a topic word ("أما", "as for": rules: topics) is remembered until a
 *  break other than a comma ("As for SANA, it said"); a colon may follow a speaker (readColon). */
const readMarks = (r: Reading, i: number, t: Token): void => {
  if (t.kind === 'word') {
    if (r.sk.topics.opens(t) && r.sk.topics.matchAt(r.tokens, i, r.s.to)) r.topicAt = i;
    if (r.points.length && r.sk.voiceClauses.opens(t)) readVoiceClause(r, i);
    return;
  }
  if (r.sk.clauseBreaks.has(t.text) && !r.kit.commas.has(t.text)) r.topicAt = -1;
  if (t.text === ':') readColon(r, i);
};

/** "..., two days after a strike killed dozens", "، بعد يومين من غارة": a clause that dates the story
 *  against another event is the report's own account, not the speaker's (rules: voiceClauses). */
const readVoiceClause = (r: Reading, i: number): void => {
  const { tokens, s } = r;
  const p = prevToken(tokens, i, s.from);
  if (p < s.from || !r.kit.commas.has(tokens[p]!.text) || !r.sk.voiceClauses.matchAt(tokens, i, s.to)) return;
  const last = r.points[r.points.length - 1]!;
  if (last.according || last.speaker.kind === 'voice') return;
  r.points.push({ at: i, verbAt: i, alias: null, according: false, speaker: r.voice });
};

/** "Sources in the brigade: the toll passed 100", "المرصد: ...": a source that opens its clause and is
 *  followed by a colon within a few words speaks for what follows the colon. */
const readColon = (r: Reading, i: number): void => {
  const { tokens, s } = r;
  if (!r.kit.lang.sources.colonSpeaker) return;
  for (let k = prevToken(tokens, i, s.from), n = 0; k >= s.from && n < 4; k = prevToken(tokens, k, s.from), n++) {
    if (tokens[k]!.kind !== 'word') return;
    const c = r.startAt[k - s.from];
    const b = prevToken(tokens, k, s.from);
    if (!c || c.to >= i || (b >= s.from && tokens[b]!.kind === 'word')) continue;
    r.points.push({ at: i + 1, verbAt: i, alias: c, according: false, speaker: speakerOf(r, c.value, null) });
    r.used.push([c.from, c.to]);
    return;
  }
};

/** "the SDF's toll stood at 21", "the rescuers' count", "وبلغت حصيلة المرصد 20": a document owned by a
 *  source (its possessor before it, with a possessive ending, or its genitive right after it) names the
 *  source as the speaker of what it counts, with no speech verb. */
const readDocumentOwner = (r: Reading, i: number): void => {
  const { tokens, s } = r;
  const d = r.sk.documents.matchAt(tokens, i, s.to);
  if (!d) return;
  const after = nextToken(tokens, d.to, s.to);
  // one word may describe the document ("the Observatory's latest toll")
  const p = prevToken(tokens, i, s.from);
  const described = p > s.from && tokens[p]!.kind === 'word' && !r.coveredBy[p - s.from] ? possessorBefore(r, p) : null;
  const owner = possessorBefore(r, i) ?? described ?? (after < s.to && !r.capitals ? r.startAt[after - s.from] ?? null : null);
  if (!owner || r.points.some((p) => p.alias?.from === owner.from)) return;
  pushNamed(r, owner, owner.from, true, owner.to);
};

/** The source right before a possessive ending (rules: possessiveEndings, "'s"; its mark alone after a
 *  plural, "the rescuers'") that ends right before token i. */
const possessorBefore = (r: Reading, i: number): Match<Source> | null => {
  const { tokens, s } = r;
  const endings = r.kit.lang.sources.possessiveEndings;
  if (!endings.length) return null;
  const marks = new Set(endings.flatMap((e) => [...e].filter((ch) => !/\p{L}/u.test(ch))));
  const letters = new Set(endings.map((e) => [...e].filter((ch) => /\p{L}/u.test(ch)).join('')).filter(Boolean));
  // (the mark is soft punctuation, which prevToken steps over)
  let k = i - 1;
  if (k > s.from && letters.has(tokens[k]!.text.toLowerCase())) k--;
  if (k <= s.from || tokens[k]!.kind === 'word' || !marks.has(tokens[k]!.text)) return null;
  return r.endAt[k - 1 - s.from] ?? null;
};

/** A headline's trailing attribution, no verb ("Strikes on market kill 31: monitor"). */
const readHeadlineTail = (r: Reading, cands: readonly Match<Source>[]): void => {
  const { tokens, s } = r;
  const tail = cands[cands.length - 1];
  if (!r.kit.lang.sources.postposed || r.points.length || !tail || tail.to !== s.to - 1 || tail.from <= s.from || tokens[tail.from - 1]!.text !== ':') return;
  r.points.push({ at: s.from, verbAt: tail.from, alias: tail, according: false, speaker: speakerOf(r, tail.value, null) });
  r.used.push([tail.from, tail.to]);
};

/** The index speakerAt answers from: suffix minima of the points' starts, negations and clause breaks. */
const indexOf = (r: Reading): NonNullable<SentenceSpeakers['index']> => {
  const { kit, tokens, s, points } = r;
  const sufMin: number[] = new Array(points.length);
  for (let j = points.length - 1, m = Infinity; j >= 0; j--) { m = Math.min(m, points[j]!.at); sufMin[j] = m; }
  const negations: number[] = [];
  const clauseBreaks: number[] = [];
  if (points.some((p) => !p.according)) {
    for (let k = s.from; k < s.to; k++) {
      if (r.sk.clauseBreaks.has(tokens[k]!.text)) clauseBreaks.push(k);
      else if (r.sk.negations.matchAt(tokens, k, s.to) && !kit.qualBefore.matchAt(tokens, k, s.to)) negations.push(k);
    }
  }
  return { sufMin, according: points.filter((p) => p.according), negations, clauseBreaks };
};

export const findSpeakers = (
  kit: Kit, tokens: readonly Token[], s: Sentence, previous: SpeakerContext | Speaker | null, voice: Speaker, original: Original | null = null,
): SentenceSpeakers => {
  const ctx: SpeakerContext = previous === null ? emptyContext : 'named' in previous ? previous : { ...emptyContext, last: previous };
  const r = startReading(kit, tokens, s, ctx, voice, original);
  const cands = findCandidates(r);
  for (let i = s.from; i < s.to; i++) {
    // one read of each token: the readers run only where one of their phrases may start
    const t = tokens[i]!;
    readMarks(r, i, t);
    if (r.sk.documents.opens(t)) readDocumentOwner(r, i);
    const next = kit.according.opens(t) ? readAccording(r, i) : null;
    i = next ?? (kit.speech.opens(t) ? readSpeechVerb(r, i) : i);
  }
  readHeadlineTail(r, cands);
  for (const p of r.points) if (p.speaker.kind === 'named' && p.alias && !r.named.includes(p.alias.value)) r.named.push(p.alias.value);
  return {
    points: r.points, aliasSpans: r.used, continues: r.continues,
    context: { last: mainSpeaker(r) ?? ctx.last, named: r.named.slice(-NAMED_KEPT), persons: r.persons, names: r.nameList },
    index: indexOf(r),
  };
};

/**
 * A line break inside a source's name ("Syrian Observatory⏎for Human Rights", pasted wire or PDF
 * text) ends no sentence: such line breaks are taken out of the tokens (spans are unchanged, as
 * tokens keep their offsets). Each line break costs a bounded look around it.
 */
export const joinBrokenNames = (kit: Kit, tokens: readonly Token[]): readonly Token[] => {
  const soft = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind !== 'newline' || tokens[i - 1]?.kind === 'newline' || tokens[i + 1]?.kind === 'newline') continue;
    // the few tokens around the break, without it
    const a = Math.max(0, i - 6);
    const view = [...tokens.slice(a, i), ...tokens.slice(i + 1, i + 7)];
    if (view.some((t) => t.kind === 'newline')) continue;
    const at = i - a; // the first token after the break, in the view
    for (let k = 0; k < at; k++) {
      const m = kit.sources.matchAt(view, k, view.length);
      if (m && m.to >= at) { soft.add(i); break; }
    }
  }
  return soft.size ? tokens.filter((_, i) => !soft.has(i)) : tokens;
};

/** The last index j with xs[j] <= v in a non-decreasing array, or -1. */
const lastAtMost = (xs: readonly number[], v: number): number => {
  let lo = 0, hi = xs.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= v) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
};

const governing = (sp: SentenceSpeakers, i: number): number => {
  if (!sp.index) {
    for (let j = sp.points.length - 1; j >= 0; j--) if (sp.points[j]!.at <= i) return j;
    return -1;
  }
  return lastAtMost(sp.index.sufMin, i);
};

/** The speaker of token i: nearest attribution before it, else a postposed "according to", else the voice. */
export const speakerAt = (sp: SentenceSpeakers, i: number, voice: Speaker): Speaker => {
  const j = governing(sp, i);
  if (j >= 0) return sp.points[j]!.speaker;
  const acc = sp.index ? sp.index.according : sp.points.filter((p) => p.according);
  // the first "according to" after i
  let lo = 0, hi = acc.length - 1, found: Attribution | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (acc[mid]!.at > i) { found = acc[mid]!; hi = mid - 1; } else lo = mid + 1;
  }
  return found ? found.speaker : voice;
};

/**
 * The speaker of a toll at token i. A denier is never the source of a toll it denies: under a
 * denial verb ("denied reports that 20 were killed"), or after a negation in the same clause of
 * what it said ("said it had not targeted civilians in the shelling that killed 4"), the toll
 * belongs to the speaker before the denier, else the report's own voice.
 */
export const claimSpeakerAt = (sp: SentenceSpeakers, i: number, voice: Speaker): Speaker => {
  let j = governing(sp, i);
  if (j < 0) return speakerAt(sp, i, voice);
  const p = sp.points[j]!;
  const negated = (): boolean => {
    if (!sp.index || p.according || p.verbAt > i) return false;
    const n = sp.index.negations[lastAtMost(sp.index.negations, i)];
    if (n === undefined || n < p.verbAt) return false;
    const b = sp.index.clauseBreaks[lastAtMost(sp.index.clauseBreaks, i)];
    return b === undefined || b < n;
  };
  if (!p.denies && !negated()) return p.speaker;
  if (p.denies && p.deniedOf) return p.deniedOf;
  // the speaker in force before the denier
  for (j = j - 1; j >= 0; j--) if (sp.points[j]!.at <= p.at && !sp.points[j]!.denies) return sp.points[j]!.speaker;
  return voice;
};
