/**
 * Hover: on a sentence, the matching sentences of the other sources (name, similarity, the
 * words that differ, whether it moved, a link to it) and the sources that lack it; on a
 * boilerplate line, why it was marked. Document text is untrusted: every character of it is
 * escaped, and the only command a link may run is the extension's own reveal command.
 */
import * as vscode from 'vscode';
import { counterparts } from './core';
import { diffMarkdown as markedDiff, escapeMarkdown } from './diffMarkdown';
import { distinctCounterparts } from './distinctCounterparts';
import { CorpusService, CorpusView } from './corpus';
import { counted } from './plural';
import { factHoverLines } from './sentenceFacts';
import { speaksAbout } from './speaking';
import { scopeToStory } from './stories';
import { sentenceAt } from './sentenceAt';
import { sourceName } from './sourceName';
import { REVEAL_COMMAND, RevealArgs } from './navigation';

const MAX_SENTENCE_CHARS = 400;
/** Distinct wordings a hover lists; the comparison panel shows the rest. */
const MAX_WORDINGS = 8;
/** Changed facts a hover lists before it counts the rest. */
const MAX_FACT_LINES = 6;

function clip(text: string): string {
  return text.length <= MAX_SENTENCE_CHARS ? text : `${text.slice(0, MAX_SENTENCE_CHARS - 1)}…`;
}

/** The hover's markdown for one position, or undefined where Synoptic has nothing to say. */
export function hoverMarkdown(
  view: CorpusView,
  document: vscode.TextDocument,
  position: vscode.Position,
): { markdown: vscode.MarkdownString; range: vscode.Range } | undefined {
  const index = view.indexOf(document.uri);
  if (index < 0) return undefined;
  const source = view.analysis.sources[index];
  if (source.lines.length !== document.lineCount) return undefined;
  const verdict = source.lines[position.line];
  const md = new vscode.MarkdownString(undefined, false);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [REVEAL_COMMAND] };

  if (verdict?.kind === 'boilerplate') {
    md.appendMarkdown(`**Synoptic** · boilerplate: ${escapeMarkdown(verdict.reason ?? 'site chrome')}`);
    return { markdown: md, range: document.lineAt(position.line).range };
  }
  const sentenceIndex = sentenceAt(source.sentences, document.offsetAt(position));
  if (sentenceIndex < 0) return undefined;
  const sentence = source.sentences[sentenceIndex];
  const range = new vscode.Range(document.positionAt(sentence.start), document.positionAt(sentence.end));
  const others = view.analysis.sources.length - 1;
  if (others === 0) {
    md.appendMarkdown('**Synoptic** · no other source tells this story');
    return { markdown: md, range };
  }
  const matches = counterparts(view.analysis, index, sentenceIndex);
  const found = new Set(matches.map(m => m.source));
  md.appendMarkdown(`**Synoptic** · in ${found.size} of ${others} other source${others === 1 ? '' : 's'}\n\n`);
  const factLines = factHoverLines(view.analysis, index, sentenceIndex, view.uris.map(sourceName));
  if (factLines.length) {
    const shown = factLines.slice(0, MAX_FACT_LINES).map(line => `- ${escapeMarkdown(line)}`);
    if (factLines.length > MAX_FACT_LINES)
      shown.push(`- ${counted(factLines.length - MAX_FACT_LINES, 'more changed fact', 'more changed facts')}`);
    md.appendMarkdown(`${shown.join('\n')}\n\n`);
  }

  // A source that split the sentence contributes two; show them as one entry. Sources with
  // the same wording share one entry, so a story reprinted a thousand times stays readable.
  const bySource = new Map<number, typeof matches>();
  for (const m of distinctCounterparts(view.analysis, index, sentenceIndex, matches))
    bySource.set(m.source, [...(bySource.get(m.source) ?? []), m]);
  const byWording = new Map<string, { sources: number[]; lists: (typeof matches)[] }>();
  for (const [s, list] of bySource) {
    const text = list.map(m => view.analysis.sources[s].sentences[m.sentence].text).join(' ');
    const entry = byWording.get(text) ?? { sources: [], lists: [] };
    entry.sources.push(s);
    entry.lists.push(list);
    byWording.set(text, entry);
  }
  const wordings = [...byWording].sort((x, y) => y[1].sources.length - x[1].sources.length);
  for (const [text, entry] of wordings.slice(0, MAX_WORDINGS)) {
    const s = entry.sources[0];
    const list = entry.lists[0];
    const other = view.analysis.sources[s];
    const first = other.sentences[list[0].sentence];
    const last = other.sentences[list[list.length - 1].sentence];
    const similarity = Math.round(Math.max(...list.map(m => m.similarity)) * 100);
    const movedCount = entry.lists.filter(l => l.some(m => m.moved)).length;
    const moved = movedCount === 0 ? '' : entry.sources.length === 1 ? ' · moved' : ` · moved in ${movedCount}`;
    const args: RevealArgs = [view.uris[s].toString(), first.start, last.end];
    const link = `command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify(args))}`;
    const alsoIn = entry.sources.length > 1 ? ` and ${entry.sources.length - 1} more with this wording` : '';
    md.appendMarkdown(
      `[${escapeMarkdown(sourceName(view.uris[s]))}](${link} "Open this sentence")${escapeMarkdown(alsoIn)} · similarity ${similarity}%${moved}\n\n`,
    );
    md.appendMarkdown(`> ${diffMarkdown(sentence.text, text)}\n\n`);
  }
  if (wordings.length > MAX_WORDINGS) {
    const rest = wordings.slice(MAX_WORDINGS).reduce((n, w) => n + w[1].sources.length, 0);
    md.appendMarkdown(
      `${counted(wordings.length - MAX_WORDINGS, 'other wording')} in ${counted(rest, 'source')}: Compare with Other Sources shows them all\n\n`,
    );
  }
  const missing = view.uris.filter((_, s) => s !== index && !found.has(s)).map(sourceName);
  if (missing.length)
    md.appendMarkdown(
      `not in: ${escapeMarkdown(missing.slice(0, 12).join(', '))}${missing.length > 12 ? ` and ${missing.length - 12} more` : ''}\n`,
    );
  return { markdown: md, range };
}

/** The other wording with the words that differ marked (`diffMarkdown.ts`); a very long pair is shown as it stands. */
function diffMarkdown(base: string, other: string): string {
  if (base.length + other.length > 4 * MAX_SENTENCE_CHARS) return escapeMarkdown(clip(other));
  return markedDiff(base, other);
}

export function register(corpus: CorpusService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { language: 'plaintext' },
    {
      async provideHover(document, position, token) {
        if (!CorpusService.isCandidate(document)) return undefined;
        const view = corpus.current(document.uri) ?? (await corpus.request(document.uri));
        if (!view || token.isCancellationRequested || !speaksAbout(view, document.uri)) return undefined;
        // The other sources are those of the document's story, not of its whole folder.
        const result = hoverMarkdown(scopeToStory(view, view.indexOf(document.uri)), document, position);
        return result && new vscode.Hover(result.markdown, result.range);
      },
    },
  );
}
