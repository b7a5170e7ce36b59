import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A small ZIP writer (no ZIP64) for the office containers odp writes itself — the
 * demo's generated XLSX/ODS files and test fixtures. Entries are given whole.
 */
export interface ZipEntryRecord {
  name: Buffer;
  /** Sets the language-encoding flag: the name is UTF-8. */
  utf8Name: boolean;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The bytes as stored in the archive. */
  body: Buffer;
  crc: number;
  /** The uncompressed size recorded in the headers. */
  size: number;
}

/** An entry from a name and its content: deflated unless `store` (ODS needs `mimetype` stored). */
export function zipEntry(
  name: string,
  data: Buffer | string,
  options: { store?: boolean } = {},
): ZipEntryRecord {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return {
    name: Buffer.from(name, 'utf8'),
    utf8Name: true,
    method: options.store ? 0 : 8,
    body: options.store ? bytes : deflateRawSync(bytes),
    crc: crc32(bytes),
    size: bytes.length,
  };
}

/** MS-DOS date of 2024-01-01 and time 00:00: a fixed timestamp keeps archives byte-stable. */
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** The archive: local headers and data, the central directory, the end record. */
export function zipArchive(entries: readonly ZipEntryRecord[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const flags = entry.utf8Name ? 0x0800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.body.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(entry.name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.body.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(entry.name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, entry.name, entry.body);
    central.push(header, entry.name);
    offset += local.length + entry.name.length + entry.body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
