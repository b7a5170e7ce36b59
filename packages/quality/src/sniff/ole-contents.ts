import type { OleEntry } from './ole-directory.ts';
import type { ArchiveEvidence, SniffedFormat } from './sniffed-resource.ts';

export interface OleVerdict {
  format: SniffedFormat;
  reason: string;
  archive: ArchiveEvidence;
}

/** Streams that make a compound file a workbook, a Word document or a presentation. */
const KINDS: readonly [string, SniffedFormat][] = [
  ['Workbook', 'XLS'],
  ['Book', 'XLS'],
  ['WordDocument', 'DOC'],
  ['PowerPoint Document', 'PPT'],
];

/** XLS, DOC or PPT from the stream names of an OLE2 directory; UNKNOWN for anything else. */
export function classifyOle(entries: readonly OleEntry[]): OleVerdict {
  const streams = entries.filter((e) => e.type === 2).map((e) => e.name);
  const names = new Set(streams);
  const encrypted = names.has('EncryptedPackage');
  const archive: ArchiveEvidence = {
    container: 'ole',
    entries: streams.length,
    innerFormats: [],
    names: streams.slice(0, 20),
    encrypted,
  };
  for (const [stream, format] of KINDS) {
    if (names.has(stream)) return { format, reason: `OLE2 compound file with a ${stream} stream`, archive };
  }
  const reason = encrypted
    ? 'a password-protected Office file (OLE2 EncryptedPackage): its format cannot be read'
    : `an OLE2 compound file with no Workbook, WordDocument or PowerPoint stream (${streams.slice(0, 5).join(', ')})`;
  return { format: 'UNKNOWN', reason, archive };
}
