/**
 * fast-check generators of mentions, shaped (not filtered) so that merges, clashes and
 * hard-rule cases are frequent: a few reports, nearby dates, a handful of places, sources
 * and figures. Generated mentions print as one readable line each.
 */
import fc from 'fast-check';
import type { Mention } from '../../src/model/claim.js';
import { mention, type ClaimSpec, type MentionSpec, type StanceSpec } from './support.js';

export const REPORTS = ['r1', 'r2', 'r3', 'r4', 'r5'] as const;
const DAYS = ['2018-07-11', '2018-07-12', '2018-07-13', '2018-07-15', '2018-07-20', '2022-01-01'];
const PLACES = ['hajin', 'al-susah', 'al-mayadin', 'saraqib', 'deir-ez-zor', 'Hajeen', 'Hajin camp'];

const dateArb: fc.Arbitrary<MentionSpec['date']> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constant('2018-07-12') },
  { weight: 3, arbitrary: fc.constantFrom(...DAYS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...DAYS.slice(0, 5)), fc.integer({ min: 1, max: 4 }))
    .map(([d, n]): readonly [string, string] => {
      const end = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      return [d, end];
    }) },
);

const categoryArb = fc.constantFrom(
  { outcome: 'killed', group: 'all', affiliation: null },
  { outcome: 'killed', group: 'civilians', affiliation: null },
  { outcome: 'killed', group: 'children', affiliation: null },
  { outcome: 'killed', group: 'combatants', affiliation: 'isis' },
  { outcome: 'injured', group: 'all', affiliation: null },
) as fc.Arbitrary<Pick<ClaimSpec, 'outcome' | 'group' | 'affiliation'>>;

export const claimArb: fc.Arbitrary<ClaimSpec> = fc.record({
  category: categoryArb,
  value: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  source: fc.constantFrom('sohr', 'sana', 'coalition', 'local-sources'),
  via: fc.constantFrom(null, null, 'afp', 'reuters'),
  vagueMin: fc.constantFrom(10, 12, null),
}).map(({ category, ...rest }) => ({ ...category, ...rest }));

const stanceArb: fc.Arbitrary<StanceSpec> = fc.record({
  actor: fc.constantFrom('coalition', 'us', 'russia', 'unknown'),
  stance: fc.constantFrom('asserts', 'likely', 'possible', 'acknowledges', 'denies'),
  source: fc.constantFrom('sohr', 'sana', 'coalition', 'russia-mod'),
  via: fc.constantFrom(null, 'afp'),
});

/** What a mention says, apart from its report. */
export const specArb = fc.record({
  date: dateArb,
  places: fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.constant(['hajin']) },
    { weight: 4, arbitrary: fc.subarray(PLACES, { minLength: 1, maxLength: 2 }) },
  ),
  claims: fc.array(claimArb, { maxLength: 3 }),
  stances: fc.array(stanceArb, { maxLength: 2 }),
  targets: fc.subarray(['prison', 'camp', 'factory'], { maxLength: 1 }),
});

const draftArb = fc.record({ reportId: fc.constantFrom(...REPORTS), spec: specArb });

const PUBLISHED: Readonly<Record<string, string | null>> = {
  r1: '2018-07-12', r2: '2018-07-13', r3: '2018-07-13', r4: null, r5: '2018-07-21',
};

const show = (m: Mention): string => {
  const date = m.date ? (m.date.start === m.date.end ? m.date.start : `${m.date.start}..${m.date.end}`) : 'undated';
  const claims = m.claims.map((c) => `${c.outcome}/${c.group}${c.affiliation ? '/' + c.affiliation : ''}=${c.value ?? '~' + String(c.vagueMin)}(${c.source}${c.via ? ' via ' + c.via : ''})`);
  const stances = m.stances.map((s) => `${s.source} ${s.stance} ${s.actor}`);
  return `${m.id} ${date} @${m.places.map((p) => p.id ?? `"${p.name}"`).join('+') || '-'} [${claims.join(', ')}] {${stances.join(', ')}} ${m.targets.join(',')}`;
};

/** Attach a readable toString (fast-check prints it in counterexamples). */
const readable = (m: Mention): Mention => Object.defineProperty({ ...m }, fc.toStringMethod, { value: () => show(m), enumerable: false });

/** Mentions with ids `${report}#${ordinal}` unique per report, and one publication date per report. */
/** Mentions of the given specs, ids `${report}#${ordinal}`, with one publication date per report. */
export const mentionsOf = (drafts: readonly { reportId: string; spec: MentionSpec }[]): Mention[] => {
  const next = new Map<string, number>();
  return drafts.map(({ reportId, spec }) => {
    const ordinal = next.get(reportId) ?? 0;
    next.set(reportId, ordinal + 1);
    return readable(mention(reportId, ordinal, { ...spec, publishedAt: PUBLISHED[reportId] ?? null }));
  });
};

export const mentionsArb = (maxLength = 8, minLength = 0): fc.Arbitrary<Mention[]> =>
  fc.array(draftArb, { minLength, maxLength }).map((drafts) => {
    const next = new Map<string, number>();
    return drafts.map(({ reportId, spec }) => {
      const ordinal = next.get(reportId) ?? 0;
      next.set(reportId, ordinal + 1);
      return readable(mention(reportId, ordinal, { ...spec, publishedAt: PUBLISHED[reportId] ?? null }));
    });
  });

/** Mentions together with a shuffled copy of them. */
export const mentionsAndShuffleArb = (maxLength = 8): fc.Arbitrary<[Mention[], Mention[]]> =>
  mentionsArb(maxLength).chain((ms) => fc.shuffledSubarray(ms, { minLength: ms.length, maxLength: ms.length }).map((s): [Mention[], Mention[]] => [ms, s]));
