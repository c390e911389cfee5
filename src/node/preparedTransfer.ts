/**
 * Prepared sources, and the analyses of stories made from them, as they travel between threads. A message copies every object one by one,
 * and a prepared source is mostly small objects (line spans, sentences) and sentence texts
 * the source's text already holds; so it travels as a few typed arrays, without its text,
 * and each sentence's text only where it is not the slice of the source's text it spans.
 */
import type { CorpusAnalysis, PreparedSource, Sentence, SourceAnalysis, SourceStoryForms } from '../core';
import { threadProfile } from '../core/stopwords';

/** A prepared source packed for a message; `unpackPrepared` with its text gives it back. */
export interface PackedPrepared {
  readonly hash: string;
  readonly profile: PreparedSource['profile'];
  readonly lines: PreparedSource['lines'];
  readonly lfLineOfLine?: readonly number[];
  readonly paragraphs?: PreparedSource['paragraphs'];
  /** Each line's start and end. */
  readonly lineSpans: Int32Array;
  /** Per sentence: its line, start, end, form and whether it is promotable. */
  readonly sentenceLines: Int32Array;
  readonly sentenceStarts: Int32Array;
  readonly sentenceEnds: Int32Array;
  readonly forms: readonly string[];
  readonly promotable: Uint8Array;
  /** The texts of sentences whose text is not their slice of the source's text, by sentence. */
  readonly otherTexts: ReadonlyMap<number, string>;
}

/** `prepared` packed for a message. O(L + S) for L lines and S sentences. */
export function packPrepared(prepared: PreparedSource): PackedPrepared {
  const { text, sentences } = prepared;
  const lineSpans = new Int32Array(2 * prepared.lineSpans.length);
  prepared.lineSpans.forEach((span, i) => {
    lineSpans[2 * i] = span.start;
    lineSpans[2 * i + 1] = span.end;
  });
  const otherTexts = new Map<number, string>();
  sentences.forEach((s, i) => {
    if (s.text.length !== s.end - s.start || !text.startsWith(s.text, s.start)) otherTexts.set(i, s.text);
  });
  return {
    hash: prepared.hash,
    profile: prepared.profile,
    lines: prepared.lines,
    ...(prepared.lfLineOfLine ? { lfLineOfLine: prepared.lfLineOfLine } : {}),
    ...(prepared.paragraphs ? { paragraphs: prepared.paragraphs } : {}),
    lineSpans,
    sentenceLines: Int32Array.from(sentences, s => s.line),
    sentenceStarts: Int32Array.from(sentences, s => s.start),
    sentenceEnds: Int32Array.from(sentences, s => s.end),
    forms: sentences.map(s => s.form),
    promotable: Uint8Array.from(sentences, s => (s.promotable ? 1 : 0)),
    otherTexts,
  };
}

/** The prepared source `packed` was made from, given its text. O(L + S). */
export function unpackPrepared(packed: PackedPrepared, text: string): PreparedSource {
  const lineSpans = Array.from({ length: packed.lineSpans.length / 2 }, (_, i) => ({
    start: packed.lineSpans[2 * i],
    end: packed.lineSpans[2 * i + 1],
  }));
  const sentences = packed.forms.map((form, i) => {
    const start = packed.sentenceStarts[i];
    const end = packed.sentenceEnds[i];
    return {
      line: packed.sentenceLines[i],
      start,
      end,
      text: packed.otherTexts.get(i) ?? text.slice(start, end),
      form,
      promotable: packed.promotable[i] === 1,
    };
  });
  const { hash, profile, lines, lfLineOfLine, paragraphs } = packed;
  return {
    text,
    hash,
    lineSpans,
    ...(lfLineOfLine ? { lfLineOfLine } : {}),
    // A copy of its language's profile: this thread's own one, which this thread's caches know.
    profile: threadProfile(profile),
    lines,
    sentences,
    ...(paragraphs ? { paragraphs } : {}),
  };
}

/** Sentences as typed arrays, each text left out where it is its slice of the source's text. */
interface PackedSentences {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly lines: Int32Array;
  readonly otherTexts: ReadonlyMap<number, string>;
}

/** A source's analysis packed for a message: what the receiver's prepared source holds left out. */
type PackedSourceAnalysis = Readonly<Record<string, unknown>>;

/** A story's analysis (`StoryShareRunner.finish`) packed for a message. */
export type PackedStoryAnalysis = Omit<CorpusAnalysis, 'sources'> & { readonly sources: readonly PackedSourceAnalysis[] };

/**
 * A story's analysis packed for a message, its sources being `prepared` with texts `texts`:
 * line verdicts and line spans that are the prepared source's own are left out (the
 * receiver's copy of it has them), and sentences travel as `packPrepared` sends them. Other
 * fields go as they are, in their order. O(L + S).
 */
export function packStoryAnalysis(analysis: CorpusAnalysis, prepared: readonly PreparedSource[]): PackedStoryAnalysis {
  const sources = analysis.sources.map((source, i) => {
    const own = prepared[i];
    const packed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(source)) {
      if ((key === 'lines' && value === own.lines) || (key === 'lineSpans' && value === own.lineSpans)) packed[key] = null;
      else if (key === 'sentences') packed[key] = packSentences(source.sentences, own.text);
      else packed[key] = value;
    }
    return packed;
  });
  return { ...analysis, sources };
}

/** The story's analysis `packed` was made from, given the prepared sources it was made with. O(L + S). */
export function unpackStoryAnalysis(packed: PackedStoryAnalysis, prepared: readonly PreparedSource[]): CorpusAnalysis {
  const sources = packed.sources.map((source, i) => {
    const own = prepared[i];
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(source)) {
      if (key === 'lines' && value === null) out[key] = own.lines;
      else if (key === 'lineSpans' && value === null) out[key] = own.lineSpans;
      else if (key === 'sentences') out[key] = unpackSentences(value as PackedSentences, own.text);
      else out[key] = value;
    }
    return out as unknown as SourceAnalysis;
  });
  return { ...packed, sources };
}

function packSentences(sentences: readonly Sentence[], text: string): PackedSentences {
  const otherTexts = new Map<number, string>();
  sentences.forEach((s, i) => {
    if (s.text.length !== s.end - s.start || !text.startsWith(s.text, s.start)) otherTexts.set(i, s.text);
  });
  return {
    starts: Int32Array.from(sentences, s => s.start),
    ends: Int32Array.from(sentences, s => s.end),
    lines: Int32Array.from(sentences, s => s.line),
    otherTexts,
  };
}

function unpackSentences(packed: PackedSentences, text: string): Sentence[] {
  return Array.from(packed.starts, (start, i) => {
    const end = packed.ends[i];
    return { start, end, line: packed.lines[i], text: packed.otherTexts.get(i) ?? text.slice(start, end) };
  });
}

/** A source's part of the story stage packed for a message: its forms and samples as the sentences that carry them. */
export interface PackedStoryForms {
  /** Per form, the prepared sentence whose form and text are the form and its sample, or -1. */
  readonly sentenceOfForm: Int32Array;
  /** Forms no sentence gives with their sample: the two strings, by form. */
  readonly otherForms: ReadonlyMap<number, readonly [string, string]>;
  readonly keyStart: Int32Array;
  readonly keys: Uint32Array;
  readonly kinds: Uint8Array;
}

/** `forms`, made from `prepared`, packed for a message. O(S + F). */
export function packStoryForms(forms: SourceStoryForms, prepared: PreparedSource): PackedStoryForms {
  const sentencesOfForm = new Map<string, number[]>();
  prepared.sentences.forEach((s, i) => {
    const list = sentencesOfForm.get(s.form);
    if (list) list.push(i);
    else sentencesOfForm.set(s.form, [i]);
  });
  const otherForms = new Map<number, readonly [string, string]>();
  const sentenceOfForm = Int32Array.from(forms.forms, (form, f) => {
    const found = sentencesOfForm.get(form)?.find(i => prepared.sentences[i].text === forms.samples[f]);
    if (found === undefined) otherForms.set(f, [form, forms.samples[f]]);
    return found ?? -1;
  });
  return { sentenceOfForm, otherForms, keyStart: forms.keyStart, keys: forms.keys, kinds: forms.kinds };
}

/** The story forms `packed` was made from, given the prepared source they were made from. O(F). */
export function unpackStoryForms(packed: PackedStoryForms, prepared: PreparedSource): SourceStoryForms {
  const forms: string[] = [];
  const samples: string[] = [];
  packed.sentenceOfForm.forEach((i, f) => {
    const other = packed.otherForms.get(f);
    forms.push(other ? other[0] : prepared.sentences[i].form);
    samples.push(other ? other[1] : prepared.sentences[i].text);
  });
  return { forms, samples, keyStart: packed.keyStart, keys: packed.keys, kinds: packed.kinds };
}
