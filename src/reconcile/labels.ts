/**
 * Short English phrases for summaries ("civilians killed", "combatants (isis) killed").
 * Output wording only: nothing here is used to read reports.
 */
import type { Toll } from '../model/contract.js';

export const categoryLabel = (t: Pick<Toll, 'outcome' | 'group' | 'affiliation'>): string =>
  `${t.group === 'all' ? 'people' : t.group}${t.affiliation ? ` (${t.affiliation})` : ''} ${t.outcome}`;

/** "a, b and c". */
export const listing = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
