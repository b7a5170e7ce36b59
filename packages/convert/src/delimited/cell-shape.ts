/**
 * The rough shape of a cell, used to tell a header row from a data row: headers are
 * short labels; data rows hold numbers, dates, paths and sentences.
 */
export type CellShape = 'empty' | 'number' | 'date' | 'path' | 'sentence' | 'label';

const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;
const DATE = /^(\d{2,4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{8}|\d{7})([ T]\d{1,2}:\d{2}(:\d{2})?)?$/;
const PATH = /^(https?:\/\/|www\.|\/[\w.-]+\/)|^[\w.-]+@[\w.-]+$/i;
/** Longer than any sensible column label, or written as a sentence. */
const SENTENCE_LENGTH = 40;
const SENTENCE_MARK = /[。，；！？]/;

export function cellShape(raw: string): CellShape {
  const value = raw.trim();
  if (value === '') return 'empty';
  if (NUMBER.test(value)) return 'number';
  if (DATE.test(value)) return 'date';
  if (PATH.test(value)) return 'path';
  if (value.length > SENTENCE_LENGTH || SENTENCE_MARK.test(value)) return 'sentence';
  return 'label';
}

/** A cell a header row would not hold. */
export const looksLikeData = (value: string): boolean => {
  const shape = cellShape(value);
  return shape !== 'empty' && shape !== 'label';
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const ENGLISH_LABEL = /^[A-Za-z][A-Za-z0-9 ,.()'&/:_-]*$/;

/** Share of the non-empty cells that contain Chinese characters. */
export function chineseShare(cells: readonly string[]): number {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length === 0 ? 0 : filled.filter((c) => CJK.test(c)).length / filled.length;
}

/** Share of the non-empty cells that are English words (a translated header row). */
export function englishShare(cells: readonly string[]): number {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return 0;
  return filled.filter((c) => ENGLISH_LABEL.test(c) && /[A-Za-z]{2}/.test(c)).length / filled.length;
}
