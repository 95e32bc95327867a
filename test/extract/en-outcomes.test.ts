import { describe, expect, it } from 'vitest';
import { claimsEn, figures } from './en-support.js';

describe('English outcomes', () => {
  it('a verb before the figure or after it', () => {
    expect(figures('Shelling killed 4 civilians.')).toEqual(['killed/civilians/-=4']);
    expect(figures('4 civilians were killed in the shelling.')).toEqual(['killed/civilians/-=4']);
    expect(figures('Nine people died when the bakery was hit.')).toEqual(['killed/all/-=9']);
    expect(figures('The shelling wounded 13 people.')).toEqual(['injured/all/-=13']);
  });
  it('each coordinated figure keeps its own verb', () => {
    expect(figures('Three children died and 8 people were injured in the attack.')).toEqual(['killed/children/-=3', 'injured/all/-=8']);
    // a subject figure without a noun of its own is of the civilians or fighters before it; "others" only of fighters
    expect(figures('Two soldiers were killed and 5 wounded.')).toEqual(['killed/combatants/syrian-government=2', 'injured/combatants/syrian-government=5']);
    expect(figures('Two civilians were killed and five others were injured.')).toEqual(['killed/civilians/-=2', 'injured/all/-=5']);
    // ... and people, when what came before is one person
    expect(figures('A boy was killed and five others were injured.')).toEqual(['killed/children/-=1', 'injured/all/-=5']);
    expect(figures('The raid killed three soldiers and wounded 13 others.')).toEqual(['killed/combatants/syrian-government=3', 'injured/combatants/syrian-government=13']);
  });
  it('a toll noun governs its figure, with its group', () => {
    expect(figures('The monitor put the civilian death toll at 26.')).toEqual(['killed/civilians/-=26']);
    expect(figures('The death toll from the market bombing has risen to 40.')).toEqual(['killed/all/-=40']);
  });
  it('an earlier figure of the same source is kept as superseded', () => {
    const cs = claimsEn('The death toll from the strike rose to 22, up from 15.');
    expect(cs.map((c) => `${c.value}${c.superseded ? ' superseded' : ''}`)).toEqual(['22', '15 superseded']);
  });
  it('a death told by what it did to the body is a death, in any of its tenses', () => {
    expect(figures('At least 14 people suffocated in the basement.')).toEqual(['killed/all/-=14']);
    expect(figures('Six children had suffocated after the gas attack.')).toEqual(['killed/children/-=6']);
    expect(figures('Three women burned to death when the tent caught fire.')).toEqual(['killed/women/-=3']);
    expect(figures('Two men later succumbed to their injuries in hospital.')).toEqual(['killed/men/-=2']);
    expect(figures('Five fighters bled to death at the checkpoint.')).toEqual(['killed/combatants/-=5']);
  });
  it('a range whose breakdown runs long before the verb ("between 8 and 15 civilians including … died")', () => {
    expect(figures('Between 8 and 15 civilians including one woman and one to two children died in the market.').slice(0, 2)).toEqual(['killed/civilians/-=8', 'killed/civilians/-=15']);
  });
  it('the injured named before their figure ("among the wounded were …") are injured', () => {
    expect(figures('Among the wounded were 7 children.')).toEqual(['injured/children/-=7']);
    expect(figures('The injured included 3 paramedics, the network said.')).toEqual(['injured/civilians/-=3']);
    expect(figures('Those wounded were 12 women and a girl.')).toEqual(['injured/women/-=12', 'injured/children/-=1']);
  });
  it('other events are no casualties', () => {
    expect(figures('Troops arrested 14 people in the raid.')).toEqual([]);
    expect(figures('Rescuers evacuated 40 civilians from the town.')).toEqual([]);
  });
});

describe('English outcomes: more ways to state a toll', () => {
  it('shot dead and gunned down are deaths', () => {
    expect(figures('Four farmers were shot dead in their fields.')).toEqual(['killed/all/-=4']);
    expect(figures('Gunmen shot dead two civilians at the roadblock.')).toEqual(['killed/civilians/-=2']);
    expect(figures('A soldier was gunned down outside the base.')).toEqual(['killed/combatants/syrian-government=1']);
  });
  it('"with N G dead" reads the victims and the state they are left in', () => {
    expect(figures('The shell hit the queue for bread, with 12 people dead.')).toEqual(['killed/all/-=12']);
    expect(figures('A car bomb exploded at the roundabout, with 30 hurt.')).toEqual(['injured/all/-=30']);
  });
  it('a breakdown with a copula, and a part among a whole that follows it', () => {
    const a = claimsEn('Strikes killed 21 people, of whom six were children.');
    expect(a.map((c) => `${c.group}=${c.value}`)).toEqual(['all=21', 'children=6']);
    expect(a[1]?.partOf).toBe(a[0]?.id);
    const b = claimsEn('Two nurses were among 15 people wounded at the clinic.');
    expect(b.map((c) => `${c.outcome}/${c.group}=${c.value}`).sort()).toEqual(['injured/all=15', 'injured/all=2']);
    expect(b.find((c) => c.value === 2)?.partOf).toBe(b.find((c) => c.value === 15)?.id);
  });
  it('coordinated victims among the dead after a whole are its parts', () => {
    const x = claimsEn('The raid killed 26 people, with 10 children and 5 women among the dead.');
    expect(x.map((c) => `${c.group}=${c.value}`)).toEqual(['all=26', 'children=10', 'women=5']);
    expect(x.slice(1).map((c) => c.partOf)).toEqual([x[0]?.id, x[0]?.id]);
  });
  it('the death of one victim', () => {
    expect(figures('Rescuers confirmed the death of a girl pulled from the rubble.')).toEqual(['killed/children/-=1']);
  });
  it('a revision with its reporting clause left without a pronoun', () => {
    const x = claimsEn('The monitor said 52 people had died, up from 38 it gave in the morning.');
    expect(x.map((c) => `${c.value}${c.superseded ? ' superseded' : ''}`)).toEqual(['52', '38 superseded']);
  });
});
