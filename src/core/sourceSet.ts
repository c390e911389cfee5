/** A set of sources as a bit set: the test "do these two share a source" in O(sources / 32). */
export class SourceSet {
  readonly bits: Uint32Array;

  constructor(sourceCount: number, sources: Iterable<number> = []) {
    this.bits = new Uint32Array((sourceCount + 31) >>> 5);
    for (const s of sources) this.bits[s >>> 5] |= 1 << (s & 31);
  }

  disjoint(other: SourceSet): boolean {
    const a = this.bits;
    const b = other.bits;
    for (let i = 0; i < a.length; i++) if (a[i] & b[i]) return false;
    return true;
  }

  copy(): SourceSet {
    const out = new SourceSet(this.bits.length * 32);
    out.addAll(this);
    return out;
  }

  addAll(other: SourceSet): void {
    for (let i = 0; i < this.bits.length; i++) this.bits[i] |= other.bits[i];
  }
}
