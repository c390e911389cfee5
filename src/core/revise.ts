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
import { LineSpan, words } from './text';

const PROMOTION_SIMILARITY = 0.5;

/**
 * Input: the corpus's forms, the promotable boilerplate forms with the lines that carry them,
 * and the similarity index. Output: per source, its line verdicts, the prepared array itself
 * where nothing changed (so later stages can tell an unrevised source by identity). Works on
 * distinct forms: each boilerplate form is looked up once among the content forms. O(S + F)
 * plus one lookup per promotable form.
 */
export function reviseWithOtherSources(
  corpus: FormCorpus,
  promotable: ReadonlyMap<FormId, readonly LineRef[]>,
  index: SimilarityIndex,
  align: AlignOptions = {},
): (readonly LineVerdict[])[] {
  const { prepared, forms, spaceIds } = corpus;
  const lines: (readonly LineVerdict[])[] = prepared.map(p => p.lines);
  const carriers = contentCarriers(corpus);
  const contentForms: FormId[] = [];
  for (let f = 0; f < forms.length; f++) if (carriers.first[f] >= 0) contentForms.push(f as FormId);
  if (!promotable.size || !contentForms.length) return lines;
  const threshold = Math.min(PROMOTION_SIMILARITY, align.strongThreshold ?? PROMOTION_SIMILARITY);
  const contentFormAt = new Int32Array(corpus.formSpace.space.profiles.length).fill(-1);
  for (const f of contentForms) contentFormAt[spaceIds[f]] = f;
  const lookup = index.lookupAmong(
    contentForms.map(f => spaceIds[f]),
    promotable.size,
    threshold,
  );
  const promote = (source: number, line: number) => {
    const p = prepared[source];
    // Keyword and tag lists echo the story's words without a single function word.
    if (lines[source][line].kind !== 'boilerplate' || !hasFunctionWord(p.text, p.lineSpans[line], p.profile)) return;
    const revised = lines[source] === p.lines ? (lines[source] = [...p.lines]) : lines[source];
    (revised as LineVerdict[])[line] = { kind: 'content' };
  };
  // Promoted where the content form is carried by a source other than the line's own. Once
  // every line of a form was offered for promotion, its other matches cannot add anything.
  for (const [form, occurrences] of promotable) {
    const id = spaceIds[form];
    const offered = new Uint8Array(occurrences.length);
    let left = occurrences.length;
    const promoteWhereOthersCarry = (contentForm: number) => {
      for (let k = 0; k < occurrences.length; k++) {
        const o = occurrences[k];
        if (offered[k] || (carriers.first[contentForm] === o.source && carriers.second[contentForm] < 0)) continue;
        offered[k] = 1;
        left--;
        promote(o.source, o.line);
      }
      return left > 0;
    };
    if (contentFormAt[id] >= 0 && !promoteWhereOthersCarry(form)) continue;
    lookup(id, pair => promoteWhereOthersCarry(contentFormAt[pair.b]));
  }
  return lines;
}

/** Per content form, the first two sources that carry it (enough to know one is not "this" source). O(S). */
function contentCarriers(corpus: FormCorpus): { first: Int32Array; second: Int32Array } {
  const { prepared, formIds, forms } = corpus;
  const first = new Int32Array(forms.length).fill(-1);
  const second = new Int32Array(forms.length).fill(-1);
  prepared.forEach((p, source) => {
    p.sentences.forEach((s, i) => {
      if (p.lines[s.line].kind !== 'content') return;
      const form = formIds[source][i];
      if (first[form] < 0) first[form] = source;
      else if (second[form] < 0 && first[form] !== source) second[form] = source;
    });
  });
  return { first, second };
}

function hasFunctionWord(text: string, span: LineSpan, profile: StopwordProfile): boolean {
  return words(text.slice(span.start, span.end)).some(w => profile.words.has(w.toLowerCase()));
}
