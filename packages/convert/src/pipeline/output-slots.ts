/**
 * The shared memory a parallel conversion lends its workers for their output: a fixed
 * number of slots, each taken for one range and released once its bytes are written.
 * Output memory is then bounded by the slots however big the file, and nothing waits
 * for the garbage collector to free transferred buffers.
 */
export class OutputSlots {
  private readonly free: SharedArrayBuffer[];

  constructor(count: number, bytes: number) {
    this.free = Array.from({ length: count }, () => new SharedArrayBuffer(bytes));
  }

  available(): boolean {
    return this.free.length > 0;
  }

  take(): SharedArrayBuffer {
    const slot = this.free.pop();
    if (!slot) throw new Error('no output slot is free');
    return slot;
  }

  release(slot: SharedArrayBuffer): void {
    this.free.push(slot);
  }
}
