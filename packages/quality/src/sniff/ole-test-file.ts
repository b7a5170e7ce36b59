/* Test helper: minimal OLE2 compound files ([MS-CFB] version 3, 512-byte sectors). */

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

export interface OleTestOptions {
  /** The last directory sector points back at the first (a hostile chain). */
  loop?: boolean;
}

function directoryEntry(name: string, type: number, child = NO_STREAM, right = NO_STREAM): Buffer {
  const entry = Buffer.alloc(128);
  entry.write(name, 0, 'utf16le');
  entry.writeUInt16LE((name.length + 1) * 2, 0x40);
  entry[0x42] = type;
  entry[0x43] = 1; // black
  entry.writeUInt32LE(NO_STREAM, 0x44); // left sibling
  entry.writeUInt32LE(right, 0x48);
  entry.writeUInt32LE(child, 0x4c);
  entry.writeUInt32LE(END_OF_CHAIN, 0x74); // no data: sniffing never reads streams
  return entry;
}

/**
 * A compound file whose root storage holds empty streams with the given names
 * (Workbook for XLS, WordDocument for DOC): sector 0 is the FAT, the directory follows.
 */
export function oleFile(streams: readonly string[], options: OleTestOptions = {}): Buffer {
  const entries = [directoryEntry('Root Entry', 5, streams.length > 0 ? 1 : NO_STREAM)];
  streams.forEach((name, i) =>
    entries.push(directoryEntry(name, 2, NO_STREAM, i + 2 <= streams.length ? i + 2 : NO_STREAM)),
  );
  while (entries.length % 4 !== 0) entries.push(Buffer.alloc(128));
  const directorySectors = entries.length / 4;
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  for (let s = 1; s <= directorySectors; s++) {
    const last = s === directorySectors;
    fat.writeUInt32LE(last ? (options.loop ? 1 : END_OF_CHAIN) : s + 1, s * 4);
  }
  return Buffer.concat([header, fat, ...entries]);
}
