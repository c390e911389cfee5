/**
 * What the changed-facts stage knows of each word, worked out once per word for all the
 * sentences read with it (`WordForms`): its key, whether it has a capital, its stem and name
 * form for finding a name again, and what its language's lists say of it (`LanguageWords`: a
 * number word, a month, a negation, a speech verb). A module of its own because the reading of
 * tokens (`factTokens.ts`) and the reading of names (`sentenceReading.ts`) both ask it, and the
 * analyzer keeps one for a whole analysis.
 */
import { hasCapital } from './factTokenSpans';
import { isNegation, speechVerbs } from './factWords';
import { NumberLexicon, PERCENT_WORDS, numberLexicon, phraseKey } from './numbers';
import { stemmerFor } from './stemming';
import { functionWordsOf } from './stopwords';
import { withoutInvisibles } from './text';

/** Where the first hyphen (ASCII or U+2010) of a word stands, or -1: `word.search(/[-‐]/)` without a pattern. */
export function firstHyphen(word: string): number {
  const ascii = word.indexOf('-');
  const unicode = word.indexOf('‐');
  return ascii < 0 ? unicode : unicode < 0 ? ascii : Math.min(ascii, unicode);
}

/**
 * The keys, stems (`nameStem`) and name forms (`nameForm`) of words, each worked out once per
 * word for all the sentences read with it: the sentences of one analysis share most of their words.
 * It grows with the distinct words it is asked about, so keep one for one analysis.
 */
export class WordForms {
  private readonly stems = new Map<string, string>();
  private readonly forms = new Map<string, string>();
  private readonly words = new Map<string, WordKey>();
  private readonly keys = new Map<string, string>();
  private readonly languages = new Map<string, LanguageWords>();

  /**
   * A word token's key (lower case, straight apostrophes as ’) and whether it has a capital
   * (`hasCapital`). Equal keys are one string, so the sets and maps of every sentence read
   * with this find them without hashing them again.
   */
  word(token: string): WordKey {
    let word = this.words.get(token);
    if (!word) {
      // Invisible format characters inside the word (a soft hyphen) are no part of its key.
      const lower = withoutInvisibles(token.toLowerCase());
      let key = lower.includes("'") ? lower.replace(/'/g, '’') : lower;
      const known = this.keys.get(key);
      if (known === undefined) this.keys.set(key, key);
      else key = known;
      word = { key, capital: hasCapital(token), hyphen: firstHyphen(token) };
      this.words.set(token, word);
    }
    return word;
  }

  /** What the word lists of `language` say about each word key, worked out once per key. */
  language(language: string): LanguageWords {
    let known = this.languages.get(language);
    if (!known) this.languages.set(language, (known = new LanguageWords(language, this)));
    return known;
  }

  /** `nameStem(lowerWord)`. */
  stem(lowerWord: string): string {
    let stem = this.stems.get(lowerWord);
    if (stem === undefined) this.stems.set(lowerWord, (stem = nameStem(lowerWord)));
    return stem;
  }

  /** `nameForm(lowerWord)`. */
  form(lowerWord: string): string {
    let form = this.forms.get(lowerWord);
    if (form === undefined) this.forms.set(lowerWord, (form = nameForm(lowerWord)));
    return form;
  }
}

interface WordKey {
  readonly key: string;
  readonly capital: boolean;
  /** Where its first hyphen stands (`firstHyphen`), or -1. */
  readonly hyphen: number;
}

/** What a language's word lists say about one word key (lower case). */
interface WordFacts {
  /** It may open a written number (`NumberLexicon.firstWords`, hyphens read as spaces). */
  readonly startsNumber: boolean;
  /** The order of size it names (`NumberLexicon.amounts`). */
  readonly amount: number | undefined;
  /** The month or weekday it names (`NumberLexicon.dateWords`, else by its stem: `NumberLexicon.dateStems`). */
  readonly date: string | undefined;
  /** A word for percent (`PERCENT_WORDS`). */
  readonly percent: boolean;
  /** The day it names by its distance from the day of writing (`NumberLexicon.relativeDays`). */
  readonly relativeDay: number | undefined;
  /** The share of a whole it names (`NumberLexicon.shares`). */
  readonly share: number | undefined;
  /** On the language's list of function words (false without a list). */
  readonly functionWord: boolean;
  readonly negation: boolean;
  readonly speechVerb: boolean;
  /** `nameStem` of the key. */
  readonly stem: string;
}

/**
 * The `WordFacts` of the word keys of one language, each looked up in the lists once: a
 * sentence's words then cost one lookup each, not one per list.
 */
export class LanguageWords {
  private readonly facts = new Map<string, WordFacts>();
  private readonly lexicon: NumberLexicon;
  private readonly functionWords: ReadonlySet<string> | undefined;
  private readonly verbs: ReadonlySet<string>;

  constructor(
    readonly language: string,
    private readonly words: WordForms,
  ) {
    this.lexicon = numberLexicon(language);
    this.functionWords = functionWordsOf(language);
    this.verbs = speechVerbs(language);
  }

  of(key: string): WordFacts {
    let facts = this.facts.get(key);
    if (!facts) {
      const lexicon = this.lexicon;
      facts = {
        startsNumber: lexicon.firstWords.has(/[-‐‑\s]/.test(key) ? phraseKey([key]).split(' ')[0] : key),
        amount: lexicon.amounts.get(key),
        date: lexicon.dateWords.get(key) ?? (lexicon.dateStems.size ? lexicon.dateStems.get(stemmerFor(this.language)(key)) : undefined),
        percent: PERCENT_WORDS.has(key),
        relativeDay: lexicon.relativeDays.get(key),
        share: lexicon.shares.get(key),
        functionWord: this.functionWords?.has(key) ?? false,
        negation: isNegation(key, this.language),
        speechVerb: this.verbs.has(key),
        stem: this.words.stem(key),
      };
      this.facts.set(key, facts);
    }
    return facts;
  }
}

/** A name as written without a particle or a possessive, whole ("al-Assad’s" → "assad"); lower case in. */
function nameForm(lowerWord: string): string {
  return lowerWord
    .normalize('NFD')
    .replace(/^\p{L}{1,3}[-‐]/u, '')
    .replace(/[’']s$/u, '')
    .replace(/[^\p{L}\p{Nd}]/gu, '');
}

/** A word's stem for finding a name again: letters without diacritics or a possessive, at most 5 ("India", "Indian's" → "india"). */
export function nameStem(lowerWord: string): string {
  // Most words are plain ASCII letters, which need none of the steps below.
  if (/^[a-z]+$/.test(lowerWord)) return lowerWord.slice(0, 5);
  return lowerWord
    .normalize('NFD')
    .replace(/^\p{L}{1,3}[-‐]/u, '') // a particle: "al-Assad" is found as "Assad"
    .replace(/[’']s$/u, '')
    .replace(/[^\p{L}\p{Nd}]/gu, '')
    .slice(0, 5);
}
