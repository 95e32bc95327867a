/**
 * Where a speaker stands to its verb: the subject before the verb (past an aside), a pronoun that
 * continues the last speaker, the reported clause a name after the verb belongs to, a reporting
 * clause that closes its clause (postposed: "..., the monitor said"), an addressed outlet ("told
 * AFP", "لوكالة"), and an origin the speaker quotes ("نقلا عن X").
 */
import type { Source } from '../rules/schema.js';
import type { Kit } from './kit.js';
import { namesIn } from './kit.js';
import type { Match } from './lexicon.js';
import { nextToken, prevToken } from './lexicon.js';
import { firstEndIn, firstStartIn } from './speaker-candidates.js';
import type { Reading, Speaker } from './speaker-names.js';
import { actorNamedAt, actorVoice, isUnlisted } from './speaker-names.js';
import type { Token } from './tokens.js';

export const RELAY_KINDS = new Set(['outlet', 'agency', 'newspaper']);
/** marks an aside may hold (a period inside a sentence is an abbreviation's: "Col. John Dorrian") */
const ASIDE_MARKS = new Set(['"', "'", '(', ')', '-', '.']);

/** The alias is addressed, not speaking: its first word carries the relay clitic ("لوكالة"),
 *  or a relay word stands right before it ("told AFP", "in a reply to Reuters"). */
export const startsWithRelay = (kit: Kit, tokens: readonly Token[], m: Match<Source>): boolean => {
  const word = tokens[m.from]!.text;
  const names = namesIn(m.value.aliases, kit.aliasKeys);
  const firsts = names.map((a) => kit.matcher.words(a)[0]);
  const clitic = kit.lang.script.clitics.length > 0 && !isUnlisted(m.value.id)
    && kit.lang.sources.relayTo.map(kit.matcher.folding.fold).some((c) => word.startsWith(c) && word.length > c.length && !firsts.includes(word));
  if (clitic) return true;
  let p = prevToken(tokens, m.from, 0);
  // "told The Associated Press": past an article
  if (p > 0 && kit.lang.sources.unlisted.articles.some((a) => kit.matcher.folding.fold(a) === tokens[p]!.text)) p = prevToken(tokens, p, 0);
  for (let k = p, steps = 0; k >= 0 && steps < 5; k--, steps++) {
    const r = kit.relayToWords.matchAt(tokens, k, m.from);
    if (r && r.to === p) return true;
  }
  return false;
};

/** An unlisted name whose first word is a head word behind the relay clitic ("لفصيل فيلق الشام" after
 *  "تابع"): it is addressed or owned ("belonging to"), never the subject. */
export const cliticHead = (r: Reading, m: Match<Source>): boolean => {
  if (!isUnlisted(m.value.id) || !r.kit.lang.script.clitics.length) return false;
  const t = r.tokens[m.from]!;
  return r.kit.lang.sources.relayTo.map(r.kit.matcher.folding.fold).some((c) => {
    if (!t.text.startsWith(c) || t.text.length <= c.length + 1) return false;
    const bare = { ...t, text: t.text.slice(c.length) };
    return r.sk.heads.matchAt([bare], 0, 1) !== null && r.sk.heads.matchAt([{ ...t }], 0, 1) !== null;
  });
};

export const complementAt = (r: Reading, k: number): boolean => r.kit.complementizers.matchAt(r.tokens, k, r.s.to) !== null;

/** the first complementizer after i within `reach` tokens, or the sentence end */
export const reportedFrom = (r: Reading, i: number, reach = r.kit.lang.sources.window + 4): number => {
  for (let k = i + 1; k < r.s.to && k <= i + reach; k++) if (complementAt(r, k)) return k;
  return r.s.to;
};

/** The outlet the speaker of m addresses after its name ("told AFP", "لوكالة فرانس برس"), or null. */
export const relayAfter = (r: Reading, m: Match<Source>): string | null => {
  const end = Math.min(reportedFrom(r, m.to), m.to + 3 + r.kit.lang.sources.window);
  const addressed = (a: Match<Source>) => startsWithRelay(r.kit, r.tokens, a);
  const next = firstStartIn(r, m.to + 1, end, (a) => RELAY_KINDS.has(a.value.kind) && addressed(a));
  const near = firstStartIn(r, m.to + 1, m.to + 3, (a) => a.value.kind === 'outlet');
  return next ? next.value.id : near && addressed(near) ? near.value.id : null;
};

/** "X, which ..., said": the comma that opens an aside ending right before the verb at i */
export const beforeAside = (r: Reading, i: number): number | null => {
  const { tokens, s } = r;
  if (!r.kit.lang.sources.asideSubject) return null;
  let p = prevToken(tokens, i, s.from);
  // an auxiliary or adverb may stand between the aside and the verb ("X, which …, had previously put")
  for (let n = 0; n < 3 && p >= s.from && tokens[p]!.kind === 'word' && r.sk.modifiers.has(tokens[p]!.text); n++) p = prevToken(tokens, p, s.from);
  if (p < s.from || !r.kit.commas.has(tokens[p]!.text)) return null;
  for (let c = p - 1; c > s.from && p - c <= 30; c--) {
    const t = tokens[c]!;
    if (r.kit.commas.has(t.text)) return c;
    if (t.kind === 'punct' && !ASIDE_MARKS.has(t.text)) return null;
  }
  return null;
};

/** "حصيلة أولية للمرصد": the clitic after a document noun marks its author, not an addressee. */
export const authorOfDocument = (r: Reading, a: Match<Source>): boolean => {
  for (let k = prevToken(r.tokens, a.from, r.s.from), n = 0; k >= r.s.from && n < 3; k = prevToken(r.tokens, k, r.s.from), n++) {
    if (r.tokens[k]!.kind !== 'word') return false;
    if (r.sk.documents.matchAt(r.tokens, k, a.from)) return true;
  }
  return false;
};

/** "صحيفة الوطن المقربة من دمشق": a name right after a preposition is its object, never a subject. */
const objectOfPreposition = (r: Reading, a: Match<Source>): boolean => {
  if (!r.sk.objectMarkers.size) return false;
  const p = prevToken(r.tokens, a.from, r.s.from);
  return p >= r.s.from && r.sk.objectMarkers.matchAt(r.tokens, p, a.from) !== null;
};

/** how far (tokens) a topic word may stand before the verb it gives a subject */
const TOPIC_REACH = 12;

/** "أما صحيفة الوطن فتحدثت عن": the first name after a topic word (the last one the sentence's scan
 *  met, rules: topics) is the subject of the verb after it. */
const topicBefore = (r: Reading, i: number): Match<Source> | null => {
  const k = r.topicAt;
  if (k < r.s.from || i - k > TOPIC_REACH) return null;
  return firstStartIn(r, k + 1, Math.min(i - 1, k + 3));
};

/** An alias that is the subject of the verb at i: right before it, or before an aside. */
export const subjectBefore = (r: Reading, i: number): Match<Source> | null => {
  const { tokens, s } = r;
  const beforeIdx = prevToken(tokens, i, s.from);
  const topic = topicBefore(r, i);
  if (topic) return topic;
  const notRelay = (a: Match<Source>) => (!startsWithRelay(r.kit, tokens, a) || authorOfDocument(r, a)) && !objectOfPreposition(r, a);
  // before an aside first: in "SANA, which blamed the coalition, put" the coalition is not the subject
  const c = beforeAside(r, i);
  if (c !== null) {
    const end = prevToken(tokens, c, s.from);
    const outer = firstEndIn(r, end, end, notRelay) ?? firstEndIn(r, end - 1, end - 1, notRelay);
    // "X, a spokesman for Y, said": the aside names whom X speaks for
    const aside = firstEndIn(r, beforeIdx - 1, beforeIdx - 1, notRelay);
    if (aside && aside.from > c && r.sk.titles.matchAt(tokens, aside.from, s.to)) return aside;
    // "Russia, which backs the government, said": a relative clause never holds the subject
    const head = nextToken(tokens, c, s.to);
    if (outer || r.kit.asideOpeners.matchAt(tokens, head, s.to)) return outer;
    // "بريت مكغورك، مبعوث الرئيس الأمريكي لدى التحالف، كتب": an appositive that names whom X speaks for
    const appositive = firstStartIn(r, head, r.sk.articles.has(tokens[head]!.text) ? nextToken(tokens, head, s.to) : head);
    if (appositive && appositive.to < beforeIdx && notRelay(appositive)) return appositive;
  }
  // the subject stands in the verb's own clause: "the White Helmets, a group it described" is no subject
  const m = firstEndIn(r, beforeIdx - r.kit.lang.sources.subjectWindow, i - 1, notRelay);
  if (!m) return null;
  // "المرصد السوري، قال إن": a subject that opens its sentence, set off from its verb by a comma
  if (r.kit.commas.has(tokens[beforeIdx]!.text) && prevToken(tokens, beforeIdx, s.from) === m.to && opensSubject(r, m.from)) return m;
  for (let k = beforeIdx; k > m.to; k--) if (r.sk.clauseBreaks.has(tokens[k]!.text)) return firstEndIn(r, k + 1, i - 1, notRelay);
  return m;
};

/** "he said", "its spokesman, Colonel X, said", "the ministry stressed": back to the last speaker */
export const pronounBefore = (r: Reading, i: number): boolean => {
  const { tokens, s, kit } = r;
  if (!kit.lang.sources.subjectPronouns.length) return false;
  const ends = [prevToken(tokens, i, s.from)];
  const c = beforeAside(r, i);
  if (c !== null) ends.push(prevToken(tokens, c, s.from));
  return ends.some((e) => {
    for (let k = e, steps = 0; k >= s.from && steps < 4; k--, steps++) {
      // "he said", "it had earlier reported": the pronoun, then at most two auxiliaries or adverbs
      const m = kit.subjectPronouns.matchAt(tokens, k, e + 1);
      if (m && m.to >= e - 2) return true;
    }
    return false;
  });
};

/** The verb or name opens a clause ("..., the monitor said", "..., said the Observatory"), possibly
 *  after a few words ("..., the Britain-based Syrian Observatory ... reported"). */
export const opensClause = (r: Reading, k: number, words = 0): boolean => {
  for (let j = k - 1, n = 0; j > r.s.from; j--) {
    if (r.sk.clauseOpeners.has(r.tokens[j]!.text)) return true;
    if (r.tokens[j]!.kind !== 'word' || ++n > words) return false;
  }
  return false;
};

/** "..., while the Observatory put the toll at 5": a contrast word opens a statement of its own */
const contrastBefore = (r: Reading, k: number): boolean => {
  for (let j = k - 1, n = 0; j > r.s.from && n < 5; j--, n++) {
    if (r.sk.clauseOpeners.has(r.tokens[j]!.text)) return false;
    if (r.sk.contrast.matchAt(r.tokens, j, k)) return true;
  }
  return false;
};

/** A reporting clause that closes its sentence or clause: few words after the verb, no "that", no
 *  figure; "in a statement" ("the ministry said in a statement on Monday") is part of it. */
const closesClause = (r: Reading, verbTo: number): boolean => {
  const { tokens, s, kit } = r;
  for (let k = verbTo + 1, n = 0; k <= s.to; k++, n++) {
    if (k === s.to || kit.commas.has(tokens[k]!.text)) return true;
    const tail = r.sk.statementTails.matchAt(tokens, k, s.to);
    if (tail) { k = tail.to; continue; }
    if (n >= 7 || complementAt(r, k) || tokens[k]!.kind === 'number') return false;
  }
  return true;
};

/** Where a postposed reporting clause ("..., killing 57, the monitor said") takes effect from, or null. */
export const postposedAt = (r: Reading, from: number, verbTo: number): number | null => {
  if (!r.kit.lang.sources.postposed || !opensClause(r, from, 3) || contrastBefore(r, from) || !closesClause(r, verbTo)) return null;
  const last = r.points[r.points.length - 1];
  return last ? Math.max(last.verbAt + 1, last.alias ? last.alias.to + 1 : 0) : r.s.from;
};

/** "نقلا عن X": a named X becomes the source, the speaker its relay. */
export const originAfter = (r: Reading, m: Match<Source>): Match<Source> | null => {
  const { tokens, s } = r;
  for (let i = m.to + 1; i < Math.min(s.to, m.to + 4); i++) {
    const rf = r.kit.relayFrom.matchAt(tokens, i, s.to);
    if (!rf) continue;
    // "quoting an unnamed military source": past a determiner and an adjective
    const o = firstStartIn(r, rf.to + 1, rf.to + 1 + r.kit.lang.sources.originGap);
    return o && o.value.kind !== 'local' && o.value.kind !== 'outlet' ? o : null;
  }
  return null;
};

export const denialVerb = (r: Reading, i: number): boolean => r.sk.deny.matchAt(r.tokens, i, r.s.to) !== null;

/** The speaker a source gives: a monitor's "local sources" are the monitor itself. */
export const speakerOf = (r: Reading, src: Source, via: string | null): Speaker => {
  const local = src.kind === 'local' && r.voice.kind === 'voice' && r.kit.sourcesById.get(r.voice.source)?.kind === 'monitor';
  const id = local ? r.voice.source : src.id;
  return isUnlisted(id) ? { source: id, via, kind: 'named', name: r.names.get(id) ?? src.name } : { source: id, via, kind: 'named' };
};

/** "Russia said", "أعلنت تركيا": a country or force named as the subject of the verb at i speaks through
 *  its speaker (rules: actors `speaker`). Its name stays an actor's for the stances (it is not `used`). */
export const actorSubject = (r: Reading, i: number, spTo: number): Match<Source> | null => {
  const { kit, tokens, s } = r;
  const speakerOfActor = (from: number, limit: number, to: number | null): Match<Source> | null => {
    const a = actorNamedAt(r, from, limit);
    if (!a || (to !== null && a.to !== to)) return null;
    const src = a.speaker ? kit.sourcesById.get(a.speaker) : actorVoice(r, from, a.to);
    return src ? { value: src, from, to: a.to } : null;
  };
  // before the verb: the longest name that ends right before it (or before an aside), opening its clause
  const end = prevToken(tokens, beforeAside(r, i) ?? i, s.from);
  for (let k = Math.max(s.from, end - 3); k <= end && end >= s.from; k++) {
    const m = speakerOfActor(k, end + 1, end);
    if (m) return opensSubject(r, k) ? m : null;
  }
  // right after a verb that takes its subject after it (VSO)
  const n = nextToken(tokens, spTo, s.to);
  return kit.lang.sources.speakerAfterVerb === 'always' && n < s.to ? speakerOfActor(n, s.to, null) : null;
};

/** A subject stands at the sentence or clause start, or after an opener word ("and", "but"). */
const opensSubject = (r: Reading, k: number): boolean => {
  const b = prevToken(r.tokens, k, r.s.from);
  return b < r.s.from || r.tokens[b]!.kind !== 'word' || r.sk.openers.has(r.tokens[b]!.text);
};
