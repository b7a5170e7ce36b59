import { normaliseDeclaredFormat } from './declared-format.ts';
import { extensionOf } from './inner-format.ts';
import type { SniffedResource, SniffHints } from './sniffed-resource.ts';

/** What the file name and Content-Type claim, kept beside the sniffed format as evidence. */
export function hintedFormats(hints: SniffHints): SniffedResource['hinted'] {
  const { fileName, contentType } = hints;
  if (!fileName && !contentType) return undefined;
  const extension = fileName ? extensionOf(fileName) : '';
  const formats = [extension, contentType ?? '']
    .filter((claim) => claim !== '')
    .map((claim) => normaliseDeclaredFormat(claim).format)
    .filter((format) => format !== undefined);
  return {
    ...(fileName ? { fileName } : {}),
    ...(extension ? { extension } : {}),
    ...(contentType ? { contentType } : {}),
    formats: [...new Set(formats)],
  };
}
