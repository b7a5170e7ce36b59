import { DamagedInput, type ByteSource } from './byte-source.ts';

/**
 * A bounded reader of the directory of an OLE2 compound file ([MS-CFB]), the container
 * of legacy Office files (XLS, DOC, PPT): it follows the FAT chain of the directory
 * stream and returns the stream and storage names, reading nothing else.
 */
export interface OleEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
}

const HEADER_BYTES = 512;
const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;
/** DIFAT sectors followed at most (each lists 127 FAT sectors of 512 bytes: ~4 GB of file at 64). */
const MAX_DIFAT_SECTORS = 64;
const ENTRY_BYTES = 128;

class CompoundFile {
  private readonly difat: number[] = [];
  private difatNext: number;
  private difatLeft: number;
  private readonly fatCache = new Map<number, Buffer>();

  constructor(
    private readonly source: ByteSource,
    private readonly header: Buffer,
    readonly sectorSize: number,
  ) {
    for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) this.difat.push(header.readUInt32LE(0x4c + i * 4));
    this.difatNext = header.readUInt32LE(0x44);
    this.difatLeft = Math.min(header.readUInt32LE(0x48), MAX_DIFAT_SECTORS);
  }

  offsetOf(sector: number): number {
    if (sector > MAX_REGULAR_SECTOR) throw new DamagedInput(`OLE2 chain points at special sector ${sector}`);
    return (sector + 1) * this.sectorSize;
  }

  readSector(sector: number, what: string): Promise<Buffer> {
    return this.source.read(this.offsetOf(sector), this.sectorSize, what);
  }

  /** The location of the n-th FAT sector, extending the DIFAT from its chain as needed. */
  private async fatSector(n: number): Promise<number> {
    const perDifat = this.sectorSize / 4 - 1;
    while (n >= this.difat.length && this.difatLeft > 0 && this.difatNext <= MAX_REGULAR_SECTOR) {
      const sector = await this.readSector(this.difatNext, 'an OLE2 DIFAT sector');
      for (let i = 0; i < perDifat; i++) this.difat.push(sector.readUInt32LE(i * 4));
      this.difatNext = sector.readUInt32LE(perDifat * 4);
      this.difatLeft--;
    }
    const location = this.difat[n];
    if (location === undefined || location > MAX_REGULAR_SECTOR)
      throw new DamagedInput('the OLE2 FAT does not cover the directory');
    return location;
  }

  /** The next sector of a chain. */
  async next(sector: number): Promise<number> {
    const perFat = this.sectorSize / 4;
    const n = Math.floor(sector / perFat);
    let fat = this.fatCache.get(n);
    if (!fat) {
      fat = await this.readSector(await this.fatSector(n), 'an OLE2 FAT sector');
      this.fatCache.set(n, fat);
    }
    return fat.readUInt32LE((sector % perFat) * 4);
  }
}

function parseEntries(sector: Buffer, into: OleEntry[]): void {
  for (let at = 0; at + ENTRY_BYTES <= sector.length; at += ENTRY_BYTES) {
    const type = sector[at + 0x42] ?? 0;
    if (type === 0) continue;
    const nameBytes = Math.min(sector.readUInt16LE(at + 0x40), 64);
    const name = sector.toString('utf16le', at, at + Math.max(0, nameBytes - 2));
    into.push({ name, type });
  }
}

/** The entries of a compound file's directory, or DamagedInput. */
export async function readOleDirectory(source: ByteSource, maxSectors: number): Promise<OleEntry[]> {
  const header = await source.read(0, HEADER_BYTES, 'the OLE2 header');
  if (header.readUInt16LE(0x1c) !== 0xfffe)
    throw new DamagedInput('an OLE2 header without its byte-order mark');
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new DamagedInput(`an OLE2 header with sector shift ${shift}`);
  const file = new CompoundFile(source, header, 1 << shift);
  const entries: OleEntry[] = [];
  const seen = new Set<number>();
  let sector = header.readUInt32LE(0x30);
  while (sector !== END_OF_CHAIN) {
    if (seen.has(sector)) throw new DamagedInput('the OLE2 directory chain loops');
    if (seen.size >= maxSectors) break;
    seen.add(sector);
    parseEntries(await file.readSector(sector, 'an OLE2 directory sector'), entries);
    sector = await file.next(sector);
  }
  if (entries[0]?.type !== 5) throw new DamagedInput('an OLE2 directory without its root entry');
  return entries;
}
