import { SourceInput } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { seedInputs } from './fixtures';

/** Markup and characters an export must carry as text: a tag with a handler, a cell end, quotes, an ampersand, emoji. */
export const PLANTED = [
  '<img src=x onerror="alert(1)">',
  '</td></tr></table><script>alert(2)</script>',
  '"double" & \'single\'',
  '😀',
  '🦀',
];

/**
 * A version of the seeds' story with hostile text: one sentence the other sources share,
 * reworded with markup in it, and one sentence of its own made of markup and emoji.
 */
export const HOSTILE_TEXT = [
  'Putin and Assad hold talks in Moscow',
  '',
  `Russian President Vladimir Putin met Syrian President Bashar Assad in Moscow ${PLANTED[0]} and they discussed the areas still held by rebels & fighters 😀.`,
  '',
  `A correspondent wrote ${PLANTED[1]} into this copy, with "double" & 'single' quotes and a crab 🦀, and the desk printed every word of it.`,
  '',
].join('\n');

export function hostileCorpus(): SourceInput[] {
  return [...seedInputs(), { id: 'hostile <b>&amp; "name".txt', text: HOSTILE_TEXT }];
}

export function analyzedHostileCorpus() {
  const inputs = hostileCorpus();
  const analysis = analyzeCorpus(inputs);
  return { inputs, analysis, input: { analysis, paths: inputs.map(i => i.id), texts: inputs.map(i => i.text) } };
}
