/**
 * Vertical bars typed for dandas. Hindi, Marathi, Nepali, Bengali, Punjabi and Odia end a
 * sentence with a danda ("।"), and many pages type it as the bar on the keyboard ("…घोषणा की |
 * उन्होंने कहा…"). Elsewhere a bar sets items apart ("होम | देश |", "Headline | Site"), so a bar
 * is read as a danda only after a clause (`CLAUSE_WORDS` words or more since the last stop or
 * bar) of such a script's text, in a line that writes its stops so: one that holds a danda
 * already, or ends in such a bar.
 */

/** A letter, mark or figure of a script that ends its sentences with a danda. */
const DANDA_SCRIPT = /[\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Oriya}]/u;
const DANDAS = /[।॥]/u;
/** What may stand between a sentence's last word and its stop: spaces, closing quotes and brackets. */
const BEFORE_STOP = /[\s\p{Pe}\p{Pf}"']/u;
/** Marks that end what a bar may end: a stop of any script, or another bar. */
const PIECE_END = /[|\p{Sentence_Terminal}]/u;
const BAR = '|';
const DANDA = '।';
/**
 * The fewest words before a bar that it may end as a sentence: a menu's items and a site's name
 * after a headline hold fewer ("होम", "लॉग इन", "हमारे बारे में", "दैनिक समाचार").
 */
const CLAUSE_WORDS = 4;

/**
 * `line` with each bar that ends a sentence written as a danda (see the module comment): a bar
 * after a letter, mark or figure of a danda script (spaces and closing marks between) that
 * closes a clause, in a line that writes its stops so. The same length as `line`, so every
 * offset holds; the line itself where it has no such bar. O(n).
 */
export function barsAsDandas(line: string): string {
  if (!line.includes(BAR) || !writesStopsAsBars(line)) return line;
  let out: string[] | undefined;
  for (let i = line.indexOf(BAR); i >= 0; i = line.indexOf(BAR, i + 1)) {
    if (endsClause(line, i)) (out ??= line.split(''))[i] = DANDA;
  }
  return out ? out.join('') : line;
}

/** Whether `line` holds a danda, or its last character but white space is a bar that ends a clause. */
function writesStopsAsBars(line: string): boolean {
  if (DANDAS.test(line)) return true;
  const end = line.trimEnd().length - 1;
  return line[end] === BAR && endsClause(line, end);
}

/**
 * Whether the bar at `bar` follows a danda script's text (spaces and closing marks between) of
 * `CLAUSE_WORDS` words or more since the last stop or bar. O(length of that text).
 */
function endsClause(line: string, bar: number): boolean {
  let j = bar - 1;
  while (j >= 0 && BEFORE_STOP.test(line[j])) j--;
  if (j < 0 || !DANDA_SCRIPT.test(line[j])) return false;
  let start = j;
  while (start > 0 && !PIECE_END.test(line[start - 1])) start--;
  return (
    line
      .slice(start, j + 1)
      .split(/\s+/u)
      .filter(word => /\p{L}/u.test(word)).length >= CLAUSE_WORDS
  );
}
