/**
 * The text encodings odp recognises. Government files in Taiwan come as UTF-8 (with or
 * without a BOM), as CP950 (Microsoft's Big5, what Excel on a Traditional-Chinese
 * Windows writes) and now and then as UTF-16 from "Unicode text" exports.
 */
export type EncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'CP950';

/**
 * How the encoding was decided:
 * - `bom`: a byte-order mark said so;
 * - `valid`: the bytes are valid in that encoding and in no likelier one (strict UTF-8);
 * - `likely`: a statistical guess (CP950 by its byte ranges and common characters,
 *   UTF-16 without a BOM by its NUL bytes);
 * - `fallback`: nothing fitted; decoded as UTF-8 with U+FFFD for the bad bytes.
 */
export type EncodingConfidence = 'bom' | 'valid' | 'likely' | 'fallback';
