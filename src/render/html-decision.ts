/**
 * The HTML report's "copy decision" control: for each claim row and each incident, ready
 * YAML decisions (src/decisions/schema.ts, README "Reviewing") that an analyst copies into
 * the decisions file. Anchors are report id + quote + span, as the decisions file expects;
 * the fields a person must fill are placeholders that still parse (`who: ANALYST`,
 * `when: 0000-00-00`, `why: "TODO: …"`), each with a comment saying what to write.
 *
 * Every string goes into the YAML double-quoted and escaped (JSON escapes, and every control,
 * bidi or invisible character as \uXXXX), so a snippet is plain printable text whatever the
 * report holds, and reads back to exactly the quote of the report.
 */
import type { DecisionKind, Incident, Toll, TollClaimOut } from '../model/contract.js';
import { SetGrade } from '../decisions/schema.js';

const GRADES: readonly string[] = SetGrade.shape.grade.options;

export type Snippet = { readonly kind: DecisionKind; readonly label: string; readonly yaml: string };

/** Characters that never go into a snippet as themselves: controls, bidi marks and isolates, line and paragraph separators, invisibles. */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/gu;

/** A YAML double-quoted scalar (JSON's string syntax is a subset of it) with nothing but printable characters. */
export const yamlString = (s: string): string =>
  JSON.stringify(s).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A decision id from its parts: letters, digits, . _ - (the schema's alphabet), starting with a letter. */
const idOf = (...parts: readonly (string | number)[]): string =>
  parts.map((p) => String(p).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean).join('-');

const PLACEHOLDERS = [
  '  who: ANALYST                 # your name or initials',
  '  when: 0000-00-00             # the date of the decision (YYYY-MM-DD)',
];

type Piece = { readonly reportId: string; readonly quote: string; readonly span: readonly [number, number] };
const anchorOf = (p: Piece): string => `{ report: ${yamlString(p.reportId)}, quote: ${yamlString(p.quote)}, span: [${p.span[0]}, ${p.span[1]}] }`;

const decision = (id: string, kind: DecisionKind, what: string, why: string, body: readonly string[]): string =>
  [`- id: ${id}                 # unique in the file`, `  kind: ${kind}          # ${what}`, ...PLACEHOLDERS, `  why: ${yamlString(why)}`, ...body].join('\n');

const claimAnchor = (t: Pick<Toll, 'outcome' | 'group'>, c: TollClaimOut): string =>
  `{ report: ${yamlString(c.reportId)}, quote: ${yamlString(c.quote)}, span: [${c.span[0]}, ${c.span[1]}], outcome: ${t.outcome}, group: ${t.group} }`;

const claimId = (kind: string, t: Pick<Toll, 'outcome' | 'group'>, c: TollClaimOut): string =>
  idOf(kind, c.reportId, c.span[0], c.span[1], t.outcome, t.group);

/**
 * The decisions about one row of claims (one source and figure, however many reports carry
 * it): each snippet has one decision per claim of the row.
 */
export const claimSnippets = (t: Pick<Toll, 'outcome' | 'group'>, claims: readonly TollClaimOut[]): Snippet[] => [
  {
    kind: 'reject-claim', label: 'reject claim',
    yaml: claims.map((c) => decision(claimId('reject', t, c), 'reject-claim', 'this figure leaves the ranges', 'TODO: why the claim is wrong', [`  claim: ${claimAnchor(t, c)}`])).join('\n'),
  },
  {
    kind: 'correct-claim', label: 'correct claim',
    yaml: claims.map((c) => decision(claimId('correct', t, c), 'correct-claim', 'replace the fields under set', 'TODO: what the report really says', [
      `  claim: ${claimAnchor(t, c)}`,
      `  set: { value: ${c.value === null ? 'null' : c.value}, qualifier: ${c.qualifier} }   # edit; may also set source, via, outcome, group, affiliation`,
    ])).join('\n'),
  },
  {
    kind: 'note', label: 'note',
    yaml: claims.map((c) => decision(claimId('note', t, c), 'note', 'a note on this claim', 'TODO: the note', [`  claim: ${claimAnchor(t, c)}`])).join('\n'),
  },
];

/** One member per report of the incident: its first claim or stance in that report (by span). */
export const incidentMembers = (inc: Incident): Piece[] => {
  const pieces: Piece[] = [...inc.tolls.flatMap((t) => t.claims), ...inc.attributions.flatMap((a) => a.stances)]
    .map((p) => ({ reportId: p.reportId, quote: p.quote, span: [p.span[0], p.span[1]] as const }));
  const first = new Map<string, Piece>();
  for (const p of pieces) {
    const had = first.get(p.reportId);
    if (!had || p.span[0] < had.span[0] || (p.span[0] === had.span[0] && p.span[1] < had.span[1])) first.set(p.reportId, p);
  }
  return [...first.values()].sort((p, q) => (p.reportId < q.reportId ? -1 : p.reportId > q.reportId ? 1 : 0));
};

const membersBlock = (key: string, ms: readonly Piece[]): string[] => [`  ${key}:`, ...ms.map((m) => `    - ${anchorOf(m)}`)];

/**
 * The decisions about one incident. same-incident lists its members (with one report, that
 * member twice, so it parses): an analyst joins two incidents by putting the other
 * incident's members under the same list. different-incidents is offered only when the
 * incident has two reports or more; it keeps every member apart (delete those that belong
 * together). set-attribution names the incident's first actor (or ACTOR, to replace).
 */
export const incidentSnippets = (inc: Incident): Snippet[] => {
  const ms = incidentMembers(inc);
  if (!ms.length) return [];
  const id = (kind: string): string => idOf(kind, inc.id);
  const incident = `  incident: { members: [ ${ms.map(anchorOf).join(', ')} ] }`;
  const actor = inc.attributions[0]?.actor;
  const out: Snippet[] = [{
    kind: 'same-incident', label: 'same incident',
    yaml: decision(id('same'), 'same-incident', 'must-link: these events are one incident', 'TODO: why they are one incident',
      [...membersBlock('members', ms.length >= 2 ? ms : [ms[0]!, ms[0]!]), '    # add here the members of the other incident (from its own same-incident snippet)']),
  }];
  if (ms.length >= 2) {
    out.push({
      kind: 'different-incidents', label: 'different incidents',
      yaml: decision(id('apart'), 'different-incidents', 'cannot-link: every two members are in different incidents', 'TODO: why these are different events',
        [...membersBlock('members', ms), '    # keep only members that are different events (at least two)']),
    });
  }
  out.push(
    {
      kind: 'set-attribution', label: 'set attribution',
      yaml: decision(id('attribution'), 'set-attribution', 'who carried it out', 'TODO: the evidence', [
        incident,
        `  actor: ${actor === undefined ? 'ACTOR                 # an actor id of rules/actors' : yamlString(actor)}`,
        '  status: uncontested            # uncontested, contested or unclear',
      ]),
    },
    {
      kind: 'set-grade', label: 'set grade',
      yaml: decision(id('grade'), 'set-grade', 'the grade of the incident', 'TODO: why this grade', [incident, `  grade: ${inc.grade && GRADES.includes(inc.grade) ? inc.grade : 'fair'}                  # ${GRADES.join(', ')}`]),
    },
    { kind: 'note', label: 'note', yaml: decision(id('note'), 'note', 'a note on this incident', 'TODO: the note', [incident]) },
  );
  return out;
};
