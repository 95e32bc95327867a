/**
 * A synthetic corpus with known truth, deterministic for a seed: incidents (and decoys)
 * over a span of years, each told by one to six voices with differing figures, stances
 * and relays, syndicated copies of some reports, and reports that only give totals.
 */
import { sameDayOtherVillage, sameVillageOtherYear, sampleIncident, makeOccupancy, type TrueIncident } from './incidents.js';
import { dayOfIso, isoOfDay } from './phrasing.js';
import { makeRng, mixSeed, type Rng } from './prng.js';
import { writeReport, writeTotal, type GeneratedReport, type ReportPlan, type Voice } from './reports.js';
import type { Vocabulary } from './vocabulary.js';

/** How often each kind of decoy and variation occurs. */
export type Rates = {
  /** an incident also gets a twin in the same village one to three years away */
  readonly sameVillageOtherYear: number;
  /** an incident also gets a twin in another village of its governorate the same day */
  readonly sameDayOtherVillage: number;
  /** a report is also published as a syndicated copy by another outlet */
  readonly syndicated: number;
  /** share of reports that only state a total over many events */
  readonly totals: number;
  /** a report also states a total over many events */
  readonly totalSentence: number;
  /** a report quotes a second source's figure */
  readonly secondVoice: number;
  readonly mayRise: number;
  /** a report quotes the suspected belligerent's denial */
  readonly denial: number;
  /** a report places the strike in a neighbouring village of the same district (sources disagree on where) */
  readonly neighbourVillage: number;
};

export const DEFAULT_RATES: Rates = {
  sameVillageOtherYear: 0.04, sameDayOtherVillage: 0.04, syndicated: 0.08, totals: 0.02,
  totalSentence: 0.05, secondVoice: 0.2, mayRise: 0.15, denial: 0.2, neighbourVillage: 0.02,
};

export type GenerateOptions = {
  readonly seed: number;
  /** how many reports to write */
  readonly reports: number;
  /** first and last day incidents may fall on (ISO dates) */
  readonly from: string;
  readonly to: string;
  readonly rates: Rates;
  /** only places in these governorates (all when absent): dense corpora for tests */
  readonly governorates?: readonly string[];
};

export const DEFAULT_OPTIONS: Omit<GenerateOptions, 'seed' | 'reports'> = { from: '2014-01-01', to: '2022-12-31', rates: DEFAULT_RATES };

export type Corpus = { readonly incidents: readonly TrueIncident[]; readonly reports: readonly GeneratedReport[] };

const WIRES = ['afp', 'reuters', 'ap', 'al-alam'] as const;

/** How many voices tell an incident: most incidents are told once or twice, a few six times. */
const VOICE_COUNTS: readonly (readonly [number, number])[] = [[1, 25], [2, 25], [3, 20], [4, 14], [5, 10], [6, 6]];

const voicePool = (inc: TrueIncident): (readonly [Voice, number])[] => [
  ['sohr', 6], ['snhr', 2], ['local-sources', 2], ['outlet', 3],
  ['sana', inc.actor === 'coalition' || inc.actor === 'turkey' ? 3 : 1],
  ['coalition', inc.actor === 'coalition' ? 3 : 0],
  ['russia-mod', inc.actor === 'russia' ? 2 : 0],
];

const pickVoices = (rng: Rng, inc: TrueIncident, n: number): Voice[] => {
  const pool = voicePool(inc).filter(([, w]) => w > 0);
  const out: Voice[] = [];
  while (out.length < n && pool.length) {
    const v = rng.weighted(pool);
    out.push(v);
    // Independent voices are distinct; the outlet voice may recur (several outlets report on their own).
    if (v !== 'outlet') pool.splice(pool.findIndex(([x]) => x === v), 1);
  }
  return out;
};

const outletOf = (rng: Rng, voice: Voice): string => (voice === 'sana' && rng.chance(0.6) ? 'sana' : rng.pick(WIRES));

const pad = (n: number): string => String(n).padStart(7, '0');

/** The reports of one incident (and its syndicated copies), numbered from `seq`. */
const tell = (v: Vocabulary, rng: Rng, inc: TrueIncident, rates: Rates, nextId: (day: number, outlet: string) => string): GeneratedReport[] => {
  const voices = pickVoices(rng, inc, rng.weighted(VOICE_COUNTS));
  const out: GeneratedReport[] = [];
  for (const voice of voices) {
    const outlet = outletOf(rng, voice);
    const lag = rng.weighted([[0, 4], [1, 5], [2, 1]] as const);
    const second = rng.chance(rates.secondVoice) ? rng.pick((['sohr', 'sana', 'local-sources'] as const).filter((x) => x !== voice)) : null;
    const neighbours = rng.chance(rates.neighbourVillage) && inc.place.district
      ? (v.placesByGovernorate.get(inc.place.governorate) ?? []).filter((p) => p.district === inc.place.district && p.id !== inc.place.id)
      : [];
    const plan: ReportPlan = {
      id: nextId(inc.day + lag, outlet), incident: inc, voice, outlet, lag, secondVoice: second,
      place: neighbours.length ? rng.pick(neighbours) : inc.place,
      mayRise: rng.chance(rates.mayRise), denial: rng.chance(rates.denial), total: rng.chance(rates.totalSentence),
    };
    const report = writeReport(v, rng, plan);
    out.push(report);
    if (voice !== 'outlet' && rng.chance(rates.syndicated)) {
      const copier = rng.pick(WIRES.filter((w) => w !== outlet));
      out.push({
        ...report, id: nextId(inc.day + lag, copier), outlet: copier, kind: 'syndicated',
        claims: report.claims.map((c) => ({ ...c, via: c.source === copier ? null : copier })),
        stances: report.stances.map((s) => ({ ...s, via: s.source === copier ? null : copier })),
      });
    }
  }
  return out;
};

/** Generate a corpus: incidents one after another (each from its own derived seed) until there are enough reports. */
/** The vocabulary with its places narrowed to some governorates. */
const within = (v: Vocabulary, governorates: readonly string[] | undefined): Vocabulary => {
  if (!governorates) return v;
  const keep = new Set(governorates);
  return {
    ...v,
    places: v.places.filter((p) => keep.has(p.governorate)),
    placesByGovernorate: new Map([...v.placesByGovernorate].filter(([g]) => keep.has(g))),
  };
};

export const generateCorpus = (vocabulary: Vocabulary) => (options: GenerateOptions): Corpus => {
  const { seed, rates } = options;
  const v = within(vocabulary, options.governorates);
  const firstDay = dayOfIso(options.from), lastDay = dayOfIso(options.to);
  const occupancy = makeOccupancy();
  const incidents: TrueIncident[] = [];
  const reports: GeneratedReport[] = [];
  let seq = 0;
  const nextId = (day: number, outlet: string): string => `${isoOfDay(day)}-${outlet}-${pad(++seq)}`;
  const governorates = [...v.placesByGovernorate.keys()].sort();
  for (let k = 0; reports.length < options.reports; k++) {
    const rng = makeRng(mixSeed(seed, k));
    if (rng.chance(rates.totals)) {
      const day = rng.int(firstDay, lastDay);
      const voice: Voice = rng.chance(0.7) ? 'sohr' : 'snhr';
      const outlet = rng.pick(WIRES);
      reports.push(writeTotal(v, rng, nextId(day, outlet), day, voice, outlet, rng.pick(governorates)));
      continue;
    }
    const inc = sampleIncident(v, rng, `inc-${pad(k)}`, firstDay, lastDay, occupancy);
    if (!inc) continue;
    const told = [inc];
    const twinYear = rng.chance(rates.sameVillageOtherYear) ? sameVillageOtherYear(rng, `inc-${pad(k)}-y`, inc, firstDay, lastDay, occupancy) : null;
    const twinDay = rng.chance(rates.sameDayOtherVillage) ? sameDayOtherVillage(v, rng, `inc-${pad(k)}-d`, inc, occupancy) : null;
    if (twinYear) told.push(twinYear);
    if (twinDay) told.push(twinDay);
    for (const i of told) {
      incidents.push(i);
      reports.push(...tell(v, rng, i, rates, nextId));
    }
  }
  return { incidents, reports: reports.slice(0, options.reports) };
};
