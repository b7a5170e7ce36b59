import { isAgencyContactColumn, isFacilityTable } from './column-roles.ts';
import { maskMatch, maskName } from './mask-values.ts';
import {
  ADDRESS_HEADER,
  ADDRESS_SHARE,
  looksLikeAddress,
  looksLikePersonalName,
  NAME_HEADER,
  NAME_SHARE,
} from './personal-names.ts';
import {
  findPersonalPatterns,
  isPersonalMailbox,
  isWholeCell,
  PERSONAL_DATA_KINDS,
  type PatternMatch,
  type PersonalDataKind,
} from './personal-patterns.ts';

/**
 * The privacy guard's scanner (PRODUCT.md C12): one pass over a table's rows, keeping
 * counts, a few row numbers and masked examples — never a raw value.
 *
 * Severity (docs/quality.md, "Privacy guard"):
 * - `block`: identity numbers wherever they are; mobile numbers and e-mail addresses
 *   that are a cell's whole value in a table about people; personal names beside
 *   addresses. A blocking finding fails the `privacy` check.
 * - `review`: mobile numbers inside longer text (a remark, a reply); addresses at a
 *   mailbox provider for the public (gmail.com, yahoo.com.tw, …) inside longer text;
 *   mobiles and e-mails that are the values of a list of places or organisations
 *   (column-roles.ts), usually the place's published contact. The check warns.
 * - not counted: e-mail addresses on government domains (*.gov.tw) and, inside longer
 *   text, at an organisation's own domain; mobiles and e-mails in agency contact columns
 *   (publisherContactEmail, …).
 */

export type PrivacySeverity = 'block' | 'review';
/** `value`: the cell is the data (or a list of it); `text`: it sits inside longer text. */
export type PrivacyPlacement = 'value' | 'text';

/** One cell with personal data (kept only with `keepCells`, for tests and masking). */
export interface PersonalDataCell {
  /** 1 is the first data row. */
  row: number;
  column: string;
  kind: PersonalDataKind;
  severity: PrivacySeverity;
}

export interface PrivacyFinding {
  column: string;
  kind: PersonalDataKind;
  severity: PrivacySeverity;
  placement: PrivacyPlacement;
  /** Cells of this column with this kind of data. */
  count: number;
  /** The first few row numbers (1 is the first data row). */
  rows: number[];
  /** A few distinct masked examples. */
  examples: string[];
}

export interface PrivacyReport {
  rows: number;
  findings: PrivacyFinding[];
  /** Cells with blocking findings, and with findings to review. */
  blockingCells: number;
  reviewCells: number;
  /** Every flagged cell, when asked for with `keepCells`. */
  cells?: PersonalDataCell[];
}

export interface PrivacyScanOptions {
  /** List every flagged cell in the report (tests, masking); off for large tables. */
  keepCells?: boolean;
}

const SAMPLE_ROWS = 5;
const SAMPLE_EXAMPLES = 3;

/** A match the guard counts, with how serious it is. */
export interface JudgedMatch extends PatternMatch {
  severity: PrivacySeverity;
  placement: PrivacyPlacement;
}

/** How the columns of one table are read: whose contacts they hold. */
export interface ColumnRoles {
  facilityTable: boolean;
  agencyContact: ReadonlySet<string>;
}

export function columnRoles(columns: readonly string[]): ColumnRoles {
  return {
    facilityTable: isFacilityTable(columns),
    agencyContact: new Set(columns.filter(isAgencyContactColumn)),
  };
}

/** The identity numbers, mobiles and e-mails of one cell that count, each with its severity. */
export function judgeCell(value: string, column: string, roles: ColumnRoles): JudgedMatch[] {
  const matches = findPersonalPatterns(value);
  if (matches.length === 0) return [];
  const placement: PrivacyPlacement = isWholeCell(value, matches) ? 'value' : 'text';
  const out: JudgedMatch[] = [];
  for (const m of matches) {
    if (m.kind === 'national_id' || m.kind === 'resident_certificate') {
      out.push({ ...m, severity: 'block', placement });
      continue;
    }
    if (roles.agencyContact.has(column)) continue;
    if (placement === 'text') {
      if (m.kind === 'mobile' || isPersonalMailbox(m.text)) out.push({ ...m, severity: 'review', placement });
      continue;
    }
    out.push({ ...m, severity: roles.facilityTable ? 'review' : 'block', placement });
  }
  return out;
}

interface NameColumn {
  nonEmpty: number;
  named: number;
  finding: PrivacyFinding;
  allRows: number[];
}

export class PrivacyScan {
  private readonly columns: readonly string[];
  private readonly keepCells: boolean;
  readonly roles: ColumnRoles;
  private readonly nameColumns = new Map<string, NameColumn>();
  private readonly addressColumns = new Map<string, { nonEmpty: number; addresses: number }>();
  private readonly findings = new Map<string, PrivacyFinding>();
  private readonly cells: PersonalDataCell[] = [];
  private row = 0;

  constructor(columns: readonly string[], options: PrivacyScanOptions = {}) {
    this.columns = columns;
    this.keepCells = options.keepCells ?? false;
    this.roles = columnRoles(columns);
    for (const h of columns) {
      if (NAME_HEADER.test(h.trim()))
        this.nameColumns.set(h, {
          nonEmpty: 0,
          named: 0,
          allRows: [],
          finding: {
            column: h,
            kind: 'personal_name',
            severity: 'block',
            placement: 'value',
            count: 0,
            rows: [],
            examples: [],
          },
        });
      if (ADDRESS_HEADER.test(h.trim())) this.addressColumns.set(h, { nonEmpty: 0, addresses: 0 });
    }
  }

  /** One data row, keyed by column name. */
  add(record: Readonly<Record<string, unknown>>): void {
    this.row++;
    for (const column of this.columns) {
      const raw = record[column];
      if (raw === null || raw === undefined || typeof raw === 'object') continue;
      const value = String(raw);
      if (value.trim() === '') continue;
      const names = this.nameColumns.get(column);
      if (names) {
        names.nonEmpty++;
        if (looksLikePersonalName(value)) {
          names.named++;
          note(names.finding, this.row, maskName(value.trim()));
          if (this.keepCells) names.allRows.push(this.row);
        }
      }
      const address = this.addressColumns.get(column);
      if (address) {
        address.nonEmpty++;
        if (looksLikeAddress(value)) address.addresses++;
      }
      const counted = new Set<string>();
      for (const m of judgeCell(value, column, this.roles)) {
        const { severity, placement } = m;
        const key = `${column}\u0000${m.kind}\u0000${severity}\u0000${placement}`;
        let finding = this.findings.get(key);
        if (!finding) {
          finding = { column, kind: m.kind, severity, placement, count: 0, rows: [], examples: [] };
          this.findings.set(key, finding);
        }
        // A cell counts once per kind, however many numbers it lists.
        if (counted.has(key)) {
          if (finding.examples.length < SAMPLE_EXAMPLES && !finding.examples.includes(maskMatch(m)))
            finding.examples.push(maskMatch(m));
          continue;
        }
        counted.add(key);
        note(finding, this.row, maskMatch(m));
        if (this.keepCells) this.cells.push({ row: this.row, column, kind: m.kind, severity });
      }
    }
  }

  /** True when the table has an address column whose values are addresses. */
  private hasAddresses(): boolean {
    return [...this.addressColumns.values()].some(
      (a) => a.nonEmpty > 0 && a.addresses / a.nonEmpty >= ADDRESS_SHARE,
    );
  }

  finish(): PrivacyReport {
    const found = [...this.findings.values()];
    const cells = [...this.cells];
    if (!this.roles.facilityTable && this.hasAddresses()) {
      for (const [column, names] of this.nameColumns) {
        if (names.named === 0 || names.named / names.nonEmpty < NAME_SHARE) continue;
        found.push(names.finding);
        for (const row of names.allRows)
          cells.push({ row, column, kind: 'personal_name', severity: 'block' });
      }
    }
    const order = new Map(this.columns.map((c, i) => [c, i]));
    found.sort(
      (a, b) =>
        (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0) ||
        PERSONAL_DATA_KINDS.indexOf(a.kind) - PERSONAL_DATA_KINDS.indexOf(b.kind) ||
        a.severity.localeCompare(b.severity),
    );
    cells.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
    const cellsOf = (severity: PrivacySeverity) =>
      found.filter((f) => f.severity === severity).reduce((n, f) => n + f.count, 0);
    return {
      rows: this.row,
      findings: found,
      blockingCells: cellsOf('block'),
      reviewCells: cellsOf('review'),
      ...(this.keepCells ? { cells } : {}),
    };
  }
}

function note(finding: PrivacyFinding, row: number, masked: string): void {
  finding.count++;
  if (finding.rows.length < SAMPLE_ROWS) finding.rows.push(row);
  if (finding.examples.length < SAMPLE_EXAMPLES && !finding.examples.includes(masked))
    finding.examples.push(masked);
}

/** A table in memory: its column names and its rows keyed by them. */
export interface PlainTable {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Scans a table in memory. */
export function scanTable(table: PlainTable, options: PrivacyScanOptions = {}): PrivacyReport {
  const scan = new PrivacyScan(table.columns, options);
  for (const row of table.rows) scan.add(row);
  return scan.finish();
}

/** Scans rows as they stream (a check's table). */
export async function scanRows(
  columns: readonly string[],
  rows: AsyncIterable<Record<string, unknown>>,
  options: PrivacyScanOptions = {},
): Promise<PrivacyReport> {
  const scan = new PrivacyScan(columns, options);
  for await (const row of rows) scan.add(row);
  return scan.finish();
}
