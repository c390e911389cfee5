/**
 * Per-language word lists the change classifier reads: negation words and speech verbs (the
 * verbs whose subject or agent tells who said or reported something). Lower case. A language
 * without a list of its own is read with the union of all (the general fallback).
 */
import { escapePattern } from './text';

const NEGATIONS: Readonly<Record<string, string>> = {
  en: 'not no never none nobody nothing neither nor cannot without',
  de: 'nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder',
  ru: 'не нет ни никогда ничего никто ничто нельзя',
  uk: 'не ні ніколи нічого ніхто немає',
  ar: 'لا لم لن ليس ليست لست غير عدم',
  fr: 'ne pas jamais aucun aucune rien ni sans',
  es: 'no nunca jamás ningún ninguna ninguno nadie nada ni sin',
  it: 'non mai nessun nessuno nessuna niente nulla né senza',
  pt: 'não nunca jamais nenhum nenhuma ninguém nada nem sem',
  nl: 'niet geen nooit niets niemand noch zonder',
  sv: 'inte ej aldrig ingen inget inga ingenting',
  pl: 'nie nigdy żaden żadna nic nikt bez',
  tr: 'değil yok hiç hiçbir asla',
  fa: 'نه نمی هرگز هیچ',
  id: 'tidak bukan belum tak jangan tanpa',
  da: 'ikke ingen intet aldrig ingenting hverken uden',
  nb: 'ikke ingen intet aldri ingenting hverken uten',
  fi: 'ei eivät emme ette eikä ilman',
  hu: 'nem nincs nincsenek sem soha semmi senki nélkül',
  ro: 'nu nici niciodată nimic nimeni niciun nicio fără',
  cs: 'ne není nejsou nikdy nic nikdo žádný žádná žádné bez',
  sk: 'nie nikdy nič nikto žiadny žiadna žiadne bez',
  sh: 'ne nije nisu nikad nikada ništa nitko niko nijedan bez nema neće',
  sr: 'не није нису никад никада ништа нико ниједан без нема неће',
  bg: 'не няма никога нищо никой нито без',
  el: 'δεν μη μην ούτε ποτέ τίποτα κανείς χωρίς',
  lt: 'ne nėra niekada nieko niekas joks jokia',
  ca: 'no mai res ningú ni sense',
  vi: 'không chưa chẳng đừng chả',
  he: 'לא אין אינו אינה מעולם בלי ללא',
  hi: 'नहीं न बिना',
  et: 'ei mitte',
  lv: 'ne nav nekad nekas neviens bez',
  sl: 'ne ni niso nikoli nič nihče brez',
  is: 'ekki aldrei enginn engin ekkert án',
  mk: 'не нема никогаш ништо никој без',
};

const SPEECH_VERBS: Readonly<Record<string, string>> = {
  en:
    'said says say told tells tell reported reports report announced announces stated states ' +
    'according quoted quoting cited citing claimed claims confirmed confirms denied denies wrote writes ' +
    'tweeted posted added noted declared insisted warned explained argued alleged acknowledged admitted ' +
    'informed informs understands stressed stresses emphasised emphasized emphasises emphasizes affirmed ' +
    'affirms reiterated reiterates asserted asserts',
  de: 'sagte sagt sagten sagen gesagt berichtete berichtet berichten erklärte erklärt teilte teilt mitgeteilt meldete meldet gemeldet zufolge laut zitierte zitiert betonte betont',
  ru: 'сказал сказала сказали заявил заявила заявили сообщил сообщила сообщили сообщает сообщают передает передаёт отметил отметила говорится цитирует пишет написал словам данным',
  uk: 'сказав сказала заявив заявила повідомив повідомила повідомляє зазначив словами даними',
  ar: 'قال قالت يقول تقول أعلن أعلنت ذكر ذكرت أفاد أفادت نقل نقلت وفق وفقا حسب بحسب صرح أكد أكدت أضاف أضافت',
  fr: 'dit déclaré affirmé annoncé rapporté selon indiqué expliqué ajouté précisé souligné estimé',
  es: 'dijo dice declaró afirmó anunció informó según indicó explicó añadió señaló aseguró',
  it: 'detto dichiarato affermato annunciato riferito secondo spiegato aggiunto sottolineato',
  pt: 'disse diz declarou afirmou anunciou informou segundo explicou acrescentou',
  nl: 'zei zegt verklaarde meldde volgens aldus gezegd verklaard gemeld',
  sv: 'sade sa säger uppgav enligt meddelade sagt uppgett meddelat',
  pl: 'powiedział powiedziała podał poinformował według oświadczył',
  tr: 'dedi söyledi açıkladı bildirdi göre',
  fa: 'گفت گفته اعلام گزارش',
  id: 'kata mengatakan menurut ujar menyatakan',
  da: 'sagde siger fortalte oplyste meddelte skriver skrev ifølge udtalte tilføjede sagt oplyst meddelt udtalt fortalt skrevet tilføjet',
  nb: 'sa sier fortalte opplyste meldte skriver skrev ifølge uttalte sagt opplyst meldt uttalt fortalt skrevet',
  fi: 'sanoi sanoo kertoi kertoo ilmoitti ilmoittaa mukaan totesi lisäsi',
  hu: 'mondta mondja közölte szerint jelentette nyilatkozta hangsúlyozta írta',
  ro: 'spus spune declarat afirmat anunțat anunţat potrivit conform informat precizat adăugat',
  cs: 'řekl řekla uvedl uvedla oznámil oznámila podle napsal prohlásil dodal',
  sk: 'povedal povedala uviedol uviedla oznámil oznámila podľa napísal vyhlásil dodal',
  sh: 'rekao rekla izjavio izjavila naveo navela saopćio saopštio dodao priopćio kazao kazala',
  sr: 'рекао рекла изјавио изјавила навео навела саопштио додао',
  bg: 'каза казва заяви заявил съобщи съобщил според добави посочи',
  el: 'είπε δήλωσε ανέφερε ανακοίνωσε σύμφωνα πρόσθεσε τόνισε έγραψε',
  lt: 'sakė teigė pranešė pareiškė anot pasak pridūrė rašė',
  ca: 'dit dir diu segons declarat afirmat anunciat explicat afegit',
  he: 'אמר אמרה אומר לדברי מסר מסרה הודיע הודיעה הוסיף כתב לפי',
  hi: 'कहा बताया अनुसार मुताबिक',
  vi: 'nói theo',
  et: 'ütles ütleb teatas sõnul lisas',
  lv: 'sacīja teica paziņoja',
  sl: 'dejal dejala povedal povedala sporočil sporočila',
  is: 'sagði segir sögn',
  mk: 'рече изјави соопшти според додаде',
};

/**
 * The compound tenses of the speech verbs, per language: auxiliaries, and the forms of the
 * speech verbs that follow them ("the Kremlin has said", "le Kremlin a déclaré", "Kremelj je
 * dejal", "el Gobierno ha dicho"). The perfect's and pluperfect's auxiliaries go with past
 * participles; the future's and conditional's with infinitives where the language makes them so
 * (Romanian "va spune"; "pentru a declara", to declare, is no tense), as does Catalan's past
 * ("va dir"). Not the passive's ("wird berichtet", "was said"): its subject is no speaker. A
 * language without a list has none: its short words ("a", "je", "е") are too often something
 * else. Only after its auxiliary is a form read as a speech verb where it is not on
 * `SPEECH_VERBS` too: alone, a Romance participle is as often an adjective ("el plan
 * anunciado", the plan announced). The Germanic participles are on `SPEECH_VERBS` as well,
 * since a main clause puts the subject between the two ("heeft de minister gezegd") and they are
 * seldom adjectives uninflected.
 */
const COMPOUND_SPEECH: Readonly<Record<string, readonly (readonly [auxiliaries: string, verbs: string])[]>> = {
  en: [
    [
      'has have had',
      'said told reported announced stated quoted cited claimed confirmed denied written tweeted posted added noted ' +
        'declared insisted warned explained argued alleged acknowledged admitted informed',
    ],
    ['will would', 'say tell'],
  ],
  de: [['hat haben hatte hatten habe', 'gesagt berichtet erklärt mitgeteilt gemeldet zitiert betont']],
  fr: [
    [
      'a ont avait avaient aura auront aurait auraient',
      'dit déclaré affirmé annoncé rapporté indiqué expliqué ajouté précisé souligné estimé',
    ],
  ],
  es: [
    [
      'ha han había habían habrá habrán habría habrían',
      'dicho declarado afirmado anunciado informado indicado explicado añadido señalado asegurado',
    ],
  ],
  it: [
    [
      'ha hanno aveva avevano avrà avranno avrebbe avrebbero',
      'detto dichiarato affermato annunciato riferito spiegato aggiunto sottolineato',
    ],
  ],
  nl: [['heeft hebben had hadden', 'gezegd verklaard gemeld']],
  sv: [['har hade', 'sagt uppgett meddelat']],
  da: [['har havde', 'sagt oplyst meddelt fortalt udtalt skrevet tilføjet']],
  nb: [['har hadde', 'sagt opplyst meldt fortalt uttalt skrevet']],
  ro: [
    ['a au', 'spus declarat afirmat anunțat anunţat informat precizat adăugat'],
    ['va vor', 'spune declara afirma anunța anunţa preciza adăuga'],
  ],
  ca: [
    ['va van', 'dir declarar afirmar anunciar explicar afegir'],
    ['ha han havia', 'dit declarat afirmat anunciat explicat afegit'],
  ],
  sl: [['je so sta bo bodo bosta bi', 'dejal dejala dejali povedal povedala povedali sporočil sporočila sporočili rekel rekla rekli']],
  sh: [
    [
      'je su',
      'rekao rekla rekli izjavio izjavila izjavili naveo navela naveli saopćio saopćila saopćili saopštio saopštila saopštili ' +
        'dodao dodala dodali priopćio priopćila priopćili kazao kazala kazali',
    ],
    ['će', 'reći izjaviti navesti dodati'],
  ],
  sr: [
    ['је су', 'рекао рекла рекли изјавио изјавила изјавили навео навела навели саопштио саопштила саопштили додао додала додали'],
    ['ће', 'рећи изјавити навести додати'],
  ],
  bg: [
    ['е са', 'казал казала казали заявил заявила заявили съобщил съобщила съобщили добавил добавила добавили посочил посочила посочили'],
  ],
};

const COMPOUND_SETS = new Map(
  Object.entries(COMPOUND_SPEECH).map(([language, tenses]) => [
    language,
    tenses.map(([auxiliaries, verbs]) => [new Set(auxiliaries.split(' ')), new Set(verbs.split(' '))] as const),
  ]),
);

/**
 * Languages whose compound tense of a speech verb may put its speaker after it, as their simple
 * past does ("…, a déclaré le ministre", "…, ha dicho el portavoz"). In the others a comma before
 * a compound tense reads no speaker after it: "…, has confirmed his resignation" has an object there.
 */
const INVERTED_COMPOUND_SPEECH = new Set(['fr', 'es', 'it', 'ca', 'ro']);

/** True where the language may put a speaker after the compound tense of its speech verb (see `INVERTED_COMPOUND_SPEECH`). */
export function invertsCompoundSpeech(language: string): boolean {
  return INVERTED_COMPOUND_SPEECH.has(language);
}

/**
 * True where `auxiliary` and `verb` (lower case) are a compound tense of a speech verb in the
 * language ("has said", "a déclaré", "je rekao"): the speaker stands before or after both.
 */
export function isCompoundSpeech(auxiliary: string, verb: string, language: string): boolean {
  return COMPOUND_SETS.get(language)?.some(([auxiliaries, verbs]) => auxiliaries.has(auxiliary) && verbs.has(verb)) ?? false;
}

const DEFINITE_ARTICLES: Readonly<Record<string, string>> = {
  en: 'the these those',
  de: 'die der den dem des beiden',
  fr: 'les ces',
  es: 'los las estos estas',
  it: 'i gli le',
  pt: 'os as',
  nl: 'de die',
  sv: 'de',
};

/** Titles and ranks written with a capital before a name ("President", "Minister"): a title is no name. */
const TITLES: Readonly<Record<string, string>> = {
  en: 'president vice prime minister secretary chancellor premier king queen prince princess chief general governor mayor senator leader foreign defence defense interior state',
  de: 'präsident präsidentin minister ministerin kanzler kanzlerin könig königin general gouverneur bürgermeister',
  fr: 'président présidente ministre premier roi reine général gouverneur maire',
  es: 'presidente presidenta ministro ministra primer rey reina general gobernador alcalde',
  it: 'presidente ministro primo re regina generale governatore sindaco',
  pt: 'presidente ministro primeiro rei rainha general governador prefeito',
  nl: 'president premier minister koning koningin generaal gouverneur burgemeester',
};

const TITLE_SETS = setsOf(TITLES);

/** Acronyms of common nouns, written in capitals but naming no one ("TV", "CEO"). */
const COMMON_ACRONYMS: Readonly<Record<string, string>> = {
  en: 'tv ceo gdp vip pm am ai dna id ngo faq hq',
  de: 'tv ceo bip',
  fr: 'tv pib pdg',
  es: 'tv pib',
};

const COMMON_ACRONYM_SETS = setsOf(COMMON_ACRONYMS);

/** True for an acronym of a common noun in the language (its own list, or all lists). */
export function isCommonAcronym(lowerWord: string, language: string): boolean {
  return (COMMON_ACRONYM_SETS.get(language) ?? COMMON_ACRONYM_SETS.get('*')!).has(lowerWord);
}

/** True for a title or rank of the language (its own list, or all lists for a language without one). */
export function isTitle(lowerWord: string, language: string): boolean {
  return (TITLE_SETS.get(language) ?? TITLE_SETS.get('*')!).has(lowerWord);
}

/**
 * Verbs of telling, whose object also says who reported it: the outlet or person told ("said
 * to the BBC" is attributed to the BBC as much as to the speaker).
 */
const TELLING_VERBS: Readonly<Record<string, string>> = {
  en: 'told tells tell informed informs',
};

const TELLING_SETS = setsOf(TELLING_VERBS);

/** True for a verb of telling in the language, whose object names who reported it ("told the BBC"). */
export function isTellingVerb(lowerWord: string, language: string): boolean {
  return TELLING_SETS.get(language)?.has(lowerWord) ?? false;
}

/**
 * Adjectives written with a capital because they come from a name: of a nation, people or
 * faith ("Indian", "Hindu"). Where they stand before a noun they describe it; they name no
 * one. Per language: the endings that make such adjectives, whether they are also made from
 * the names of countries (see `regionAdjectives`), and the ones that follow no pattern.
 * Languages that write these adjectives in lower case need no entry.
 */
const PROPER_ADJECTIVES: Readonly<
  Record<string, { readonly endings: readonly string[]; readonly fromRegionNames: boolean; readonly words: string }>
> = {
  en: {
    endings: ['ian', 'ean', 'can', 'kan', 'yan', 'ese', 'ish'],
    fromRegionNames: true,
    words:
      'arab french dutch greek swiss thai saudi filipino ' +
      'hindu muslim christian jewish buddhist sikh catholic protestant orthodox islamic islamist sunni shia shiite evangelical',
  },
};

const PROPER_ADJECTIVE_WORDS = new Map(
  Object.entries(PROPER_ADJECTIVES).map(([language, list]) => [language, new Set(list.words.split(' '))]),
);

/** Made on first use: asks the runtime's locale data for the names of about 280 regions. */
const regionAdjectiveSets = new Map<string, ReadonlySet<string>>();

/**
 * The adjectives the regular patterns make from the region names the runtime knows in
 * `language` (`Intl.DisplayNames`): "-i" added (Yemen, Iraq), a final "-ia" or "-es" turned
 * into "-i" (Somalia, Emirates), a final "-y" dropped (Germany), "-stan" or "-istan" dropped
 * (Afghanistan, Uzbekistan). Lower case. O(regions) once per language.
 */
function regionAdjectives(language: string): ReadonlySet<string> {
  const known = regionAdjectiveSets.get(language);
  if (known) return known;
  const made = new Set<string>();
  const names = new Intl.DisplayNames([language], { type: 'region' });
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (!name || name === code) continue;
      for (const word of name
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^\p{L}]+/u)) {
        if (word.length < 4) continue;
        made.add(`${word}i`);
        if (word.endsWith('ia')) made.add(word.slice(0, -1));
        if (word.endsWith('es')) made.add(`${word.slice(0, -2)}i`);
        if (word.endsWith('y') && word.length >= 6) made.add(word.slice(0, -1));
        const stan = /i?stan$/.exec(word);
        if (stan && word.length - stan[0].length >= 4) made.add(word.slice(0, -stan[0].length));
      }
    }
  }
  regionAdjectiveSets.set(language, made);
  return made;
}

/** True for an adjective of a nation, people or faith in the language ("indian", "hindu"); lower case in. */
export function isProperAdjective(lowerWord: string, language: string): boolean {
  const list = PROPER_ADJECTIVES[language];
  if (!list) return false;
  if (PROPER_ADJECTIVE_WORDS.get(language)!.has(lowerWord)) return true;
  if (lowerWord.length >= 5 && list.endings.some(e => lowerWord.endsWith(e))) return true;
  return list.fromRegionNames && regionAdjectives(language).has(lowerWord);
}

/** Words after which the agent follows the verb ("according to X", "quoted by X"). */
const AGENT_AFTER = new Set([
  'according',
  'zufolge',
  'laut',
  'selon',
  'según',
  'secondo',
  'segundo',
  'volgens',
  'enligt',
  'według',
  'menurut',
  'وفق',
  'وفقا',
  'حسب',
  'بحسب',
  'словам',
  'данным',
  'словами',
  'даними',
  'ifølge',
  'potrivit',
  'conform',
  'podle',
  'podľa',
  'според',
  'σύμφωνα',
  'anot',
  'pasak',
  'segons',
  'לדברי',
  'לפי',
  'theo',
  'sögn',
]);

function setsOf(lists: Readonly<Record<string, string>>): ReadonlyMap<string, ReadonlySet<string>> {
  const sets = new Map<string, ReadonlySet<string>>(Object.entries(lists).map(([language, list]) => [language, new Set(list.split(' '))]));
  sets.set('*', new Set(Object.values(lists).flatMap(list => list.split(' '))));
  return sets;
}

const NEGATION_SETS = setsOf(NEGATIONS);
const SPEECH_SETS = setsOf(SPEECH_VERBS);

/** The negation words of a language (its own list, or all lists for a language without one). */
export function negationWords(language: string): ReadonlySet<string> {
  return NEGATION_SETS.get(language) ?? NEGATION_SETS.get('*')!;
}

/**
 * Conjunctions a language writes onto the word after them, which may be a negation: Arabic's
 * "و" and "ف" ("ولم", "فلا"), Hebrew's "ו" and "ש" ("ולא", "שאין").
 */
const JOINED_CONJUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  ar: ['و', 'ف'],
  he: ['ו', 'ש'],
};
/** Words that read as a conjunction and a negation but are mostly a word of their own: Arabic "فلم", film. */
const NOT_JOINED_NEGATIONS: ReadonlySet<string> = new Set(['فلم']);

/** True for a negation: a listed word (after a conjunction written onto it), or an English contraction ending in n't. */
export function isNegation(lowerWord: string, language: string): boolean {
  const words = negationWords(language);
  if (words.has(lowerWord)) return true;
  if (NOT_JOINED_NEGATIONS.has(lowerWord)) return false;
  for (const conjunction of JOINED_CONJUNCTIONS[language] ?? []) {
    if (lowerWord.startsWith(conjunction) && words.has(lowerWord.slice(conjunction.length))) return true;
  }
  return (language === 'en' || !NEGATION_SETS.has(language)) && /n[’']t$/.test(lowerWord);
}

/** The speech verbs of a language (its own list, or all lists for a language without one). */
export function speechVerbs(language: string): ReadonlySet<string> {
  return SPEECH_SETS.get(language) ?? SPEECH_SETS.get('*')!;
}

/** True for a definite article or demonstrative of the language ("the two leaders"). */
export function isDefiniteArticle(lowerWord: string, language: string): boolean {
  return DEFINITE_SETS.get(language)?.has(lowerWord) ?? false;
}

const DEFINITE_SETS = new Map(Object.entries(DEFINITE_ARTICLES).map(([language, list]) => [language, new Set(list.split(' '))]));

/** True when the agent of this speech verb follows it ("according to the Kremlin"). */
export function agentFollows(lowerWord: string): boolean {
  return AGENT_AFTER.has(lowerWord);
}

/** Which way a hedge before a figure leans from it: the true value near it, below it or above it. */
export type HedgeDirection = 'near' | 'below' | 'above';

/**
 * Words that hedge the round figure after them ("about 1 million", "nearly 50,000", "more than
 * 400"), per language and direction, lower case. A language without a list has none. Not the
 * words that as often bound a figure as hedge it ("up to 2020", "children under 10", "до 50":
 * rose to 50).
 */
const HEDGES: Readonly<Record<string, Readonly<Record<HedgeDirection, readonly string[]>>>> = {
  en: {
    near: ['about', 'around', 'approximately', 'roughly', 'some', 'an estimated', 'estimated', 'circa'],
    below: ['nearly', 'almost', 'close to', 'just under', 'fewer than', 'less than', 'not quite'],
    above: ['more than', 'at least', 'upwards of', 'just over', 'in excess of'],
  },
  fr: {
    near: ['environ', 'quelque', 'quelques', 'autour de', 'approximativement', 'à peu près'],
    below: ['près de', 'presque', 'quasiment', 'moins de'],
    above: ['plus de', 'au moins', 'au-delà de'],
  },
  es: {
    near: ['unos', 'unas', 'alrededor de', 'aproximadamente', 'cerca de', 'en torno a'],
    below: ['casi', 'menos de'],
    above: ['más de', 'al menos', 'por lo menos'],
  },
  pt: {
    near: ['cerca de', 'aproximadamente', 'em torno de', 'por volta de'],
    below: ['quase', 'menos de'],
    above: ['mais de', 'pelo menos', 'ao menos'],
  },
  it: {
    near: ['circa', 'intorno a', 'approssimativamente'],
    below: ['quasi', 'meno di'],
    above: ['più di', 'almeno'],
  },
  de: {
    near: ['etwa', 'rund', 'ungefähr', 'circa', 'zirka', 'ca.'],
    below: ['fast', 'knapp', 'beinahe', 'nahezu', 'weniger als'],
    above: ['mehr als', 'mindestens'],
  },
  nl: {
    near: ['ongeveer', 'rond', 'zo’n', "zo'n", 'circa'],
    below: ['bijna', 'nagenoeg', 'minder dan'],
    above: ['meer dan', 'ruim', 'minstens', 'ten minste'],
  },
  ru: {
    near: ['около', 'примерно', 'приблизительно', 'порядка'],
    below: ['почти', 'менее', 'меньше'],
    above: ['более', 'больше', 'свыше', 'не менее', 'по меньшей мере'],
  },
};

const HEDGE_PATTERNS = new Map(
  Object.entries(HEDGES).map(([language, byDirection]) => [
    language,
    (Object.entries(byDirection) as [HedgeDirection, readonly string[]][]).map(
      ([direction, phrases]) =>
        [
          direction,
          // The hedge ends the text before the figure, but for a currency sign and spaces ("about $3 million").
          new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${phrases.map(escapePattern).join('|')})\\s*\\p{Sc}?\\s*$`, 'iu'),
        ] as const,
    ),
  ]),
);

/** The direction of the hedge `textBefore` ends with, in the language (see `HEDGES`), or undefined. O(length). */
export function hedgeBefore(textBefore: string, language: string): HedgeDirection | undefined {
  const patterns = HEDGE_PATTERNS.get(language);
  if (!patterns) return undefined;
  // A hedge is a word or two: only the end of the text is read.
  const tail = textBefore.slice(-40);
  return patterns.find(([, pattern]) => pattern.test(tail))?.[0];
}
