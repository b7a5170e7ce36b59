/**
 * A stored file's key: `sha256:` and the lowercase hex SHA-256 of its bytes. Keys come
 * from the database or from hashing, never from a request; every store still checks a
 * key against this pattern before it turns it into a path or an object name, so no key
 * can name anything outside the store.
 */
export const FILE_KEY_PATTERN = /^sha256:([0-9a-f]{64})$/;

/** The key of bytes whose SHA-256 is `hex`. */
export function fileKeyOf(hex: string): string {
  const key = `sha256:${hex}`;
  checkedHex(key);
  return key;
}

/** The hex digest of a valid key; throws for anything else. */
export function checkedHex(fileKey: string): string {
  const match = FILE_KEY_PATTERN.exec(fileKey);
  if (!match) throw new TypeError(`not a file key: ${JSON.stringify(fileKey.slice(0, 80))}`);
  return match[1] as string;
}

/** `ab/abcdef…`: the relative place of a file in a store (two-character fan-out). */
export function fanOutPath(fileKey: string): string {
  const hex = checkedHex(fileKey);
  return `${hex.slice(0, 2)}/${hex}`;
}
