/**
 * Stage 2, which forms take part in the cross-source stages: article sentences, and
 * boilerplate sentences another source may show to be article text (promotable ones).
 */
import type { FormIds } from './forms';
import type { FormId } from './ids';
import type { PreparedSource } from './types';

/** A line of one source. */
export interface LineRef {
  readonly source: number;
  readonly line: number;
}

/** The forms the cross-source stages compare. */
export interface ComparedForms {
  /** Per form id, 1 where the form is compared. */
  readonly compared: Uint8Array;
  /** How many forms are compared. */
  readonly count: number;
  /** Per promotable boilerplate form, the lines that carry it, in source and reading order. */
  readonly promotable: ReadonlyMap<FormId, readonly LineRef[]>;
}

/**
 * Input: the prepared sources, their sentences' form ids, the number of forms, and whether
 * other sources may revise verdicts (`crossEvidence`). Output: the compared forms. A promoted
 * line turns all its sentences to article text, the short ones too, so every sentence of a
 * line with a promotable sentence is compared. O(S) for S prepared sentences, plus O(F) for F
 * forms.
 */
export function comparedForms(
  prepared: readonly PreparedSource[],
  formIds: readonly FormIds[],
  formCount: number,
  crossEvidence: boolean,
): ComparedForms {
  const compared = new Uint8Array(formCount);
  const promotable = new Map<FormId, LineRef[]>();
  prepared.forEach((p, source) => {
    const ids = formIds[source];
    for (let i = 0; i < ids.length; i++) {
      const sentence = p.sentences[i];
      if (p.lines[sentence.line].kind === 'content') compared[ids[i]] = 1;
      else if (crossEvidence && sentence.promotable) {
        compared[ids[i]] = 1;
        const list = promotable.get(ids[i]);
        if (list) list.push({ source, line: sentence.line });
        else promotable.set(ids[i], [{ source, line: sentence.line }]);
      }
    }
  });
  const promotableLines = prepared.map(() => new Set<number>());
  for (const occurrences of promotable.values()) for (const o of occurrences) promotableLines[o.source].add(o.line);
  prepared.forEach((p, source) => {
    if (promotableLines[source].size)
      p.sentences.forEach((sentence, i) => promotableLines[source].has(sentence.line) && (compared[formIds[source][i]] = 1));
  });
  let count = 0;
  for (let f = 0; f < formCount; f++) count += compared[f];
  return { compared, count, promotable };
}
