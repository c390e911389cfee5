/**
 * A story whose third statement one version merges into the sentence before it and another
 * into the sentence after it, and two versions that print every statement apart: which group
 * that statement joins is decided by few shared words, many of them as rare as each other.
 */
import type { SourceInput } from '../../src/core';

/** The statements, one sentence a line, as the two unmerged versions print them. */
export const MERGED_STATEMENT_LINES: readonly string[] = [
  'Central bank holds rates steady',
  'The central bank kept its benchmark interest rate unchanged at 4.5 percent on Wednesday.',
  'Policymakers cited stubborn inflation in the services sector.',
  'Governor Anna Berg said the bank was prepared to act if price pressures persisted.',
  'Consumer prices rose 3.8 percent in the year to August.',
  'The next rate decision is due in November.',
];

/** Lines as a page's text. */
export function pageOf(lines: readonly string[]): string {
  return [...lines, ''].join('\n');
}

/** The four versions: `a` and `a2` print the statements apart, `forward` and `backward` merge the third either way. */
export function mergedStatementVersions(): SourceInput[] {
  const lines = MERGED_STATEMENT_LINES;
  const backward = [
    lines[0],
    'The central bank kept its benchmark interest rate unchanged at 4.5 percent on Wednesday, and policymakers cited stubborn inflation in the services sector.',
    ...lines.slice(3),
  ];
  const forward = [
    ...lines.slice(0, 2),
    'Policymakers cited stubborn inflation in the services sector, and Governor Anna Berg said the bank was prepared to act if price pressures persisted.',
    ...lines.slice(4),
  ];
  return [
    { id: 'a', text: pageOf(lines) },
    { id: 'a2', text: pageOf(lines) },
    { id: 'forward', text: pageOf(forward) },
    { id: 'backward', text: pageOf(backward) },
  ];
}
