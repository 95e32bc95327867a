/**
 * Who carried out the attack, according to whom, in one sentence, and what a belligerent
 * said about civilian harm. The constructions of stances.yaml's grammar read first
 * (stance-grammar.ts, stance-meanings.ts); the procedure in stance-core.ts reads what no
 * construction covers. A construction's match settles its span: a stance the procedure reads
 * there of an actor the match names (or of any actor, for a denial, an assessment, a
 * conditional or a question) gives way, unless it denies what a doer's match names (the
 * denial stands and the naming gives way), a speaker's denial is never read as its
 * acknowledgement, and nothing after a conditional or a question is a stance.
 */
import type { Kit } from './kit.js';
import type { DraftAssessment, DraftStance, StanceBuilt } from './stance-meanings.js';
import { STANCE_MEANINGS } from './stance-meanings.js';
import { findCoreStances } from './stance-core.js';
import { stanceMatches } from './stance-grammar.js';
import type { Speaker, SentenceSpeakers } from './speakers.js';
import type { Sentence, Token } from './tokens.js';

export type { DraftAssessment, DraftStance } from './stance-meanings.js';

export type StanceReading = { readonly stances: readonly DraftStance[]; readonly assessments: readonly DraftAssessment[] };

/** What the constructions built in one sentence: matches in the order of the overlap policy, each taken
 *  when it builds something and overlaps no match taken before it. */
const built = (kit: Kit, tokens: readonly Token[], s: Sentence, speakers: SentenceSpeakers, voice: Speaker): StanceBuilt[] => {
  const read = stanceMatches(kit, tokens, s, speakers, voice);
  if (!read) return [];
  const taken: { from: number; to: number }[] = [];
  const out: StanceBuilt[] = [];
  for (const m of read.matches) {
    if (taken.some((t) => overlaps(t, m))) continue;
    const c = read.scene.compiled.byId.get(m.construction.id)!;
    const b = STANCE_MEANINGS[c.builds](read.scene, m, c);
    if (!b.cover) continue;
    taken.push(m);
    out.push(b);
  }
  return out;
};

/** A doer named by its position, as another speaker tells it: what an assessing side's own sentence never makes it. */
const NAMED: readonly DraftStance['stance'][] = ['asserts', 'likely', 'possible'];

const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }): boolean => a.from <= b.to && b.from <= a.to;

export const readStances = (
  kit: Kit, tokens: readonly Token[], s: Sentence, speakers: SentenceSpeakers, voice: Speaker, consumed: readonly (readonly [number, number])[],
): StanceReading => {
  const made = built(kit, tokens, s, speakers, voice);
  const covers = made.flatMap((b) => (b.cover ? [b.cover] : []));
  // a cover that only ends with the sentence's mark ("ISIS claimed the attack.") silences nothing
  const open = covers.filter((c) => c.silences);
  const silenced = (st: { from: number }) => open.some((c) => st.from >= c.from);
  const denials = made.flatMap((b) => b.stances).filter((st) => st.stance === 'denies');
  const settled = (st: DraftStance) =>
    covers.some((c) => overlaps(c, st) && ((c.side === st.actor && NAMED.includes(st.stance)) || ((c.actors === null || c.actors.has(st.actor)) && (!c.kinds || c.kinds.includes(st.stance)))))
    || (st.stance === 'acknowledges' && denials.some((d) => d.actor === st.actor && d.source === st.source));
  const core = findCoreStances(kit, tokens, s, speakers, voice, consumed).filter((st) => !settled(st)).map((st) => ({ ...st, rule: 'core' }));
  // a doer the procedure reads as denied there is denied, not named ("denied that Turkish or Iraqi jets had struck")
  const denied = (st: DraftStance) => st.stance !== 'denies' && core.some((d) => d.stance === 'denies' && d.actor === st.actor && overlaps(d, st));
  const stances = [...made.flatMap((b) => b.stances).filter((st) => !denied(st)), ...core].filter((st) => !silenced(st)).sort((a, b) => a.from - b.from);
  return { stances, assessments: made.flatMap((b) => b.assessments).filter((a) => !silenced(a)) };
};

/** The stances of one sentence (see readStances). */
export const findStances = (
  kit: Kit, tokens: readonly Token[], s: Sentence, speakers: SentenceSpeakers, voice: Speaker, consumed: readonly (readonly [number, number])[],
): DraftStance[] => [...readStances(kit, tokens, s, speakers, voice, consumed).stances];
