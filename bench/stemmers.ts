/**
 * Morphology by measurement (issue 15): the rule-based matching the lexicon does today (a word
 * class lists a lemma's inflected forms; a token matches when it, or the token with one of the
 * language's proclitics stripped, is one of them) against the Snowball Arabic and English
 * stemmers (npm `snowball-stemmers`) and the Arabic stemmer of `@nlpjs/lang-ar`, which would let a
 * class hold the lemma alone (a token matches when its stem is the lemma's stem).
 *
 * Over the word tokens of the seeds, corpus-dev and corpus-dev2 part-a (never part-b), for the
 * hand-checked sample of word-class lemmas in bench/stemmers-sample.yaml it counts, per method:
 * true matches (a corpus form of the lemma the method matches), misses (one it does not), false
 * matches (a different word it collapses onto the lemma), and matched forms nobody has checked
 * yet; then the time per token. The stemmers are not dependencies of the project: install them
 * for this bench with `npm install --no-save snowball-stemmers @nlpjs/lang-ar`.
 *
 *   npx tsx bench/stemmers.ts [--candidates]   (--candidates: every form any method matches, to check by hand)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { makeMatcher } from '../src/extract/lexicon.js';
import { foldTableOf } from '../src/rules/folding.js';
import { ScriptRules } from '../src/rules/language-schema.js';
import { compileFolding } from '../src/text/normalise.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = join(ROOT, '..', 'shared');
const CORPORA = [join(ROOT, 'fixtures', 'seeds'), join(SHARED, 'corpus-dev'), join(SHARED, 'corpus-dev2', 'part-a')];
type Lang = 'ar' | 'en';
const LANGS: readonly Lang[] = ['ar', 'en'];

// the spelling folds of the rule set (every language's script folds)
const folding = compileFolding(foldTableOf(Object.fromEntries(LANGS.map((l) => [l, {
  script: ScriptRules.parse(parse(readFileSync(join(ROOT, 'rules', 'languages', l, 'script.yaml'), 'utf8'))),
}]))));
const { fold } = folding;

type Stem = (word: string) => string;
type Method = { readonly name: string; readonly lang: Lang; readonly key: (word: string) => readonly string[] };

/** The texts of each corpus, by the language its manifest gives. */
const textsOf = (dir: string): { lang: string; text: string }[] => {
  const manifest = JSON.parse(readFileSync(join(dir, 'reports.json'), 'utf8')) as Record<string, { language?: string }>;
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ lang: manifest[f]?.language ?? '?', text: readFileSync(join(dir, f), 'utf8') }));
};

/** Word tokens as the text spells them (letters and marks), with how often each occurs. */
const wordsOf = (texts: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const t of texts) for (const m of t.matchAll(/[\p{L}\p{M}]+/gu)) { const w = m[0].toLowerCase(); counts.set(w, (counts.get(w) ?? 0) + 1); }
  return counts;
};

type SampleLemma = { lemma: string; class: string; true: string[]; false: string[] };
type Sample = Record<Lang, SampleLemma[]>;

const loadStemmers = (): { snowball: (lang: string) => Stem; nlpAr: Stem } | null => {
  const require = createRequire(import.meta.url);
  try {
    const sb = require('snowball-stemmers') as { newStemmer: (l: string) => { stem: Stem } };
    const { StemmerAr } = require('@nlpjs/lang-ar') as { StemmerAr: new () => { stemWord: Stem } };
    const ar = new StemmerAr();
    return { snowball: (l) => { const s = sb.newStemmer(l); return (w) => s.stem(w); }, nlpAr: (w) => ar.stemWord(w) };
  } catch {
    return null;
  }
};

const scriptOf = (lang: Lang): { clitics: string[] } => parse(readFileSync(join(ROOT, 'rules', 'languages', lang, 'script.yaml'), 'utf8')) as { clitics: string[] };

/** Every word the language's rule files list (their example sentences and notes aside). */
const ruleWords = (lang: Lang): Set<string> => {
  const dir = join(ROOT, 'rules', 'languages', lang);
  const out = new Set<string>();
  const walk = (x: unknown, key: string): void => {
    if (['examples', 'note', 'notes', 'description'].includes(key)) return;
    if (typeof x === 'string') { for (const w of fold(x).split(/[^\p{L}\p{M}]+/u)) if (w) out.add(w); return; }
    if (Array.isArray(x)) { for (const y of x) walk(y, key); return; }
    if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) { walk(k, ''); walk(v, k); }
  };
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) walk(parse(readFileSync(join(dir, f), 'utf8')), '');
  return out;
};

const methodsFor = (lang: Lang, st: NonNullable<ReturnType<typeof loadStemmers>>): Method[] => {
  const matcher = makeMatcher(folding, scriptOf(lang).clitics);
  const snow = st.snowball(lang === 'ar' ? 'arabic' : 'english');
  // a stem is remembered per spelling, as the matcher remembers a token's variants: the same terms for both
  const viaStem = (s: Stem) => { const seen = new Map<string, string[]>(); return (w: string) => { let k = seen.get(w); if (!k) { k = [fold(s(w))]; seen.set(w, k); } return k; }; };
  const ms: Method[] = [
    // the rule-based morphology: the token and its clitic-stripped variants, matched against listed forms
    { name: 'rules (listed forms + clitics)', lang, key: (w) => matcher.variants(fold(w)) },
    { name: 'snowball', lang, key: viaStem(snow) },
  ];
  if (lang === 'ar') ms.push({ name: '@nlpjs/lang-ar', lang, key: viaStem(st.nlpAr) });
  // both: a token matches by a listed form or by its stem (stems are told apart from forms by a mark)
  const both = viaStem(snow);
  ms.push({ name: 'rules + snowball', lang, key: (w) => [...matcher.variants(fold(w)), `~${both(w)[0]}`] });
  return ms;
};

/** Does `method` match token `w` to the lemma: do their keys meet? */
const matches = (m: Method, l: SampleLemma, w: string, lemmaKeys: Map<SampleLemma, Set<string>>): boolean =>
  m.key(w).some((k) => lemmaKeys.get(l)!.has(k));

/**
 * The keys a lemma is matched by. Rules: the forms of the lemma (the lemma, and the corpus forms
 * checked as its own, clitics stripped) that some rule file lists as a word: the rules read an
 * inflection only when they spell it out. A stemmer: the lemma's stem.
 */
const keysOfLemma = (m: Method, l: SampleLemma, listed: ReadonlySet<string>): Set<string> => {
  if (!m.name.startsWith('rules')) return new Set(m.key(l.lemma));
  const forms = [l.lemma, ...l.true].flatMap((f) => m.key(f)).filter((k) => listed.has(k));
  return new Set([...forms, ...m.key(l.lemma).filter((k) => k.startsWith('~'))]);
};

type Score = { tp: number; fn: number; fp: number; unchecked: number; tpTokens: number; fnTokens: number; fpTokens: number; uncheckedForms: string[]; missed: string[]; wrong: string[] };

const scoreMethod = (m: Method, lemmas: readonly SampleLemma[], words: ReadonlyMap<string, number>, listed: ReadonlySet<string>): Score => {
  const lemmaKeys = new Map(lemmas.map((l) => [l, keysOfLemma(m, l, listed)]));
  const s: Score = { tp: 0, fn: 0, fp: 0, unchecked: 0, tpTokens: 0, fnTokens: 0, fpTokens: 0, uncheckedForms: [], missed: [], wrong: [] };
  for (const l of lemmas) {
    const yes = new Set(l.true.map(fold));
    const no = new Set(l.false.map(fold));
    for (const [w, n] of words) {
      const f = fold(w);
      const hit = matches(m, l, w, lemmaKeys);
      if (yes.has(f)) { if (hit) { s.tp++; s.tpTokens += n; } else { s.fn++; s.fnTokens += n; s.missed.push(`${l.lemma}←${w}`); } }
      else if (hit) {
        if (no.has(f)) { s.fp++; s.fpTokens += n; s.wrong.push(`${l.lemma}←${w}`); } else { s.unchecked++; s.uncheckedForms.push(`${l.lemma}←${w}`); }
      }
    }
  }
  return s;
};

/** Microseconds per token to get each token's keys (fresh matcher: its cache is part of the method). */
const timeMethod = (make: () => Method, tokens: readonly string[], rounds = 9): number => {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const m = make();
    const t0 = process.hrtime.bigint();
    for (const w of tokens) m.key(w);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000 / tokens.length);
  }
  return best;
};

const main = (): void => {
  const st = loadStemmers();
  if (!st) {
    console.error('bench/stemmers.ts needs the stemmers: npm install --no-save snowball-stemmers @nlpjs/lang-ar');
    process.exitCode = 2;
    return;
  }
  const sample = parse(readFileSync(join(ROOT, 'bench', 'stemmers-sample.yaml'), 'utf8')) as Sample;
  const texts = CORPORA.filter((d) => existsSync(join(d, 'reports.json'))).flatMap(textsOf);
  const candidates = process.argv.includes('--candidates');
  for (const lang of LANGS) {
    const mine = texts.filter((t) => t.lang === lang).map((t) => t.text);
    const words = wordsOf(mine);
    const tokens = mine.flatMap((t) => [...t.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => m[0].toLowerCase()));
    const listed = ruleWords(lang);
    console.log(`\n${lang}: ${mine.length} texts, ${tokens.length} word tokens, ${words.size} types; ${sample[lang].length} lemmas checked by hand`);
    for (const m of methodsFor(lang, st)) {
      if (candidates) {
        const lemmaKeys = new Map(sample[lang].map((l) => [l, keysOfLemma(m, l, listed)]));
        for (const l of sample[lang]) {
          const hits = [...words].filter(([w]) => matches(m, l, w, lemmaKeys)).map(([w, n]) => `${w}(${n})`);
          console.log(`  [${m.name}] ${l.lemma}: ${hits.join(' ')}`);
        }
        continue;
      }
      const s = scoreMethod(m, sample[lang], words, listed);
      const us = timeMethod(() => methodsFor(lang, st).find((x) => x.name === m.name)!, tokens);
      const p = s.tp + s.fp ? (100 * s.tp) / (s.tp + s.fp) : 0;
      const r = s.tp + s.fn ? (100 * s.tp) / (s.tp + s.fn) : 0;
      console.log(`  ${m.name.padEnd(32)} true ${String(s.tp).padStart(3)} (${s.tpTokens} tokens)  missed ${String(s.fn).padStart(3)} (${s.fnTokens})  false ${String(s.fp).padStart(3)} (${s.fpTokens})  unchecked ${s.unchecked}  precision ${p.toFixed(1)} %  recall ${r.toFixed(1)} %  ${us.toFixed(3)} µs/token`);
      if (s.missed.length) console.log(`    missed: ${s.missed.join(' ')}`);
      if (s.wrong.length) console.log(`    false: ${s.wrong.join(' ')}`);
      if (s.uncheckedForms.length) console.log(`    unchecked: ${s.uncheckedForms.slice(0, 40).join(' ')}`);
    }
  }
};

main();
