/**
 * Schema of rules/languages/<lang>/<family>.yaml: the linguistic knowledge one
 * extractor interprets. Every list holds phrases (words separated by spaces); a word
 * ending in `*` matches any word it begins (اندلاع* matches اندلاعه). Matching folds
 * spelling variants (src/text/normalise.ts) and strips the language's clitics.
 */
import { z } from 'zod';
import { Group, Outcome, Qualifier } from '../model/contract.js';
import { TotalRules } from './totals-schema.js';
import { FurnitureRules } from './furniture-schema.js';
import { PlaceWordRules } from './place-words-schema.js';
import { StanceGrammar } from './stance-schema.js';
import { AdministrativeRules, WritingRules } from './writing-schema.js';

const phrase = z.string().trim().min(1, 'a phrase cannot be empty');
const phrases = z.array(phrase).default([]);
/** one UTF-16 unit: the folds work unit by unit (src/text/normalise.ts) */
const unit = z.string().length(1, 'one character (UTF-16 unit)');

export const ScriptRules = z.object({
  /** proclitics stripped when a word is looked up (Arabic: و ف ب ل ك ال and combinations) */
  clitics: z.array(z.string().min(1)).default([]),
  /** the clitics that carry the article (Arabic "ال", "بال", "لل"): stripping another clitic does not
   *  also let the article go missing ("فرقه" is not "ف" + "الرقة") */
  articleClitics: z.array(z.string().min(1)).default([]),
  /** the fewest letters a word keeps when an article clitic is stripped: Arabic "الله" is no "ال" + "له",
   *  as no two-letter function word takes the article */
  articleStem: z.number().int().min(1).default(2),
  /** the clitics a verb may carry (Arabic: و ف); verbs never take the article or ب ل */
  verbClitics: z.array(z.string().min(1)).default([]),
  /** a regular verb's forms: a lemma written with "~" in a rule list ("claim~", "point~ out") stands for
   *  itself and the forms of the first entry whose `ends` ends it (src/rules/inflect.ts) */
  verbForms: z.array(z.object({
    /** how the lemma ends ("e", "y"); "" ends every lemma */
    ends: z.array(z.string()),
    /** endings appended to the lemma; each "-" before one drops a letter of the lemma first ("-ies": deny → denies) */
    forms: z.array(z.string().regex(/^-*[\p{L}]+$/u, 'a verb form is an ending of letters, after as many "-" as letters it drops')),
  })).default([]),
  /** Latin text: match case-insensitively (always true after folding) */
  direction: z.enum(['rtl', 'ltr']),
  /** characters that end a sentence besides newlines */
  sentenceEnds: z.array(z.string().min(1)).min(1),
  /** markers that open a list item at the start of a line ("–", "-", "•") */
  listMarkers: z.array(z.string().min(1)).default([]),
  /** a hyphen between letters separates words ("US-led" = "US led", "fifty-seven") */
  hyphenSplitsWords: z.boolean().default(false),
  /** single letters with dots are one word ("U.S.", "a.m."), so their dots end no sentence */
  initialisms: z.boolean().default(false),
  /** marks that stay inside a word between letters, so a name is one word ("Ma'arat", "Ma’arrat") */
  apostrophes: z.array(z.string().min(1)).default([]),
  /** what follows such a mark at the end of a word as a clitic of its own ("s" of "Idlib's") */
  apostropheEndings: z.array(z.string().min(1)).default([]),
  /** words after which a period ends no sentence ("Sept.", "Col.") */
  abbreviations: phrases,
  /** transliteration variants folded when matching place names ("ee" → "i": Mayadeen = Mayadin) */
  placeFolds: z.array(z.object({ from: z.string().min(1), to: z.string() })).default([]),
  /** shorter words are not folded, so a common word does not become a name ("has" is not "Hass") */
  placeFoldMinLength: z.number().int().nonnegative().default(5),
  /** the script capitalises names: a place name written in lower case is a common word */
  namesCapitalized: z.boolean().default(false),
  /** proclitics that are a conjunction ("و"): a figure that carries one is coordinated with the one before */
  conjunctionClitics: z.array(z.string().min(1)).default([]),
  /** enclitic pronouns a victim noun takes ("عناصره": his members), and how a noun's end is written
   *  before one (a sound plural loses its ن, taa marbuta is written ت): each one-word victim noun is
   *  also read with each suffix */
  possessives: z.object({
    suffixes: z.array(z.string().min(1)).default([]),
    ends: z.record(z.string().min(1), z.string()).default({}),
  }).default({ suffixes: [], ends: {} }),
  /** the commas and semicolons of the script: they close a clause */
  commas: z.array(z.string().min(1)).default([',']),
  semicolons: z.array(z.string().min(1)).default([';']),
  /** whose names of sources, actors and places the language reads, by language code (unset: its
   *  own; French reads the Latin names the English rules give) */
  namesOf: z.string().min(2).optional(),
  /** forms of the article in place names, all read as the first ("az-Zor" = "al-Zor") */
  placeArticles: phrases,
  /** spelling variants read as one letter (Arabic: أ إ آ → ا, ة → ه): one UTF-16 unit → what it is
   *  read as. Text is folded with the folds of every language of the rule set (src/rules/folding.ts) */
  folds: z.record(unit, z.string()).default({}),
  /** units removed when folding (diacritics, tatweel): one character, or a range "a-b" */
  removed: z.array(z.string().refine((s) => s.length === 1 || (s.length === 3 && s[1] === '-' && s[0]! <= s[2]!),
    'one character (UTF-16 unit) or a range "a-b" with a ≤ b')).default([]),
  /** the Unicode script of the language's letters (`Arabic`): a report that gives no language is read in
   *  this one when more than half of its letters are of this script (src/rules/guess.ts) */
  letters: z.string().min(1).optional(),
  /** the language of a report that gives none and whose letters no language's `letters` claim */
  guessOtherwise: z.boolean().default(false),
  /** the script's digits, zero to nine, read as ASCII digits */
  digits: z.array(z.string().refine((s) => s.length === 10 && new Set(s).size === 10, 'ten different digits, zero to nine')).default([]),
});

export const NumberRules = z.object({
  /** number words with every gender/case form: value */
  words: z.record(phrase, z.number().int().nonnegative()),
  /** words that add ten to a preceding unit ("خمسة عشر") */
  teens: phrases,
  /** multipliers ("ألف", "thousand") */
  multipliers: z.record(phrase, z.number().int().positive()),
  /** words joining parts of a compound number ("و", "and") */
  joiners: phrases,
  /** clitics a number word may carry, longest last is fine: each is tried (Arabic conjunctions and prepositions) */
  clitics: z.array(z.string().min(1)).default([]),
  /** prefixes glued to digits that are not part of the number ("الـ24" → "ال") */
  digitPrefixes: z.array(z.string()).default([]),
  /** vague quantities: a word, and the least number it stands for (DOMAIN.md, ACLED) */
  vague: z.array(z.object({ phrase, min: z.number().int().nonnegative(), note: z.string().optional() })).default([]),
});

export const QualifierRules = z.object({
  before: z.array(z.object({ phrase, qualifier: Qualifier })).default([]),
  after: z.array(z.object({ phrase, qualifier: Qualifier })).default([]),
  /** the source says the toll may rise */
  mayRise: phrases,
  /** words before two figures that make them a range ("between 55 and 58", "ما بين 55 و58") */
  rangeBefore: phrases,
  /** words between two figures that always make a range ("55 to 58") */
  rangeJoiners: phrases,
});

export const VictimRules = z.object({
  /** nouns that head a casualty figure ("مدنيا", "children"), with the group they name */
  heads: z.array(z.object({
    phrases,
    group: Group,
    /** combatants: the affiliation when the text names none (null: leave unknown) */
    affiliation: z.string().nullable().default(null),
    /** refines a generic head that precedes it ("42 سجينا مدنيا") */
    adjective: z.boolean().default(false),
    /** singular forms count 1 and dual forms count 2, right after an outcome cue */
    singular: phrases,
    dual: phrases,
    /** nouns of `phrases` also read with an enclitic pronoun (rules: script.possessives): "أطفاله" is his
     *  children. Nouns whose possessive names a side's own members are the own-members class instead. */
    possessive: phrases,
    /** the head is itself an outcome noun ("قتيلان", two dead): the few it counts are of that outcome */
    outcome: Outcome.optional(),
    /** the noun heads a figure only with a side named right before it ("15 ISIS members") */
    needsSide: z.boolean().default(false),
    /** a state's soldiers: a nation's adjective before the head names whose army ("Turkish soldiers"); `affiliation` is the default */
    army: z.boolean().default(false),
  })),
  /** words that may stand between a figure and its head ("four Syrian soldiers") */
  modifiers: phrases,
  /** nationality words after an army head, by the actor whose army they name ("جنود أتراك": turkey) */
  nationalities: z.record(z.string(), phrases).default({}),
  /** a side named between a figure and its head makes them that side's combatants ("15 ISIS members") */
  sideBeforeHead: z.boolean().default(false),
  /** a side named after a head needs a partitive or member word before it ("fighters of ISIS") */
  sideNeedsLink: z.boolean().default(false),
  /** conjunctions written as words that coordinate a figure with the one before ("and") */
  coordinators: phrases,
  /** "others": the figure has the same group as the figure before it ("وإصابة 13 آخرين") */
  others: phrases,
  /** one more victim named by a pronoun ("another", "آخر"): a victim of one, of the group "others"
   *  inherit, only as the subject or object of an outcome verb right beside it ("wounded another",
   *  "another was killed", "وأصيب آخر"); "another strike" and "هجوم آخر" count no one */
  oneOther: phrases,
  /** the groups "others" inherit from the figure before; other groups make them "all" ("a child and
   *  six others" are six people). Unset: every group is inherited. */
  othersInherit: z.array(Group).optional(),
  /** the groups a figure whose noun is gapped shares with the figure before ("Six civilians died and four
   *  were hurt": four civilians), apart from "others", which name people other than those counted
   *  without saying they are of their group. Unset: every group is shared. */
  elidedInherit: z.array(Group).optional(),
  /** an outcome word right after a figure is the noun it counts ("40 جريحا"), not a predicate whose subject's
   *  noun is gapped ("and three wounded"): the figure then keeps no group of the claim before it */
  outcomeNounsCounted: z.boolean().default(false),
  /** partitive links between a figure and its group ("6 من الميليشيات") */
  partitive: phrases,
  /** words between a partitive and an affiliation that keep it ("عناصر", "مقاتلي") */
  memberWords: phrases,
  /** conjunctions that make a generic head a mixed group ("وعوائلهم") */
  mixedGroupWords: phrases,
  /** words joining a second side to the first after a head ("members of the army and Hezbollah"): the
   *  fighters are of no one side (a conjunction clitic joins them as well: "قوات النظام والميليشيات") */
  sideJoiners: phrases,
  /** groups that hold others: one figure over two nouns of these groups counts the holding group
   *  ("12 women and children" are civilians); of groups no entry holds, people of no group said */
  joint: z.partialRecord(Group, z.array(Group)).default({}),
  /** after the second side, words that make it the first side's own ("والمسلحين الموالين لها", "and
   *  the militias loyal to them"): one side after all */
  sameSide: phrases,
  /** words that end the search for a victims' side after their head (prepositions, relatives: "في", "الذي") */
  sideStops: phrases,
  /** breakdown cues: the figure after it is part of the figure before ("بينهم") */
  breakdown: phrases,
  /** one victim's age, `#` the years: after a determiner of `ageDeterminers` and before the noun of a
   *  singular phrase ("an 11-year-old boy", "her 3-year-old brother"), or after a singular phrase
   *  (`agesAfter`: "a boy aged 9"). It is part of the victim phrase and counts no one. */
  agesBefore: phrases,
  agesAfter: phrases,
  ageDeterminers: phrases,
  /** under this age a victim the noun names no group of is a child (the CRC's under 18) */
  childUnder: z.number().int().positive().optional(),
});

export const OutcomeRules = z.object({
  /** verbs and verbal nouns before a figure ("مقتل 4") */
  killedBefore: phrases,
  injuredBefore: phrases,
  /** verbs after a figure ("14 مدنيا ... قتلوا") */
  killedAfter: phrases,
  injuredAfter: phrases,
  /** nouns that are the head of a figure ("13 قتيلا") */
  killedHeads: phrases,
  injuredHeads: phrases,
  /** verbs between a toll noun and its figure ("the death toll ... has risen to 31", "ارتفعت ... إلى") */
  tollLinks: phrases,
  /** words before a figure the source gave earlier ("up from 18"): a revised figure, not the current one */
  previousFigure: phrases,
  /** pronoun suffixes on an outcome noun that count people ("مقتلهما" = 2) */
  pronounCounts: z.record(z.string(), z.number().int().positive()).default({}),
  /** events that are not casualties: a figure they govern is not a claim ("اعتقال 6") */
  otherEvents: phrases,
});

export const SourceRules = z.object({
  /** speech verbs that introduce a speaker ("قال", "said") */
  speech: phrases,
  /** verbs that continue the previous speaker when no new one is named ("وأضاف") */
  continuation: phrases,
  /** "according to" before or after the claim */
  according: phrases,
  /** "بحسب ما أعلنه X": an "according" phrase that ends in one of these relative words ("ما", "حسبما")
   *  goes on with the relative clause's verb, whatever its form, then perhaps a word of accordingTails */
  accordingRelatives: phrases,
  accordingTails: phrases,
  /** the speaker addresses an outlet: that outlet relays ("لوكالة فرانس برس") */
  relayTo: phrases,
  /** the speaker quotes an origin ("نقلا عن") */
  relayFrom: phrases,
  /** how many words may stand between relayFrom and the origin it names: English determiners and
   *  adjectives ("citing an unnamed military source"); none in Arabic, where the noun comes first and
   *  a name further on is inside what is told of ("أفاد المرصد عن قصف لقوات النظام") */
  originGap: z.number().int().nonnegative().default(2),
  /** how far (words) a speaker's name may stand from its verb */
  window: z.number().int().positive().default(6),
  /** how many tokens may stand between a speaker's name and the verb after it (titles, names) */
  subjectWindow: z.number().int().nonnegative().default(2),
  /** a reporting clause after a comma ("..., the monitor said") speaks for what comes before it */
  postposed: z.boolean().default(false),
  /** words that open the reported clause: a name after one is not the speaker ("أن", "that") */
  complementizers: phrases,
  /** subjects before a speech verb that refer back to the last named speaker ("he", "its spokesman") */
  subjectPronouns: phrases,
  /** the subject may stand before an aside set off by commas ("SANA, which blamed the coalition, put") */
  asideSubject: z.boolean().default(false),
  /** words opening an aside ("which", "who"): a hedge after the aside still qualifies the doer */
  asideOpeners: phrases,
  /** 'always': a name after a speech verb is its speaker (Arabic VSO); 'inverted': only when the
   *  verb opens a clause (English ", said the Observatory") */
  speakerAfterVerb: z.enum(['always', 'inverted']).default('always'),
  /**
   * endings that make a name a possessor ("'s"). An alias of a source that speaks for an actor
   * and begins with the actor's adjective also answers to each of the actor's names with the
   * ending in the adjective's place: "Russia's defence ministry" is the "Russian defence ministry"
   */
  possessiveEndings: phrases,
  /** the report republishes another outlet's story ("originally appeared on"): that outlet is its voice */
  copiedFrom: phrases,
  /** a sentence of at least this many words found word for word in an earlier report was copied
   *  from it (a short headline phrase is written independently every day) */
  copyMinWords: z.number().int().positive().default(12),
  /** Open-world speakers: the subject of a speech verb that no source lists is a source of its own */
  unlisted: z.object({
    /** 'capitals': a name is a run of capitalised words (Latin script); 'heads': a name begins with
     *  a head word (an organisation noun: "وكالة", "موقع") and runs to a stop */
    by: z.enum(['capitals', 'heads']).default('heads'),
    /** head words of an organisation's name (by: heads) */
    heads: phrases,
    /** lower-case words that may stand inside a capitalised name ("of", "for", "al") */
    connectors: phrases,
    /** words before a capitalised run that leave it a subject ("the", "and", "while"); after any
     *  other word the run is an object ("killed in Idlib") */
    openers: phrases,
    /** words that end a name (prepositions, time words, the reported clause) */
    stops: phrases,
    /** words that are never a name on their own (pronouns, generic nouns, the outlet's own staff) */
    notNames: phrases,
    /** articles a capitalised name may begin with that are not part of it ("the") */
    articles: phrases,
    /** lower-case words that may end a capitalised name ("the Hawar news agency", "the Rudaw channel") */
    tails: phrases,
    /** single words (adverbs, auxiliaries) that may stand between a capitalised subject and its speech
     *  verb: "Governor X initially said", "Minister X later told", "X has said" */
    modifiers: phrases,
    maxWords: z.number().int().positive().default(6),
  }).prefault({}),
  /** a person named by title speaks for the organisation after the title ("a spokesman for Y", "مدير Y") */
  titles: phrases,
  /** title nouns between an organisation and a person's name ("SDF spokesman Farhad X"): the person
   *  speaks for the organisation, and the report remembers them */
  personTitles: phrases,
  /** lower-case head nouns of institutions ("the health directorate in Idlib", "the defence ministry"):
   *  the last source named whose name holds them, else a source of its own, its name as written */
  institutions: phrases,
  /** the words after an institution's head that name its place or owner ("in Idlib", "of the SDF") */
  institutionLinks: phrases,
  /** generic names that refer back to the last source of a compatible type named in the report
   *  ("the monitor" → a monitor; "the statement" → '*', any source) */
  anaphors: z.array(z.object({ phrase, types: z.array(z.string()).min(1) })).default([]),
  /** words in an unlisted name that give its type, for anaphora ("Ministry" → ministry) */
  typeWords: z.record(z.string(), phrases).default({}),
  /** words opening a clause of its own ("while", "but", "بينما"): its reporting verb is no postposed attribution */
  contrast: phrases,
  /** a coordinator right before a speech verb with no subject: the verb shares the last subject of its
   *  sentence ("X put the toll at four, and said 16 were wounded") */
  sharedSubject: phrases,
  /** "according to a new toll by X": nouns of a document, and the words that link it to its source */
  documents: phrases,
  documentLinks: phrases,
  /** an outlet's reporter ("a Reuters correspondent", "مراسل الجزيرة"): the outlet named with one speaks */
  reporters: phrases,
  /** words that may close a reporting clause after its verb ("in a statement", "في بيان") */
  statementTails: phrases,
  /** words right before a name that make it their object, never the subject of a verb after it ("من", "في") */
  objectMarkers: phrases,
  /** words that make the name after them the topic a later verb speaks of ("أما X فتحدثت") */
  topics: phrases,
  /** words opening a clause after a comma that dates the story against another event (", two days after",
   *  "، بعد يومين من"): the clause is the report's own account, not the last speaker's */
  voiceClauses: phrases,
  /** a source named before a colon at the start of a clause speaks for what follows ("Monitor: ...") */
  colonSpeaker: z.boolean().default(false),
});

/** How the language names an actor's clients by their patron (src/rules/proxies.ts): "pro-Turkish",
 *  "Iranian-backed militias", "الفصائل الموالية لتركيا". `{patron}` stands for each of an actor's `patrons`,
 *  `{noun}` for each of `nouns`, `{adjective}` for each adjective made. */
const ProxyRules = z.object({
  /** adjectives made of a patron's name ("pro-{patron}", "{patron}-backed") */
  adjectives: z.array(z.string().includes('{patron}', { message: 'a proxy adjective names its patron: write {patron} in it' })).default([]),
  /** names made of a noun and a patron or a proxy adjective ("{adjective} {noun}", "{noun} الموالية {patron}"), or of
   *  the patron alone, after whatever noun it follows ("loyal to {patron}": "fighters loyal to Tehran") */
  names: z.array(z.string().regex(/\{(noun|patron)\}/, 'a proxy name has its noun or its patron: write {noun} or {patron} in it')).default([]),
  /** the nouns of armed groups the names are made of ("factions", "fighters", "الفصائل") */
  nouns: phrases,
}).default({ adjectives: [], names: [], nouns: [] });

export const StanceRules = z.object({
  /** an actor's clients named by their patron ("Turkish-backed factions"): src/rules/proxies.ts */
  proxies: ProxyRules,
  /** words that introduce the doer right after them ("طائرات", "قام به", "by") */
  doerBefore: phrases,
  /** verbs whose subject is the doer ("نفذت", "carried out") */
  doerAfter: phrases,
  /** attack nouns an adjective of an actor may follow ("ضربات جوية أميركية") */
  attackNouns: phrases,
  /** words that make a sentence about an attack (for acknowledgements and mentions) */
  attackCues: phrases,
  likely: phrases,
  possible: phrases,
  deny: phrases,
  accuse: phrases,
  /** what an accusation must be about ("بالوقوف خلف", "بتنفيذ", "مسؤولية") */
  accuseComplement: phrases,
  acknowledge: phrases,
  /** prepositions that make the actor after a doer word a place or target ("تنفذ في العراق") */
  blockers: phrases,
  /** words after which an actor is a description, not a doer ("بقيادة", "led by") */
  appositives: phrases,
  window: z.number().int().positive().default(4),
  /** words that negate a doer ("no Russian aircraft", "had not struck"): the stance is a denial */
  negations: phrases,
  /** verbs whose object is the blamed actor, no complement needed ("blamed the coalition") */
  blame: phrases,
  /** words linking an attack noun to the actor after it ("warplanes of", "jets belonging to") */
  doerLinks: phrases,
  /** an actor named right before an attack noun is its doer ("coalition jets", "Russian aircraft") */
  actorBeforeNoun: z.boolean().default(false),
  /** words by which a speaker refers to itself; when listed, an acknowledgement needs one ("its aircraft") */
  selfReference: phrases,
  /** a stance's quote starts at the speech verb that introduces it in the same sentence */
  quoteFromSpeech: z.boolean().default(false),
  /** how many tokens may stand between a doer word and the actor ("by an "illegitimate" coalition") */
  doerGap: z.number().int().nonnegative().default(2),
  /** auxiliaries that make the verb after them passive ("was hit"): the actor before is no doer */
  passives: phrases,
  /** words right after an actor that make it a description ("Islamic State-held", "US-backed") */
  descriptiveAfter: phrases,
  /**
   * words joining doers named together ("by the regime and its Russian ally"), and actor
   * adjectives of one attack noun ("Russian or Turkish jets", "طائرات روسية وأخرى تركية"): each
   * names a doer. Adjectives side by side join without one ("Russian-Turkish strikes", and
   * "روسية وتركية", where the conjunction is a clitic); commas join a list that one ends
   */
  coordinators: phrases,
  /**
   * what a denial verb's complement may be about besides an attack word or a doer: the
   * denier's part in the attack ("carrying out", "responsibility", "involvement", "تنفيذ",
   * "مسؤوليته") or the claim of it ("the accusation", "ذلك"). A clause about none of these
   * ("denied that talks had stalled") denies no strike; an actor named as the denier ("Russia
   * denied") needs one of them, an attack word or a doer among the first words after the verb
   */
  denialObjects: phrases,
  /** possessive pronouns before an attack noun that refer back to the speaker ("its jets", "their aircraft"):
   *  the noun names the speaker's own side as the doer */
  ownWords: phrases,
  /** pronoun suffixes on an attack noun that refer back to the speaker ("غاراته", "طائراتها"), as `ownWords` */
  ownSuffixes: z.array(z.string().min(1)).default([]),
  /** how a noun's last letter is written before a pronoun suffix (ة → ت: "غارة", "غارته") */
  suffixStems: z.record(z.string().min(1), z.string()).default({}),
  /** stance constructions as data (src/rules/stance-schema.ts) */
  grammar: z.lazy(() => StanceGrammar).optional(),
});

export const DateRules = z.object({
  months: z.record(phrase, z.number().int().min(1).max(12)),
  weekdays: z.record(phrase, z.number().int().min(0).max(6)),
  /** day offsets from publication ("أمس": -1) */
  relativeDays: z.record(phrase, z.number().int()),
  /** phrases that cover the last N days up to publication ("خلال الساعات الـ24 الماضية") */
  recentWindows: z.array(z.object({
    phrase,
    days: z.number().int().nonnegative(),
    /** 'hours': the phrase holds a number of hours (#), the window is that many hours */
    unit: z.enum(['fixed', 'hours']).default('fixed'),
  })).default([]),
  /**
   * day offsets read from a phrase (src/extract/dates.ts): from publication ("two days ago",
   * "قبل # أيام"), the calendar week before publication's ("last week"), or from the event told
   * just before ("the day before", "a week earlier", "في اليوم التالي"). `#` stands for a count
   * (a digit or a word of `counts`) that multiplies `days`. `after`: "N after <event>": the event
   * named after the phrase is N days before the one the sentence tells, or (sentence-initial) the
   * sentence's event is N days after the one told before.
   */
  offsets: z.array(z.object({
    phrase,
    days: z.number().int(),
    anchor: z.enum(['publication', 'week', 'event']).default('publication'),
    after: z.boolean().default(false),
  })).default([]),
  /** count words that may stand for `#` in an offset ("two", "ثلاثة") */
  counts: z.record(phrase, z.number().int().positive()).default({}),
  /** words that say "last/previous" after a month or year ("الماضي") */
  previous: phrases,
  /** words that say "current" after a month ("الجاري") */
  current: phrases,
  /** parts of the day that may precede a weekday ("فجر") */
  partsOfDay: phrases,
  /** days before publication an undated event in a news report is assumed to fall in */
  undatedWindowDays: z.number().int().nonnegative(),
  /** dates of sentences told as one event may differ by this many days */
  sameEventToleranceDays: z.number().int().nonnegative().default(1),
  /** the day may follow the month ("June 26, 2017", "December 6") */
  dayAfterMonth: z.boolean().default(false),
  /** the noun "month" before a month's name: the name is a month without a day or year ("شهر آب") */
  monthNouns: phrases,
  /** a word between a day and its month ("the 3rd of June", "3 من حزيران") */
  dayMonthLinks: phrases,
  /** nouns of a statement: a time word after them dates the statement, not its event ("in a statement on Monday") */
  statementNouns: phrases,
  /** words before a time that a toll stood at ("the toll stood at 57 by Wednesday evening", "حتى مساء
   *  الأربعاء"): the time dates the count, not the event */
  countedBy: phrases,
  /** weekday names that are also other words written bare ("أحد": one; "جمعة": a week): a weekday
   *  only with the article or after a word of `dayNouns` ("يوم أحد") */
  bareWeekdayWords: phrases,
  /** prepositions of time before a bare month that make it a date ("in December", "since May") */
  monthLeads: phrases,
  /** the words before a bare weekday word that make it a weekday ("يوم", "يومي") */
  dayNouns: phrases,
  /** words joining two days of one month into a span ("June 25 and 26") */
  dayJoiners: phrases,
});

export const EventRules = z.object({
  /** a total over a period: the sentence's figures go to aggregates ("منذ اندلاع*") */
  periods: phrases,
  /** "since": with a date after it, a period */
  since: phrases,
  /** tallying verbs: with a count of events, the figures are totals ("أحصى") */
  tally: phrases,
  /** nouns counting events ("ضربات"): "5 strikes killed 11" */
  eventNouns: phrases,
  /** the sentence recalls earlier events: its dates do not date the incident */
  past: phrases,
  /** place-kind words that introduce a place name ("قرية", "بلدة", "town of") */
  placeIntroducers: phrases,
  /** place-kind words right after a place name ("Ariha city", "Idlib province") */
  placeIntroducersAfter: phrases,
  /** "city of" introducers that pick a city over a governorate of the same name */
  cityIntroducers: phrases,
  /** governorate / countryside introducers ("محافظة", "ريف") */
  regionIntroducers: phrases,
  /**
   * words that locate an earlier place by a later one ("X شرق Y", "X, 20 km north of Y",
   * "X near Y"): after another place of the sentence, the place they introduce is a
   * reference point, not where the event happened
   */
  referenceBefore: phrases,
  /** words that join places into a list ("and"): a reference word after one begins a new place ("… and east of Idlib") */
  placeJoiners: phrases,
  /**
   * Movement: where the wounded were taken, people fled, a convoy passed. A place after a
   * movement preposition (movementTo: "to", "إلى") that a movement verb (movementVerbs: "taken",
   * "نقل") governs, a few words back in the same clause, or after a route word alone (routeWords:
   * "via", "عبر"), is a reference point: it never places the event.
   */
  movementVerbs: phrases,
  movementTo: phrases,
  routeWords: phrases,
  /** where the fire came from ("fired from", "مصدرها", "المتمركزة في"): the place after one is the
   *  attacker's position, a reference point, never where the victims were */
  originWords: phrases,
  /** a verb or weapon of firing a few words before "from" (originFrom): "fired five rockets from X at Y" */
  firingWords: phrases,
  /** the preposition of that origin ("from", "من") */
  originFrom: phrases,
  /** words that turn back to the target between a movement or origin word and a place ("from over X
   *  on Y", "من اتجاه X على Y"): the place after one is the event's again */
  movementBreaks: phrases,
  /** proclitics that join a word to the one before (Arabic "و"): a list of places, as placeJoiners */
  conjunctionProclitics: phrases,
  /** content words naming a target (prison, camp, factory) for clustering */
  targets: phrases,
  /** target ids with the words that name them, so that reports in different languages name
   *  one target alike (prison: [سجن, سجنا]); a word in no group names the target by itself */
  targetGroups: z.record(phrase, phrases).default({}),
  /** a sentence with one of these tells another event than the one before ("in a separate development") */
  newEvent: phrases,
  /** the sentence is dated by the event told before it ("on the same day", "في اليوم ذاته") */
  sameDay: phrases,
  /** words that open a clause which may tell another event of the same sentence ("while", "فيما");
   *  clause punctuation does as well (src/extract/segment.ts) */
  clauseJoiners: phrases,
});

/**
 * Constructions (rules/languages/<lang>/constructions.yaml): typed token patterns written as
 * data. A slot is a built-in node (`figure`: a number with its qualifiers; `joined`: a figure
 * that carries a conjunction clitic ("و٣"); `victim`: a victim
 * phrase; `few`: a singular or dual victim noun, one or two; `pronoun`: an outcome noun whose
 * pronoun suffix counts its victims (outcomes.pronounCounts: "مقتلهما"); `claim`: a casualty claim already
 * read; `end`: the end of the clause), a word class of this file (`{ class: name }`), a node
 * another construction builds (`{ node: type }`), an optional slot, one of several slots, or a
 * gap of at most n tokens that never crosses a clause boundary or a figure, or a span of at
 * most n tokens that crosses figures and clause-opening words but no punctuation (and, with
 * `stopAt: class`, no word of that class of this file: "إن" opens a clause the noun before it
 * is not the subject of).
 */
export type Slot =
  | 'figure' | 'joined' | 'victim' | 'few' | 'pronoun' | 'claim' | 'end'
  | { readonly class: string }
  | { readonly node: string }
  | { readonly optional: Slot }
  | { readonly oneOf: readonly Slot[] }
  | { readonly gap: number }
  | { readonly span: number; readonly stopAt?: string };
export const Slot: z.ZodType<Slot> = z.lazy(() => z.union([
  z.enum(['figure', 'joined', 'victim', 'few', 'pronoun', 'claim', 'end']),
  z.object({ class: phrase }).strict(),
  z.object({ node: phrase }).strict(),
  z.object({ optional: Slot }).strict(),
  z.object({ oneOf: z.array(Slot).min(1) }).strict(),
  z.object({ gap: z.number().int().min(1).max(12) }).strict(),
  z.object({ span: z.number().int().min(1).max(40), stopAt: phrase.optional() }).strict(),
]));
/** A field of the node: a literal value, or the value a slot (0-based) carries; for the group, `joint`:
 *  the group that holds the victims of two slots (one figure over "soldiers and militiamen"). */
const Field = z.union([phrase, z.object({ slot: z.number().int().nonnegative() }).strict(),
  z.object({ joint: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]) }).strict()]);
const ExampleRead = z.object({
  text: phrase,
  /** the claims this construction must produce, "outcome/group=value" (optionally " qualifier") */
  claims: z.array(phrase).min(1),
}).strict();
export const Construction = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'an id is lower-case words joined by - or .'),
  /** what it builds (src/extract/meanings.ts): toll, claim, part, item, revision, non-claim */
  builds: z.enum(['toll', 'claim', 'part', 'item', 'revision', 'non-claim']),
  /** a longer match wins an overlap; between equal lengths, the higher priority */
  priority: z.number().int().default(0),
  /** read only after every other construction of the sentence, on the figures they left */
  fallback: z.boolean().optional(),
  pattern: z.array(Slot).min(1),
  fields: z.object({
    outcome: Field.optional(), group: Field.optional(), qualifier: Field.optional(),
    /** a part with no figure of its own counts its whole ("…, all of them civilians", "جميعهم مقاتلون") */
    value: z.literal('whole').optional(),
    /** the victims are the speaker's own ("four of its fighters", "خمسة من عناصره"): their side is the one the
     *  speaker speaks for (rules/sources.yaml `speaksFor`, or the actor an unlisted speaker's name names) */
    affiliation: z.literal('speaker').optional(),
  }).strict().default({}),
  /** check-rules fails a construction with fewer than three sentences it must read, or none it must not */
  examples: z.object({
    read: z.array(ExampleRead).min(3, 'a construction needs at least three example sentences it must read'),
    reject: z.array(phrase).min(1, 'a construction needs at least one example sentence it must not read'),
  }).strict(),
}).strict();
export type Construction = z.infer<typeof Construction>;
/** The word classes a slot names (`{ class }`, and a span's `stopAt`), nested slots included. */
const classesNamed = (slot: Slot): string[] => {
  if (typeof slot === 'string') return [];
  if ('class' in slot) return [slot.class];
  if ('optional' in slot) return classesNamed(slot.optional);
  if ('oneOf' in slot) return slot.oneOf.flatMap(classesNamed);
  if ('span' in slot) return slot.stopAt ? [slot.stopAt] : [];
  return [];
};

export const ConstructionRules = z.object({
  /** word classes: a list of lemmas, or a map from the value they carry to lemmas */
  classes: z.record(phrase, z.union([phrases, z.record(phrase, phrases)])).default({}),
  /** words that open a clause (a gap never crosses them), besides , ; : */
  clauseOpeners: phrases,
  constructions: z.array(Construction).default([]),
}).superRefine((r, ctx) => {
  // a class name that names no class would silently match nothing
  r.constructions.forEach((c, k) => c.pattern.forEach((slot, j) => {
    for (const name of classesNamed(slot)) {
      if (!Object.hasOwn(r.classes, name)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['constructions', k, 'pattern', j], message: `construction '${c.id}' names the class '${name}', which classes does not define` });
    }
  }));
});
export type ConstructionRules = z.infer<typeof ConstructionRules>;

export const LanguageRules = z.object({
  script: ScriptRules,
  numbers: NumberRules,
  qualifiers: QualifierRules,
  victims: VictimRules,
  outcomes: OutcomeRules,
  sources: SourceRules,
  stances: StanceRules,
  dates: DateRules,
  events: EventRules,
  /** totals over many events by composition (rules/languages/<lang>/totals.yaml; src/rules/totals-schema.ts) */
  totals: TotalRules.optional(),
  /** how the corpus generator writes the language (writing.yaml; src/rules/writing-schema.ts); the extractor never reads it */
  writing: WritingRules.optional(),
  /** the administrative words of place names, for gazetteer import (administrative.yaml; src/rules/writing-schema.ts); the extractor never reads it */
  administrative: AdministrativeRules.optional(),
  /** open-world places (place-words-schema.ts) */
  places: PlaceWordRules,
  /** page furniture (furniture-schema.ts) */
  furniture: FurnitureRules,
  constructions: ConstructionRules.default({ classes: {}, clauseOpeners: [], constructions: [] }),
});
export type LanguageRules = z.infer<typeof LanguageRules>;

export type ScriptRules = z.infer<typeof ScriptRules>;
export type NumberRules = z.infer<typeof NumberRules>;
export type QualifierRules = z.infer<typeof QualifierRules>;
export type VictimRules = z.infer<typeof VictimRules>;
export type OutcomeRules = z.infer<typeof OutcomeRules>;
export type SourceRules = z.infer<typeof SourceRules>;
export type StanceRules = z.infer<typeof StanceRules>;
export type DateRules = z.infer<typeof DateRules>;
export type EventRules = z.infer<typeof EventRules>;
