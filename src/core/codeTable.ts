/** An integer-keyed hash table for the hot loops over bigram codes. */

/**
 * A map from 32-bit bigram codes to non-negative numbers, open addressing in typed arrays:
 * several times faster than a `Map` for the millions of lookups of a large corpus.
 */
export class CodeTable {
  private keys: Uint32Array;
  private values: Int32Array;
  private count = 0;

  /** `expected`: how many codes will likely be stored; the table grows past it as needed. */
  constructor(expected = 512) {
    let size = 16;
    while (size < 2 * expected) size *= 2;
    this.keys = new Uint32Array(size);
    this.values = new Int32Array(size).fill(-1);
  }

  /** The number stored for `code`, or -1. */
  get(code: number): number {
    const mask = this.keys.length - 1;
    for (let slot = hashCode(code) & mask; ; slot = (slot + 1) & mask) {
      const value = this.values[slot];
      if (value < 0 || this.keys[slot] === code) return value;
    }
  }

  /** Stores `value` (≥ 0) for a `code` not yet stored. */
  set(code: number, value: number): void {
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    this.place(code, value);
    this.count++;
  }

  private place(code: number, value: number): void {
    const mask = this.keys.length - 1;
    let slot = hashCode(code) & mask;
    while (this.values[slot] >= 0) slot = (slot + 1) & mask;
    this.keys[slot] = code;
    this.values[slot] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    for (let slot = 0; slot < keys.length; slot++) if (values[slot] >= 0) this.place(keys[slot], values[slot]);
  }
}

/** Spreads a bigram code's bits over all 32 (its two characters are often close in value). */
function hashCode(code: number): number {
  let h = Math.imul(code ^ (code >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
