/** Encoding families: names agencies write (UTF8, Big-5, MS950, Unicode …) folded to one key. */
export type EncodingFamily = 'utf-8' | 'big5' | 'utf-16' | 'ascii' | 'latin1';

const FAMILIES: Record<string, EncodingFamily> = {
  utf8: 'utf-8',
  utf8bom: 'utf-8',
  utf8withbom: 'utf-8',
  big5: 'big5',
  cp950: 'big5',
  ms950: 'big5',
  xbig5: 'big5',
  big5hkscs: 'big5',
  windows950: 'big5',
  utf16: 'utf-16',
  utf16le: 'utf-16',
  utf16be: 'utf-16',
  ucs2: 'utf-16',
  unicode: 'utf-16',
  ascii: 'ascii',
  usascii: 'ascii',
  iso88591: 'latin1',
  latin1: 'latin1',
};

/** undefined for names we do not know (they never match). */
export function encodingFamily(name: string | undefined): EncodingFamily | undefined {
  if (!name) return undefined;
  return FAMILIES[
    name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
  ];
}

/** Whether text detected as `detected` may honestly be declared as `declared`. */
export function encodingsAgree(
  declared: EncodingFamily,
  detected: EncodingFamily,
  asciiOnly: boolean,
): boolean {
  if (declared === detected) return true;
  // Pure ASCII bytes read the same in UTF-8, Big5 and Latin-1.
  if (asciiOnly && detected === 'utf-8' && declared !== 'utf-16') return true;
  return false;
}
