import { inflateRawSync } from 'node:zlib';
import { DamagedInput, type ByteSource } from './byte-source.ts';

/** One entry of a ZIP central directory. */
export interface ZipDirectoryEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  encrypted: boolean;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipDirectoryEntry[];
  /** The directory held more than the caps allowed; `entries` is the start of it. */
  capped: boolean;
}

export interface ZipDirectoryCaps {
  maxDirectoryBytes: number;
  maxEntries: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8_FLAG = 0x800;
const MAX_COMMENT = 0xffff;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const big5 = new TextDecoder('big5');

/** An entry name: UTF-8 when flagged or valid, else CP950 (zips made on Traditional-Chinese Windows). */
function entryName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return strictUtf8.decode(raw);
  } catch {
    return big5.decode(raw);
  }
}

const u64 = (buffer: Buffer, at: number): number => Number(buffer.readBigUInt64LE(at));

/** Where the central directory is and how many entries it claims, from the end records. */
async function findDirectory(source: ByteSource): Promise<{ offset: number; size: number; count: number }> {
  const tailLength = Math.min(source.size, 22 + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength, 'the ZIP end record');
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new DamagedInput('no ZIP end-of-central-directory record: the archive is truncated');
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  let zip64 = false;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = tailStart + at - 20;
    const locator = await source.read(locatorAt, 20, 'the ZIP64 locator');
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR)
      throw new DamagedInput('a ZIP64 archive without its locator');
    const record = await source.read(u64(locator, 8), 56, 'the ZIP64 end record');
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new DamagedInput('a damaged ZIP64 end record');
    count = u64(record, 32);
    size = u64(record, 40);
    offset = u64(record, 48);
    zip64 = true;
  }
  // Data prepended to the archive (self-extractors) shifts the offsets: trust the end record's position.
  const expected = tailStart + at - size;
  if (!zip64 && offset !== expected && expected >= 0) offset = expected;
  return { offset, size, count };
}

/** The sizes from a ZIP64 extra field, where the 32-bit fields are 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, entry: ZipDirectoryEntry): void {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let at = i + 4;
      const end = Math.min(extra.length, at + length);
      if (entry.uncompressedSize === 0xffffffff && at + 8 <= end) {
        entry.uncompressedSize = u64(extra, at);
        at += 8;
      }
      if (entry.compressedSize === 0xffffffff && at + 8 <= end) entry.compressedSize = u64(extra, at);
      return;
    }
    i += 4 + length;
  }
}

/**
 * Reads a ZIP central directory (the end records and the directory only; nothing is
 * inflated), within the caps. DamagedInput when the archive is truncated or malformed.
 */
export async function readZipDirectory(source: ByteSource, caps: ZipDirectoryCaps): Promise<ZipDirectory> {
  const { offset, size, count } = await findDirectory(source);
  const readable = Math.min(size, caps.maxDirectoryBytes);
  const directory = await source.read(offset, readable, 'the ZIP central directory');
  const entries: ZipDirectoryEntry[] = [];
  let at = 0;
  while (at + 46 <= directory.length && entries.length < Math.min(count, caps.maxEntries)) {
    if (directory.readUInt32LE(at) !== CENTRAL)
      throw new DamagedInput('a damaged ZIP central directory entry');
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) break; // cut by the cap
    const entry: ZipDirectoryEntry = {
      name: entryName(directory.subarray(at + 46, at + 46 + nameLength), (flags & UTF8_FLAG) !== 0),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      encrypted: (flags & 1) !== 0,
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    zip64Sizes(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at = end;
  }
  return { entries, capped: entries.length < count };
}

/**
 * The bytes of one small entry (at most `max` inflated bytes; undefined when larger,
 * encrypted or stored with a method other than store/deflate). Used for ODF `mimetype`.
 */
export async function readSmallZipEntry(
  source: ByteSource,
  entry: ZipDirectoryEntry,
  max: number,
): Promise<Buffer | undefined> {
  if (entry.encrypted || entry.uncompressedSize > max || entry.compressedSize > max * 4) return undefined;
  const header = await source.read(entry.localHeaderOffset, 30, 'a ZIP local header');
  if (header.readUInt32LE(0) !== LOCAL) throw new DamagedInput('a damaged ZIP local header');
  const dataAt = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await source.read(dataAt, entry.compressedSize, 'a ZIP entry');
  if (entry.method === 0) return data;
  if (entry.method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: max });
  } catch {
    return undefined;
  }
}
