const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when the bytes are well-formed UTF-8 (no stray, overlong or truncated sequences). */
export function isStrictUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The code point of the UTF-8 character that starts at `at` (well-formed bytes). */
export function codePointAt(b: Uint8Array, at: number): number {
  const c = b[at]!;
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b[at + 1]! & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((b[at + 1]! & 0x3f) << 6) | (b[at + 2]! & 0x3f);
  return ((c & 0x07) << 18) | ((b[at + 1]! & 0x3f) << 12) | ((b[at + 2]! & 0x3f) << 6) | (b[at + 3]! & 0x3f);
}

/** The code point of the last UTF-8 character before `end` (well-formed bytes). */
export function codePointBefore(b: Uint8Array, end: number): number {
  let at = end - 1;
  while ((b[at]! & 0xc0) === 0x80) at--;
  return codePointAt(b, at);
}
