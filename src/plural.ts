/** A count and its noun, as every message and report writes it: "1 source", "5 sources". No `vscode` here. */

/** How many times a source prints a sentence it prints again: "printed twice", "printed 3 times". */
export function printedTimes(times: number): string {
  return `printed ${times === 2 ? 'twice' : `${times} times`}`;
}

/** `n` and `noun`, in `pluralNoun` (by default the noun with an "s") unless `n` is 1. */
export function counted(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : pluralNoun}`;
}
