import { parse } from 'csv-parse/sync';
import { OID_PATTERN, type OrganizationLevel } from '@odp/quality/metadata';
import { AppError } from '../../errors/app-error.ts';

/**
 * The government OID registry (政府機關(構)OID, oid.nat.gov.tw GDS.csv): one agency a
 * line, `機關名稱,OID,電話,地址,DN`. The file is not quoted, so phones, foreign
 * addresses and the DN itself (`ou=國史館,o=總統府,c=TW`) spill over several columns,
 * followed by ragged trailing commas. This module reads it into agencies with their
 * parent and level; it writes nothing.
 */
export interface AgencyEntry {
  /** 1-based line of the file. */
  line: number;
  name: string;
  oid: string;
  phone: string | null;
  address: string | null;
  dn: string | null;
  /** The registry entry whose OID is the longest proper prefix of this one (上級機關). */
  parentOid: string | null;
  level: OrganizationLevel;
}

const COLUMNS = ['機關名稱', 'OID', '電話', '地址', 'DN'] as const;
/** Where the DN starts: its first attribute. */
const DN_START = /^(ou|o|l|c|cn|dc|st)=/i;
/** A second phone number after a comma (`089-222580,222417`), not a house number. */
const PHONE_CONTINUATION = /^\d{5,}$/;
/** Every government OID hangs under 2.16.886.101 (Taiwan, government). */
const GOVERNMENT_ARC = '2.16.886.101.';

/**
 * 中央 / 地方, read from the OID tree. The arc after 2.16.886.101 names the branch:
 * 2xxxx are the central organs and everything under them — 20002 總統府, 20003 行政院
 * (2.16.886.101.20003.20008.20004 交通部中央氣象局), 20005 司法院 — and their DNs carry
 * no locality (`ou=國史館,o=總統府,c=TW`). 9xxxx are the counties and cities: 90003
 * 臺北市 (2.16.886.101.90003.20002 臺北市政府, .20002.20010 臺北市政府警察局), 90029 高雄市
 * (2.16.886.101.90029.20002 高雄市政府), 90020 宜蘭縣 (2.16.886.101.90020.20002 宜蘭縣政府),
 * and every DN under them has a locality (`o=市政府,l=臺北市,c=TW`): those are 地方.
 * Outside that arc, a locality in the DN decides.
 */
export function agencyLevel(oid: string, dn: string | null): OrganizationLevel {
  if (oid.startsWith(GOVERNMENT_ARC)) {
    const branch = oid.slice(GOVERNMENT_ARC.length).split('.')[0] ?? '';
    if (branch.startsWith('9')) return 'local';
    if (branch.startsWith('2')) return 'central';
  }
  return dn !== null && /(^|,)\s*l=/i.test(dn) ? 'local' : 'central';
}

/** The longest proper prefix of `oid` (dropping whole arcs) that is in `known`. */
export function parentOidOf(oid: string, known: ReadonlySet<string>): string | null {
  let candidate = oid;
  for (;;) {
    const cut = candidate.lastIndexOf('.');
    if (cut <= 0) return null;
    candidate = candidate.slice(0, cut);
    if (known.has(candidate)) return candidate;
  }
}

function invalid(line: number, column: number, message: string): AppError {
  const name = COLUMNS[column - 1] ?? `column ${column}`;
  return new AppError(
    'IMPORT_INVALID',
    `Agency registry line ${line}, column ${column} (${name}): ${message}`,
    {
      line,
      column,
    },
  );
}

const clean = (cell: string | undefined): string => (cell ?? '').replace(/\s+/g, ' ').trim();

/** Splits the cells after 機關名稱 and OID into phone, address and DN. */
function splitTail(cells: readonly string[]): {
  phone: string | null;
  address: string | null;
  dn: string | null;
} {
  let dnAt = cells.findIndex((c, i) => i >= 3 && DN_START.test(clean(c)));
  if (dnAt < 0) dnAt = cells.length;
  const phone = [clean(cells[2])];
  let i = 3;
  // A phone cell followed by digits only, with address cells still to come, is a second number.
  while (i < dnAt - 1 && PHONE_CONTINUATION.test(clean(cells[i]))) phone.push(clean(cells[i++]));
  const address = cells
    .slice(i, dnAt)
    .map(clean)
    .filter((c) => c !== '')
    .join(',');
  const dn = cells
    .slice(dnAt)
    .map(clean)
    .filter((c) => c !== '')
    .join(',');
  const phoneText = phone.filter((p) => p !== '').join(',');
  return { phone: phoneText || null, address: address || null, dn: dn || null };
}

/**
 * Parses the registry text (UTF-8, BOM optional). Throws IMPORT_INVALID naming the line
 * and column of the first malformed row: a missing name, an OID that is not dotted
 * digits, an OID listed twice, or a header that is not the registry's.
 */
export function parseAgencyRegistry(text: string): AgencyEntry[] {
  let rows: { info: { lines: number }; record: string[] }[];
  try {
    rows = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const line = Number((error as { lines?: unknown }).lines ?? 0);
    throw new AppError('IMPORT_INVALID', `Agency registry line ${line}: ${(error as Error).message}`, {
      line,
    });
  }
  const [header, ...body] = rows;
  if (!header || clean(header.record[0]) !== COLUMNS[0] || clean(header.record[1]) !== COLUMNS[1]) {
    throw invalid(1, 1, `the header must start with ${COLUMNS.join(',')}`);
  }
  const entries: Omit<AgencyEntry, 'parentOid'>[] = [];
  const lineOfOid = new Map<string, number>();
  for (const { info, record } of body) {
    if (record.every((c) => clean(c) === '')) continue;
    const line = info.lines;
    const name = clean(record[0]);
    const oid = clean(record[1]);
    if (name === '') throw invalid(line, 1, 'the agency name is missing');
    if (oid === '') throw invalid(line, 2, `the OID of ${name} is missing`);
    if (!OID_PATTERN.test(oid))
      throw invalid(line, 2, `"${oid}" is not an OID (dotted digits such as 2.16.886.101.20003)`);
    const first = lineOfOid.get(oid);
    if (first !== undefined) throw invalid(line, 2, `OID ${oid} is already used on line ${first}`);
    lineOfOid.set(oid, line);
    const tail = splitTail(record);
    entries.push({ line, name, oid, ...tail, level: agencyLevel(oid, tail.dn) });
  }
  const known = new Set(lineOfOid.keys());
  return entries.map((e) => ({ ...e, parentOid: parentOidOf(e.oid, known) }));
}

/** Number of arcs: parents always have fewer than their children. */
export function oidDepth(oid: string): number {
  return oid.split('.').length;
}
