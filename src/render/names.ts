/**
 * Human names for the ids an output uses (sources, actors, governorates), from the rules:
 * the reports show "Syrian Observatory for Human Rights", the data attributes and JSON keep
 * "sohr". Without rules (a saved output rendered alone) each id is its own name.
 */
import type { Rules } from '../rules/schema.js';
import { sourceLabel } from './facts.js';

export type Names = {
  readonly source: (id: string) => string;
  readonly actor: (id: string) => string;
  readonly governorate: (id: string) => string;
};

const self = (id: string): string => id;

/** Every id its own name (the source `unattributed` reads "outlet unknown"). */
export const ID_NAMES: Names = { source: sourceLabel, actor: self, governorate: self };

/** Names from the rules; an id the rules do not name keeps the id. */
export const namesFromRules = (rules: Pick<Rules, 'sources' | 'actors' | 'places'>): Names => {
  const lookup = (entries: readonly { id: string; name: string }[]) => {
    const m = new Map(entries.map((x) => [x.id, x.name]));
    return (id: string): string => m.get(id) ?? id;
  };
  const sourceName = lookup(rules.sources);
  return {
    source: (id: string): string => (id === 'unattributed' ? sourceLabel(id) : sourceName(id)),
    actor: lookup(rules.actors),
    governorate: lookup(rules.places.filter((p) => p.kind === 'governorate')),
  };
};
