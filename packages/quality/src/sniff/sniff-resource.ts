import { open } from 'node:fs/promises';
import { ByteSource, DamagedInput } from './byte-source.ts';
import { formatTraits } from './format-traits.ts';
import { gzipEvidence } from './gzip-header.ts';
import { readSignature } from './magic-numbers.ts';
import { classifyOle } from './ole-contents.ts';
import { readOleDirectory } from './ole-directory.ts';
import { hintedFormats } from './hints.ts';
import { sniffText, type TextVerdict } from './sniff-text.ts';
import {
  DEFAULT_SNIFF_LIMITS,
  type SniffedResource,
  type SniffLimits,
  type SniffOptions,
} from './sniffed-resource.ts';
import { classifyZip } from './zip-contents.ts';
import { readZipDirectory } from './zip-directory.ts';

type Verdict = TextVerdict & Pick<SniffedResource, 'archive'>;

async function sniffBytes(
  source: ByteSource,
  head: Buffer,
  limits: SniffLimits,
  options: SniffOptions,
): Promise<Verdict> {
  const partial = head.length < source.size;
  const signature = readSignature(head);
  switch (signature.kind) {
    case 'format':
      return { format: signature.format, certainty: 'certain', reason: signature.reason };
    case 'zip': {
      const directory = await readZipDirectory(source, {
        maxDirectoryBytes: limits.maxZipDirectoryBytes,
        maxEntries: limits.maxZipEntries,
      });
      const { format, reason, archive } = await classifyZip(source, directory);
      return { format, certainty: 'certain', reason, archive };
    }
    case 'ole': {
      const entries = await readOleDirectory(source, limits.maxOleDirectorySectors);
      const { format, reason, archive } = classifyOle(entries);
      return { format, certainty: format === 'UNKNOWN' ? 'none' : 'certain', reason, archive };
    }
    case 'gzip': {
      const archive = gzipEvidence(head, options.fileName);
      const inner = archive.names[0] ? ` holding ${archive.names[0]}` : '';
      return { format: 'GZ', certainty: 'certain', reason: `gzip stream${inner}`, archive };
    }
    case 'none':
      return sniffText(head, partial);
  }
}

/**
 * What a fetched file really is, from its bytes: magic numbers, the ZIP central
 * directory or OLE2 directory for containers, and for text the encoding, JSON / XML /
 * HTML structure or delimiter counts over the head. The hints (Content-Type, file
 * name) are recorded as evidence only.
 *
 * Bounded: reads at most `limits.maxHeadBytes` from the start, plus the directories
 * of ZIP and OLE2 files within their caps. Truncated or hostile input gives format
 * UNKNOWN with a reason; only a file that cannot be opened rejects.
 */
export async function sniffResource(path: string, options: SniffOptions = {}): Promise<SniffedResource> {
  const limits: SniffLimits = { ...DEFAULT_SNIFF_LIMITS, ...options.limits };
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const source = new ByteSource(handle, size);
    const head = await source.readUpTo(0, Math.max(1, limits.maxHeadBytes));
    let verdict: Verdict;
    if (size === 0) verdict = { format: 'UNKNOWN', certainty: 'none', reason: 'the file is empty' };
    else {
      try {
        verdict = await sniffBytes(source, head, limits, options);
      } catch (error) {
        // Hostile or truncated bytes must not crash a sweep: report them instead.
        const what = readSignature(head).kind;
        const container = what === 'zip' ? 'ZIP' : what === 'ole' ? 'OLE2 (XLS/DOC)' : 'file';
        const message = error instanceof Error ? error.message : String(error);
        const damaged = error instanceof DamagedInput ? 'damaged' : 'unreadable';
        verdict = { format: 'UNKNOWN', certainty: 'none', reason: `a ${damaged} ${container}: ${message}` };
      }
    }
    const hinted = hintedFormats(options);
    return {
      ...verdict,
      ...formatTraits(verdict),
      size,
      headBytes: head.length,
      ...(hinted ? { hinted } : {}),
    };
  } finally {
    await handle.close();
  }
}
