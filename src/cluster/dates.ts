/**
 * Calendar arithmetic on ISO dates as whole day numbers (days since 1970-01-01, UTC),
 * and the interval tests clustering and reconciliation share. Pure: no clock.
 */
import type { DateRange } from '../model/contract.js';

/** A date range as inclusive day numbers. */
export type DayRange = { readonly start: number; readonly end: number };

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): no Date, no allocation. */
const daysFromCivil = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const dayNumber = (iso: string): number => {
  const m = ISO_DAY.exec(iso);
  if (m) return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, mo - 1, d) / DAY_MS);
};

export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const toDays = (range: DateRange): DayRange => {
  const a = dayNumber(range.start), b = dayNumber(range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
};

export const toDateRange = (days: DayRange): DateRange => ({ start: isoOfDay(days.start), end: isoOfDay(days.end) });

/** Days strictly between two ranges (0 when they touch or overlap). */
export const gapDays = (a: DayRange, b: DayRange): number => Math.max(0, a.start - b.end, b.start - a.end);

export const overlaps = (a: DayRange, b: DayRange): boolean => a.start <= b.end && b.start <= a.end;

/** Two dated mentions can be one event: no more than `window` days apart. */
export const compatible = (window: number) => (a: DayRange, b: DayRange): boolean =>
  a.start <= b.end + window && b.start <= a.end + window;

export const isSingleDay = (a: DayRange): boolean => a.start === a.end;

/** The range all share, or null when some two do not overlap. */
export const intersectAll = (ranges: readonly DayRange[]): DayRange | null => {
  if (!ranges.length) return null;
  const start = Math.max(...ranges.map((r) => r.start)), end = Math.min(...ranges.map((r) => r.end));
  return start <= end ? { start, end } : null;
};

export const hull = (ranges: readonly DayRange[]): DayRange | null =>
  ranges.length ? { start: Math.min(...ranges.map((r) => r.start)), end: Math.max(...ranges.map((r) => r.end)) } : null;

export const formatRange = (r: DateRange): string => (r.start === r.end ? r.start : `${r.start}..${r.end}`);
