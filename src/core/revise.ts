/**
 * Stage 3, cross-source revision: a boilerplate line whose sentence another source carries as
 * article text is article text too. A single page cannot tell a short paragraph from a teaser,
 * but a second version can.
 */
import type { AlignOptions } from './types';
import type { LineVerdict } from './boilerplate';
import type { LineRef } from './comparedForms';
import type { FormCorpus } from './formCorpus';
import type { FormId } from './ids';
import type { SimilarityIndex } from './similarityIndex';
import type { StopwordProfile } from './stopwords';
import { paragraphOf } from './hardWrap';
import { LineSpan, words } from './text';

const PROMOTION_SIMILARITY = 0.5;

/**
 * Input: the corpus's forms, the promotable boilerplate forms with the lines that carry them,
 * and the similarity index. Output: per source, its line verdicts, the prepared array itself
 * where nothing changed (so later stages can tell an unrevised source by identity). Works on
 * distinct forms: each boilerplate form is looked up once among the content forms, unless none
 * of its lines could still change. O(S + F) plus at most one lookup per promotable form.
 */
export function reviseWithOtherSources(
  corpus: FormCorpus,
  promotable: ReadonlyMap<FormId, readonly LineRef[]>,
  index: SimilarityIndex,
  align: AlignOptions = {},
): (readonly LineVerdict[])[] {
  const { prepared, spaceIds } = corpus;
  const lines: (readonly LineVerdict[])[] = prepared.map(p => p.lines);
  if (!promotable.size) return lines;
  // Per content form, its carriers; sized by the sources at hand, not by the numbering (which
  // holds every story's forms when this runs once per story).
  const carriers = contentCarriers(corpus);
  const contentForms = [...carriers.keys()].sort((x, y) => x - y);
  if (!contentForms.length) return lines;
  const threshold = Math.min(PROMOTION_SIMILARITY, align.strongThreshold ?? PROMOTION_SIMILARITY);
  const contentFormAt = new Map<number, FormId>();
  for (const f of contentForms) contentFormAt.set(spaceIds[f], f);
  const lookup = index.lookupAmong(
    contentForms.map(f => spaceIds[f]),
    promotable.size,
    threshold,
  );
  // A hard-wrapped paragraph is promoted whole, as it was classified whole.
  const lastLineOf = (source: number, line: number) => {
    const p = prepared[source];
    return (p.paragraphs && paragraphOf(p.paragraphs, line)?.last) ?? line;
  };
  /** Per source, per line asked about, whether it has a function word; kept, as one line may carry several promotable forms. */
  const functionWordIn = prepared.map(() => new Map<number, boolean>());
  /** Whether promoting the line would change it: still boilerplate, and not a keyword or tag list. */
  const promotes = (source: number, line: number) => {
    if (lines[source][line].kind !== 'boilerplate') return false;
    let has = functionWordIn[source].get(line);
    if (has === undefined) {
      const p = prepared[source];
      const span = { start: p.lineSpans[line].start, end: p.lineSpans[lastLineOf(source, line)].end };
      // Keyword and tag lists echo the story's words without a single function word.
      functionWordIn[source].set(line, (has = hasFunctionWord(p.text, span, p.profile)));
    }
    return has;
  };
  const promote = (source: number, line: number) => {
    if (!promotes(source, line)) return;
    const p = prepared[source];
    const revised = lines[source] === p.lines ? (lines[source] = [...p.lines]) : lines[source];
    for (let l = line, last = lastLineOf(source, line); l <= last; l++) (revised as LineVerdict[])[l] = { kind: 'content' };
  };
  // Promoted where the content form is carried by a source other than the line's own. Once
  // every line of a form was offered for promotion, its other matches cannot add anything.
  for (const [form, occurrences] of promotable) {
    const id = spaceIds[form];
    const offered = new Uint8Array(occurrences.length);
    let left = occurrences.length;
    const promoteWhereOthersCarry = (contentForm: FormId) => {
      const carried = carriers.get(contentForm)!;
      for (let k = 0; k < occurrences.length; k++) {
        const o = occurrences[k];
        if (offered[k] || (carried.first === o.source && carried.second < 0)) continue;
        offered[k] = 1;
        left--;
        promote(o.source, o.line);
      }
      return left > 0;
    };
    if (carriers.has(form) && !promoteWhereOthersCarry(form)) continue;
    // Lines only ever turn from boilerplate to content: where none of the form's lines left
    // would change, no match could change anything, and the lookup is spared.
    if (!occurrences.some((o, k) => !offered[k] && promotes(o.source, o.line))) continue;
    lookup(id, pair => promoteWhereOthersCarry(contentFormAt.get(pair.b)!));
  }
  return lines;
}

/**
 * Per content form of the corpus's sources, the first two sources that carry it (enough to
 * know one is not "this" source; -1: none). O(S) for S sentences of these sources.
 */
function contentCarriers(corpus: FormCorpus): Map<FormId, { first: number; second: number }> {
  const { prepared, formIds } = corpus;
  const carriers = new Map<FormId, { first: number; second: number }>();
  prepared.forEach((p, source) => {
    p.sentences.forEach((s, i) => {
      if (p.lines[s.line].kind !== 'content') return;
      const form = formIds[source][i];
      const carried = carriers.get(form);
      if (!carried) carriers.set(form, { first: source, second: -1 });
      else if (carried.second < 0 && carried.first !== source) carried.second = source;
    });
  });
  return carriers;
}

function hasFunctionWord(text: string, span: LineSpan, profile: StopwordProfile): boolean {
  return words(text.slice(span.start, span.end)).some(w => profile.words.has(w.toLowerCase()));
}
