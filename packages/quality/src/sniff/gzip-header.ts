import { formatFromName } from './inner-format.ts';
import type { ArchiveEvidence } from './sniffed-resource.ts';

const FEXTRA = 0x04;
const FNAME = 0x08;

/** The original file name a gzip header may carry (FNAME), within the head. */
function originalName(head: Buffer): string | undefined {
  const flags = head[3] ?? 0;
  if ((flags & FNAME) === 0) return undefined;
  let at = 10;
  if (flags & FEXTRA) at += 2 + (head.length >= 12 ? head.readUInt16LE(10) : 0);
  const end = head.indexOf(0, at);
  if (end < 0 || end - at > 1024) return undefined;
  return head.toString('latin1', at, end);
}

/**
 * A gzip file holds one stream; its inner format comes from the header's original
 * name, else from the file name without `.gz`. Nothing is inflated.
 */
export function gzipEvidence(head: Buffer, fileName?: string): ArchiveEvidence {
  const name = originalName(head) ?? fileName?.replace(/\.gz$/i, '');
  const format = name ? formatFromName(name) : 'OTHER';
  return { container: 'gzip', entries: 1, innerFormats: [{ format, count: 1 }], names: name ? [name] : [] };
}
