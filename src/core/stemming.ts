/**
 * Stems in a source's language (Snowball algorithms from `@orama/stemmers`), so that
 * "resumed" and "resume", "landing" and "landed" count as one content word. A language with no
 * stemmer here keeps its words as they are.
 */
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as hungarian } from '@orama/stemmers/hungarian';
import { stemmer as hindi } from '@orama/stemmers/indian';
import { stemmer as indonesian } from '@orama/stemmers/indonesian';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as lithuanian } from '@orama/stemmers/lithuanian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as serbian } from '@orama/stemmers/serbian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';

/**
 * Per language code (as `StopwordProfile.language` has them), its stemmer. Serbian's serves
 * the Latin list of Bosnian, Croatian and Serbian (`sh`) too: it reads Cyrillic and Latin alike.
 * Bulgarian has a function-word list but no stemmer: the package's throws on the words it would
 * rewrite (it writes into the string).
 */
const STEMMERS: Readonly<Record<string, (word: string) => string>> = {
  ar: arabic,
  da: danish,
  de: german,
  el: greek,
  en: english,
  es: spanish,
  fi: finnish,
  fr: french,
  hi: hindi,
  hu: hungarian,
  id: indonesian,
  it: italian,
  lt: lithuanian,
  nb: norwegian,
  nl: dutch,
  pt: portuguese,
  ro: word => romanian(commaBelow(word)),
  ru: russian,
  sh: serbian,
  sr: serbian,
  sv: swedish,
  tr: turkish,
  uk: ukrainian,
};

/** Romanian's s and t with a cedilla (ş, ţ), as older text and keyboards write them, as the comma-below letters (ș, ț) the stemmer knows. */
function commaBelow(word: string): string {
  return word.replace(/ş/g, 'ș').replace(/ţ/g, 'ț');
}

/** Whether `language` has a stemmer here (else `stemmerFor` gives each word as it is). */
export function hasStemmer(language: string): boolean {
  return language in STEMMERS;
}

/** Past this many words, a language's remembered stems start afresh. */
const REMEMBERED_STEMS = 1 << 16;
const remembered = new Map<string, (word: string) => string>();

/**
 * Input: a language code. Output: a function from a lower-case word to its stem (the word
 * itself where the language has no stemmer). Stems are remembered per language: the versions
 * of one story repeat most of their words, and a stemmer call costs microseconds.
 */
export function stemmerFor(language: string): (word: string) => string {
  const stem = STEMMERS[language];
  if (!stem) return word => word;
  let memo = remembered.get(language);
  if (!memo) {
    const stems = new Map<string, string>();
    memo = word => {
      let s = stems.get(word);
      if (s === undefined) {
        if (stems.size >= REMEMBERED_STEMS) stems.clear();
        stems.set(word, (s = stem(word)));
      }
      return s;
    };
    remembered.set(language, memo);
  }
  return memo;
}
