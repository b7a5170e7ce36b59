/**
 * The B2 (and B1) peer: a plain SQLite FTS5 table with the trigram tokenizer over the
 * catalogue's text — title, keywords, 主要欄位說明, description and agency, one
 * column each — of the datasets the public can list, as anyone would build it in an
 * afternoon.
 *
 * A query is split on white space; each word of 3 or more characters becomes an FTS5
 * phrase, ANDed, ranked by bm25. FTS5's trigram tokenizer matches nothing for a
 * substring shorter than 3 characters, and its documentation points to LIKE for those
 * (the trigram index serves LIKE too, but a pattern shorter than 3 characters is a
 * table scan): so each 1- or 2-character word becomes `LIKE '%word%'` on any column,
 * ANDed with the rest. A query of short words only has no bm25 (no MATCH) and comes
 * back in table order (identifier order). No folding of 臺/台, width or script, no
 * spelling correction: that is the point of the comparison. `shortWords: 'drop'` is
 * the plainer still variant that sends every word to MATCH, so a 1- or 2-character
 * word matches nothing.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { CatalogueDoc } from './catalogue.ts';

const COLUMNS = ['title', 'keywords', 'fields', 'description', 'agency'] as const;

export interface BaselineOptions {
  /** Words shorter than 3 characters: `like` (the default) or `drop` (MATCH them: no rows). */
  shortWords?: 'like' | 'drop';
}

export class Fts5Baseline {
  private readonly db: BetterSqlite3.Database;
  private readonly shortWords: 'like' | 'drop';

  constructor(docs: readonly CatalogueDoc[], options: BaselineOptions = {}) {
    this.shortWords = options.shortWords ?? 'like';
    this.db = new BetterSqlite3(':memory:');
    this.db.exec(
      `create virtual table catalogue using fts5(identifier unindexed, ${COLUMNS.join(', ')}, tokenize = 'trigram')`,
    );
    const insert = this.db.prepare(
      `insert into catalogue (identifier, ${COLUMNS.join(', ')}) values (?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const d of docs)
        insert.run(
          d.identifier,
          [d.titleZh, d.titleEn].filter(Boolean).join(' '),
          d.keywords.join(' '),
          d.fieldDescription,
          [d.descriptionZh, d.descriptionEn].filter(Boolean).join('\n'),
          [d.agencyZh, d.agencyEn].filter(Boolean).join(' '),
        );
    })();
  }

  /** The SQL and parameters for a query (exposed for the README and tests). */
  static plan(
    query: string,
    limit: number,
    shortWords: 'like' | 'drop' = 'like',
  ): { sql: string; params: (string | number)[] } | null {
    const words = query.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return null;
    const long = shortWords === 'drop' ? words : words.filter((w) => [...w].length >= 3);
    const short = shortWords === 'drop' ? [] : words.filter((w) => [...w].length < 3);
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (long.length) {
      where.push('catalogue match ?');
      params.push(long.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND '));
    }
    for (const w of short) {
      where.push(`(${COLUMNS.map((c) => `${c} like ? escape '\\'`).join(' or ')})`);
      const pattern = `%${w.replace(/[\\%_]/g, '\\$&')}%`;
      for (let i = 0; i < COLUMNS.length; i++) params.push(pattern);
    }
    const order = long.length ? 'bm25(catalogue), rowid' : 'rowid';
    params.push(limit);
    return {
      sql: `select identifier from catalogue where ${where.join(' and ')} order by ${order} limit ?`,
      params,
    };
  }

  search(query: string, limit = 50): string[] {
    const plan = Fts5Baseline.plan(query, limit, this.shortWords);
    if (!plan) return [];
    return this.db
      .prepare<(string | number)[], { identifier: string }>(plan.sql)
      .all(...plan.params)
      .map((r) => r.identifier);
  }

  close(): void {
    this.db.close();
  }
}
