/** Markdown and HTML: human names from the rules (ids in data attributes), a relayed claim once with its relay chain,
 *  a revision as one source's timeline, the belligerent's assessment (issue 17). */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderHtml } from '../../src/render/html.js';
import { namesFromRules } from '../../src/render/names.js';
import { claimRows, namedSummary, timelineOf } from '../../src/render/markdown-claims.js';
import type { Incident, Output, ReportOut, TollClaimOut } from '../../src/model/contract.js';

const names = namesFromRules({
  sources: [
    { id: 'sohr', name: 'Syrian Observatory for Human Rights', kind: 'monitor', speaksFor: [], relay: false, aliases: {} },
    { id: 'afp', name: 'Agence France-Presse', kind: 'agency', speaksFor: [], relay: true, aliases: {} },
    { id: 'the-new-arab', name: 'The New Arab', kind: 'newspaper', speaksFor: [], relay: false, aliases: {} },
    { id: 'russia-mod', name: 'Russian Ministry of Defence', kind: 'belligerent', speaksFor: ['russia'], relay: false, aliases: {} },
  ],
  actors: [{ id: 'russia', name: 'Russia', aliases: {}, adjectives: {} }],
  places: [{ id: 'idlib', name: 'Idlib Governorate', kind: 'governorate', governorate: 'idlib', ar: [], en: [] } as never],
});

const claim = (over: Partial<TollClaimOut>): TollClaimOut =>
  ({ source: 'sohr', via: null, reportId: 'r1', value: 20, qualifier: 'exact', mayRise: false, quote: 'twenty killed', span: [0, 5], ...over });

const reports: ReportOut[] = [
  { id: 'r1', publishedAt: '2019-07-22', outlet: 'sohr', language: 'en' },
  { id: 'r2', publishedAt: '2019-07-23', outlet: 'afp', language: 'en' },
  { id: 'r3', publishedAt: '2019-07-24', outlet: 'the-new-arab', language: 'en' },
];

const incident: Incident = {
  id: 'inc-abcdef0123', date: { start: '2019-07-22', end: '2019-07-22' },
  places: [{ id: 'maarat-al-numan', name: 'Maarat al-Numan', governorate: 'idlib' }],
  reportIds: ['r1', 'r2', 'r3'],
  tolls: [{
    outcome: 'killed', group: 'all', affiliation: null, min: 16, max: 37, best: 37,
    claims: [
      claim({ value: 16, quote: 'sixteen killed', superseded: true }),
      claim({ value: 23, quote: 'twenty-three killed', span: [40, 45] }),
      // the same figure relayed twice, through AFP and on through The New Arab
      claim({ reportId: 'r2', via: 'afp', value: 37, quote: 'climbed to 37', relayChain: ['sohr', 'afp'] }),
      claim({ reportId: 'r3', via: 'the-new-arab', value: 37, quote: 'toll reached 37', relayChain: ['sohr', 'afp', 'the-new-arab'] }),
    ],
  }],
  attributions: [{ actor: 'russia', status: 'contested', belligerent: 'known', stances: [
    { source: 'sohr', via: 'afp', relayChain: ['sohr', 'afp'], stance: 'asserts', reportId: 'r2', quote: 'Russian jets struck', span: [50, 60] },
    { source: 'russia-mod', via: null, stance: 'denies', reportId: 'r2', quote: 'did not fly there', span: [70, 80] },
  ] }],
  disagreements: [
    { kind: 'toll', outcome: 'killed', group: 'all', affiliation: null, sources: ['sohr'], reason: 'revision', summary: 'sohr raised its figure for people killed: 16 → 23 → 37.' },
    { kind: 'attribution', actor: 'russia', sources: ['russia-mod', 'sohr'], reason: 'contested', summary: 'sohr blames russia; russia-mod denies it.' },
  ],
  grade: 'contested',
  harmAssessments: [{ actor: 'russia', source: 'russia-mod', assessment: 'non-credible', reportId: 'r2', quote: 'the reports are fabricated', span: [90, 99] }],
};
const output: Output = { schemaVersion: 2, rulesHash: 'h', reports, incidents: [incident], aggregates: [], warnings: [] };

describe('claims as rows', () => {
  it('a figure one source gave, relayed or restated, is one row with every claim it stands for', () => {
    const rows = claimRows(incident.tolls[0]!.claims);
    expect(rows.map((r) => [r.claims[0]!.value, r.claims.length])).toEqual([[16, 1], [23, 1], [37, 2]]);
    // a different figure, qualifier or flag is a row of its own
    expect(claimRows([claim({}), claim({ qualifier: 'at-least' }), claim({ notWhole: true }), claim({ source: 'sana' })])).toHaveLength(4);
  });
});

describe('a revision is one source’s timeline', () => {
  it('per report by publication: the figures revised there, then the current one; one figure in a row is one step', () => {
    const steps = timelineOf(incident, incident.disagreements[0]!, new Map(reports.map((r) => [r.id, r])));
    expect(steps.map((s) => [s.value, s.superseded, s.reportIds])).toEqual([[16, true, ['r1']], [23, false, ['r1']], [37, false, ['r2', 'r3']]]);
  });
  it('only for a disagreement naming one source', () => {
    expect(timelineOf(incident, { ...incident.disagreements[0]!, sources: ['sohr', 'sana'] }, new Map())).toEqual([]);
  });
});

describe('names from the rules', () => {
  it('a summary names the sources and actors it lists, and leaves other words alone', () => {
    expect(namedSummary(incident.disagreements[1]!, names, incident))
      .toBe('Syrian Observatory for Human Rights blames Russia; Russian Ministry of Defence denies it.');
    expect(namedSummary({ kind: 'toll', sources: ['un'], summary: 'unrest: un 5.' }, namesFromRules({ sources: [{ id: 'un', name: 'United Nations', kind: 'other', speaksFor: [], relay: false, aliases: {} }], actors: [], places: [] })))
      .toBe('unrest: United Nations 5.');
  });

  it('Markdown shows names, the relayed claim once with its chain, the timeline and the assessment', () => {
    const md = renderMarkdown(output, names);
    expect(md).toContain('Maarat al-Numan (Idlib Governorate)');
    const rows37 = md.split('\n').filter((l) => l.startsWith('| Syrian Observatory for Human Rights | 37 '));
    expect(rows37).toHaveLength(1);
    expect(rows37[0]).toContain('Agence France-Presse; Agence France-Presse → The New Arab');
    expect(rows37[0]).toContain('r2, r3');
    expect(md).toContain('timeline of Syrian Observatory for Human Rights, one source about one event: 16 (revised) (r1, 2019-07-22) → 23 (r1, 2019-07-22) → 37 (r2, r3, 2019-07-23)');
    expect(md).toContain('- **Russia**: contested, known belligerent');
    expect(md).toContain('Syrian Observatory for Human Rights via Agence France-Presse *asserts*');
    expect(md).toContain('Russia assesses the harm as not credible, says Russian Ministry of Defence');
    // without rules, ids stand for names
    expect(renderMarkdown(output)).toContain('| sohr | 37 ');
  });

  it('HTML shows names, with ids in the data attributes', () => {
    const page = renderHtml(output, undefined, names);
    expect(page).toContain('data-source="sohr"');
    expect(page).toMatch(/data-source="sohr"><bdi>Syrian Observatory for Human Rights<\/bdi>/);
    expect(page).toMatch(/data-actor="russia"[^>]*data-belligerent="known"><bdi>Russia<\/bdi>/);
    expect(page).toContain('data-chain="sohr afp the-new-arab"');
    expect(page).toContain('<option value="idlib">Idlib Governorate</option>');
    expect(page).toContain('data-governorates="idlib"');
    expect(page).toContain('class="timeline" data-source="sohr"');
    expect(page).toContain('data-assessment="non-credible"');
    expect(page.match(/<tr data-source="sohr" data-claims="2">/g)).toHaveLength(1);
  });
});
