/** A cache that keeps, from one analysis to the next, only what the latest analysis used. */
export class KeptWhileUsed<K, V> {
  private kept = new Map<K, V>();
  private used = new Map<K, V>();

  /** The value for `key`: kept from the last analysis, found earlier in this one, or made now. */
  get(key: K, make: () => V): V {
    let value = this.used.get(key) ?? this.kept.get(key);
    if (value === undefined) value = make();
    this.used.set(key, value);
    return value;
  }

  /** Drops what the analysis that ends did not use. */
  endAnalysis(): void {
    this.kept = this.used;
    this.used = new Map();
  }
}
