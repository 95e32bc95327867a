/**
 * One generated report: a voice (a monitor, an agency, a belligerent, local sources or the
 * outlet itself) tells one true incident in the language of the writing rules (Arabic), with its own figures, qualifiers,
 * stance, relay and date wording; the same facts come back as hand-coded claims whose
 * quotes and spans index the text exactly.
 */
import type { Group, Qualifier, StanceKind } from '../model/contract.js';
import type { TrueIncident } from './incidents.js';
import type { Rng } from './prng.js';
import { datePhrase, figurePhrase, isFeminine, isoOfDay, textBuilder, withClitic, withLi, type TextBuilder } from './phrasing.js';
import type { PlaceWord, Vocabulary } from './vocabulary.js';

export type Voice = 'sohr' | 'snhr' | 'sana' | 'local-sources' | 'coalition' | 'russia-mod' | 'outlet';

export type GeneratedClaim = {
  readonly source: string; readonly via: string | null;
  readonly outcome: 'killed' | 'injured'; readonly group: Group; readonly affiliation: string | null;
  readonly value: number; readonly qualifier: Qualifier; readonly mayRise: boolean;
  readonly quote: string; readonly span: readonly [number, number];
  readonly event: string;
  readonly date?: { readonly start: string; readonly end: string };
  readonly places?: readonly string[];
  readonly aggregate?: boolean;
  readonly partOf?: number;
};
export type GeneratedStance = {
  readonly source: string; readonly via: string | null; readonly actor: string; readonly stance: StanceKind;
  readonly quote: string; readonly span: readonly [number, number]; readonly event: string;
};

/** A report as written, its hand-coded reading, and the truth: which incident it tells (null for a total). */
export type GeneratedReport = {
  readonly id: string;
  readonly publishedAt: string;
  readonly outlet: string;
  readonly language: string;
  readonly text: string;
  readonly claims: readonly GeneratedClaim[];
  readonly stances: readonly GeneratedStance[];
  readonly incident: string | null;
  readonly kind: 'report' | 'syndicated' | 'total';
};

export type ReportPlan = {
  readonly id: string;
  readonly incident: TrueIncident;
  readonly voice: Voice;
  readonly outlet: string;
  readonly lag: number;
  readonly secondVoice: Voice | null;
  readonly mayRise: boolean;
  readonly denial: boolean;
  readonly total: boolean;
  /** where this report says the strike fell: the incident's place, or a neighbouring village */
  readonly place: PlaceWord;
};

const EVENT = 'e1';

type Draft = {
  readonly b: TextBuilder;
  readonly claims: { key: string; claim: Omit<GeneratedClaim, 'quote' | 'span'> }[];
  readonly stances: { key: string; stance: Omit<GeneratedStance, 'quote' | 'span'> }[];
};

const alias = (v: Vocabulary, id: string): string => v.sources.get(id)![0]!;
const speechVerb = (v: Vocabulary, rng: Rng, speaker: string): string => {
  const [m, f] = rng.pick(v.speech);
  return isFeminine(v.writing, speaker) ? f : m;
};

/** Figure of one voice for a true toll: the truth, or off by up to a fifth (early counts, other lists). */
const reported = (rng: Rng, truth: number): number => {
  if (rng.chance(0.45)) return truth;
  const spread = Math.max(1, Math.round(truth * 0.2));
  return Math.max(3, truth + rng.int(-spread, spread));
};

const qualifierOf = (v: Vocabulary, rng: Rng): { q: Qualifier; before: string; after: string } => {
  const roll = rng.float();
  const before = (q: Qualifier): string[] => [...(v.qualBefore.get(q) ?? [])];
  if (roll < 0.12 && before('about').length) return { q: 'about', before: `${rng.pick(before('about'))} `, after: '' };
  if (roll < 0.2 && (v.qualAfter.get('at-least') ?? []).length) return { q: 'at-least', before: '', after: ` ${rng.pick(v.qualAfter.get('at-least')!)}` };
  if (roll < 0.26 && before('at-least').length) return { q: 'at-least', before: `${rng.pick(before('at-least'))} `, after: '' };
  if (roll < 0.3 && before('more-than').length) return { q: 'more-than', before: `${rng.pick(before('more-than'))} `, after: '' };
  return { q: 'exact', before: '', after: '' };
};

const placePhrase = (v: Vocabulary, rng: Rng, place: PlaceWord): string => {
  const intro = v.placeIntro.get(place.kind);
  const name = v.spell(rng, rng.pick(place.names));
  const gov = v.governorateNames.get(place.governorate);
  // "بريف إدلب" / "في ريف إدلب"; a governorate whose name already says ريف (ريف دمشق) takes في alone.
  const rural = gov && !gov.startsWith(`${v.regionIntro} `) ? `${v.regionIntro} ${gov}` : gov;
  const region = rural && rng.chance(0.5) ? (rng.chance(0.5) && rural !== gov ? ` ${withClitic(v.writing.glue.by, rural)}` : ` ${v.writing.glue.in} ${rural}`) : '';
  return `${intro ? `${intro} ` : ''}${name}${region}`;
};

/** "[على الأرجح] طائرات روسية": aircraft of the doer (an adjective or a name), hedged for likely and possible stances. */
const doerPhrase = (v: Vocabulary, rng: Rng, actor: string, stance: StanceKind): { hedge: string; doer: string } => {
  const a = v.actors.get(actor)!;
  const hedge = stance === 'likely' ? `${rng.pick(v.likely)} ` : stance === 'possible' ? `${rng.pick(v.possible)} ` : '';
  const name = a.adjective && rng.chance(0.5) ? a.adjective : a.aliases[0]!;
  return { hedge, doer: `${v.doerWords[0]!} ${name}` };
};

const addFigure = (d: Draft, key: string, text: string, claim: Omit<GeneratedClaim, 'quote' | 'span'>): void => {
  d.b.mark(key, text);
  d.claims.push({ key, claim });
};

/** The lead sentence in one of the frames a voice uses; returns the source id it speaks as. */
const lead = (v: Vocabulary, rng: Rng, d: Draft, plan: ReportPlan, dated: string, mayRise: boolean): string => {
  const inc = plan.incident;
  const source = plan.voice === 'outlet' ? plan.outlet : plan.voice;
  const via = source === plan.outlet ? null : plan.outlet;
  const base = { source, via, affiliation: null, mayRise, event: EVENT } as const;
  const place = placePhrase(v, rng, plan.place);
  const g = v.writing.glue;
  const target = inc.target ? `${inc.target} ${g.in} ` : '';
  const stance: StanceKind = rng.weighted([['asserts', 6], ['likely', 2], ['possible', 1]] as const);
  const named = rng.chance(0.75);

  if (plan.voice === 'coalition' || plan.voice === 'russia-mod') {
    // A belligerent speaks of its own strike: the coalition concedes civilians, Russia claims militants.
    const who = alias(v, plan.voice);
    const verb = (plan.voice === 'coalition' ? v.acknowledge : v.announce)[isFeminine(v.writing, who) ? 1 : 0];
    d.b.add(`${verb} `);
    d.b.mark('stance', who);
    d.stances.push({ key: 'stance', stance: { source, via, actor: inc.actor, stance: 'acknowledges', event: EVENT } });
    d.b.add(plan.voice === 'coalition' ? ` ${withClitic(g.by, rng.pick(v.killedBefore))} ` : ` ${rng.pick(v.killedBefore)} `);
    const value = plan.voice === 'coalition' ? Math.max(3, Math.round(inc.civiliansKilled / 3)) : 5 + rng.int(0, 40);
    const group: Group = plan.voice === 'coalition' ? 'civilians' : 'combatants';
    const text = plan.voice === 'coalition' ? figurePhrase(v, rng, value, 'civilians') : militants(v, value);
    addFigure(d, 'c0', text, { ...base, mayRise: false, outcome: 'killed', group, value, qualifier: 'exact' });
    d.b.add(` ${g.in} ${rng.pick(v.attack)} ${g.on} ${place}${dated}.`);
    return source;
  }

  const q = qualifierOf(v, rng);
  const killed = reported(rng, inc.civiliansKilled);
  const group: Group = rng.chance(0.8) ? 'civilians' : 'all';
  const children = inc.childrenKilled !== null && rng.chance(0.6) ? reported(rng, inc.childrenKilled) : null;
  const injured = children === null && inc.injured !== null && rng.chance(0.6) ? reported(rng, inc.injured) : null;
  const speaker = plan.voice === 'outlet' ? null : rng.pick(v.sources.get(plan.voice)!.slice(0, 2));

  const verbFirst = speaker === null || rng.chance(0.45);
  if (!verbFirst) {
    // "قال المرصد … [لوكالة فرانس برس] إن غارات جوية نفذتها طائرات … على … أدت إلى مقتل …"
    const relay = plan.outlet !== source && rng.chance(0.4) ? ` ${withLi(v.writing, alias(v, plan.outlet))}` : '';
    d.b.add(`${speechVerb(v, rng, speaker)} ${speaker}${relay} ${g.thatAfterSpeech} ${rng.pick(v.attack)} `);
    if (named) {
      const { hedge, doer } = doerPhrase(v, rng, inc.actor, stance);
      d.b.add(`${rng.pick(v.doerVerbs)} ${hedge}`);
      d.b.mark('stance', doer);
      d.b.add(' ');
    }
    d.b.add(`${g.on} ${target}${place}${dated} ${g.ledTo} ${rng.pick(v.killedBefore)} ${q.before}`);
  } else {
    // "قتل 12 مدنيا [وأصيب 30 آخرون] في غارة جوية لطائرات … على … أمس، بحسب …"
    d.b.add(`${v.killedVerb} ${q.before}`);
  }
  addFigure(d, 'c0', figurePhrase(v, rng, killed, group), { ...base, outcome: 'killed', group, value: killed, qualifier: q.q });
  d.b.add(q.after);
  if (children !== null) {
    d.b.add(` ${v.breakdown} `);
    addFigure(d, 'c1', figurePhrase(v, rng, children, 'children'), { ...base, outcome: 'killed', group: 'children', value: children, qualifier: 'exact', partOf: 0 });
  }
  if (injured !== null) {
    d.b.add(verbFirst ? ` ${g.and}${v.injuredVerb} ` : ` ${g.and}${v.injuredBefore[0]!} `);
    const others = verbFirst ? v.others.nominative : v.others.accusative;
    // "others" of civilians are people other than those counted, of no group said (as coders read them)
    addFigure(d, 'c2', `${injured} ${others}`, { ...base, outcome: 'injured', group: 'all', value: injured, qualifier: 'exact' });
  }
  if (verbFirst) {
    d.b.add(` ${g.in} ${rng.pick(v.attack)} `);
    if (named) {
      // "لطائرات …" after a generic head reads as "people of …" to the extractor: name the doer with a verb.
      d.b.add(`${rng.pick(v.doerVerbs)} `);
      d.b.mark('stance', doerPhrase(v, rng, inc.actor, 'asserts').doer);
      d.b.add(' ');
    }
    d.b.add(`${g.on} ${target}${place}${dated}`);
    const according = rng.pick(v.according);
    const by = speaker === null ? '' : according.endsWith(` ${g.to}`) ? `${according.slice(0, -(g.to.length + 1))} ${withLi(v.writing, speaker)}` : `${according} ${speaker}`;
    d.b.add(by ? `${g.comma} ${by}.` : '.');
  } else d.b.add('.');
  if (named) d.stances.push({ key: 'stance', stance: { source, via, actor: inc.actor, stance: verbFirst ? 'asserts' : stance, event: EVENT } });
  return source;
};

const militants = (v: Vocabulary, n: number): string => `${n} ${n <= 10 ? v.militants.plural : v.militants.accusative}`;

/** Write one report of a plan. */
export const writeReport = (v: Vocabulary, rng: Rng, plan: ReportPlan): GeneratedReport => {
  const inc = plan.incident;
  const d: Draft = { b: textBuilder(), claims: [], stances: [] };
  const pub = inc.day + plan.lag;
  const dated = datePhrase(v, rng, inc.day, plan.lag);
  const g = v.writing.glue;
  const speaks = plan.voice !== 'outlet' && plan.voice !== 'coalition' && plan.voice !== 'russia-mod';
  lead(v, rng, d, plan, dated, plan.mayRise && speaks);
  if (plan.secondVoice) {
    const who = rng.pick(v.sources.get(plan.secondVoice)!.slice(0, 2));
    const value = reported(rng, inc.civiliansKilled);
    d.b.add(` ${g.and}${speechVerb(v, rng, who)} ${who} ${g.thatAfterSpeech} `);
    addFigure(d, 'c3', figurePhrase(v, rng, value, 'civilians'), {
      source: plan.secondVoice, via: plan.outlet, outcome: 'killed', group: 'civilians', affiliation: null,
      value, qualifier: 'exact', mayRise: false, event: EVENT,
    });
    d.b.add(` ${v.killedAfter} ${g.in} ${rng.pick(v.attack)}.`);
  }
  if (plan.mayRise && speaks) {
    const who = alias(v, plan.voice);
    d.b.add(` ${g.and}${speechVerb(v, rng, who)} ${who} ${g.that} ${g.theDeathToll} ${rng.pick(v.mayRise)}.`);
  }
  if (plan.denial && (inc.actor === 'russia' || inc.actor === 'coalition') && plan.voice !== 'coalition' && plan.voice !== 'russia-mod') {
    const denier = inc.actor === 'russia' ? 'russia-mod' : 'coalition';
    const who = alias(v, denier);
    d.b.add(` ${g.and}${v.deny[isFeminine(v.writing, who) ? 1 : 0]} `);
    d.b.mark('denial', who);
    d.b.add(` ${g.anyStrikeOn} ${rng.pick(plan.place.names)}.`);
    d.stances.push({ key: 'denial', stance: { source: denier, via: plan.outlet, actor: inc.actor, stance: 'denies', event: EVENT } });
  }
  if (plan.total) addTotal(v, rng, d, plan.voice === 'outlet' ? 'sohr' : plan.voice === 'coalition' || plan.voice === 'russia-mod' ? 'snhr' : plan.voice, plan.outlet, inc.place.governorate, ` ${g.and}`);
  return finish(v.language, plan.id, isoOfDay(pub), plan.outlet, inc.id, 'report', d, {
    date: dated === '' ? { start: isoOfDay(pub - 2), end: isoOfDay(pub) } : { start: isoOfDay(inc.day), end: isoOfDay(inc.day) },
    places: [plan.place.id],
  });
};

/** "ووثق المرصد … مقتل 240 مدنيا في غارات جوية خلال الشهر الماضي في محافظة إدلب": a total over many events. */
const addTotal = (v: Vocabulary, rng: Rng, d: Draft, voice: Voice, outlet: string, governorate: string, join: string): void => {
  const who = alias(v, voice);
  const value = 40 + rng.int(0, 360);
  const g = v.writing.glue;
  d.b.add(`${join}${v.tally[isFeminine(v.writing, who) ? 1 : 0]} ${who} ${rng.pick(v.killedBefore)} `);
  addFigure(d, `t${d.claims.length}`, figurePhrase(v, rng, value, 'civilians'), {
    source: voice, via: voice === outlet ? null : outlet, outcome: 'killed', group: 'civilians', affiliation: null,
    value, qualifier: 'exact', mayRise: false, event: 'total', aggregate: true,
  });
  d.b.add(` ${g.in} ${rng.pick(v.attack)} ${v.period} ${v.previous} ${g.in} ${v.governorateIntro} ${v.governorateNames.get(governorate) ?? ''}.`);
};

/** A report that only states a total over many events (no incident). */
export const writeTotal = (v: Vocabulary, rng: Rng, id: string, day: number, voice: Voice, outlet: string, governorate: string): GeneratedReport => {
  const d: Draft = { b: textBuilder(), claims: [], stances: [] };
  addTotal(v, rng, d, voice, outlet, governorate, '');
  return finish(v.language, id, isoOfDay(day), outlet, null, 'total', d, null);
};

const finish = (language: string, id: string, publishedAt: string, outlet: string, incident: string | null, kind: GeneratedReport['kind'], d: Draft,
  where: { date: { start: string; end: string }; places: string[] } | null): GeneratedReport => {
  const text = d.b.text();
  const spans = d.b.spans();
  const at = (key: string) => {
    const span = spans.get(key)!;
    return { quote: text.slice(span[0], span[1]), span };
  };
  let first = true;
  const claims = d.claims.map(({ key, claim }) => {
    const extra = where && first && !claim.aggregate ? { date: where.date, places: where.places } : {};
    if (!claim.aggregate) first = false;
    return { ...claim, ...at(key), ...extra };
  });
  const stances = d.stances.map(({ key, stance }) => ({ ...stance, ...at(key) }));
  return { id, publishedAt, outlet, language, text, claims, stances, incident, kind };
};
