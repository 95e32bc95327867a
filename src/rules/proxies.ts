/**
 * An actor's clients named by their patron: each language's `stances.proxies` templates filled with
 * each of an actor's `patrons` ("Turkish-backed factions", "pro-Iranian fighters", "الميليشيات الموالية
 * لإيران"), added to the actor's adjectives and aliases. A name is made once, by composition, instead of
 * listed phrase by phrase. A made name that is already a name of some actor (its own or another's) is
 * left out: the written entry decides.
 */
import { foldingOf } from './folding.js';
import type { Actor, Rules } from './schema.js';

const fill = (template: string, slots: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (all, k: string) => slots[k] ?? all);

const namesOf = (a: Actor): string[] => [...Object.values(a.aliases).flat(), ...Object.values(a.adjectives).flat()];

export const withProxies = (rules: Rules): Rules => {
  if (!rules.actors.some((a) => Object.keys(a.patrons ?? {}).length)) return rules;
  const { fold } = foldingOf(rules);
  const known = new Set(rules.actors.flatMap(namesOf).map(fold));
  const fresh = (xs: readonly string[]): string[] => {
    const out = new Map<string, string>();
    for (const x of xs) if (!known.has(fold(x)) && !out.has(fold(x))) out.set(fold(x), x);
    return [...out.values()];
  };
  const actors = rules.actors.map((a): Actor => {
    const aliases = { ...a.aliases };
    const adjectives = { ...a.adjectives };
    for (const [lang, patrons] of Object.entries(a.patrons ?? {})) {
      const p = rules.languages[lang]?.stances.proxies;
      if (!p) continue;
      const adj = p.adjectives.flatMap((t) => patrons.map((patron) => fill(t, { patron })));
      const names = p.names.flatMap((t) => (t.includes('{noun}') ? p.nouns : ['']).flatMap((noun) =>
        t.includes('{adjective}') ? adj.map((adjective) => fill(t, { noun, adjective })) : patrons.map((patron) => fill(t, { noun, patron }))));
      adjectives[lang] = [...(adjectives[lang] ?? []), ...fresh(adj)];
      aliases[lang] = [...(aliases[lang] ?? []), ...fresh(names)];
    }
    return { ...a, aliases, adjectives };
  });
  return { ...rules, actors };
};
