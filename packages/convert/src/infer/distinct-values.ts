import { viewOf } from '../encoding/byte-view.ts';

/** What DistinctValues.insert did. */
export const PRESENT = 0;
export const ADDED = 1;
export const FULL = -1;

/** A hash of b[start, end), taken four bytes at a time (FNV-1a's constants, on words). */
export function hashBytes(b: Uint8Array, start: number, end: number): number {
  const words = viewOf(b);
  let hash = 0x811c9dc5 | 0;
  let j = start;
  for (; j + 4 <= end; j += 4) hash = Math.imul(hash ^ words.getInt32(j, true), 0x01000193);
  for (; j < end; j++) hash = Math.imul(hash ^ b[j]!, 0x01000193);
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
}

/** Scratch space for encoding strings (grown as needed, shared: one insert at a time). */
let scratch = Buffer.allocUnsafe(4096);

/**
 * A column's distinct values, kept as UTF-8 bytes in an open-addressing hash table, up to
 * a cap (ADR 0010). Pass 1's byte path inserts a cell straight from the input's bytes,
 * without making a string; the string path encodes its value first. For well-formed text
 * two values are equal exactly when their UTF-8 bytes are; strings with a lone surrogate
 * (which UTF-8 cannot hold) are kept apart, as strings, so they are counted exactly too.
 */
export class DistinctValues {
  private slots = new Int32Array(64);
  private mask = 63;
  private hashes: Int32Array;
  private offsets: Int32Array;
  private lengths: Int32Array;
  private arena: Buffer;
  private arenaView: DataView;
  private used = 0;
  private count = 0;
  private readonly illFormed = new Set<string>();

  constructor(private readonly cap: number) {
    const entries = Math.min(cap, 256);
    this.hashes = new Int32Array(entries);
    this.offsets = new Int32Array(entries);
    this.lengths = new Int32Array(entries);
    this.arena = Buffer.allocUnsafe(16 * entries);
    this.arenaView = new DataView(this.arena.buffer, this.arena.byteOffset, this.arena.byteLength);
  }

  get size(): number {
    return this.count + this.illFormed.size;
  }

  /** Adds b[start, end) unless it is there already or the set is full: PRESENT, ADDED or FULL. */
  insert(b: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(b, start, end);
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const e = entry - 1;
      if (this.hashes[e] === hash && this.lengths[e] === length && this.equals(e, b, start, length))
        return PRESENT;
      slot = (slot + 1) & this.mask;
    }
    if (this.size >= this.cap) return FULL;
    const e = this.count;
    if (e === this.hashes.length) this.growEntries();
    if (2 * (e + 1) > this.slots.length) slot = this.growSlots(hash);
    if (this.used + length > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.arena.length, this.used + length));
      this.arena.copy(bigger, 0, 0, this.used);
      this.arena = bigger;
      this.arenaView = new DataView(bigger.buffer, bigger.byteOffset, bigger.byteLength);
    }
    for (let j = 0; j < length; j++) this.arena[this.used + j] = b[start + j]!;
    this.hashes[e] = hash;
    this.offsets[e] = this.used;
    this.lengths[e] = length;
    this.used += length;
    this.count++;
    this.slots[slot] = e + 1;
    return ADDED;
  }

  /** insert() for a string. */
  insertString(value: string): number {
    if (!value.isWellFormed()) {
      if (this.illFormed.has(value)) return PRESENT;
      if (this.size >= this.cap) return FULL;
      this.illFormed.add(value);
      return ADDED;
    }
    if (3 * value.length > scratch.length)
      scratch = Buffer.allocUnsafe(Math.max(3 * value.length, 2 * scratch.length));
    return this.insert(scratch, 0, scratch.write(value, 0, 'utf8'));
  }

  /** The values as strings, in insertion order (the well-formed ones first). */
  values(): string[] {
    const values: string[] = [];
    for (let e = 0; e < this.count; e++) {
      values.push(this.arena.toString('utf8', this.offsets[e], this.offsets[e]! + this.lengths[e]!));
    }
    for (const value of this.illFormed) values.push(value);
    return values;
  }

  private equals(e: number, b: Uint8Array, start: number, length: number): boolean {
    const at = this.offsets[e]!;
    const words = viewOf(b);
    const stored = this.arenaView;
    let j = 0;
    for (; j + 4 <= length; j += 4) if (stored.getInt32(at + j) !== words.getInt32(start + j)) return false;
    for (; j < length; j++) if (this.arena[at + j] !== b[start + j]) return false;
    return true;
  }

  /** Doubles the table, and returns the free slot for `hash` (not in the table). */
  private growSlots(hash: number): number {
    this.slots = new Int32Array(2 * this.slots.length);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let slot = this.hashes[e]! & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = e + 1;
    }
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    return slot;
  }

  private growEntries(): void {
    const size = Math.min(this.cap, 2 * this.hashes.length);
    const hashes = new Int32Array(size);
    const offsets = new Int32Array(size);
    const lengths = new Int32Array(size);
    hashes.set(this.hashes);
    offsets.set(this.offsets);
    lengths.set(this.lengths);
    this.hashes = hashes;
    this.offsets = offsets;
    this.lengths = lengths;
  }
}
