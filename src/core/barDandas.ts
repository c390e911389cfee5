/**
 * Vertical bars typed for dandas. Hindi, Marathi, Nepali, Bengali, Punjabi and Odia end a
 * sentence with a danda ("।"), and many pages type it as the bar on the keyboard ("…घोषणा की |
 * उन्होंने कहा…"). Elsewhere a bar sets items apart ("होम | देश", "Headline | Site"), so a line is
 * read as writing its stops so only where it ends in a bar after such a script's text, or holds a
 * danda already.
 */

/** A letter, mark or figure of a script that ends its sentences with a danda. */
const DANDA_SCRIPT = /[\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Oriya}]/u;
const DANDAS = /[।॥]/u;
/** What may stand between a sentence's last word and its stop: spaces, closing quotes and brackets. */
const BEFORE_STOP = /[\s\p{Pe}\p{Pf}"']/u;
const BAR = '|';
const DANDA = '।';

/**
 * `line` with each bar that ends a sentence written as a danda: in a line that writes its
 * stops as bars (see the module comment), every bar after a letter, mark or figure of a danda
 * script, or after such a bar, with spaces and closing marks between. The same length as
 * `line`, so every offset holds; the line itself where it has no such bar. O(n).
 */
export function barsAsDandas(line: string): string {
  if (!line.includes(BAR) || !writesStopsAsBars(line)) return line;
  const out = line.split('');
  for (let i = line.indexOf(BAR); i >= 0; i = line.indexOf(BAR, i + 1)) {
    let j = i - 1;
    while (j >= 0 && BEFORE_STOP.test(line[j])) j--;
    if (j >= 0 && (out[j] === DANDA || DANDA_SCRIPT.test(line[j]))) out[i] = DANDA;
  }
  return out.join('');
}

/** Whether `line` holds a danda, or its last character but white space is a bar after a danda script's text. */
function writesStopsAsBars(line: string): boolean {
  if (DANDAS.test(line)) return true;
  let end = line.length - 1;
  while (end >= 0 && /\s/.test(line[end])) end--;
  if (line[end] !== BAR) return false;
  let j = end - 1;
  while (j >= 0 && (BEFORE_STOP.test(line[j]) || line[j] === BAR)) j--;
  return j >= 0 && DANDA_SCRIPT.test(line[j]);
}
