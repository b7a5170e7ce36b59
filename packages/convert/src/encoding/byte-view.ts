/** A DataView of the bytes last asked for (a range's buffer is read cell after cell). */
let viewed: Uint8Array | undefined;
let view: DataView = new DataView(new ArrayBuffer(0));

/** A DataView over `b`, for reading four bytes at a time; the same one while `b` is. */
export function viewOf(b: Uint8Array): DataView {
  if (b !== viewed) {
    viewed = b;
    view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  return view;
}
