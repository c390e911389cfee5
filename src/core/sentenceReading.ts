/**
 * A sentence read for comparison (`ReadSentence`): its tokens (`factTokens.ts`), which of them
 * stand inside quotation marks, its negations and whether it has a speech verb; and, read the
 * first time a change asks (`readNames`, `datelineEnd`), who speaks in it (the agents of its
 * speech verbs), what tells its names, and the wire dateline it opens with. Apart from
 * `changes.ts` because it reads one sentence alone; comparing two readings is `changes.ts`,
 * and telling what a run of differing tokens changes is `changeKinds.ts`.
 */
import { agentFollows, invertsCompoundSpeech, isCompoundSpeech, isTellingVerb } from './factWords';
import { FactToken, factTokens, inTitleCase, labelTokens, sentenceInitial } from './factTokens';
import { capitalisesNouns, functionWordsOf } from './stopwords';
import { LanguageWords, WordForms } from './wordForms';

/** Verbs whose agent follows only with "by" ("quoted by the agency"; "the agency quoted him"). */
const QUOTING = new Set(['quoted', 'cited', 'zitiert', 'cité', 'citado', 'citato', 'geciteerd']);

/** The word that introduces an agent ("by the Kremlin"), per language. */
export const BY = /^(by|von|par|por|da|door|av)$/;

/**
 * `quoted` (per token, whether it stands inside quotation marks) with each name in quotation
 * marks taken out: a span of one to four words, each with a capital (and figures), inside a
 * sentence, as Russian, Ukrainian and French set the names of companies, ships and teams
 * («Норд Ритейл», « Ever Given »). It is a name, not someone's words: another is another name,
 * and the marks added or dropped change nothing. Not in a language that capitalises every noun
 * (German: „Katastrophe" is a word quoted), nor after a colon, where a quotation opens with a
 * capital ("said: «Победа»"). One word only after a word of its own (a company's «Северный»),
 * not after a speech verb or a function word, where it is as often a reply or a verdict ("ответил
 * «Нет»", "calificó de «Inaceptable»"). O(tokens).
 */
function quotedNamesApart(tokens: readonly FactToken[], quoted: boolean[], language: string, known: LanguageWords): boolean[] {
  if (capitalisesNouns(language)) return quoted;
  const functionWords = functionWordsOf(language);
  for (let open = 1; open < tokens.length; open++) {
    if (!quoted[open] || quoted[open - 1] || tokens[open].kind !== 'quote') continue;
    const before = tokens[open - 1];
    // After a colon a quotation opens; after a comma or a word a name may stand.
    if (before.kind !== 'word' && before.key !== ',') continue;
    const afterOwnWord =
      before.kind === 'word' &&
      !known.of(before.key).speechVerb &&
      !(functionWords ? functionWords.has(before.key) : before.end - before.start < 4);
    let close = open + 1;
    let words = 0;
    let named = true;
    for (; close < tokens.length && tokens[close].kind !== 'quote'; close++) {
      const t = tokens[close];
      if (t.kind === 'word') {
        words++;
        named &&= t.capital;
      } else if (t.kind !== 'number' && !(t.kind === 'punct' && t.key === '-')) named = false;
    }
    if (close < tokens.length && named && (words >= 2 ? words <= 4 : words === 1 && afterOwnWord)) quoted.fill(false, open, close + 1);
    open = close;
  }
  return quoted;
}

/** Per token, whether it stands inside quotation marks (the marks themselves count as inside). */
export function quotedTokens(text: string, tokens: readonly FactToken[]): boolean[] {
  const inside = new Array<boolean>(tokens.length).fill(false);
  let openDouble = -1;
  let openSingle = -1;
  const mark = (from: number, to: number) => {
    for (let k = from; k <= to; k++) inside[k] = true;
  };
  tokens.forEach((t, i) => {
    if (t.kind !== 'quote') return;
    const ch = text[t.start];
    const before = t.start === 0 ? ' ' : text[t.start - 1];
    const after = t.end >= text.length ? ' ' : text[t.end];
    if ("‘‚'".includes(ch) || (ch === '’' && openSingle >= 0)) {
      // A single mark opens before a word and closes after one; an apostrophe does neither.
      if (openSingle < 0 && /[\s([{—–-]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) openSingle = i;
      else if (openSingle >= 0 && /[\p{L}\p{N}.,!?…]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
        mark(openSingle, i);
        openSingle = -1;
      }
      return;
    }
    if (ch === '’') return;
    if (
      '“„«‹「『'.includes(ch) &&
      !(ch === '«' && openDouble >= 0) &&
      !(ch === '“' && openDouble >= 0 && text[tokens[openDouble].start] === '„')
    ) {
      if (openDouble < 0) openDouble = i;
      else {
        mark(openDouble, i);
        openDouble = -1;
      }
      return;
    }
    if (openDouble >= 0) {
      mark(openDouble, i);
      openDouble = -1;
    } else openDouble = i;
  });
  // A mark left open that stands where a quotation closes (after a word or punctuation, before a
  // space or the end: "…alone,” he added.") closes one that began before the sentence or lost
  // its opening mark: the words from the start are inside.
  if (openDouble >= 0) {
    const t = tokens[openDouble];
    const before = t.start === 0 ? ' ' : text[t.start - 1];
    const after = t.end >= text.length ? ' ' : text[t.end];
    const firstMark = tokens.findIndex(x => x.kind === 'quote');
    if (firstMark === openDouble && /[\p{L}\p{N}.,!?…]/u.test(before) && /[\s.,;:!?)]/u.test(after)) mark(0, openDouble);
  }
  return inside;
}

/** A sentence read for comparison (`readSentence`). */
export interface ReadSentence {
  readonly text: string;
  readonly tokens: readonly FactToken[];
  readonly quoted: readonly boolean[];
  /** The words inside quotation marks, in order, space-joined. */
  readonly quotedWords: string;
  /** The tokens' keys, as a set: what the other sentence is asked whether it lacks a token. */
  readonly keys: ReadonlySet<string>;
  /** The tokens' keys, in order: what the alignment compares. */
  readonly keyList: readonly string[];
  readonly negations: number;
  /**
   * Some token is a speech verb (`speechVerbTokens`). Without one no token is a speaker's
   * (`agentTokens` marks only tokens around speech verbs), so a change needs no `names` to tell that.
   */
  readonly speaks: boolean;
  readonly language: string;
  /** Where the stems and name forms of its words are looked up (shared by the sentences read together). */
  readonly words: WordForms;
  /** What tells its speakers and names, read the first time it is asked for. */
  readonly names: NameReading;
  /** Where the wire dateline it opens with ends (`DATELINE`), or 0; read the first time it is asked for. */
  readonly datelineEnd: number;
}

/**
 * A sentence read for comparison: its tokens, keys and quotations at once; what tells its
 * speakers and names (`NameReading`) only when a change asks for it, since a change of figures
 * alone never does.
 */
export function readSentence(text: string, language: string, words: WordForms): ReadSentence {
  const tokens = factTokens(text, language, words);
  const known = words.language(language);
  const quoted = quotedNamesApart(tokens, quotedTokens(text, tokens), language, known);
  const quotedKeys: string[] = [];
  const keys = new Set<string>();
  const keyList = new Array<string>(tokens.length);
  let negations = 0;
  let speaks = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    keys.add(t.key);
    keyList[i] = t.key;
    if (quoted[i] && t.kind !== 'quote' && t.kind !== 'punct') quotedKeys.push(t.key);
    if (t.kind === 'word' && known.of(t.key).negation) negations++;
    if (!speaks && isSpeechVerbAt(tokens, quoted, i, known)) speaks = true;
  }
  return new SentenceReading(text, language, words, tokens, quoted, quotedKeys.join(' '), keys, keyList, negations, speaks);
}

/** The part of a `ReadSentence` about speakers and names, read on first use. */
interface NameReading {
  /** Per token, whether it belongs to the name of a speaker (`agentTokens`). */
  readonly agent: readonly boolean[];
  /** Per token, whether it opens a sentence or a quotation (a capital there says nothing about names). */
  readonly initial: readonly boolean[];
  /** The name stems (wordForms.ts `nameStem`) of every word: a name whose stem is here is not missing. */
  readonly stems: ReadonlySet<string>;
  /** The stems of the words that name a speaker (`agent`). */
  readonly agentStems: ReadonlySet<string>;
  /** The initials of every run of two or more capitalised words ("United Nations" → "un"). */
  readonly acronyms: ReadonlySet<string>;
  /** Per token, the initials of the run of capitalised words it stands in ('' outside one). */
  readonly runInitials: readonly string[];
  /** Most of its longer words capitalised: a headline in title case, where capitals tell no names. */
  readonly titleCase: boolean;
  /**
   * Per token, whether it stands in a label beside the sentence's text: a page title's parts
   * are set apart by vertical bars ("Headline | Site | Section"), and all but the longest part
   * label the page rather than tell the story. The bars themselves count as labels.
   */
  readonly label: readonly boolean[];
  /** The words written with a capital, as `nameForm`s (wordForms.ts): a name kept on the other side, with or without its particle or possessive. */
  readonly capitalForms: ReadonlySet<string>;
  /** The language's function words (empty without a list): never names. */
  readonly functionWords: ReadonlySet<string>;
  /** Per token, whether it is a speech verb outside quotation marks, or the auxiliary right before one (it belongs to an attribution). */
  readonly speech: readonly boolean[];
}

/** A `ReadSentence` whose `NameReading` (`readNames`) is made the first time it is asked for. */
class SentenceReading implements ReadSentence {
  private nameReading: NameReading | undefined;
  private dateline: number | undefined;

  constructor(
    readonly text: string,
    readonly language: string,
    readonly words: WordForms,
    readonly tokens: readonly FactToken[],
    readonly quoted: readonly boolean[],
    readonly quotedWords: string,
    readonly keys: ReadonlySet<string>,
    readonly keyList: readonly string[],
    readonly negations: number,
    readonly speaks: boolean,
  ) {}

  get names(): NameReading {
    return (this.nameReading ??= readNames(this.tokens, this.quoted, this.language, this.words));
  }

  get datelineEnd(): number {
    return (this.dateline ??= datelineEnd(this.text, this.tokens));
  }
}

/** What tells a sentence's speakers and names (see `ReadSentence`). O(n) for n tokens. */
function readNames(tokens: readonly FactToken[], quoted: readonly boolean[], language: string, words: WordForms): NameReading {
  const known = words.language(language);
  const speech = speechVerbTokens(tokens, quoted, known);
  const agent = agentTokens(tokens, quoted, speech, language);
  // A name in quotation marks inside a sentence (`quotedNamesApart`: its marks are no quotation's) opens nothing.
  const initial = tokens.map(
    (_, i) => sentenceInitial(tokens, i) && !(i >= 2 && tokens[i - 1].kind === 'quote' && !quoted[i - 1] && tokens[i - 2].kind === 'word'),
  );
  const functionWords = functionWordsOf(language);
  const label = labelTokens(tokens);
  // One pass over the tokens for the word sets, the capitals and the counts.
  const stems = new Set<string>();
  const agentStems = new Set<string>();
  const capitalForms = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const facts = known.of(t.key);
    const stem = facts.stem;
    stems.add(stem);
    // A speaker is told by its names and common words, not by "the".
    if (agent[i] && !facts.functionWord && (t.capital || t.end - t.start > 3)) agentStems.add(stem);
    if (t.capital) capitalForms.add(words.form(t.key));
  }
  const runInitials = new Array<string>(tokens.length).fill('');
  const acronyms = new Set<string>();
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && tokens[j].kind === 'word' && tokens[j].capital) j++;
    if (j - i >= 2) {
      const initials = tokens
        .slice(i, j)
        .map(t => t.key[0])
        .join('');
      acronyms.add(initials);
      for (let k = i; k < j; k++) runInitials[k] = initials;
    }
    i = Math.max(j, i + 1);
  }
  const titleCase = inTitleCase(tokens, functionWords, label, language);
  return {
    agent,
    // The auxiliary before a speech verb is part of the attribution's words ("a déclaré").
    speech: speech.map((verb, i) => verb || (speech[i + 1] === true && followsSpeechAuxiliary(tokens, quoted, i + 1, language))),
    initial,
    stems,
    agentStems,
    acronyms,
    runInitials,
    titleCase,
    capitalForms,
    functionWords: functionWords ?? new Set(),
    label,
  };
}

/**
 * Words that name who said or reported something: the capitalised words (with one short word
 * before them, "the") right before a speech verb, or up to 5 words after one whose agent
 * follows ("according to a security official", "…,” said the Kremlin). In scripts without
 * case, the 2 words before the verb.
 */
function agentTokens(tokens: readonly FactToken[], quoted: readonly boolean[], speech: readonly boolean[], language: string): boolean[] {
  const agent = new Array<boolean>(tokens.length).fill(false);
  const isWord = (i: number) => i >= 0 && i < tokens.length && (tokens[i].kind === 'word' || tokens[i].kind === 'number') && !quoted[i];
  // A word of a script without case (not a figure, which has no case either).
  const caseless = (i: number) => /\p{L}/u.test(tokens[i].key) && tokens[i].key.toUpperCase() === tokens[i].key;
  const functionWords = functionWordsOf(language);
  // A word that can head or modify a speaker: a name, or a common word that is no function word ("state media").
  const contentWord = (i: number) =>
    isWord(i) &&
    tokens[i].kind === 'word' &&
    (tokens[i].capital ||
      (functionWords ? !functionWords.has(tokens[i].key) && tokens[i].end - tokens[i].start > 3 : tokens[i].end - tokens[i].start > 3));
  tokens.forEach((t, v) => {
    if (!speech[v]) return;
    // An auxiliary belongs to its verb: the speaker stands before both ("the Kremlin has
    // said"), or after both where the language puts it there ("…, a déclaré le Kremlin").
    const compound = followsSpeechAuxiliary(tokens, quoted, v, language);
    const before = compound ? v - 2 : v - 1;
    // "…," the Kremlin said / "…," said the Kremlin: after a quotation or a comma the agent may follow the verb.
    const byNext = v + 1 < tokens.length && BY.test(tokens[v + 1].key);
    // After a comma the verb only precedes its speaker where the clause ends a few words on
    // ("…, said the minister."); "…, announced the mission's triumph in a broadcast" has an object.
    const clauseEndsSoon = () => {
      for (let k = v + 1; k <= v + 7; k++) {
        if (k >= tokens.length) return true;
        const initial = tokens[k].key === '.' && tokens[k - 1].capital && tokens[k - 1].end - tokens[k - 1].start === 1;
        if ((tokens[k].kind === 'punct' || tokens[k].kind === 'quote') && !initial) return true;
      }
      return false;
    };
    const follows =
      agentFollows(t.key) ||
      (QUOTING.has(t.key) && byNext) ||
      (before >= 0 &&
        (tokens[before].kind === 'quote' ||
          (tokens[before].key === ',' && clauseEndsSoon() && (!compound || invertsCompoundSpeech(language)))));
    if (follows) {
      let k = v + 1;
      if (isWord(k) && /^(to|by|von|à|a|de|al|di)$/.test(tokens[k].key)) k++;
      let byAt = -1;
      for (let n = 0; n < 5 && k < tokens.length; n++, k++) {
        // An initial's full stop stays in the name ("said S. Somanath").
        if (tokens[k].key === '.' && k > 0 && tokens[k - 1].capital && tokens[k - 1].end - tokens[k - 1].start === 1) continue;
        if (!isWord(k)) break;
        agent[k] = true;
        if (BY.test(tokens[k].key)) byAt = k;
      }
      // "according to a statement released by the Kremlin": the one the statement is by is the speaker too.
      if (byAt >= 0) {
        k = byAt + 1;
        while (k < tokens.length && isWord(k) && !tokens[k].capital && tokens[k].end - tokens[k].start <= 3) agent[k++] = true;
        while (k < tokens.length && isWord(k) && tokens[k].capital) agent[k++] = true;
      }
    } else if (isWord(before) && caseless(before)) {
      for (let k = before, n = 0; n < 2 && isWord(k); n++, k--) agent[k] = true;
    } else {
      // The subject right before the verb: a name ("the Kremlin"), or a common noun with what
      // modifies it ("the air force", "state media in Damascus": one function word between two
      // content words).
      let k = before;
      let named = false;
      for (let n = 0; n < 5 && isWord(k); n++, k--) {
        const bridged = k < before && agent[k + 1] && !contentWord(k + 1);
        // A common word before a name belongs to the speaker only across a function word ("media in Damascus", not "student Reshani Samarakoon").
        if (contentWord(k) && (tokens[k].capital || !named || bridged)) {
          agent[k] = true;
          named = tokens[k].capital && !bridged ? true : tokens[k].capital && named;
        } else if (k < before && agent[k + 1] && contentWord(k - 1) && tokens[k].end - tokens[k].start <= 3) agent[k] = true;
        else break;
      }
      if (k < before && isWord(k) && !tokens[k].capital && tokens[k].end - tokens[k].start <= 3) agent[k] = true;
    }
    if (isTellingVerb(t.key, language)) {
      // "told the BBC": the one told (a capitalised name, after one short word) reported it too.
      let k = v + 1;
      if (isWord(k) && !tokens[k].capital && tokens[k].end - tokens[k].start <= 3) k++;
      const from = k;
      for (let n = 0; n < 4 && isWord(k) && tokens[k].capital; n++, k++) agent[k] = true;
      if (k > from && from > v + 1) agent[v + 1] = true;
    }
  });
  return agent;
}

/**
 * Per token, whether it is a speech verb: a listed word outside quotation marks, and not a
 * capitalised word inside a sentence, which is part of a name ("the United States"). O(n).
 */
function speechVerbTokens(tokens: readonly FactToken[], quoted: readonly boolean[], known: LanguageWords): boolean[] {
  return tokens.map((_, v) => isSpeechVerbAt(tokens, quoted, v, known));
}

/** Whether token `v` is a speech verb as `speechVerbTokens` reads it, alone or after its auxiliary. O(1). */
function isSpeechVerbAt(tokens: readonly FactToken[], quoted: readonly boolean[], v: number, known: LanguageWords): boolean {
  const t = tokens[v];
  return (
    t.kind === 'word' &&
    !quoted[v] &&
    (known.of(t.key).speechVerb || followsSpeechAuxiliary(tokens, quoted, v, known.language)) &&
    !(t.capital && v > 0 && tokens[v - 1].kind === 'word')
  );
}

/** Whether the token before `v` is the auxiliary of a compound tense of the speech verb at `v` ("has said", "a déclaré"). O(1). */
function followsSpeechAuxiliary(tokens: readonly FactToken[], quoted: readonly boolean[], v: number, language: string): boolean {
  const aux = tokens[v - 1];
  return v > 0 && aux.kind === 'word' && !quoted[v - 1] && tokens[v].kind === 'word' && isCompoundSpeech(aux.key, tokens[v].key, language);
}

/**
 * A wire dateline opening a sentence: a place in capitals ("WASHINGTON", "PORT ASHBY"), perhaps
 * a country or region in title case and a date after commas ("COLOMBO, Sri Lanka", "PORT ASHBY,
 * May 14", "BERLIN, 14. Mai", "MADRID, 14 de mayo de 2024", "МОСКВА, 14 мая"), perhaps an agency
 * in brackets, in letters alone ("(Agency)"), then a dash or a colon. An acronym opening a clause
 * is none: what follows its comma is no place nor date ("IBM, which cut 3,900 jobs -", "EU, US
 * agree on 15% -"), and brackets holding figures are no agency. The two places a date may stand
 * are the groups `date1` and `date2`, whose words `datelineEnd` checks are a month's name.
 */
export const DATELINE = (() => {
  const capitals = "\\p{Lu}[\\p{Lu}\\p{M}'’.-]+(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}'’.-]*){0,3}";
  const titled = "\\p{Lu}[\\p{Ll}\\p{M}'’.-]+(?:\\s+\\p{Lu}[\\p{Ll}\\p{M}'’.-]+){0,2}";
  // A month's name before or after the day ("May 14", "14 May", "14. Mai", "14 de mayo"), the
  // year perhaps after it ("Sept. 13, 2021", "14 de mayo de 2024"); a short word may join them.
  const joiner = '(?:\\p{Ll}{1,3}\\s+)?';
  const date = `(?:\\p{L}[\\p{Ll}\\p{M}]+\\.?\\s+\\d{1,2}|\\d{1,2}\\.?\\s+${joiner}\\p{L}[\\p{Ll}\\p{M}]+\\.?)(?:,?\\s+${joiner}\\d{4})?`;
  const agency = '\\(\\p{L}[\\p{L}\\p{M}\\s./&-]{0,30}\\)';
  const slot = (name: string) => `(?:,\\s*(?:(?<${name}>${date})|${titled}))?`;
  return new RegExp(`^${capitals}${slot('date1')}${slot('date2')}(?:\\s*${agency})?\\s*(?:[—–:]|--?)\\s+`, 'du');
})();

/**
 * Whether `text` may open with `DATELINE`'s place in capitals, by its first two code units alone:
 * an uppercase letter of ASCII or past it, then no ASCII character but an uppercase letter, an
 * apostrophe, a stop or a hyphen (a first letter past the BMP leaves a surrogate half second).
 * Most sentences ("The …") fail at once, without the pattern. O(1).
 */
export function mayOpenWithCapitals(text: string): boolean {
  if (text.length < 2) return false;
  const first = text.charCodeAt(0);
  if (first < 0x80 && !(first >= 0x41 && first <= 0x5a)) return false;
  const second = text.charCodeAt(1);
  return second >= 0x80 || (second >= 0x41 && second <= 0x5a) || second === 0x27 || second === 0x2e || second === 0x2d;
}

/**
 * Where the dateline `text` opens with ends (`DATELINE`, its trailing spaces left out), or 0
 * where it opens with none. A date the pattern matched must name a month among `tokens` (the
 * sentence's, in its language), and its other words be of at most three letters before a month
 * or a year ("de"): "EU, 15 members -" and "NATO, at 75 -" open with no dateline. O(length of
 * the dateline).
 */
function datelineEnd(text: string, tokens: readonly FactToken[]): number {
  if (!mayOpenWithCapitals(text)) return 0;
  const dateline = DATELINE.exec(text.slice(0, 200));
  if (!dateline) return 0;
  for (const name of ['date1', 'date2']) {
    const at = dateline.indices?.groups?.[name];
    if (!at) continue;
    let month = false;
    for (let k = 0; k < tokens.length && tokens[k].start < at[1]; k++) {
      const t = tokens[k];
      if (t.end <= at[0] || t.kind === 'number' || t.kind === 'punct') continue;
      if (t.kind === 'date' && t.key.startsWith('month:')) {
        month = true;
        continue;
      }
      const next = tokens[k + 1];
      const joins = t.kind === 'word' && t.end - t.start <= 3 && next !== undefined && (next.kind === 'number' || next.kind === 'date');
      if (!joins) return 0;
    }
    // "NATO, at 75 -": a count after a short word is no date.
    if (!month) return 0;
  }
  return dateline[0].trimEnd().length;
}
