/**
 * How an incident's places read in every report format: gazetteer places with their
 * governorate, then places the gazetteer does not have, with their names as written
 * ("تل عقربات / Tal Aqrabat (not in gazetteer)"). Plain text: each format escapes it.
 */
import type { Incident } from '../model/contract.js';
import { ID_NAMES, type Names } from './names.js';

export const UNRESOLVED_NOTE = 'not in gazetteer';

/** `esc` escapes each name and governorate for the format (Markdown); HTML escapes the whole. */
export const placeLabels = (inc: Incident, esc: (s: string) => string = (s) => s, names: Names = ID_NAMES): string[] => [
  ...inc.places.map((p) => `${esc(p.name)}${p.governorate ? ` (${esc(names.governorate(p.governorate))})` : ''}`),
  ...(inc.unresolvedPlaces ?? []).map((u) => `${u.names.map(esc).join(' / ')} (${UNRESOLVED_NOTE})`),
];

/** Just the names (for a table cell). */
export const placeNamesOnly = (inc: Incident): string[] => [...inc.places.map((p) => p.name), ...(inc.unresolvedPlaces ?? []).map((u) => u.name)];
