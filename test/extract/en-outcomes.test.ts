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
  it('other events are no casualties', () => {
    expect(figures('Troops arrested 14 people in the raid.')).toEqual([]);
    expect(figures('Rescuers evacuated 40 civilians from the town.')).toEqual([]);
  });
});
