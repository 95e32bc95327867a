import { describe, expect, it } from 'vitest';
import { claimsEn, figures } from './en-support.js';

describe('English victims', () => {
  it('civilians, children, women, men, people', () => {
    expect(figures('The strike killed 6 children and 4 women.')).toEqual(['killed/children/-=6', 'killed/women/-=4']);
    expect(figures('The strike killed 11 people.')).toEqual(['killed/all/-=11']);
    expect(figures('The strike killed eight members of one family.')).toEqual(['killed/all/-=8']);
  });
  it('a civilian adjective refines a generic head', () => {
    expect(figures('The strike killed 20 civilian detainees.')).toEqual(['killed/civilians/-=20']);
  });
  it('modifiers may stand between the figure and its head', () => {
    expect(figures('The raid killed five Iraqi children.')).toEqual(['killed/children/-=5']);
  });
  it('soldiers default to the Syrian army; a side named before the head makes combatants of it', () => {
    expect(figures('The ambush killed 9 soldiers.')).toEqual(['killed/combatants/syrian-government=9']);
    expect(figures('The raid killed 12 ISIS members.')).toEqual(['killed/combatants/isis=12']);
    expect(figures('The drone strike killed 3 Iran-backed fighters.')).toEqual(['killed/combatants/iran-backed=3']);
    expect(figures('The strike killed 5 fighters of the Islamic State group.')).toEqual(['killed/combatants/isis=5']);
  });
  it('"members" alone names no one', () => {
    expect(figures('The strike killed 5 members.')).toEqual([]);
  });
  it('a breakdown is part of the total before it', () => {
    const cs = claimsEn('The strike killed 30 people, including 12 children.');
    expect(cs.map((c) => `${c.group}=${c.value}`)).toEqual(['all=30', 'children=12']);
    expect(cs[1]?.partOf).toBe(cs[0]?.id);
  });
  it('"others" are people, except after fighters', () => {
    expect(figures('The shelling killed a woman and wounded 4 others.')).toEqual(['killed/women/-=1', 'injured/all/-=4']);
    expect(figures('The strike killed 6 ISIS fighters and wounded 9 others.')).toEqual(['killed/combatants/isis=6', 'injured/combatants/isis=9']);
  });
  it('"others" after civilians are people of no group said; after soldiers or fighters, of the same side', () => {
    expect(figures('Artillery fire killed 4 civilians and injured 13 others near the bakery.')).toEqual(['killed/civilians/-=4', 'injured/all/-=13']);
    expect(figures('Eleven civilians were killed and 30 others were hurt in the bombing.')).toEqual(['killed/civilians/-=11', 'injured/all/-=30']);
    expect(figures('The barrel bombs killed two civilians and wounded five other people.')).toEqual(['killed/civilians/-=2', 'injured/all/-=5']);
    expect(figures('A roadside bomb killed 3 soldiers and wounded 2 others on the highway.')).toEqual(['killed/combatants/syrian-government=3', 'injured/combatants/syrian-government=2']);
    expect(figures('Turkish drones killed 8 SDF fighters and injured 5 others overnight.')).toEqual(['killed/combatants/sdf=8', 'injured/combatants/sdf=5']);
  });
  it('a figure whose noun is gapped shares the group of the figure before it', () => {
    expect(figures('Seven civilians died and three were hurt when the shell struck.')).toEqual(['killed/civilians/-=7', 'injured/civilians/-=3']);
    expect(figures('Fifteen civilians were killed and 40 wounded in the raids.')).toEqual(['killed/civilians/-=15', 'injured/civilians/-=40']);
    expect(figures('Four soldiers were killed and six wounded at the checkpoint.')).toEqual(['killed/combatants/syrian-government=4', 'injured/combatants/syrian-government=6']);
  });
  it('a figure coordinated across a relative clause keeps the outcome', () => {
    expect(figures('The dead included 10 civilians held in the building and 3 guards.')).toEqual(['killed/civilians/-=10', 'killed/combatants/-=3']);
  });
  it('rebels are the armed opposition\'s fighters, with or without a side or a modifier before them', () => {
    expect(figures('Government shelling killed 14 rebels near Kafr Nabl.')).toEqual(['killed/combatants/armed-opposition=14']);
    expect(figures('More than 40 rebels were wounded in the clashes.')).toEqual(['injured/combatants/armed-opposition=40']);
    expect(figures('The raid killed 21 Syrian rebel fighters.')).toEqual(['killed/combatants/armed-opposition=21']);
  });
  it('a side whose name starts with a modifier is the side, the longer reading', () => {
    expect(figures('The raid killed 17 Turkish-backed fighters near Afrin.')).toEqual(['killed/combatants/armed-opposition=17']);
    expect(figures('The raid killed 17 Turkish-backed rebels near Afrin.')).toEqual(['killed/combatants/armed-opposition=17']);
  });
  it('soldiers are the army of the nation named before them, else the Syrian army', () => {
    expect(figures('A drone strike killed 5 Turkish soldiers near al-Bab.')).toEqual(['killed/combatants/turkey=5']);
    expect(figures('Two Russian servicemen were killed by a roadside bomb.')).toEqual(['killed/combatants/russia=2']);
    expect(figures('Three American soldiers were wounded in the rocket attack.')).toEqual(['injured/combatants/us=3']);
    expect(figures('Shelling killed four Syrian soldiers at the checkpoint.')).toEqual(['killed/combatants/syrian-government=4']);
    expect(figures('Shelling killed four soldiers at the checkpoint.')).toEqual(['killed/combatants/syrian-government=4']);
  });
  it('one victim named by a determiner, modifiers and a singular noun no plural head lists', () => {
    expect(figures('A Syrian officer was killed at the airport.')).toEqual(['killed/combatants/syrian-government=1']);
    expect(figures('A local journalist died in the raid.')).toEqual(['killed/civilians/-=1']);
    expect(figures('The drone killed a young journalist.')).toEqual(['killed/civilians/-=1']);
  });
  it('the speaker\'s own fighters are of the side it speaks for, listed or named as an actor', () => {
    expect(figures('The SDF said the strike killed four of its fighters.')).toEqual(['killed/combatants/sdf=4']);
    expect(figures('Hezbollah said the raid killed three of its fighters.')).toEqual(['killed/combatants/iran-backed=3']);
    expect(figures('The Pentagon said two of its soldiers were wounded.')).toEqual(['injured/combatants/us=2']);
    // a speaker that speaks for no side leaves them of no side said
    expect(figures('The monitor said the jets killed nine of its fighters.')).toEqual(['killed/combatants/-=9']);
  });
  it('contractors, drivers and engineers are people; service members are fighters of no army said', () => {
    expect(figures('The attack killed a US contractor and wounded five service members.')).toEqual(['killed/all/-=1', 'injured/combatants/-=5']);
    expect(figures('Two drivers and an engineer were killed when the truck was hit.')).toEqual(['killed/all/-=2', 'killed/all/-=1']);
  });
  it('a singular victim coordinated with a figure keeps its own side', () => {
    expect(figures('A Syrian officer and two civilians were killed in the raid.')).toEqual(['killed/combatants/syrian-government=1', 'killed/civilians/-=2']);
    expect(figures('A Turkish soldier and three children were wounded.')).toEqual(['injured/combatants/turkey=1', 'injured/children/-=3']);
  });
  it('a modifier word may begin the head itself ("Syrian military personnel": "military personnel")', () => {
    expect(figures('Eleven Syrian military personnel were killed at the airbase.')).toEqual(['killed/combatants/syrian-government=11']);
    expect(figures('The missiles wounded 6 Syrian military personnel and a civilian.')).toEqual(['injured/combatants/syrian-government=6', 'injured/civilians/-=1']);
    expect(figures('Three Russian army personnel died in the blast.')).toEqual(['killed/combatants/russia=3']);
    expect(figures('The drone killed two young Syrian army personnel.')).toEqual(['killed/combatants/syrian-government=2']);
  });
});

describe('English victims: one victim with an age, kin, possessive partitives', () => {
  it('an age inside one victim\'s phrase counts one victim, never the age', () => {
    expect(figures('A 9-year-old girl was killed when the shell hit the tent.')).toEqual(['killed/children/-=1']);
    expect(figures('The strike wounded an 18-year-old man near the mill.')).toEqual(['injured/men/-=1']);
    expect(figures('A 14 year old was shot dead at the checkpoint.')).toEqual(['killed/children/-=1']);
    expect(figures('A 30-year-old was wounded by shrapnel.')).toEqual(['injured/all/-=1']);
    expect(figures('A 6-month-old baby died under the rubble.')).toEqual(['killed/children/-=1']);
    expect(figures('A girl aged 12 was wounded in the courtyard.')).toEqual(['injured/children/-=1']);
    expect(figures('A man, aged 52, was killed on his farm.')).toEqual(['killed/men/-=1']);
  });
  it('kin after a possessive is one victim of the group the noun names, a child under the age', () => {
    expect(figures('The shell killed a 50-year-old farmer and his 10-year-old son.')).toEqual(['killed/all/-=1', 'killed/children/-=1']);
    expect(figures('The raid killed a man and his wife in their home.')).toEqual(['killed/men/-=1', 'killed/women/-=1']);
    expect(figures('Shelling killed her husband and two sons.')).toEqual(['killed/men/-=1', 'killed/all/-=2']);
  });
  it('ages after a plural noun are no toll', () => {
    expect(figures('Three sisters aged 5 and 9 died in the fire.')).toEqual(['killed/all/-=3']);
    expect(figures('The barrage killed two boys aged 7 and 13.')).toEqual(['killed/children/-=2']);
    expect(figures('Two brothers aged 4 were wounded.')).toEqual(['injured/all/-=2']);
  });
  it('a possessive after a partitive keeps the head its own', () => {
    expect(figures('A drone killed a shepherd and three of his sons.')).toEqual(['killed/all/-=1', 'killed/all/-=3']);
    expect(figures('The shell killed 9 pupils and two of their teachers.')).toEqual(['killed/children/-=9', 'killed/all/-=2']);
    expect(figures('The army said the ambush killed five of its soldiers.')).toEqual(['killed/combatants/-=5']);
  });
  it('leaders are an armed group\'s, unless a civic word names them', () => {
    expect(figures('The drone strike killed four leaders near the border.')).toEqual(['killed/combatants/-=4']);
    expect(figures('The raid killed two tribal leaders in the village.')).toEqual(['killed/all/-=2']);
  });
  it('a headline may drop the article of one victim', () => {
    expect(figures('Sniper kills boy near the crossing')).toEqual(['killed/children/-=1']);
    expect(figures('Shell wounds woman in Maarat Misrin')).toEqual(['injured/women/-=1']);
  });
  it('a source named with a victim noun or beside a toll counts no one', () => {
    expect(figures('A military source said the attack caused material damage only.')).toEqual([]);
    expect(figures('The civil defence said its teams were still searching the rubble.')).toEqual([]);
    expect(figures('A medical source told the agency that a man was wounded.')).toEqual(['injured/men/-=1']);
    expect(figures('The shelling killed a woman, the civil defence said.')).toEqual(['killed/women/-=1']);
  });
  it('leaders and commanders of an armed group are its fighters, ranks and sides before the noun', () => {
    expect(figures('Two senior commanders of Hezbollah were killed in the drone strike.')).toEqual(['killed/combatants/iran-backed=2']);
    expect(figures('The drone strike killed a senior commander of Hurras al-Din near Idlib.')).toEqual(['killed/combatants/armed-opposition=1']);
    expect(figures('An Israeli strike killed a senior IRGC commander in Damascus.')).toEqual(['killed/combatants/iran-backed=1']);
    expect(figures('A US raid killed an ISIS emir in the north.')).toEqual(['killed/combatants/isis=1']);
    expect(figures('The strike killed three field commanders at the base.')).toEqual(['killed/combatants/-=3']);
    expect(figures('The air raid killed 4 top HTS leaders.')).toEqual(['killed/combatants/armed-opposition=4']);
  });
  it('a tribal leader is a person; a soldier with a nation before him is of its army', () => {
    expect(figures('The shelling killed a tribal leader in the village.')).toEqual(['killed/all/-=1']);
    expect(figures('A Turkish soldier was killed in the clash.')).toEqual(['killed/combatants/turkey=1']);
    expect(figures('The blast killed a local man near the market.')).toEqual(['killed/men/-=1']);
  });
  it('civil defence volunteers and workers are civilians', () => {
    expect(figures('The second strike killed a civil defence volunteer at the site.')).toEqual(['killed/civilians/-=1']);
    expect(figures('The shelling wounded 3 civil defense workers and a child.')).toEqual(['injured/civilians/-=3', 'injured/children/-=1']);
  });
});
