/**
 * passim's output records, written from the schema seriatim.py gives them: per passage of a
 * cluster `cluster` (bigint), `size` (number of documents), `uid` (bigint, a 64-bit hash of
 * `id`), `begin`/`end` (int, code points into the document's text), `boiler` (boolean),
 * `src` (array of {uid, begin, end}: the passages it was aligned with), `pboiler` (double), and
 * the document's own fields (`id`, `series`) with `text` cut to the passage. The older Scala
 * version's records carry `gid` (a bigint hash of the series) and `bw`/`ew` (bounds in words)
 * beside `begin`/`end`. 64-bit values are written as bare JSON integers, as Spark writes them.
 */

/** A passage to write: which document, where (code points into the text passim read), and its text. */
export interface FixturePassage {
  readonly id: string;
  readonly uid: string;
  readonly begin: number;
  readonly end: number;
  readonly text: string;
}

/** Records of one cluster in the current (seriatim) form, one JSON line each. */
export function seriatimRecords(cluster: string, passages: readonly FixturePassage[]): string[] {
  const size = new Set(passages.map(p => p.id)).size;
  return passages.map((p, i) => {
    const others = passages.filter((_, k) => k !== i).map(o => `{"uid":${o.uid},"begin":${o.begin},"end":${o.end}}`);
    return `{"cluster":${cluster},"uid":${p.uid},"begin":${p.begin},"end":${p.end},"boiler":false,"src":[${others.join(',')}],"size":${size},"pboiler":0.0,"id":${JSON.stringify(p.id)},"series":${JSON.stringify(p.id)},"text":${JSON.stringify(p.text)}}`;
  });
}

/** Records of one cluster in the older form: `gid`, word bounds `bw`/`ew` beside `begin`/`end`. */
export function olderRecords(
  cluster: string,
  passages: readonly (FixturePassage & { readonly bw: number; readonly ew: number })[],
  options: { withoutCharacterBounds?: boolean } = {},
): string[] {
  const size = new Set(passages.map(p => p.id)).size;
  return passages.map(p => {
    const bounds = options.withoutCharacterBounds ? '' : `"begin":${p.begin},"end":${p.end},`;
    const clusterField = options.withoutCharacterBounds ? '' : `"cluster":${cluster},`;
    return `{${clusterField}"gid":${options.withoutCharacterBounds ? cluster : '-4242424242424242424'},"uid":${p.uid},"size":${size},"bw":${p.bw},"ew":${p.ew},${bounds}"id":${JSON.stringify(p.id)},"series":${JSON.stringify(p.id)},"text":${JSON.stringify(p.text)}}`;
  });
}

/** Code points before UTF-16 offset `utf16` of `text`, as Python counts string indices. */
export function codePointOffset(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

/** Index of the word (run of non-space characters) that starts at UTF-16 offset `utf16`. */
export function wordIndexAt(text: string, utf16: number): number {
  return (text.slice(0, utf16).match(/\S+/g) ?? []).length;
}

/** A passage passim would report: a sentence of document `id`, found in the text passim was given. */
export interface SentencePassage {
  readonly id: string;
  readonly uid: string;
  readonly sentence: string;
}

/**
 * One cluster's records in the current form, for sentences found in the texts passim was given
 * (`passimTexts`, by id: what `synoptic export --format passim` wrote), offsets in code points
 * as passim counts them. Throws when a sentence is not in its document's text.
 */
export function clusterRecords(cluster: string, passages: readonly SentencePassage[], passimTexts: ReadonlyMap<string, string>): string[] {
  return seriatimRecords(
    cluster,
    passages.map(p => {
      const text = passimTexts.get(p.id);
      const at = text?.indexOf(p.sentence) ?? -1;
      if (!text || at < 0) throw new Error(`${p.id} does not carry "${p.sentence}"`);
      return {
        id: p.id,
        uid: p.uid,
        begin: codePointOffset(text, at),
        end: codePointOffset(text, at + p.sentence.length),
        text: p.sentence,
      };
    }),
  );
}
