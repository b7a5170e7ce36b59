/**
 * Where a worker puts a range's converted text: a slot of memory the main thread lends
 * (shared, reused range after range, so output memory stays a few slots whatever the
 * file size), and only when the text outgrows the slot, buffers of its own that are
 * handed over instead.
 */
export class RangeOutputWriter {
  private length = 0;
  private overflow: Buffer[] | undefined;
  private readonly slot: Buffer;

  constructor(slot: SharedArrayBuffer) {
    this.slot = Buffer.from(slot);
  }

  write(text: string): void {
    if (this.overflow === undefined) {
      const room = this.slot.length - this.length;
      // A UTF-16 code unit takes at most 3 bytes of UTF-8: measure only when it might not fit.
      if (text.length * 3 <= room || Buffer.byteLength(text, 'utf8') <= room) {
        this.length += this.slot.write(text, this.length, 'utf8');
        return;
      }
      this.overflow = [Buffer.from(this.slot.subarray(0, this.length))];
    }
    const piece = Buffer.from(text, 'utf8');
    this.overflow.push(piece);
    this.length += piece.length;
  }

  /** The slot, for a caller that writes into it directly and then tells `wroteInPlace`. */
  get room(): Buffer {
    return this.slot.subarray(this.length);
  }

  /** Counts `length` bytes written straight into `room`. */
  wroteInPlace(length: number): void {
    if (this.overflow !== undefined || length > this.slot.length - this.length)
      throw new Error('not in the slot');
    this.length += length;
  }

  /** Appends UTF-8 bytes (copied). */
  writeBytes(bytes: Uint8Array): void {
    if (this.overflow === undefined) {
      if (bytes.length <= this.slot.length - this.length) {
        this.slot.set(bytes, this.length);
        this.length += bytes.length;
        return;
      }
      this.overflow = [Buffer.from(this.slot.subarray(0, this.length))];
    }
    this.overflow.push(Buffer.from(bytes));
    this.length += bytes.length;
  }

  /** The text's size, and its bytes when they are not in the slot (to be transferred). */
  finish(): { length: number; bytes?: Uint8Array } {
    if (this.overflow === undefined) return { length: this.length };
    const all = Buffer.concat(this.overflow, this.length);
    // Bytes that own their ArrayBuffer (not a slice of Buffer's pool) can be transferred.
    const bytes = all.byteOffset === 0 && all.buffer.byteLength === all.length ? all : new Uint8Array(all);
    return { length: this.length, bytes };
  }
}
