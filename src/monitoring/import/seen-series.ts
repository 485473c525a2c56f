import type { MeasurementInput } from '../measurement.js';

/**
 * Finds a row that repeats an earlier row's indicator, scope and period, in bounded memory for files of millions of
 * rows: each series is kept as a 53-bit hash with the first row's number and 29 bits of a second hash beside it, so a
 * false match needs both hashes to collide (about 1 in 10^13 for a million rows). The table is open addressing over
 * two Float64Arrays (16 bytes a slot, at most half full): a Map of the same entries took several times the memory.
 */
export class SeenSeries {
  private keys = new Float64Array(1 << 16);
  private values = new Float64Array(1 << 16);
  private size = 0;

  /** The earlier row with the same series, or null (and the row is remembered). Rows up to 16,777,215. */
  firstRowOf(m: MeasurementInput, row: number): number | null {
    const key = `${m.indicatorCode}\u0001${m.scope}\u0001${m.period.start}\u0001${m.period.end}`;
    // 0 marks an empty slot, so a hash of 0 is moved to 1; the second hash still tells series apart.
    const h = hash53(key, 0) || 1;
    const check = hash53(key, 0x9e3779b9) % CHECK_RANGE;
    const mask = this.keys.length - 1;
    let slot = h % this.keys.length;
    while (this.keys[slot] !== 0) {
      if (this.keys[slot] === h && this.values[slot]! % CHECK_RANGE === check) return Math.floor(this.values[slot]! / CHECK_RANGE);
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = h;
    this.values[slot] = row * CHECK_RANGE + check;
    if (++this.size * 2 > this.keys.length) this.grow();
    return null;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Float64Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      let slot = keys[i]! % this.keys.length;
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i]!;
      this.values[slot] = values[i]!;
    }
  }
}

const CHECK_RANGE = 2 ** 29;

/** cyrb53: a fast, well-mixed 53-bit string hash. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
