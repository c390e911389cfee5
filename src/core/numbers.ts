/**
 * Numbers as a reader compares them: "twelve" and "12", "1,000" and "1000", "١٢" and "12",
 * "5 million" and "5,000,000" are one value. Number words come from written-number (the written
 * form of every number in its languages, read backwards here) and a German list it lacks; month
 * and weekday names come from the runtime's own locale data (`Intl.DateTimeFormat`), so every
 * language the runtime knows has them.
 */
import writtenNumber from 'written-number';
import { hasStemmer, stemmerFor } from './stemming';
import { functionWordsOf } from './stopwords';

/** The zero of each block of decimal digits (Unicode's `Nd` blocks run 0 to 9), ascending: `digitZeroOf` stops at the first zero past a code unit. */
const DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090,
  0x17e0, 0x1810, 0x1946, 0x19d0, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xaa50, 0xabf0, 0xff10,
];

/** `text` with every decimal digit of any script as an ASCII digit. O(n). */
export function asciiDigits(text: string): string {
  // Most texts (most lines, most figures) hold no digit past ASCII and are their own answer,
  // found by one scan of their code units: every digit block lies in the BMP, above U+065F, so
  // no surrogate half and no Latin-1 character is ever one (on 300 stories, 60 ms of the
  // publication-date search went to building such texts again a character at a time).
  const n = text.length;
  let i = 0;
  while (i < n && digitZeroOf(text.charCodeAt(i)) < 0) i++;
  if (i === n) return text;
  let out = text.slice(0, i);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const zero = digitZeroOf(c);
    out += zero >= 0 ? String.fromCharCode(48 + c - zero) : text[i];
  }
  return out;
}

/**
 * The zero of the digit block a code unit past ASCII lies in (each of `DIGIT_ZEROS`' blocks but
 * ASCII's is ten characters of Unicode's `Nd`, tested against `/\p{Nd}/u`), or -1.
 */
function digitZeroOf(c: number): number {
  if (c < 0x660) return -1;
  for (let k = 1; k < DIGIT_ZEROS.length; k++) {
    const z = DIGIT_ZEROS[k];
    if (c < z) return -1;
    if (c <= z + 9) return z;
  }
  return -1;
}

/** Separators that may stand between digit groups: . , ' ’, no-break spaces, Arabic decimal and thousands marks. */
export const DIGIT_SEPARATORS = ".,'’\u00a0\u202f\u066b\u066c";

/**
 * The value of a run of digits with separators, as a canonical string ("1,000" → "1000",
 * "2,5" → "2.5", "6:04" → "6:04"). A separator repeated, or one followed by exactly three digits
 * at the end, groups thousands; otherwise the last separator is the decimal mark. O(n).
 */
export function digitValue(text: string): string {
  // Plain ASCII digits ("2024") are their own value's digits: no separators to read.
  if (onlyAsciiDigits(text)) return String(Number(text));
  const ascii = asciiDigits(text);
  if (ascii.includes(':')) return ascii;
  const groups = ascii.split(/[^0-9]/);
  const separators = ascii.replace(/[0-9]/g, '');
  if (!separators) return String(Number(ascii));
  const last = groups[groups.length - 1];
  const thousandsOnly =
    separators.length > 1 ? new Set(separators).size === 1 && last.length === 3 : last.length === 3 && groups[0].length <= 3;
  const decimal = thousandsOnly || separators[separators.length - 1] === "'" ? '' : `.${last}`;
  const whole = (thousandsOnly ? groups : groups.slice(0, -1)).join('');
  return String(Number(`${whole || '0'}${decimal}`));
}

const spaceGrouping = new Map<string, boolean>();

/**
 * Whether `language` (ISO 639-1) sets groups of thousands apart by a space ("1 200" in French,
 * Russian, Polish, Swedish…), as the runtime's locale data (CLDR, through `Intl.NumberFormat`)
 * writes its numbers. False for a language the runtime does not know. Kept per language.
 */
export function groupsThousandsBySpace(language: string): boolean {
  let spaced = spaceGrouping.get(language);
  if (spaced === undefined) {
    let separator: string | undefined;
    try {
      separator = new Intl.NumberFormat(language).formatToParts(1_234_567).find(part => part.type === 'group')?.value;
    } catch {
      // A tag the runtime rejects: no convention to read.
    }
    spaced = separator !== undefined && /^\s$/u.test(separator);
    spaceGrouping.set(language, spaced);
  }
  return spaced;
}

/** The date key of a month, 1 to 12, as its name and its figure in a date both read. */
export function monthKey(month: number): string {
  return `month:${month}`;
}

/** Whether `text` is one or more ASCII digits and nothing else. */
function onlyAsciiDigits(text: string): boolean {
  if (!text) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** What one language's words say about numbers, dates and shares. */
export interface NumberLexicon {
  /** Written numbers (words joined by single spaces, lower case) and their values. */
  readonly phrases: ReadonlyMap<string, number>;
  /** Longest phrase, in words. */
  readonly longest: number;
  /** First words of the phrases (as `phraseKey` writes them): a word not here starts none. */
  readonly firstWords: ReadonlySet<string>;
  /** Words that multiply the number before them: thousand, million, миллионов… */
  readonly scales: ReadonlyMap<string, number>;
  /** Month and weekday names (long and short, lower case) and a key naming which one. */
  readonly dateWords: ReadonlyMap<string, string>;
  /**
   * Where the language declines its month names (the runtime writes a month otherwise alone
   * and in a date: Russian "июнь", "12 июня"), the stems of `dateWords` in the language's
   * stemmer (`stemming.ts`) and the key each names, so that the cases the runtime does not
   * write name the month too ("в июне", in June; Greek "τον Ιούνιο"). A stem of words of two
   * keys names neither. Empty for a language that does not decline them (English "march" and
   * "marched" share a stem) or has no stemmer.
   */
  readonly dateStems: ReadonlyMap<string, string>;
  /**
   * Whether the language writes its month names in lower case ("janvier", "januari"), and with
   * them its weekday names: there, one written with a capital inside a sentence may be a name
   * ("Mars", "Jan de Vries").
   */
  readonly datesInLowerCase: boolean;
  /** Counts given by their order of size ("hundreds", "thousands"): the order they name. */
  readonly amounts: ReadonlyMap<string, number>;
  /** Written ordinals ("third", "twenty first", as `phraseKey` writes them) and the numbers they are. */
  readonly ordinals: ReadonlyMap<string, number>;
  /** Words after which a written ordinal counts ("the third"), not an adverb ("first said"). */
  readonly ordinalDeterminers: ReadonlySet<string>;
  /** Letters glued to digits that make them an ordinal ("1st", "2e", "3º"), lower case. */
  readonly ordinalSuffixes: ReadonlySet<string>;
  /** Days named by their distance from the day of writing ("yesterday" → -1, "heute" → 0), lower case. */
  readonly relativeDays: ReadonlyMap<string, number>;
  /** The weeks, months, quarters and years around the time of writing ("last week", "this year", "nächsten Monat"), lower case. */
  readonly relativePeriods: readonly string[];
  /** Words for a share of a whole ("half", "Hälfte") and the share, as a fraction. */
  readonly shares: ReadonlyMap<string, number>;
  /** Words after which a share multiplies a scale word ("half a million"). */
  readonly shareArticles: ReadonlySet<string>;
  /** Articles, after which a relative day's word is a noun ("la mañana", the morning). */
  readonly articles: ReadonlySet<string>;
}

/**
 * Ordinal endings written after digits, per language. German and the Nordic languages write
 * "1." instead, which a sentence's full stop cannot be told from, so they have none.
 */
const ORDINAL_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  en: ['st', 'nd', 'rd', 'th'],
  fr: ['er', 're', 'e', 'ème', 'eme', 'nd', 'nde'],
  es: ['º', 'ª', 'o', 'a'],
  pt: ['º', 'ª', 'o', 'a'],
  it: ['º', 'ª', 'o', 'a'],
  nl: ['ste', 'de', 'e'],
};

/** English words after which "first", "second"… is a number: articles, possessives, demonstratives. */
const ENGLISH_DETERMINERS = ['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'whose', 'every'];

/** English ordinals whose ending is not the cardinal's plus "th". */
const ENGLISH_IRREGULAR_ORDINALS: Readonly<Record<string, string>> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** The English ordinal of a written cardinal: its last word turned ("twenty one" → "twenty first"). */
function englishOrdinal(cardinal: string): string {
  const words = cardinal.split(' ');
  const last = words[words.length - 1];
  words[words.length - 1] = ENGLISH_IRREGULAR_ORDINALS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return words.join(' ');
}

/**
 * Plural number words that count by order of size, not exactly ("hundreds of people",
 * "tens of thousands"). Read as figures of their own, so "hundreds" and "thousands" differ
 * as numbers do; a plural after a figure ("five thousands") is that figure's scale.
 */
const AMOUNTS: Readonly<Record<string, ReadonlyArray<[string, number]>>> = {
  en: [
    ['dozens', 12],
    ['tens', 10],
    ['hundreds', 100],
    ['thousands', 1e3],
    ['millions', 1e6],
    ['billions', 1e9],
  ],
  de: [
    ['dutzende', 12],
    ['hunderte', 100],
    ['tausende', 1e3],
    ['abertausende', 1e3],
    ['millionen', 1e6],
  ],
  fr: [
    ['dizaines', 10],
    ['douzaines', 12],
    ['centaines', 100],
    ['milliers', 1e3],
    ['millions', 1e6],
  ],
  es: [
    ['decenas', 10],
    ['docenas', 12],
    ['cientos', 100],
    ['centenares', 100],
    ['miles', 1e3],
    ['millones', 1e6],
  ],
  it: [
    ['decine', 10],
    ['dozzine', 12],
    ['centinaia', 100],
    ['migliaia', 1e3],
    ['milioni', 1e6],
  ],
  pt: [
    ['dezenas', 10],
    ['dúzias', 12],
    ['centenas', 100],
    ['milhares', 1e3],
    ['milhões', 1e6],
  ],
  nl: [
    ['tientallen', 10],
    ['honderden', 100],
    ['duizenden', 1e3],
    ['miljoenen', 1e6],
  ],
  ru: [
    ['десятки', 10],
    ['сотни', 100],
    ['тысячи', 1e3],
    ['миллионы', 1e6],
  ],
  uk: [
    ['десятки', 10],
    ['сотні', 100],
    ['тисячі', 1e3],
    ['мільйони', 1e6],
  ],
  ar: [
    ['عشرات', 10],
    ['مئات', 100],
    ['آلاف', 1e3],
    ['ملايين', 1e6],
  ],
};

/** Languages whose word for 1 is also their indefinite article: read as a number it would turn every "a" into a figure. */
const ARTICLE_ONE = new Set(['un', 'une', 'uno', 'una', 'um', 'uma', 'ein', 'eine', 'bir', 'en', 'ett', 'een', 'egy', 'một']);

/**
 * Written numbers that are more often other words of their language: Vietnamese "không" (0,
 * also "not") and "năm" (5, also "year"); Russian "семью" (with seven, also "family").
 */
const NOT_NUMBERS: Readonly<Record<string, readonly string[]>> = { vi: ['không', 'năm'], hu: ['hét', 'hat'], ru: ['семью'] };

/**
 * Russian numerals in their other cases, by the nominative the number-word package writes:
 * Russian declines them ("из пяти деревень", "более двадцати", "с тремя"). A numeral ending in
 * "ь" takes "и" and "ью" (`russianCaseForms`); these are the others. The package's
 * "одинадцать" is also written as Russian spells it.
 */
const RUSSIAN_CASES: Readonly<Record<string, readonly string[]>> = {
  один: ['одного', 'одной', 'одному', 'одним', 'одну', 'одном', 'одна', 'одно'],
  два: ['двух', 'двум', 'двумя', 'две'],
  три: ['трех', 'трёх', 'трем', 'трём', 'тремя'],
  четыре: ['четырех', 'четырёх', 'четырем', 'четырём', 'четырьмя'],
  восемь: ['восьми', 'восьмью'],
  одинадцать: ['одиннадцать', 'одиннадцати', 'одиннадцатью'],
  пятьдесят: ['пятидесяти', 'пятьюдесятью'],
  шестьдесят: ['шестидесяти', 'шестьюдесятью'],
  семьдесят: ['семидесяти', 'семьюдесятью'],
  восемьдесят: ['восьмидесяти', 'восьмьюдесятью'],
  сорок: ['сорока'],
  девяносто: ['девяноста'],
  сто: ['ста'],
  двести: ['двухсот', 'двумстам', 'двумястами', 'двухстах'],
  триста: ['трехсот', 'трёхсот', 'тремстам', 'тремястами', 'трехстах'],
  четыреста: ['четырехсот', 'четырёхсот', 'четыремстам', 'четырьмястами', 'четырехстах'],
  пятьсот: ['пятисот', 'пятистам', 'пятьюстами', 'пятистах'],
  шестьсот: ['шестисот', 'шестистам', 'шестьюстами', 'шестистах'],
  семьсот: ['семисот', 'семистам', 'семьюстами', 'семистах'],
  восемьсот: ['восьмисот', 'восьмистам', 'восьмьюстами', 'восьмистах'],
  девятьсот: ['девятисот', 'девятистам', 'девятьюстами', 'девятистах'],
};

/** A Russian numeral's forms in every case, itself among them. */
function russianCaseForms(word: string): string[] {
  const listed = RUSSIAN_CASES[word];
  if (listed) return [word, ...listed];
  // "пять", "двадцать": genitive, dative and prepositional in "и", instrumental in "ью".
  return word.endsWith('ь') && !word.includes('сот') ? [word, `${word.slice(0, -1)}и`, `${word.slice(0, -1)}ью`] : [word];
}

/**
 * The phrases of a lexicon with their words in every case, where the language declines its
 * numerals (Russian): "двадцать пять" also as "двадцати пяти". Each word's cases are taken
 * together with the others' in any combination, as a reader would take a slip of case. O(p · f^w)
 * for p phrases of w words with f forms each, w at most 2 here.
 */
function declinedPhrases(phrases: Map<string, number>, language: string): void {
  if (language !== 'ru') return;
  for (const [phrase, value] of [...phrases]) {
    let forms = [''];
    for (const word of phrase.split(' ')) forms = forms.flatMap(head => russianCaseForms(word).map(f => (head ? `${head} ${f}` : f)));
    for (const form of forms) if (!phrases.has(form)) phrases.set(form, value);
  }
}

/**
 * Words of the runtime's month and weekday names that are more often everyday words: Vietnamese
 * "tư" (đầu tư, invest), "chủ" (chủ tịch, chairman), "nhật" (Nhật Bản, Japan); Catalan "des"
 * (des de, since), "set" (seven); Romanian "luni" (months); Finnish "kesä" (summer); Hebrew
 * "שני" (two, second); Persian "مه" (May, and fog).
 */
const NOT_DATES: Readonly<Record<string, readonly string[]>> = {
  vi: ['tư', 'chủ', 'nhật'],
  ca: ['des', 'set'],
  ro: ['luni'],
  fi: ['kesä'],
  he: ['שני'],
  fa: ['مه'],
};

/** Each of `forms` (a number's written forms: gender, case, spelling) with the value of its group. O(forms). */
function valued(groups: readonly (readonly [number, ...string[]])[]): [string, number][] {
  return groups.flatMap(([value, ...forms]) => forms.map((form): [string, number] => [form, value]));
}

type Forms = readonly (readonly [number, ...string[]])[];
interface TensAndUnits {
  readonly tens: Forms;
  readonly units: Forms;
  readonly join: (ten: string, unit: string) => string;
  /** The units a teen begins with, and the words of ten that may follow them. */
  readonly teens?: { readonly units: Forms; readonly ten: readonly string[] };
}
/**
 * The tens, units and the way of joining them of the languages `MORE_NUMBERS` writes in
 * several words: Greek puts the units after the ten ("είκοσι πέντε"), Persian with "و" between
 * ("بیست و پنج"), Hebrew with "ו" written onto the units ("עשרים וחמישה"), and Hebrew writes
 * its teens as the units before a ten ("שלושה עשר", "שתים עשרה"). Each form in the genders a
 * language counts in; in a compound, the indefinite article and "نه" are numbers too.
 */
const TENS_AND_UNITS: Readonly<Record<string, TensAndUnits>> = {
  el: {
    tens: [
      [20, 'είκοσι'],
      [30, 'τριάντα'],
      [40, 'σαράντα'],
      [50, 'πενήντα'],
    ],
    units: [
      [1, 'ένα', 'ένας', 'μία', 'μια'],
      [2, 'δύο', 'δυο'],
      [3, 'τρία', 'τρεις'],
      [4, 'τέσσερα', 'τέσσερις'],
      [5, 'πέντε'],
      [6, 'έξι'],
      [7, 'επτά', 'εφτά'],
      [8, 'οκτώ', 'οχτώ'],
      [9, 'εννέα', 'εννιά'],
    ],
    join: (ten, unit) => `${ten} ${unit}`,
  },
  fa: {
    tens: [
      [20, 'بیست'],
      [30, 'سی'],
      [40, 'چهل'],
      [50, 'پنجاه'],
    ],
    units: [
      [1, 'یک'],
      [2, 'دو'],
      [3, 'سه'],
      [4, 'چهار'],
      [5, 'پنج'],
      [6, 'شش'],
      [7, 'هفت'],
      [8, 'هشت'],
      [9, 'نه'],
    ],
    join: (ten, unit) => `${ten} و ${unit}`,
  },
  he: {
    tens: [
      [20, 'עשרים'],
      [30, 'שלושים'],
      [40, 'ארבעים'],
      [50, 'חמישים'],
    ],
    units: [
      [1, 'אחד', 'אחת'],
      [2, 'שניים', 'שתיים', 'שנים'],
      [3, 'שלושה', 'שלוש'],
      [4, 'ארבעה', 'ארבע'],
      [5, 'חמישה', 'חמש'],
      [6, 'שישה', 'שש'],
      [7, 'שבעה', 'שבע'],
      [8, 'שמונה'],
      [9, 'תשעה', 'תשע'],
    ],
    join: (ten, unit) => `${ten} ו${unit}`,
    // The units before "עשר" (masculine) or "עשרה" (feminine): either is read with either.
    teens: {
      units: [
        [1, 'אחד', 'אחת'],
        [2, 'שנים', 'שניים', 'שתים', 'שתיים'],
        [3, 'שלושה', 'שלוש'],
        [4, 'ארבעה', 'ארבע'],
        [5, 'חמישה', 'חמש'],
        [6, 'שישה', 'שש'],
        [7, 'שבעה', 'שבע'],
        [8, 'שמונה'],
        [9, 'תשעה', 'תשע'],
      ],
      ten: ['עשר', 'עשרה'],
    },
  },
};

/** The numbers of a ten and its units and the teens of `language` (`TENS_AND_UNITS`), each phrase with its value. O(tens · units). */
function tensAndUnits(language: string): [string, number][] {
  const { tens, units, join, teens } = TENS_AND_UNITS[language];
  const out: [string, number][] = [];
  for (const [ten, ...tenForms] of tens)
    for (const [unit, ...unitForms] of units) for (const t of tenForms) for (const u of unitForms) out.push([join(t, u), ten + unit]);
  for (const [unit, ...unitForms] of teens?.units ?? [])
    for (const u of unitForms) for (const ten of teens!.ten) out.push([`${u} ${ten}`, 10 + unit]);
  return out;
}

/**
 * Written numbers the number-word package lacks: Hungarian "két", the form of 2 before a noun;
 * the Russian collective numerals that count people ("трое детей", three children), in their
 * cases; and in languages the package does not write at all, the numbers from 2 to 12 and the
 * tens a news text spells out (Greek in its genders, Hindi, Persian, Hebrew in its genders).
 * One is left out, the indefinite article in each ("ένας", "एक", "یک"), and so is a number that
 * is more often another word: Persian "نه" (9, "no") and "ده" (10, "village"), Hebrew "שני"
 * (2, "second", "Monday"); Persian "سی" (30) alone is also the letter C of an acronym spelt out
 * ("بی بی سی", "سی ان ان"), and is read as 30 only before its units ("سی و پنج"). A ten and
 * its units, and a Hebrew teen, are one number of several words (`TENS_AND_UNITS`): "είκοσι
 * πέντε" is 25, "שתים עשרה" 12, not a 20 and a 5 or a 10.
 */
const MORE_NUMBERS: Readonly<Record<string, ReadonlyArray<[string, number]>>> = {
  el: valued([
    [2, 'δύο', 'δυο'],
    [3, 'τρία', 'τρεις', 'τριών'],
    [4, 'τέσσερα', 'τέσσερις', 'τεσσάρων'],
    [5, 'πέντε'],
    [6, 'έξι'],
    [7, 'επτά', 'εφτά'],
    [8, 'οκτώ', 'οχτώ'],
    [9, 'εννέα', 'εννιά'],
    [10, 'δέκα'],
    [11, 'έντεκα'],
    [12, 'δώδεκα'],
    [20, 'είκοσι'],
    [30, 'τριάντα'],
    [40, 'σαράντα'],
    [50, 'πενήντα'],
    [100, 'εκατό'],
  ]).concat(tensAndUnits('el')),
  hi: valued([
    [2, 'दो'],
    [3, 'तीन'],
    [4, 'चार'],
    [5, 'पांच', 'पाँच'],
    [6, 'छह', 'छः'],
    [7, 'सात'],
    [8, 'आठ'],
    [9, 'नौ'],
    [10, 'दस'],
    [11, 'ग्यारह'],
    [12, 'बारह'],
    [20, 'बीस'],
    [30, 'तीस'],
    [40, 'चालीस'],
    [50, 'पचास'],
    [100, 'सौ'],
  ]),
  fa: valued([
    [2, 'دو'],
    [3, 'سه'],
    [4, 'چهار'],
    [5, 'پنج'],
    [6, 'شش'],
    [7, 'هفت'],
    [8, 'هشت'],
    [11, 'یازده'],
    [12, 'دوازده'],
    [20, 'بیست'],
    [40, 'چهل'],
    [50, 'پنجاه'],
    [100, 'صد'],
  ]).concat(tensAndUnits('fa')),
  he: valued([
    [2, 'שניים', 'שתיים', 'שתי'],
    [3, 'שלושה', 'שלוש'],
    [4, 'ארבעה', 'ארבע'],
    [5, 'חמישה', 'חמש'],
    [6, 'שישה'],
    [7, 'שבעה'],
    [8, 'שמונה'],
    [9, 'תשעה', 'תשע'],
    [10, 'עשרה', 'עשר'],
    [20, 'עשרים'],
    [30, 'שלושים'],
    [40, 'ארבעים'],
    [50, 'חמישים'],
  ]).concat(tensAndUnits('he')),
  hu: [['két', 2]],
  ru: (
    [
      ['двое', 'двоих', 'двоим', 'двоими'],
      ['трое', 'троих', 'троим', 'троими'],
      ['четверо', 'четверых', 'четверым', 'четверыми'],
      ['пятеро', 'пятерых', 'пятерым', 'пятерыми'],
      ['шестеро', 'шестерых', 'шестерым', 'шестерыми'],
      ['семеро', 'семерых', 'семерым', 'семерыми'],
      ['восьмеро', 'восьмерых', 'восьмерым', 'восьмерыми'],
      ['девятеро', 'девятерых', 'девятерым', 'девятерыми'],
      ['десятеро', 'десятерых', 'десятерым', 'десятерыми'],
    ] as const
  ).flatMap((forms, k) => forms.map((form): [string, number] => [form, k + 2])),
};

/**
 * Adds to `phrases` (the package's words for `values` in `language`) the spellings the package
 * does not write: Italian writes a number below a million as one word ("trecento", "duemila",
 * where the package writes "tre cento", "due mila"); Portuguese and Spanish give 2 and the
 * hundreds a feminine form before a feminine noun ("duas", "duzentas", "doscientas"), and
 * Portugal writes 16, 17 and 19 otherwise than Brazil ("dezasseis", "dezassete", "dezanove").
 * O(values).
 */
function otherSpellings(phrases: Map<string, number>, language: string, values: readonly number[]): void {
  if (language === 'it') {
    for (const [phrase, value] of [...phrases]) if (value < 1e6 && phrase.includes(' ')) phrases.set(phrase.replaceAll(' ', ''), value);
    // "duemila", "ventimila", "centomila": the thousands written onto the number that counts them.
    for (const [phrase, value] of [...phrases])
      if (value >= 2 && value <= 999 && !phrase.includes(' ')) phrases.set(`${phrase}mila`, value * 1000);
  } else if (language === 'pt' || language === 'es') {
    const feminine = (word: string) => (word === 'dois' ? 'duas' : word.replace(/ientos$|entos$/u, m => m.replace('os', 'as')));
    for (const [phrase, value] of [...phrases]) {
      const form = phrase.split(' ').map(feminine).join(' ');
      if (form !== phrase && !phrases.has(form)) phrases.set(form, value);
    }
    if (language === 'pt') for (const n of values) phrases.set(phraseKey([writtenNumber(n, { lang: 'ptPT' })]), n);
  }
}

/** Percent written as a word (the sign itself is a token of its own). */
export const PERCENT_WORDS: ReadonlySet<string> = new Set([
  'percent',
  'prozent',
  'procent',
  'pourcent',
  'процент',
  'процента',
  'процентов',
  'відсотків',
  'відсотка',
  'بالمئة',
  'بالمائة',
  'procento',
  'procenta',
  'prosent',
  'prosenttia',
  'persen',
  'százalék',
  'אחוז',
  'אחוזים',
  'प्रतिशत',
  'फीसदी',
  'パーセント',
  '퍼센트',
  'pct',
  '%',
  '٪',
]);

/**
 * Currencies written as words, each with the sign that writes it: "3 million dollars" and
 * "$3 million" are one amount, "€3 million" another. Only currencies that have a sign of their
 * own; a sign standing for several (the dollar's, the yen's and the yuan's) stands for all of
 * its words.
 */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ...[
    'dollar',
    'dollars',
    'dólar',
    'dólares',
    'доллар',
    'доллара',
    'долларов',
    'долар',
    'долари',
    'доларів',
    'دولار',
    'دولارا',
    'دولارات',
  ].map(w => [w, '$'] as const),
  ...['euro', 'euros', 'евро', 'євро', 'يورو'].map(w => [w, '€'] as const),
  ...['pound', 'pounds', 'pfund', 'livre', 'livres', 'libra', 'libras', 'фунт', 'фунта', 'фунтов', 'جنيه', 'جنيها'].map(
    w => [w, '£'] as const,
  ),
  ...['yen', 'yuan', 'иен', 'юаней'].map(w => [w, '¥'] as const),
  ...['rupee', 'rupees', 'рупий'].map(w => [w, '₹'] as const),
  ...['rouble', 'roubles', 'ruble', 'rubles', 'rubel', 'рубль', 'рубля', 'рублей', 'روبل'].map(w => [w, '₽'] as const),
]);

/** Percent written as two words ("per cent", "pour cent", "في المئة"), keyed by the two words' keys joined by a space. */
export const PERCENT_PHRASES: ReadonlySet<string> = new Set([
  'per cent',
  'pour cent',
  'por ciento',
  'por cento',
  'per cento',
  'في المئة',
  'في المائة',
  'phần trăm',
  'τοις εκατό',
]);

/**
 * Scale letters written onto a figure after a currency sign ("$5m", "£2.5bn", "€300k"): "m"
 * is a million only there, as "5m" alone is five metres.
 */
export const CURRENCY_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['b', 1e9],
  ['tn', 1e12],
]);

/**
 * Scales written onto a figure as the first characters of the word after it, in scripts that
 * count by ten thousands: "120万元" is 1,200,000 yuan, "3억 원" 300,000,000 won. "万亿" is
 * read as 万 times 亿. Chinese 千 is left out: written onto a figure it mostly opens a unit
 * ("3千米", three kilometres; "千克", "千瓦").
 */
export const GLUED_SCALES: ReadonlyMap<string, number> = new Map([
  ['万', 1e4],
  ['萬', 1e4],
  ['亿', 1e8],
  ['億', 1e8],
  ['천', 1e3],
  ['만', 1e4],
  ['억', 1e8],
  ['조', 1e12],
]);

/** German, which written-number lacks. */
const GERMAN_UNITS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
const GERMAN_TEENS = ['zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const GERMAN_TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];

function germanPhrases(): Map<string, number> {
  const out = new Map<string, number>();
  GERMAN_UNITS.forEach((w, n) => out.set(w, n));
  GERMAN_TEENS.forEach((w, n) => out.set(w, 10 + n));
  for (let t = 2; t <= 9; t++) {
    out.set(GERMAN_TENS[t], 10 * t);
    for (let u = 1; u <= 9; u++) out.set(`${u === 1 ? 'ein' : GERMAN_UNITS[u]}und${GERMAN_TENS[t]}`, 10 * t + u);
  }
  out.set('hundert', 100);
  out.set('einhundert', 100);
  out.set('tausend', 1000);
  // "anderthalb", "viereinhalb": a number and a half, written as one word.
  out.set('anderthalb', 1.5);
  for (let n = 1; n <= 12; n++) out.set(`${n === 1 ? 'ein' : n < 10 ? GERMAN_UNITS[n] : GERMAN_TEENS[n - 10]}einhalb`, n + 0.5);
  return out;
}

const GERMAN_SCALES: ReadonlyArray<[string, number]> = [
  ['tausend', 1e3],
  ['million', 1e6],
  ['millionen', 1e6],
  ['mio', 1e6],
  ['milliarde', 1e9],
  ['milliarden', 1e9],
  ['mrd', 1e9],
];

/** Short scale words that written-number spells out in full. */
const SHORT_SCALES: ReadonlyArray<[string, number]> = [
  ['bn', 1e9],
  // South Asian scales, in Indian English and Hindi ("12 lakh", "5 करोड़").
  ['lakh', 1e5],
  ['lakhs', 1e5],
  ['crore', 1e7],
  ['crores', 1e7],
  ['लाख', 1e5],
  ['करोड़', 1e7],
  ['करो\u095c', 1e7],
  ['करोड', 1e7],
  ['हज़ार', 1e3],
  ['ह\u095bार', 1e3],
  ['हजार', 1e3],
  // Scales of counting by ten thousands set apart from the figure ("3 억 원") as written onto it.
  ...GLUED_SCALES,
  ['млн', 1e6],
  ['млрд', 1e9],
  ['тыс', 1e3],
];

const lexicons = new Map<string, NumberLexicon>();

/** Normalises a written number for lookup: lower case, hyphens and apostrophes' variants as spaces and ’. */
export function phraseKey(words: readonly string[]): string {
  return words.join(' ').toLowerCase().replace(/[-‐‑]/g, ' ').replace(/'/g, '’').replace(/\s+/g, ' ').trim();
}

/**
 * The lexicon of a language (an ISO 639-1 code; others get English numbers and the runtime's
 * root month names). Built once per language: about 1,100 written numbers. O(1) after that.
 */
export function numberLexicon(language: string): NumberLexicon {
  let lexicon = lexicons.get(language);
  if (!lexicon) lexicons.set(language, (lexicon = buildLexicon(language)));
  return lexicon;
}

function buildLexicon(language: string): NumberLexicon {
  const phrases = new Map<string, number>();
  const scales = new Map<string, number>(SHORT_SCALES);
  const writtenIn = language === 'de' ? undefined : supportedWritten(language);
  if (language === 'de') {
    for (const [w, n] of germanPhrases()) phrases.set(w, n);
    for (const [w, n] of GERMAN_SCALES) scales.set(w, n);
  } else if (writtenIn) {
    const values: number[] = [];
    for (let n = 0; n <= 100; n++) values.push(n);
    for (let n = 200; n <= 900; n += 100) values.push(n);
    for (const n of values) phrases.set(phraseKey([writtenNumber(n, { lang: writtenIn })]), n);
    for (const scale of [1e3, 1e6, 1e9]) {
      for (const k of [1, 2, 3, 5, 10]) {
        const words = phraseKey([writtenNumber(k * scale, { lang: writtenIn })]).split(' ');
        scales.set(words[words.length - 1], scale);
        if (k === 1) phrases.set(words.join(' '), scale);
      }
    }
    otherSpellings(phrases, language, values);
  }
  // A word of a day's or month's name that is also a number ("thứ năm", the fifth day: Thursday), a
  // function word (Czech "pro", short for December, is "for") or an everyday word names no date alone.
  const dateWords = dateWordsOf(language);
  const functionWords = functionWordsOf(language);
  for (const word of dateWords.keys()) {
    if (phrases.has(word) || functionWords?.has(word) || NOT_DATES[language]?.includes(word)) dateWords.delete(word);
  }
  const dateStems = dateStemsOf(dateWords, language);
  declinedPhrases(phrases, language);
  for (const [phrase, value] of [...phrases]) if (value === 1 && ARTICLE_ONE.has(phrase)) phrases.delete(phrase);
  for (const word of NOT_NUMBERS[language] ?? []) phrases.delete(word);
  for (const [word, value] of MORE_NUMBERS[language] ?? []) phrases.set(word, value);
  let longest = 1;
  const firstWords = new Set<string>();
  for (const phrase of phrases.keys()) {
    const words = phrase.split(' ');
    longest = Math.max(longest, words.length);
    firstWords.add(words[0]);
  }
  const english = writtenIn === 'en';
  const amounts = new Map<string, number>(AMOUNTS[language] ?? (english ? AMOUNTS.en : []));
  // Written ordinals in English only: other languages inflect them by gender and case.
  const ordinals = new Map<string, number>();
  if (english) for (const [phrase, value] of phrases) if (value > 0 && value <= 100) ordinals.set(englishOrdinal(phrase), value);
  return {
    phrases,
    longest: Math.min(longest, 5),
    firstWords,
    scales,
    dateWords,
    dateStems,
    datesInLowerCase: monthsInLowerCase(language),
    amounts,
    ordinals,
    ordinalDeterminers: new Set(english ? ENGLISH_DETERMINERS : []),
    ordinalSuffixes: new Set(ORDINAL_SUFFIXES[language] ?? (english ? ORDINAL_SUFFIXES.en : [])),
    relativeDays: relativeDaysOf(language),
    relativePeriods: relativePeriodsOf(language),
    shares: new Map(SHARES[language] ?? (english ? SHARES.en : [])),
    shareArticles: new Set(english ? ['a', 'an'] : []),
    articles: new Set(ARTICLES[language] ?? (english ? ARTICLES.en : [])),
  };
}

/** Articles, and prepositions fused with one, per language. */
const ARTICLES: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'a', 'an'],
  de: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'am', 'vom', 'zum', 'beim'],
  nl: ['de', 'het', 'een'],
  fr: ['le', 'la', 'les', 'un', 'une', 'du', 'au'],
  es: ['el', 'la', 'los', 'las', 'un', 'una', 'del', 'al'],
  pt: ['o', 'a', 'os', 'as', 'um', 'uma', 'do', 'da', 'no', 'na'],
  it: ['il', 'lo', 'la', 'i', 'gli', 'le', 'un', 'una', 'del', 'della', 'al', 'alla'],
};

/**
 * The one-word names of the days around the day of writing, from the runtime's locale data
 * (`Intl.RelativeTimeFormat` with `numeric: "auto"`): "yesterday", "today", "tomorrow" and,
 * where the language has a word for them, the days before and after those ("vorgestern"). A
 * word the language uses for two distances (Hindi "कल", yesterday and tomorrow) names neither.
 */
function relativeDaysOf(language: string): Map<string, number> {
  const out = new Map<string, number>();
  const twoDistances = new Set<string>();
  let format: Intl.RelativeTimeFormat;
  try {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  } catch {
    return out;
  }
  for (let days = -2; days <= 2; days++) {
    const word = format.format(days, 'day').toLowerCase();
    // "2 days ago", "pasado mañana": a phrase or a figure, not one word (a joiner between two
    // words, as Persian and Khmer write, parts them as a space does).
    if (/[\s\p{Nd}\p{Cf}]/u.test(word)) continue;
    if (out.has(word)) twoDistances.add(word);
    out.set(word, days);
  }
  for (const word of twoDistances) out.delete(word);
  return out;
}

/**
 * The names of the weeks, months, quarters and years before, at and after the time of writing,
 * from the runtime's locale data (`Intl.RelativeTimeFormat` with `numeric: "auto"`): "last
 * week", "this month", "next year", "letzte Woche"; a name with a figure ("in 1 year") is none.
 */
function relativePeriodsOf(language: string): string[] {
  let format: Intl.RelativeTimeFormat;
  try {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  } catch {
    return [];
  }
  const out = new Set<string>();
  for (const unit of ['week', 'month', 'quarter', 'year'] as const)
    for (let distance = -1; distance <= 1; distance++) {
      const name = format.format(distance, unit).toLowerCase();
      if (!/\p{Nd}/u.test(name)) out.add(name);
    }
  return [...out];
}

/** Words for half of a whole, per language: "half the votes" and "50% of the votes" are one share. */
const SHARES: Readonly<Record<string, ReadonlyArray<[string, number]>>> = {
  en: [['half', 0.5]],
  de: [['hälfte', 0.5]],
  fr: [['moitié', 0.5]],
  es: [['mitad', 0.5]],
  pt: [['metade', 0.5]],
  it: [['metà', 0.5]],
  nl: [['helft', 0.5]],
  ru: [
    ['половина', 0.5],
    ['половину', 0.5],
    ['половины', 0.5],
    ['половине', 0.5],
  ],
  ar: [['نصف', 0.5]],
};

function supportedWritten(language: string): string | undefined {
  const known = ['en', 'es', 'pt', 'fr', 'eo', 'it', 'vi', 'tr', 'uk', 'ru', 'id', 'ar', 'az', 'hu'];
  return known.includes(language) ? language : 'en';
}

/** Whether the runtime writes every long month name of `language` in lower case (false where it knows no such names). */
function monthsInLowerCase(language: string): boolean {
  // A language the runtime does not know would be given another's names, which say nothing.
  let format: Intl.DateTimeFormat;
  try {
    if (!Intl.DateTimeFormat.supportedLocalesOf(language).length) return false;
    format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  } catch {
    return false;
  }
  for (let m = 0; m < 12; m++) {
    const name = format.format(new Date(Date.UTC(2021, m, 15)));
    if (name !== name.toLowerCase()) return false;
  }
  return true;
}

/**
 * Where the runtime writes some month of `language` in more than one form, standing alone, in a
 * date and beside a year (Russian "июнь", "12 июня"; Greek "Ιουνίου", "Ιούνιος 2021"), so that
 * the language declines its month names as it does its nouns: each form's words (lower case)
 * and the month's key; else undefined. O(1) (36 dates formatted).
 */
function declinedMonthNames(language: string): Map<string, string> | undefined {
  let formats: Intl.DateTimeFormat[];
  try {
    const gregorian = `${language}-u-ca-gregory`;
    formats = MONTH_FORMS.map(options => new Intl.DateTimeFormat(gregorian, { ...options, timeZone: 'UTC' }));
  } catch {
    return undefined;
  }
  const names = new Map<string, string>();
  let declined = false;
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2021, m, 15));
    const forms = new Set(
      formats.map(
        f =>
          f
            .formatToParts(date)
            .find(part => part.type === 'month')
            ?.value.toLowerCase() ?? '',
      ),
    );
    declined ||= forms.size > 1;
    for (const form of forms) for (const word of form.split(/\s+/u)) if (word) names.set(word, monthKey(m + 1));
  }
  return declined ? names : undefined;
}

/**
 * The ways the runtime is asked for a month's long name: alone, in a date, beside a year (the
 * nominative where the others give the genitive, Greek "Ιούνιος").
 */
const MONTH_FORMS: readonly Intl.DateTimeFormatOptions[] = [
  { month: 'long' },
  { day: 'numeric', month: 'long' },
  { month: 'long', year: 'numeric' },
];

/**
 * `NumberLexicon.dateStems`: where `language` has a stemmer and declines its month names
 * (`declinedMonthNames`), the stems of the long month names that `dateWords` keeps, each with
 * its month's key. Left out: a stem of two months, one shorter than `MIN_DATE_STEM` letters
 * (Greek "μα", but, and May's "μάης"), one of the language's function words, and one of
 * `NOT_DATE_STEMS` (Lithuanian "kov": "kova", fight, is no March). Weekdays give
 * none: Russian "среди" (among) has the stem of "среда" (Wednesday); nor do abbreviations, whose
 * stems are words' starts ("сент", "νοε"). O(names + function words).
 */
function dateStemsOf(dateWords: ReadonlyMap<string, string>, language: string): Map<string, string> {
  const out = new Map<string, string>();
  const months = hasStemmer(language) ? declinedMonthNames(language) : undefined;
  if (!months) return out;
  const stem = stemmerFor(language);
  const shared = new Set<string>();
  for (const [word, key] of months) {
    if (dateWords.get(word) !== key) continue;
    const s = stem(word);
    if ([...s].length < MIN_DATE_STEM) continue;
    if (out.has(s) && out.get(s) !== key) shared.add(s);
    out.set(s, key);
  }
  for (const s of shared) out.delete(s);
  for (const word of functionWordsOf(language) ?? []) out.delete(stem(word));
  for (const s of NOT_DATE_STEMS[language] ?? []) out.delete(s);
  return out;
}

/**
 * Stems of month names that everyday words share, where a language names its months after
 * them: Lithuanian "saus" (sausis, January; sausas, dry), "vasar" (vasaris, February; vasara,
 * summer), "kov" (kovas, March; kova, fight), "baland" (balandis, April and pigeon), "liep"
 * (liepa, July and linden); Ukrainian "лют" (лютий, February; лютий, fierce). The month's own
 * forms that the runtime writes (`dateWords`: "kovo", "лютого") still name it.
 */
const NOT_DATE_STEMS: Readonly<Record<string, readonly string[]>> = {
  lt: ['saus', 'vasar', 'kov', 'baland', 'liep'],
  uk: ['лют'],
};

/** Fewest letters of a month name's stem that `dateStemsOf` keeps: a shorter one is the start of many words. */
const MIN_DATE_STEM = 3;

/** Month and weekday names of a language, long and short, in the forms dates use them (e.g. Russian genitive). */
function dateWordsOf(language: string): Map<string, string> {
  const out = new Map<string, string>();
  const shared = new Set<string>();
  // The runtime reads `sh` (Bosnian, Croatian, Serbian in Latin script) as Serbian: Croatian and Bosnian name the months otherwise.
  const locales = [language, ...(language === 'ar' ? ['ar-SY', 'ar-IQ', 'ar-MA', 'ar-TN'] : language === 'sh' ? ['hr', 'bs'] : [])];
  const add = (text: string, key: string) => {
    for (const word of text.toLowerCase().split(/[\s.,\d]+/)) {
      if (word.length < 2) continue;
      // A word of two names ("first" in "first Kanun", "first Tishreen") names neither.
      if (out.has(word) && out.get(word) !== key) shared.add(word);
      out.set(word, key);
    }
  };
  for (const locale of locales) {
    let formats: Intl.DateTimeFormat[];
    try {
      // The Gregorian months, whatever calendar the locale counts in by default: a key names a
      // Gregorian month, which a date in figures names too (Persian dates in the Solar Hijri
      // calendar by default, whose "اسفند" is no March).
      const gregorian = `${locale}-u-ca-gregory`;
      formats = [
        // The long names alone, in a date and beside a year (`MONTH_FORMS`).
        ...MONTH_FORMS.map(options => new Intl.DateTimeFormat(gregorian, { ...options, timeZone: 'UTC' })),
        // A language's other locales add their long names only: their short forms are abbreviations of their own (Croatian "svi", May, is "all").
        ...(locale === language ? [new Intl.DateTimeFormat(gregorian, { month: 'short', timeZone: 'UTC' })] : []),
      ];
    } catch {
      return out;
    }
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2021, m, 15));
      for (const f of formats) {
        for (const part of f.formatToParts(date)) if (part.type === 'month') add(part.value, monthKey(m + 1));
      }
    }
    // Long weekday names only: the short ones ("So", "Do", "Sat") are everyday words too.
    const weekdays = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    for (let d = 0; d < 7; d++) add(weekdays.format(new Date(Date.UTC(2021, 2, 1 + d))), `weekday:${d + 1}`); // 1 March 2021 was a Monday
  }
  // English short forms newspapers use besides the runtime's ("Sept.").
  if (language === 'en') out.set('sept', monthKey(9));
  for (const word of shared) out.delete(word);
  addOwnCalendarMonths(out, language);
  return out;
}

/**
 * Adds to `out` the month names of the calendar `language` counts in by default where that is
 * not the Gregorian one and names its months otherwise (Persian and Pashto: the Solar Hijri
 * months), each keyed by that calendar ("month:persian:12"): a month's name still, which no
 * Gregorian month or date in figures equals. A name `out` holds already (the Buddhist
 * calendar's months are the Gregorian ones) is left as it is.
 */
function addOwnCalendarMonths(out: Map<string, string>, language: string): void {
  let long: Intl.DateTimeFormat;
  let numeric: Intl.DateTimeFormat;
  try {
    long = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
    numeric = new Intl.DateTimeFormat(`${language}-u-nu-latn`, { month: 'numeric', timeZone: 'UTC' });
  } catch {
    return;
  }
  const calendar = long.resolvedOptions().calendar;
  if (calendar === 'gregory') return;
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2021, m, 15));
    const number = numeric.formatToParts(date).find(part => part.type === 'month')?.value;
    const name = long
      .formatToParts(date)
      .find(part => part.type === 'month')
      ?.value.toLowerCase();
    if (name && name.length >= 2 && number && !out.has(name)) out.set(name, `month:${calendar}:${Number(number)}`);
  }
}

/**
 * Month names that are everyday words too ("may", "march"; Persian "تیر", arrow or bullet, and
 * "مهر", seal, months of the Solar Hijri calendar): read as dates only when capitalised, or in a
 * language that writes its months in lower case (a script without capitals among them) beside a
 * figure ("۱۵ تیر ۱۴۰۲").
 */
export const AMBIGUOUS_DATE_WORDS: ReadonlySet<string> = new Set(['may', 'march', 'mar', 'jun', 'mai', 'juni', 'aug', 'تیر', 'مهر']);
