import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/* Test helpers for the container readers (XLSX, ODS, DOCX, ZIP). */

/** One file to put in a test archive. */
export interface TestZipEntry {
  /** A string is written as UTF-8 with the UTF-8 flag; a Buffer as is (e.g. CP950), unflagged. */
  name: string | Buffer;
  data: Buffer;
  /** Store instead of deflating (ODS `mimetype`). */
  store?: boolean;
  /** Lie about the uncompressed size (zip bomb fixtures). */
  declaredSize?: number;
  /** Data already deflated (raw), with its real uncompressed size in `declaredSize`. */
  deflated?: boolean;
}

/**
 * A minimal ZIP writer for test fixtures (no dependency: `yazl` is not installed). Writes
 * local headers, the central directory and the end record; no ZIP64.
 */
export function writeTestZip(path: string, entries: readonly TestZipEntry[]): void {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const flags = typeof entry.name === 'string' ? 0x800 : 0;
    const method = entry.store ? 0 : 8;
    const body = entry.store || entry.deflated ? entry.data : deflateRawSync(entry.data);
    const crc = entry.deflated ? 0 : crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...parts, directory, end]));
}
