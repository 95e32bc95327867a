import { describe, expect, it } from 'vitest';
import { claimsEn, en } from './en-support.js';

const src = (text: string, outlet: string | null = 'ap') => claimsEn(text, { outlet }).map((c) => `${c.source}<${(c.relayChain ?? []).slice(1).join('<') || '-'}`);

describe('English sources and relays', () => {
  it('the speaker before the verb, before an aside, or after an inverted verb', () => {
    expect(src('The Syrian Observatory for Human Rights said 6 civilians were killed.')).toEqual(['sohr<ap']);
    expect(src('SANA, which quoted a hospital director, said 6 civilians were killed.')).toEqual(['sana<ap']);
    expect(src('Six civilians were killed in the raid, said the Observatory.')).toEqual(['sohr<ap']);
  });
  it('the Syrian government speaks through its defence ministry and its officials, however written', () => {
    expect(src('Syria’s defense ministry said 3 soldiers were wounded.')).toEqual(['syria-gov<ap']);
    expect(src('The strike killed two soldiers, the Syrian Ministry of Defence said.')).toEqual(['syria-gov<ap']);
    expect(src('According to Syrian officials, the raid killed 4 people.')).toEqual(['syria-gov<ap']);
  });
  it('a participle after the speaker\'s clause goes on in its voice ("…, reporting …", "…, putting the toll at …")', () => {
    expect(src('The Observatory gave a higher figure, reporting 9 civilians dead.')).toEqual(['sohr<ap']);
    expect(src('The White Helmets issued a statement, putting the toll at 12.')).toEqual(['syria-civil-defence<ap']);
    expect(src('SANA issued a brief report, stating that 4 soldiers were killed.')).toEqual(['sana<ap']);
  });
  it('the speaker before an aside, with an auxiliary or adverb before its verb', () => {
    expect(src('The Observatory, which is based in Britain, had put the toll at 61 dead.')).toEqual(['sohr<ap']);
    expect(src('SANA, citing a military source, later said 4 soldiers died.')).toEqual(['syria-gov<sana<ap']);
    expect(src('The White Helmets, whose teams reached the site, have also said 7 civilians were killed.')).toEqual(['syria-civil-defence<ap']);
  });
  it('an adverb between a name and its verb, and a verb after "although" or "while" sharing the subject', () => {
    expect(src('Orient News instead blamed the regime, and put the death toll at eight.')).toEqual(['unlisted:orient-news<ap']);
    expect(src('The Syrian Network for Human Rights blamed the regime, although said seven died.')).toEqual(['snhr<ap']);
    expect(src('SANA however said 4 soldiers died.')).toEqual(['sana<ap']);
  });
  it('a source close to, linked to or within a side speaks for it', () => {
    expect(src('A source close to the SDF said 4 fighters were killed.')).toEqual(['sdf<ap']);
    expect(src('A source linked to Hezbollah confirmed the deaths of two of its fighters.')).toEqual(['unlisted:hezbollah<ap']);
    expect(src('Sources within the Syrian army said 3 soldiers died.')).toEqual(['syria-gov<ap']);
  });
  it('an article and a generic tail ("The network said", "The channel reported") name no unlisted source', () => {
    expect(src('The network said seven people died.')).toEqual(['ap<-']);
    expect(src('The channel reported one person dead.')).toEqual(['ap<-']);
    expect(src('Shaam News Network said 10 people were killed.')).toEqual(['unlisted:shaam-news-network<ap']);
    expect(src('US authorities announced that 2 people were killed.')).toEqual(['us-gov<ap']);
  });
  it('a reporting clause after the claim speaks for it', () => {
    expect(src('The raid killed 15 people on Friday, the war monitor said on Saturday.')).toEqual(['sohr<ap']);
    expect(src('The shelling killed 5 civilians, local activists told the agency.')).toEqual(['local-sources<ap']);
  });
  it('a name after the verb is the subject of what was said, not the speaker', () => {
    expect(src('The Observatory said the coalition killed 4 civilians.')).toEqual(['sohr<ap']);
  });
  it('"according to", with modifiers before the name', () => {
    expect(src('The strike killed 11 people, according to the UK-based Observatory.')).toEqual(['sohr<ap']);
  });
  it('pronouns and a spokesman continue the last named speaker', () => {
    expect(src('The Observatory reported heavy raids. It said 7 civilians were killed.')).toEqual(['sohr<ap']);
    expect(src('The Russian Defence Ministry issued a statement. Its spokesman said 3 soldiers were killed.')).toEqual(['russia-mod<ap']);
  });
  it('a speaker telling an outlet makes it a relay in the chain', () => {
    expect(src('Rami Abdel Rahman told AFP that 8 civilians died in the raid.', 'the-new-arab')).toEqual(['sohr<afp<the-new-arab']);
  });
  it('a republished story speaks with the voice of its original outlet', () => {
    const text = 'Air raid kills 9 civilians\n\nThis story originally appeared on Reuters.\n\nThe raid killed 9 civilians in the town.';
    expect([...new Set(src(text, 'some-digest'))]).toEqual(['reuters<some-digest']);
  });
  it('the report voice when no one is named', () => {
    expect(src('The raid killed 3 civilians.', 'reuters')).toEqual(['reuters<-']);
  });
});

describe('claims a report restates', () => {
  it('a headline in the outlet voice repeats the body source\'s claim', () => {
    const text = 'Strikes kill 12 civilians in Hajin\n\nBEIRUT - Air strikes killed 12 civilians in Hajin on Monday, the Observatory said.';
    expect([...new Set(src(text, 'afp'))]).toEqual(['sohr<afp']);
  });
  it('a figure recalled as earlier reporting is superseded by the source\'s current one', () => {
    const cs = claimsEn('Strikes on Hajin killed 30 civilians, the Observatory said. It had earlier reported 12 dead.');
    expect(cs.map((c) => `${c.value}${c.superseded ? ' superseded' : ''}`)).toEqual(['30', '12 superseded']);
  });
});

describe('headline stances', () => {
  it('a headline naming the doer of another event does not blame it for this one', () => {
    const x = en('Dozens killed in coalition raid as Russian jets hit nearby town\n\nThe coalition raid killed 30 civilians in Hajin, the Observatory said.', { outlet: 'afp' });
    expect(x.mentions[0]?.stances.map((s) => `${s.source} ${s.actor}`)).toEqual(['sohr coalition', 'sohr coalition']);
    expect(x.looseStances.map((s) => s.actor)).toEqual(['russia']);
  });
});

describe('possessive speakers', () => {
  it('an actor\'s name with "\'s" before the rest of a source alias that begins with its adjective', () => {
    expect(src('Russia\'s defence ministry said 3 soldiers were killed in the shelling.')).toEqual(['russia-mod<ap']);
    expect(src('The regime\'s army said 3 soldiers were killed in the shelling.')).toEqual(['syria-gov<ap']);
  });
  it('a possessive before a noun no source alias has names no source', () => {
    expect(src('Russia\'s allies said 3 soldiers were killed in the shelling.')).toEqual(['ap<-']);
  });
});

describe('UN bodies and belligerents that speak for themselves', () => {
  it('a UN body is a source of its own', () => {
    expect(src('The UN human rights office said 12 civilians died in the shelling of the camp.')).toEqual(['un<ap']);
  });
  it('Turkey and Israel deny or acknowledge through their militaries', () => {
    const stances = (text: string) => { const x = en(text); return [...x.mentions.flatMap((m) => m.stances), ...x.looseStances].map((s) => `${s.source} ${s.stance} ${s.actor}`); };
    expect(stances('Turkey denied carrying out the strike that killed 4 civilians near Tal Abyad.')).toEqual(['turkey-mod denies turkey']);
    expect(stances('The Israeli army said its aircraft struck a depot near Damascus, killing 2 soldiers.')).toEqual(['israel-idf acknowledges israel']);
  });
});

describe('English sources named by role or country', () => {
  it('an outlet named before its reporter speaks', () => {
    expect(src('An AP photographer said 5 people were killed in the street.', 'afp')).toEqual(['ap<afp']);
  });
  it('a country as subject speaks through its speaker, with or without an aside', () => {
    expect(src('Israel said its jets killed 2 fighters near the airport.')).toEqual(['israel-idf<ap']);
    expect(src('Russia, which backs the government, said 40 militants were killed.')).toEqual(['russia-mod<ap']);
  });
  it('"the ministry" with no ministry named before continues no other speaker', () => {
    expect(src('The Observatory reported the raid. The ministry said 5 soldiers were killed.')).not.toEqual(['sohr<ap']);
  });
});

describe('a document owned by a source names it, with no speech verb', () => {
  it('a possessor before the toll, with "\'s" or a plural\'s bare mark', () => {
    expect(src('Barrel bombs fell on the town. The SDF\'s toll was 14 dead.')).toEqual(['sdf<ap']);
    expect(src('Jets struck the camp overnight. The White Helmets\' count rose to 19 dead.')).toEqual(['syria-civil-defence<ap']);
    expect(src('Rockets hit the market. The Observatory\'s latest death toll stood at 27.')).toEqual(['sohr<ap']);
  });
  it('a lower-case institution of a compound head is a source of its own, and "according to" reaches it', () => {
    expect(src('Drones hit a car on the road. The health directorate\'s toll stood at 4 killed.')).toEqual(['unlisted:health-directorate<ap']);
    expect(src('Twelve people were killed, according to the health directorate\'s figures.')).toEqual(['unlisted:health-directorate<ap']);
  });
  it('a compound institution head ("the local council") does not refer back to a source of another kind', () => {
    expect(src('Shells hit the village, killing 3, the monitor said. The local council put the toll at 5.')).toEqual(['sohr<ap', 'unlisted:local-council<ap']);
  });
  it('a toll with no owner stays with the voice', () => {
    expect(src('Jets struck the camp overnight. The toll rose to 19 dead.', 'reuters')).toEqual(['reuters<-']);
  });
});
