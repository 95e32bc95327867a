import { describe, expect, it } from 'vitest';
import { en } from './en-support.js';

const values = (text: string) => en(text).mentions.map((m) => m.claims.map((c) => c.value));
const places = (text: string) => en(text).mentions.flatMap((m) => m.places.map((p) => p.id));

describe('English events, places and targets', () => {
  it('totals over a period are aggregates', () => {
    const x = en('The war has killed more than 400,000 people since it began in 2011.');
    expect(x.mentions).toEqual([]);
    expect(x.aggregates.map((c) => c.value)).toEqual([400000]);
    expect(en('Coalition strikes killed 210 civilians over the past month, the monitor said.').aggregates.map((c) => c.value)).toEqual([210]);
    expect(en('The group has lost 900 fighters in the fight against ISIS.').mentions).toEqual([]);
    // a count of days or weeks: a toll over many events; a window of hours dates one event
    for (const text of ['At least 38 people were killed in the last 4 days across Hama province, rescuers said.',
      'Aid groups said 61 civilians had died in recent weeks in Idlib.']) {
      expect(en(text).mentions).toEqual([]);
      expect(en(text).aggregates).toHaveLength(1);
    }
    expect(en('Four civilians were killed in the early hours of Friday in a strike on Ariha.').mentions).toHaveLength(1);
    expect(en('Strikes in the past 24 hours on a checkpoint near Ariha killed 4 soldiers.').mentions).toHaveLength(1);
  });
  it('a tally counts events before their victims', () => {
    expect(en('The monitor documented 6 strikes that killed 19 civilians.').aggregates.map((c) => c.value)).toEqual([19]);
  });
  it('cues and places open other events', () => {
    expect(values('Air strikes killed 5 civilians in Hajin. In a separate development, shelling killed 3 soldiers in Hajin.')).toEqual([[5], [3]]);
    expect(values('Air strikes killed 5 civilians in Hajin. Shelling killed 3 soldiers in Saraqeb.')).toEqual([[5], [3]]);
  });
  it('a reference point in another governorate opens another event; one in the same area does not', () => {
    // Hajin and al-Mayadin (Deir ez-Zor) against Saraqib and Ariha (Idlib)
    for (const text of [
      'Shelling killed 4 civilians in Hajin. Two more civilians died in drone strikes on the outskirts of Saraqib.',
      'Air raids on Hajin killed 6 people on Monday. A child was killed near Ariha, rescuers added.',
      'Strikes killed 3 fighters in al-Mayadin. Later 2 more were killed 5 km east of Saraqib.',
    ]) expect(en(text).mentions, text).toHaveLength(2);
    for (const text of [
      'Shelling killed 4 civilians in Hajin. Two more civilians died in drone strikes on the outskirts of Hajin.',
      'Air raids on Hajin killed 6 people on Monday. A child was killed near al-Mayadin, rescuers added.',
    ]) expect(en(text).mentions, text).toHaveLength(1);
  });
  it('a distance told without a number makes a reference point too ("a few kilometers from X")', () => {
    for (const text of [
      'Shelling killed 4 civilians in Hass. The monitor said Russian jets hit the village, a few kilometers from Kafr Nabl.',
      'Shelling killed 4 civilians in Hass. Rescuers said Russian jets struck the village, several miles away from Maarat al-Numan.',
    ]) {
      const ms = en(text).mentions;
      expect(ms, text).toHaveLength(1);
      expect(ms[0]!.stances.map((st) => st.actor), text).toContain('russia');
    }
  });
  it('"on the same day" takes the date of the event before', () => {
    const ms = en('Air strikes killed 5 civilians in Hajin on Sunday. On the same day, shelling killed 3 soldiers in Saraqeb.').mentions;
    expect(ms.map((m) => m.date?.start)).toEqual(['2019-05-12', '2019-05-12']);
  });
  it('transliteration variants and the article find one gazetteer place', () => {
    expect(places('Air strikes killed 5 civilians in al-Mayadeen.')).toEqual(['al-mayadin']);
    expect(places('Air strikes killed 5 civilians in Hajjin.')).toEqual(['hajin']);
    expect(places('Air strikes killed 5 civilians in Deir az-Zor.')).toEqual(['deir-ez-zor']);
  });
  it('a city or its governorate of the same name, by the words around it', () => {
    expect(places('Air strikes killed 5 civilians near the city of Deir ez-Zor.')).toEqual(['deir-ez-zor-city']);
    expect(places('Air strikes killed 5 civilians in eastern Deir ez-Zor.')).toEqual(['deir-ez-zor']);
  });
  it('a lower-case word is no place name', () => {
    expect(places('The raid killed 5 civilians, and the toll has risen since.')).toEqual([]);
  });
  it('targets are named alike across languages', () => {
    expect(en('Air strikes on a jail killed 5 prisoners.').mentions[0]?.targets).toEqual(['prison']);
  });
});
