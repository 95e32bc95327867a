/**
 * Date expressions in a sentence and their resolution against the publication date:
 * day + month (+ year), month + year, month + "last"/"current", weekdays (with part
 * of day or "yesterday"), relative days and recent windows ("last 24 hours"). What
 * needs a publication date and has none stays unresolved (range null).
 */
import type { DateRange } from '../model/contract.js';
import type { DateRules } from '../rules/language-schema.js';
import type { Lexicon, Matcher } from './lexicon.js';
import { compileLexicon, nextToken, phraseSet, prevToken } from './lexicon.js';
import type { Token } from './tokens.js';
import { numberValue } from './tokens.js';

export type DatePrecision = 'day' | 'days' | 'month' | 'year';

export type DateMention = {
  readonly from: number;
  readonly to: number;
  readonly range: DateRange | null;
  readonly precision: DatePrecision;
  /**
   * a date told from the event before it ("the day before", "a week earlier"): `range` is
   * reckoned from publication until the sentence's event is known; `after` marks "N after
   * <event>" (rules: dates.offsets)
   */
  readonly shift?: { readonly days: number; readonly after: boolean };
};

type Offset = { readonly days: number; readonly anchor: 'publication' | 'week' | 'event'; readonly after: boolean; readonly counted: boolean };

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validDay = (y: number, m: number, d: number): boolean => d >= 1 && d <= lastDay(y, m);

export type DateReader = {
  readonly findAll: (tokens: readonly Token[], from: number, to: number, publishedAt: string | null) => readonly DateMention[];
  /** the date dates a statement, not the event it tells (see `statementDated`) */
  readonly datesStatement: (tokens: readonly Token[], s: Span, d: DateMention, g: StatementGrammar) => boolean;
};

type Span = { readonly from: number; readonly to: number };
/** What tells a statement in a sentence: speech verbs, and where the sentence's speakers' verbs stand. */
export type StatementGrammar = {
  readonly speech: Lexicon<unknown>;
  readonly complementizers: Lexicon<unknown>;
  readonly attackCues: Lexicon<unknown>;
  readonly attackNouns: Lexicon<unknown>;
  /** the sentence's speech verbs that name a speaker, and the speaker's name where it is written */
  readonly points: readonly { readonly at: number; readonly verbAt: number; readonly name: Span | null }[];
};

/** How many words a speaker's name may take between its verb and the date ("نفت وزارة الدفاع الروسية اليوم"). */
const SUBJECT_WORDS = 4;

/** A match of `lex` ending at token j (it starts a few tokens before). */
const endsAt = (lex: Lexicon<unknown>, tokens: readonly Token[], j: number, floor: number): boolean => {
  for (let i = j; i >= Math.max(floor, j - 4); i--) if (lex.matchAt(tokens, i, j + 1)?.to === j) return true;
  return false;
};

/**
 * A time word governed by a speech verb or a statement noun dates the statement, not the event it
 * tells ("the ministry said Tuesday", "denied today", "in a statement on Monday", "نفت الوزارة اليوم",
 * "قالت في بيان اليوم"): right after the verb, after the verb and its subject, after a statement
 * noun, or right before a verb. A date that a possessive ties to a noun ("Monday's strikes") is the event's.
 */
const statementDated = (nouns: Lexicon<true>, countedBy: Lexicon<true>, tokens: readonly Token[], s: Span, d: DateMention, g: StatementGrammar): boolean => {
  const q = tokens[d.to + 1];
  if (d.to + 1 < s.to && q && q.kind === 'punct' && /^['’]/.test(q.text) && tokens[d.to]!.end === q.start) return false;
  const n = nextToken(tokens, d.to, s.to);
  if (n < s.to && g.speech.matchAt(tokens, n, s.to)) return true;
  const p = prevToken(tokens, d.from, s.from);
  // "the toll stood at 57 by Wednesday evening": the time of the count
  if (p >= s.from && (endsAt(g.speech, tokens, p, s.from) || endsAt(nouns, tokens, p, s.from) || endsAt(countedBy, tokens, p, s.from))) return true;
  // "في بيان لها اليوم", "in a statement issued on Monday": a word between the noun and the date
  const pp = p >= s.from ? prevToken(tokens, p, s.from) : -1;
  if (pp >= s.from && tokens[p]!.kind === 'word' && endsAt(nouns, tokens, pp, s.from)) return true;
  // a listed speaker's name right before the date ("قال المرصد اليوم"), or a few words after the verb
  // that names it ("the monitor said on Tuesday", "local sources told SANA's reporter on Monday"); what
  // stands between tells nothing of the event ("the monitor said strikes on Tuesday killed 4" dates the strikes)
  const quiet = (a: number, b: number, words: boolean) => {
    for (let i = a + 1; i < b; i++) {
      const t = tokens[i]!;
      if ((words ? t.kind !== 'word' : t.kind === 'number' || (t.kind === 'punct' && t.text !== ',')) || g.complementizers.matchAt(tokens, i, s.to) || g.attackCues.matchAt(tokens, i, s.to)
        || g.attackNouns.matchAt(tokens, i, s.to)) return false;
    }
    return true;
  };
  if (g.points.some(({ name, verbAt, at }) => name && ((verbAt < name.from && d.from >= name.to + 1 && d.from <= name.to + 2 && quiet(name.to, d.from, false))
    || (name.to < verbAt && d.from > verbAt && d.from <= verbAt + (at < name.from ? 8 : 2) && quiet(verbAt, d.from, false))))) return true;
  // verb, subject, date: the words between name the speaker; a sentence opening with date, subject,
  // verb ("On Tuesday, the ministry said", "اليوم الثلاثاء، قالت الوزارة") likewise (a date after its
  // event's words, "killed 6 on Sunday, the monitor said", is the event's)
  return g.points.some(({ verbAt: v }) => (v < d.from && d.from - v <= SUBJECT_WORDS + 1 && quiet(v, d.from, true))
    || (p < s.from && v > d.to && v - d.to <= SUBJECT_WORDS + 2 && quiet(d.to, v, false)));
};

/** "أحد عناصرها": a weekday word written bare that is another word here (no "يوم" before it). */
const bareWord = (lex: DateLex, tokens: readonly Token[], i: number, from: number): boolean => {
  if (!lex.bare.has(tokens[i]!.text)) return false;
  const p = prevToken(tokens, i, from);
  return !(p >= from && lex.dayNouns.matchAt(tokens, p, i + 1)?.to === p);
};

/** A year (1900–2100) written at j. */
const yearAt = (tokens: readonly Token[], j: number, limit: number): number | null => {
  if (j >= limit || tokens[j]!.kind !== 'number' || tokens[j]!.text.length !== 4) return null;
  const y = numberValue(tokens[j]!);
  return y !== null && y >= 1900 && y <= 2100 ? y : null;
};
/** "June 26", "June 25 and 26", "Sept. 29,": the day (and a last day) after a month ending at i */
const dayAfter = (dayJoiners: Lexicon<unknown>, tokens: readonly Token[], i: number, limit: number): { day: number; last: number | null; to: number } | null => {
  let j = nextToken(tokens, i, limit);
  if (j < limit && tokens[j]!.text === '.') j = nextToken(tokens, j, limit);
  const dayAt = (k: number): number | null => {
    if (k >= limit || tokens[k]!.kind !== 'number' || tokens[k]!.text.length > 2) return null;
    const d = Number(tokens[k]!.text);
    return d >= 1 && d <= 31 ? d : null;
  };
  const d = dayAt(j);
  if (d === null) return null;
  let to = j;
  let last: number | null = null;
  const k = nextToken(tokens, j, limit);
  const joiner = k < limit ? dayJoiners.matchAt(tokens, k, limit) : null;
  if (joiner) {
    const d2 = dayAt(nextToken(tokens, joiner.to, limit));
    if (d2 !== null && d2 > d) { last = d2; to = nextToken(tokens, joiner.to, limit); }
  }
  const c = nextToken(tokens, to, limit);
  if (c < limit && tokens[c]!.text === ',' && yearAt(tokens, nextToken(tokens, c, limit), limit) !== null) to = c;
  return { day: d, last, to };
};

/**
 * Weekdays at i, possibly several ("يومي الأحد والاثنين"), after a part of the day: the days of the week
 * before publication. "Last Sunday", "الأحد الماضي": the one before publication day, never that day itself.
 */
const weekdaysMention = (lex: { readonly weekdays: Lexicon<number>; readonly partsOfDay: Lexicon<unknown>; readonly previous: Lexicon<unknown> }, tokens: readonly Token[], i: number,
  at: { readonly from: number; readonly to: number; readonly pub: number | null }, wd: { readonly to: number; readonly value: number }): DateMention => {
  const { from, to, pub } = at;
  const pj = prevToken(tokens, i, from);
  const lastBefore = pj >= from && lex.previous.matchAt(tokens, pj, to)?.to === i - 1 ? pj : null;
  const start = lastBefore ?? (pj >= from && lex.partsOfDay.matchAt(tokens, pj, to) ? pj : i);
  const after = nextToken(tokens, wd.to, to);
  const lastAfter = after < to ? lex.previous.matchAt(tokens, after, to) : null;
  const last = lastBefore !== null || lastAfter !== null;
  const dates: number[] = [];
  let end = wd.to;
  let cur: { readonly to: number; readonly value: number } | null = wd;
  while (cur) {
    if (pub !== null) {
      const offset = (new Date(pub).getUTCDay() - cur.value + 7) % 7;
      dates.push(pub - (offset === 0 && last ? 7 : offset) * DAY);
    }
    end = cur.to;
    const nj = nextToken(tokens, end, to);
    cur = nj < to ? lex.weekdays.matchAt(tokens, nj, to) : null;
  }
  const range = dates.length ? { start: iso(Math.min(...dates)), end: iso(Math.max(...dates)) } : null;
  return { from: start, to: lastAfter && end === wd.to ? lastAfter.to : end, precision: 'day', range };
};

/** Offsets ("two days ago", "the day before", "قبل ثلاثة أيام"): an offset's '#' is a digit, or one of the count words written out in its place. */
const compileOffsets = (rules: DateRules, matcher: Matcher): Lexicon<Offset> => compileLexicon(matcher, rules.offsets.flatMap((o) => {
  const base = { anchor: o.anchor, after: o.after };
  if (!o.phrase.split(/\s+/).includes('#')) return [{ phrase: o.phrase, value: { ...base, days: o.days, counted: false } }];
  return [
    { phrase: o.phrase, value: { ...base, days: o.days, counted: true } },
    ...Object.entries(rules.counts).map(([word, n]) => ({
      phrase: o.phrase.split(/\s+/).map((w) => (w === '#' ? word : w)).join(' '), value: { ...base, days: o.days * n, counted: false },
    })),
  ];
}));

/** The date an offset matched at `i` tells, from the publication day (`pub`, ms) or the event told before it. */
const offsetMention = (tokens: readonly Token[], i: number, off: { readonly to: number; readonly value: Offset }, pub: number | null): DateMention => {
  const day = (ms: number): DateRange => ({ start: iso(ms), end: iso(ms) });
  let n = 1;
  if (off.value.counted) {
    const k = tokens.slice(i, off.to + 1).find((t) => t.kind === 'number');
    n = (k ? numberValue(k) : null) ?? 1;
  }
  const days = off.value.days * n;
  if (off.value.anchor === 'event') return { from: i, to: off.to, precision: 'day', range: pub === null ? null : day(pub + days * DAY), shift: { days, after: off.value.after } };
  // about a week: the seven days around the offset, none of them publication's
  if (off.value.anchor === 'week') return { from: i, to: off.to, precision: 'days', range: pub === null ? null : { start: iso(pub + (days - 3) * DAY), end: iso(pub + Math.min(days + 3, -1) * DAY) } };
  return { from: i, to: off.to, precision: 'day', range: pub === null ? null : day(pub + days * DAY) };
};

/** The lexicons a date reader matches with, compiled once per language. */
type DateLex = {
  readonly rules: DateRules;
  readonly months: Lexicon<number>; readonly weekdays: Lexicon<number>; readonly relative: Lexicon<number>;
  /** weekday words that are other words written bare (rules: dates.bareWeekdayWords), and "يوم" */
  readonly bare: ReadonlySet<string>; readonly dayNouns: Lexicon<true>;
  /** prepositions of time that make a bare month a date ("in December"; rules: dates.monthLeads) */
  readonly monthLeads: Lexicon<true>;
  readonly windows: Lexicon<DateRules['recentWindows'][number]>; readonly offsets: Lexicon<Offset>;
  readonly previous: Lexicon<true>; readonly current: Lexicon<true>; readonly partsOfDay: Lexicon<true>;
  readonly dayJoiners: Lexicon<true>; readonly monthNouns: Lexicon<true>; readonly dayLinks: Lexicon<true>;
};

/** The publication day (ms), its year and month, when known. */
type Pub = { readonly ms: number | null; readonly year: number | null; readonly month: number | null };

const day = (ms: number): DateRange => ({ start: iso(ms), end: iso(ms) });

export const makeDateReader = (rules: DateRules, matcher: Matcher): DateReader => {
  const record = (r: Readonly<Record<string, number>>): Lexicon<number> => compileLexicon(matcher, Object.entries(r).map(([phrase, value]) => ({ phrase, value })));
  const lex: DateLex = {
    rules, months: record(rules.months), weekdays: record(rules.weekdays), relative: record(rules.relativeDays),
    windows: compileLexicon(matcher, rules.recentWindows.map((w) => ({ phrase: w.phrase, value: w }))),
    offsets: compileOffsets(rules, matcher),
    previous: phraseSet(matcher, rules.previous), current: phraseSet(matcher, rules.current),
    partsOfDay: phraseSet(matcher, rules.partsOfDay), dayJoiners: phraseSet(matcher, rules.dayJoiners),
    monthNouns: phraseSet(matcher, rules.monthNouns), dayLinks: phraseSet(matcher, rules.dayMonthLinks),
    bare: new Set(rules.bareWeekdayWords.map(matcher.folding.fold)), dayNouns: phraseSet(matcher, rules.dayNouns),
    monthLeads: phraseSet(matcher, rules.monthLeads),
  };
  const nouns = phraseSet(matcher, rules.statementNouns);
  const countedBy = phraseSet(matcher, rules.countedBy);
  return {
    findAll: (tokens, from, to, publishedAt) => scanDates(lex, tokens, from, to, publishedAt),
    datesStatement: (tokens, s, d, g) => statementDated(nouns, countedBy, tokens, s, d, g),
  };
};

/** The day (1–31) written right before token i ("3 June", "3 of June", "3 من حزيران"), and where. */
const dayBefore = (lex: DateLex, tokens: readonly Token[], i: number, floor: number): { day: number; at: number } | null => {
  let j = prevToken(tokens, i, floor);
  if (j >= floor && tokens[j]!.kind === 'word' && lex.dayLinks.matchAt(tokens, j, i)?.to === j) j = prevToken(tokens, j, floor);
  if (j < floor || tokens[j]!.kind !== 'number' || tokens[j]!.text.length > 2) return null;
  const d = Number(tokens[j]!.text);
  return d >= 1 && d <= 31 ? { day: d, at: j } : null;
};

/** month [/ month] starting at i: its value and last token */
const monthAt = (lex: DateLex, tokens: readonly Token[], i: number, limit: number): { month: number; to: number } | null => {
  const m = lex.months.matchAt(tokens, i, limit);
  if (!m) return null;
  let to = m.to;
  const slash = to + 1;
  if (slash < limit && tokens[slash]!.text === '/') {
    const m2 = lex.months.matchAt(tokens, slash + 1, limit);
    if (m2 && m2.value === m.value) to = m2.to;
  }
  return { month: m.value, to };
};

/** A recent window at i ("خلال الساعات الـ24 الماضية", "in the past 48 hours"): the days up to publication. */
const windowMention = (lex: DateLex, tokens: readonly Token[], i: number, to: number, pub: Pub): DateMention | null => {
  const w = lex.windows.matchAt(tokens, i, to);
  if (!w) return null;
  let days = w.value.days;
  if (w.value.unit === 'hours') {
    const n = tokens.slice(i, w.to + 1).find((t) => t.kind === 'number');
    days = n ? Math.max(1, Math.ceil((numberValue(n) ?? 24) / 24)) : 1;
  }
  return { from: i, to: w.to, precision: 'days', range: pub.ms === null ? null : { start: iso(pub.ms - days * DAY), end: iso(pub.ms) } };
};

/**
 * A month at i: day + month (+ year), month + year, month + last/current, "month" + month. A month
 * name with none of these is a word ("آب" is also a word), and null.
 */
const monthMention = (lex: DateLex, tokens: readonly Token[], i: number, from: number, to: number, pub: Pub): DateMention | null => {
  const mo = monthAt(lex, tokens, i, to);
  if (!mo) return null;
  const after = lex.rules.dayAfterMonth ? dayAfter(lex.dayJoiners, tokens, mo.to, to) : null;
  const before = dayBefore(lex, tokens, i, from) ?? (after ? { day: after.day, at: i } : null);
  const yj = nextToken(tokens, after ? after.to : mo.to, to);
  const year = yearAt(tokens, yj, to);
  const isPrev = !year && yj < to ? lex.previous.matchAt(tokens, yj, to) : null;
  const isCur = !year && yj < to ? lex.current.matchAt(tokens, yj, to) : null;
  const pj = prevToken(tokens, i, from);
  const named = pj >= from && lex.monthNouns.matchAt(tokens, pj, to) !== null;
  const paired = mo.to > i && tokens.slice(i, mo.to + 1).some((t) => t.text === '/');
  // English order: "last August", "this March"; a preposition of time that opens the sentence ("In
  // December, a drone strike ..."; inside it, "since X brokered a truce in March" dates no event)
  const prevBefore = !before && pj >= from && lex.previous.matchAt(tokens, pj, i)?.to === pj;
  const curBefore = !before && pj >= from && lex.current.matchAt(tokens, pj, i)?.to === pj;
  const led = pj === from && lex.monthLeads.matchAt(tokens, pj, i)?.to === pj;
  if (!before && !year && !isPrev && !isCur && !named && !paired && !prevBefore && !curBefore && !led) return null;
  const end = year ? yj : isPrev ? isPrev.to : isCur ? isCur.to : after ? after.to : mo.to;
  const start = before ? before.at : named || prevBefore || curBefore ? pj : i;
  const y = year ?? monthYear(pub, mo.month, { prev: !!isPrev || prevBefore, cur: !!isCur || curBefore, day: before?.day ?? null });
  let range: DateRange | null = null;
  if (y !== null) {
    if (after?.last && validDay(y, mo.month, after.day) && validDay(y, mo.month, after.last)) {
      range = { start: iso(utc(y, mo.month, after.day)), end: iso(utc(y, mo.month, after.last)) };
    } else if (before && validDay(y, mo.month, before.day)) range = day(utc(y, mo.month, before.day));
    else if (!before) range = { start: iso(utc(y, mo.month, 1)), end: iso(utc(y, mo.month, lastDay(y, mo.month))) };
  }
  return { from: start, to: end, range, precision: before ? 'day' : 'month' };
};

/** The year of a month written without one: the current year, the last one's, or the latest not after publication. */
const monthYear = (pub: Pub, month: number, m: { readonly prev: boolean; readonly cur: boolean; readonly day: number | null }): number | null => {
  if (pub.ms === null || pub.year === null || pub.month === null) return null;
  if (m.cur) return pub.year;
  if (m.prev) return month < pub.month ? pub.year : pub.year - 1;
  if (m.day !== null) return utc(pub.year, month, m.day) > pub.ms + 3 * DAY ? pub.year - 1 : pub.year;
  return month <= pub.month ? pub.year : pub.year - 1;
};

/** An offset or a relative day at i ("two days ago", "the day before", "أمس الخميس"). */
const relativeMention = (lex: DateLex, tokens: readonly Token[], i: number, to: number, pub: Pub): DateMention | null => {
  const rel = lex.relative.matchAt(tokens, i, to);
  const off = lex.offsets.matchAt(tokens, i, to);
  if (off && (!rel || off.to > rel.to)) return offsetMention(tokens, i, off, pub.ms);
  if (!rel) return null;
  // possibly followed by a weekday ("أمس الخميس")
  let end = rel.to;
  const wj = nextToken(tokens, end, to);
  const wd = wj < to ? lex.weekdays.matchAt(tokens, wj, to) : null;
  if (wd) end = wd.to;
  // "يوم الأربعاء الماضي": the weekday before publication day, never that day itself
  const lj = wd ? nextToken(tokens, end, to) : to;
  const last = lj < to ? lex.previous.matchAt(tokens, lj, to) : null;
  if (last) end = last.to;
  // the weekday is the surer word: "يوم السبت" is "on Saturday" even though يوم folds like اليوم
  const back = wd && pub.ms !== null ? (new Date(pub.ms).getUTCDay() - wd.value + 7) % 7 : 0;
  const offset = wd && pub.ms !== null ? -(back === 0 && last ? 7 : back) : rel.value;
  return { from: i, to: end, precision: 'day', range: pub.ms === null ? null : day(pub.ms + offset * DAY) };
};

/** The dates of tokens [from, to), each read by the first kind of date that starts at its token. */
const scanDates = (lex: DateLex, tokens: readonly Token[], from: number, to: number, publishedAt: string | null): readonly DateMention[] => {
  const ms = publishedAt ? Date.parse(publishedAt) : null;
  const pub: Pub = { ms, year: ms === null ? null : new Date(ms).getUTCFullYear(), month: ms === null ? null : new Date(ms).getUTCMonth() + 1 };
  const out: DateMention[] = [];
  for (let i = from; i < to; i++) {
    const found = windowMention(lex, tokens, i, to, pub) ?? monthMention(lex, tokens, i, from, to, pub) ?? relativeMention(lex, tokens, i, to, pub);
    if (found) { out.push(found); i = found.to; continue; }
    // weekdays, possibly several ("يومي الأحد والاثنين")
    const wd = lex.weekdays.matchAt(tokens, i, to);
    if (wd && !bareWord(lex, tokens, i, from)) {
      const m = weekdaysMention(lex, tokens, i, { from, to, pub: pub.ms }, wd);
      out.push(m);
      i = m.to;
      continue;
    }
    // a year on its own ("في العام 2013")
    const y = yearAt(tokens, i, to);
    if (y !== null) out.push({ from: i, to: i, precision: 'year', range: { start: `${y}-01-01`, end: `${y}-12-31` } });
  }
  return out;
};

export const overlaps = (a: DateRange, b: DateRange, toleranceDays = 0): boolean =>
  Date.parse(a.start) <= Date.parse(b.end) + toleranceDays * DAY && Date.parse(b.start) <= Date.parse(a.end) + toleranceDays * DAY;

export const hull = (a: DateRange, b: DateRange): DateRange => ({
  start: a.start < b.start ? a.start : b.start,
  end: a.end > b.end ? a.end : b.end,
});

export const windowBefore = (publishedAt: string, days: number): DateRange => ({
  start: iso(Date.parse(publishedAt) - days * DAY),
  end: iso(Date.parse(publishedAt)),
});

/** A date told from another day: the same range moved by `days`. */
export const shiftRange = (r: DateRange, days: number): DateRange => ({
  start: iso(Date.parse(r.start) + days * DAY),
  end: iso(Date.parse(r.end) + days * DAY),
});
