import { datasetIdentifier } from '@odp/quality/metadata';

/**
 * 機關代碼 for the demo. The OID registry has no 10-character agency codes, so the
 * demo makes **synthetic demo codes** — not the government's real codes — for the
 * agencies that publish demo datasets, derived from the OID: the arcs after
 * 2.16.886.101, each as its last two digits, padded with 0 to nine digits, then G for
 * a central agency or A for a local one:
 *
 *   2.16.886.101.20003.20008.20004 交通部中央氣象局  → 030804000G
 *   2.16.886.101.90003.20002       臺北市政府       → 030200000A
 *   2.16.886.101.90029.20002.20022 高雄市政府交通局 → 290222000A
 *
 * Deeper OIDs are cut to nine digits; when two agencies would share a code the later
 * one (in catalogue order, so deterministic) gets the last three digits counted up.
 * A code an organisation already has (a real one, or one given earlier) is kept, and a
 * real code a real file gives (313200000G for 經濟部水利署, from its v1 metadata
 * record) is used when free.
 */
export function demoAgencyCode(oid: string, level: 'central' | 'local'): string {
  const arcs = oid
    .replace(/^2\.16\.886\.101\.?/, '')
    .split('.')
    .filter((a) => a !== '');
  const digits = arcs
    .map((a) => String(Number(a) % 100).padStart(2, '0'))
    .join('')
    .slice(0, 9)
    .padEnd(9, '0');
  return `${digits}${level === 'local' ? 'A' : 'G'}`;
}

/** Hands out agency codes and the next 流水號 of each code. */
export class AgencyCodeBook {
  private readonly codeOfOid: Map<string, string>;
  private readonly taken: Set<string>;
  private readonly serials: Map<string, number>;
  private fresh: { oid: string; code: string }[] = [];

  /**
   * @param existing codes organisations already have, by OID
   * @param taken every agency code in use
   * @param lastSerials the highest 流水號 already used under each code
   * @param real real codes known from real files, by OID: used instead of a demo code when free
   */
  constructor(
    existing: ReadonlyMap<string, string>,
    taken: Iterable<string>,
    lastSerials: ReadonlyMap<string, number> = new Map(),
    private readonly real: ReadonlyMap<string, string> = new Map(),
  ) {
    this.codeOfOid = new Map(existing);
    this.taken = new Set([...taken, ...existing.values()]);
    this.serials = new Map(lastSerials);
  }

  codeFor(agency: { oid: string; level: 'central' | 'local' }): string {
    const known = this.codeOfOid.get(agency.oid);
    if (known) return known;
    const real = this.real.get(agency.oid);
    let code = real !== undefined && !this.taken.has(real) ? real : demoAgencyCode(agency.oid, agency.level);
    for (let n = 1; this.taken.has(code); n++) {
      code = `${code.slice(0, 6)}${String(n % 1000).padStart(3, '0')}${code.slice(9)}`;
      if (n > 1000) throw new Error(`No free demo agency code for ${agency.oid}`);
    }
    this.taken.add(code);
    this.codeOfOid.set(agency.oid, code);
    this.fresh.push({ oid: agency.oid, code });
    return code;
  }

  /** The next 資料集編號 of the agency: `<code>-<6-digit serial>`. */
  nextIdentifier(agency: { oid: string; level: 'central' | 'local' }): string {
    const code = this.codeFor(agency);
    const serial = (this.serials.get(code) ?? 0) + 1;
    this.serials.set(code, serial);
    return datasetIdentifier(code, serial);
  }

  /** Codes handed out since the last call, to be stored on their organisations. */
  takeNewCodes(): { oid: string; code: string }[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }
}
