import { it } from 'vitest';
import { extract } from './support.js';
const texts: [string, string][] = JSON.parse(process.env.PROBE ?? '[]');
it('probe', () => {
  for (const [lang, t] of texts) {
    const x = extract(t, { publishedAt: '2019-07-28', language: lang, outlet: 'reuters' });
    console.log('=== ' + t);
    for (const m of x.mentions) {
      console.log(` mention ${m.id} places=${m.places.map((p) => p.name).join(',')} date=${m.date?.start}`);
      for (const c of m.claims) console.log(`   ${c.id.split(':')[1]} ${c.outcome}/${c.group}/${c.affiliation ?? '-'}=${c.value} src=${c.source} partOf=${c.partOf?.split(':')[1] ?? '-'} sup=${c.superseded ?? ''} nw=${c.notWhole ?? ''} rule=${c.rule} q="${c.quote}" rest=${c.restatements?.length ?? 0}`);
    }
    for (const a of x.aggregates) console.log(`  AGG ${a.value} ${a.outcome}/${a.group} q="${a.quote}"`);
  }
});
