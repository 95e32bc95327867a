/**
 * An actor's clients named by their patron (src/rules/proxies.ts): the templates of each language's
 * `stances.proxies`, filled with an actor's `patrons`, become its adjectives and names; a written name
 * decides over a made one; and the extractor reads the made names in either language, in several
 * word orders, as victims' side and as the doer.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/rules/load.js';
import type { Rules } from '../../src/rules/schema.js';
import { brief, claimsOf, extract } from '../extract/support.js';
import { fold, readRuleFiles } from '../support/rules.js';

type Files = Record<string, unknown>;
type ActorEntry = { id: string; aliases?: Record<string, string[]>; adjectives?: Record<string, string[]>; patrons?: Record<string, string[]> };

const parsed = (edit: (files: Files) => void): Rules => {
  const files = structuredClone(readRuleFiles()) as Files;
  edit(files);
  const r = parseRules(files);
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};
const actorsOf = (files: Files) => (files['actors.yaml'] as { actors: ActorEntry[] }).actors;
const namesOf = (rules: Rules, id: string, lang: string) => {
  const a = rules.actors.find((x) => x.id === id)!;
  return { aliases: (a.aliases[lang] ?? []).map(fold), adjectives: (a.adjectives[lang] ?? []).map(fold) };
};

describe('proxy names are made from patrons and templates', () => {
  it('each adjective template with each patron, and each name template with each noun', () => {
    const rules = parsed((f) => {
      const isis = actorsOf(f).find((a) => a.id === 'isis')!;
      isis.patrons = { en: ['Raqqa'] };
    });
    const { aliases, adjectives } = namesOf(rules, 'isis', 'en');
    expect(adjectives).toEqual(expect.arrayContaining(['pro-raqqa', 'raqqa-backed'].map(fold)));
    expect(aliases).toEqual(expect.arrayContaining(['raqqa-backed fighters', 'pro-raqqa militias', 'loyal to raqqa', 'backed by raqqa'].map(fold)));
  });
  it('no patrons, no made names: the actor keeps what is written', () => {
    const rules = parsed((f) => { for (const a of actorsOf(f)) delete a.patrons; });
    const written = actorsOf(readRuleFiles()).find((a) => a.id === 'armed-opposition')!;
    expect(rules.actors.find((a) => a.id === 'armed-opposition')!.aliases.en).toEqual(written.aliases!.en);
  });
  it('a made name that another actor has written is left to that actor', () => {
    const rules = parsed((f) => {
      const isis = actorsOf(f).find((a) => a.id === 'isis')!;
      isis.aliases = { ...isis.aliases, en: [...(isis.aliases?.en ?? []), 'Turkish-backed militias'] };
    });
    expect(namesOf(rules, 'armed-opposition', 'en').aliases).not.toContain(fold('Turkish-backed militias'));
    expect(namesOf(rules, 'isis', 'en').aliases).toContain(fold('Turkish-backed militias'));
    expect(namesOf(rules, 'armed-opposition', 'en').aliases).toContain(fold('Turkish-backed fighters'));
  });
  it('a template without its slot is a located rule error', () => {
    const files = structuredClone(readRuleFiles()) as Files;
    const st = files['languages/en/stances.yaml'] as { proxies: { adjectives: string[] } };
    st.proxies.adjectives = ['backed'];
    const r = parseRules(files);
    expect(E.isLeft(r) && r.left.some((p) => p.file === 'languages/en/stances.yaml' && /\{patron\}/.test(p.message))).toBe(true);
  });
});

describe('the extractor reads clients by their patron', () => {
  const en = (t: string) => extract(t, { language: 'en', outlet: 'afp', publishedAt: '2021-03-01' });
  const ar = (t: string) => extract(t, { language: 'ar', outlet: 'afp', publishedAt: '2021-03-01' });
  it.each([
    ['Shelling wounded 9 pro-Turkish fighters near Manbij.', 'injured/combatants/armed-opposition=9'],
    ['Thirteen Ankara-backed militiamen were killed in the clashes.', 'killed/combatants/armed-opposition=13'],
    ['The raid killed 14 Iranian-backed fighters.', 'killed/combatants/iran-backed=14'],
    ['The strikes killed 6 gunmen backed by Iran, the monitor said.', 'killed/combatants/iran-backed=6'],
    ['An ambush killed 11 pro-Damascus militiamen.', 'killed/combatants/syrian-government=11'],
    ['Four Russian-backed troops died in the blast.', 'killed/combatants/syrian-government=4'],
    ['The strikes killed 43 militiamen loyal to Tehran.', 'killed/combatants/iran-backed=43'],
    ['Shelling killed 9 fighters backed by Ankara near Afrin.', 'killed/combatants/armed-opposition=9'],
    // the patron's own army, named as a side, stays the patron's
    ['Shelling killed 3 soldiers of the Turkish army.', 'killed/combatants/turkey=3'],
  ])('en side: %s', (text, want) => {
    expect(claimsOf(en(text)).map(brief)).toEqual([want]);
  });
  it.each([
    ['قتل 12 عنصرا من الفصائل الموالية لأنقرة.', 'killed/combatants/armed-opposition=12'],
    ['قتل 9 مقاتلين من المجموعات المدعومة من تركيا في المعارك.', 'killed/combatants/armed-opposition=9'],
    ['أصيب 5 من عناصر الميليشيات التابعة للحرس الثوري.', 'injured/combatants/iran-backed=5'],
    ['قتل 7 من المسلحين الموالين لطهران.', 'killed/combatants/iran-backed=7'],
  ])('ar side: %s', (text, want) => {
    expect(claimsOf(ar(text)).map(brief)).toEqual([want]);
  });
  it.each([
    ['en', 'Turkish-backed factions shelled the village, killing 3 civilians.', 'armed-opposition'],
    ['en', 'Pro-regime militias shelled Ariha, killing 4 civilians.', 'syrian-government'],
    ['en', 'Militias loyal to Tehran shelled the village, killing 3 civilians.', 'iran-backed'],
    ['ar', 'قصفت الفصائل المدعومة من تركيا قرية تل رفعت ما أدى إلى مقتل 3 مدنيين.', 'armed-opposition'],
    ['ar', 'قصفت الميليشيات الموالية لإيران بلدة الميادين ما أدى إلى مقتل طفلين.', 'iran-backed'],
  ] as const)('doer (%s): %s', (language, text, actor) => {
    const x = language === 'en' ? en(text) : ar(text);
    expect(x.mentions.flatMap((m) => m.stances).map((s) => `${s.stance} ${s.actor}`)).toContain(`asserts ${actor}`);
  });
});
