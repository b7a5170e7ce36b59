import { sql } from 'kysely';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import { FACETS, type FacetName } from './search-query.ts';

/**
 * The facet values of every dataset, held in memory so a search counts its facets from
 * its matched ids instead of running one GROUP BY per facet (each re-evaluating the
 * full-text match, the format facet over every resource). Columnar and dictionary-coded:
 * at 1M datasets this is a few tens of MiB, and counting a matched set is one pass.
 *
 * The values are exactly what the SQL facets grouped by: the organisation's level through
 * an inner join (a dataset without an organisation has none), themes, the distinct
 * upper(format) of the resources (upper() in SQL, so each database folds as it did),
 * coalesce(quality_badge, 'none').
 */

/** One facet: its distinct values and, per dataset row, the codes of its values. */
interface FacetColumn {
  values: string[];
  /** Position of each code's value in code-point order (the order of collate "C" / BINARY). */
  rank: Uint32Array;
  /** Row r's value codes are codes[offsets[r]] … codes[offsets[r + 1] - 1]. */
  offsets: Uint32Array;
  codes: Uint32Array;
}

/** Per facet, the matched datasets having each value, by value code. */
export type FacetTallies = Record<FacetName, { values: string[]; rank: Uint32Array; counts: Uint32Array }>;

/** Datasets read per round trip while loading, so memory stays bounded at 1M datasets. */
const LOAD_PAGE = 20_000;

/** Orders UTF-16 strings by code point, as UTF-8 byte order does (JS `<` does not for astral characters). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after U+E000–U+FFFF in code-point order.
    if (x >= 0xd800) x += x <= 0xdfff ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y <= 0xdfff ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}

/** Collects one facet's (row, value) pairs in row order, then freezes them into a column. */
class ColumnBuilder {
  private readonly codeOf = new Map<string, number>();
  readonly values: string[] = [];
  private readonly offsets: number[] = [0];
  private codes: number[] = [];

  /** Adds the values of the next row (a row without a value passes none). */
  row(values: readonly string[]): void {
    for (const value of values) {
      let code = this.codeOf.get(value);
      if (code === undefined) {
        code = this.values.length;
        this.values.push(value);
        this.codeOf.set(value, code);
      }
      this.codes.push(code);
    }
    this.offsets.push(this.codes.length);
  }

  build(): FacetColumn {
    const order = this.values
      .map((_, code) => code)
      .sort((a, b) => compareCodePoints(this.values[a]!, this.values[b]!));
    const rank = new Uint32Array(this.values.length);
    order.forEach((code, position) => (rank[code] = position));
    const column = {
      values: this.values,
      rank,
      offsets: Uint32Array.from(this.offsets),
      codes: Uint32Array.from(this.codes),
    };
    this.codes = [];
    return column;
  }
}

/** Rows as the database names them (read without the camel-case plugin: a million rows). */
interface DatasetFacetRow {
  id: number;
  category_code: string;
  level: string | null;
  publisher_name: string;
  badge: string;
  license: string;
  accrual_periodicity: string;
  type: string;
}

interface ValueRow {
  dataset_id: number;
  value: string;
}

/** Groups (datasetId, value) rows, sorted by datasetId, into a map. */
function byDataset(rows: ValueRow[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const id = Number(r.dataset_id);
    const list = out.get(id);
    if (list) list.push(r.value);
    else out.set(id, [r.value]);
  }
  return out;
}

export class FacetAttributes {
  private constructor(
    /** The catalogue facet stamp the attributes were read at (facet-attribute-cache.ts). */
    readonly stamp: string,
    /** Row of each dataset id plus one (0: not loaded). */
    private readonly rowOf: Int32Array,
    private readonly columns: Record<FacetName, FacetColumn>,
  ) {}

  /** Whether the dataset's values are loaded. */
  has(id: number): boolean {
    return id < this.rowOf.length && this.rowOf[id] !== 0;
  }

  get datasets(): number {
    return this.columns.category.offsets.length - 1;
  }

  /** Reads the facet values of every dataset, a page of ids at a time. */
  static async load(ctx: CatalogueContext, stamp: string): Promise<FacetAttributes> {
    const builders = Object.fromEntries(FACETS.map((f) => [f, new ColumnBuilder()])) as Record<
      FacetName,
      ColumnBuilder
    >;
    const db = ctx.db.withoutPlugins();
    const ids: number[] = [];
    let after = -1;
    for (;;) {
      const page = await sql<DatasetFacetRow>`select d.id, d.category_code, o.level, d.publisher_name,
          coalesce(d.quality_badge, 'none') as badge, d.license, d.accrual_periodicity, d.type
        from datasets d left join organizations o on o.id = d.organization_id
        where d.id > ${after} order by d.id limit ${LOAD_PAGE}`.execute(db);
      if (page.rows.length === 0) break;
      const first = Number(page.rows[0]!.id);
      const last = Number(page.rows[page.rows.length - 1]!.id);
      const themes = byDataset(
        (
          await sql<ValueRow>`select dataset_id, theme_code as value
            from dataset_themes where dataset_id between ${first} and ${last}
            order by dataset_id, theme_code`.execute(db)
        ).rows,
      );
      const formats = byDataset(
        (
          await sql<ValueRow>`select distinct dataset_id, upper(format) as value
            from resources where dataset_id between ${first} and ${last}
            order by dataset_id`.execute(db)
        ).rows,
      );
      for (const r of page.rows) {
        const id = Number(r.id);
        ids.push(id);
        builders.category.row([r.category_code]);
        builders.level.row(r.level === null ? [] : [r.level]);
        builders.agency.row([r.publisher_name]);
        builders.theme.row(themes.get(id) ?? []);
        builders.format.row(formats.get(id) ?? []);
        builders.badge.row([r.badge]);
        builders.licence.row([r.license]);
        builders.frequency.row([r.accrual_periodicity]);
        builders.type.row([r.type]);
      }
      after = last;
    }
    // Ids come in ascending order, so the last is the largest.
    const rowOf = new Int32Array((ids.at(-1) ?? 0) + 1);
    ids.forEach((id, row) => (rowOf[id] = row + 1));
    const columns = Object.fromEntries(FACETS.map((f) => [f, builders[f].build()])) as Record<
      FacetName,
      FacetColumn
    >;
    return new FacetAttributes(stamp, rowOf, columns);
  }

  /**
   * How many of the datasets `ids` have each value of each facet; undefined when an id is
   * not loaded (a dataset created after the attributes were read).
   */
  tally(ids: readonly number[]): FacetTallies | undefined {
    const rows = new Uint32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const row = id < this.rowOf.length ? this.rowOf[id]! : 0;
      if (row === 0) return undefined;
      rows[i] = row - 1;
    }
    const out = {} as FacetTallies;
    for (const facet of FACETS) {
      const { values, rank, offsets, codes } = this.columns[facet];
      const counts = new Uint32Array(values.length);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        for (let k = offsets[row]!, end = offsets[row + 1]!; k < end; k++) counts[codes[k]!]!++;
      }
      out[facet] = { values, rank, counts };
    }
    return out;
  }
}
