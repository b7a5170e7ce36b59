/** @odp/convert: read messy government files into text and tables. */
export type { EncodingConfidence, EncodingName } from './encoding/encoding-name.ts';
export { readByteOrderMark, type ByteOrderMark } from './encoding/bom.ts';
export { measureBig5, looksLikeBig5, type Big5Likelihood } from './encoding/big5.ts';
export { detectEncoding, type DetectedEncoding } from './encoding/detect-encoding.ts';
export { decodeAs, decodeText, type DecodedText } from './encoding/decode-text.ts';
export * from './write/index.ts';
export * from './normalize/index.ts';
export * from './delimited/index.ts';
export * from './infer/index.ts';
export { ConvertError, isConvertError, type ConvertErrorCode } from './errors/convert-error.ts';
export * from './pipeline/index.ts';
export * from './read/index.ts';
