import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_GAP_TOKEN, indexTokens } from './tokenize.ts';

/**
 * The token contract of docs/search.md, checked against the real engines: tokens joined
 * by spaces come back unchanged from SQLite FTS5's unicode61 tokenizer and from
 * PostgreSQL's to_tsvector('simple', …) (when DATABASE_URL is a postgres:// URL).
 */
const SAMPLES = [
  '臺北市各區雨量站地價資料 ＣＳＶ １２３',
  '台湾 不动产实价登录 出现干旱',
  'Parking Stations (PM2.5) — Taipei/Kaohsiung, e-mail & Q&A! rainfall_data 1e5 0x1f',
  'Café Σίσυφος ÆØÅ straße İstanbul ǅ ﬁ ＰＭ２．５',
  '𠀋𡘙村 葛\u{E0100}城 データ ｱｲｳ 서울 ㄅㄆㄇ 々 〇',
  'AND OR NOT NEAR and or not near',
];

const tokens = [...new Set(SAMPLES.flatMap((s) => indexTokens(s)))].filter((t) => t !== INDEX_GAP_TOKEN);

describe('token contract: SQLite FTS5 unicode61', () => {
  it('keeps every token unchanged, one FTS5 token each', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec(`create virtual table docs using fts5(body, tokenize = 'unicode61 remove_diacritics 0');
             create virtual table terms using fts5vocab(docs, 'row');`);
    db.prepare('insert into docs (body) values (?)').run(tokens.join(' '));
    const stored = (db.prepare('select term from terms').all() as { term: string }[]).map((r) => r.term);
    expect(new Set(stored)).toEqual(new Set(tokens));
    // Quoted in a MATCH expression, every token (including and/or/not/near) is a plain phrase.
    for (const token of tokens) {
      const hits = db.prepare('select count(*) as n from docs where docs match ?').get(`"${token}"`) as {
        n: number;
      };
      expect(hits.n, token).toBe(1);
    }
    db.close();
  });

  it('keeps the gap token as a token of its own', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec(`create virtual table docs using fts5(body, tokenize = 'unicode61 remove_diacritics 0');
             create virtual table terms using fts5vocab(docs, 'row');`);
    db.prepare('insert into docs (body) values (?)').run(indexTokens('雨量站').join(' '));
    const stored = (db.prepare('select term from terms').all() as { term: string }[]).map((r) => r.term);
    expect(stored).toContain(INDEX_GAP_TOKEN);
    const phrase = db.prepare('select count(*) as n from docs where docs match ?');
    expect((phrase.get('"雨量 量站"') as { n: number }).n).toBe(1);
    expect((phrase.get('"量站 雨"') as { n: number }).n).toBe(0);
    db.close();
  });
});

const url = process.env.DATABASE_URL;
describe.runIf(url?.startsWith('postgres'))('token contract: PostgreSQL to_tsvector simple', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('keeps every token unchanged, one lexeme each', async () => {
    const { rows } = await client.query<{ lexeme: string }>(
      "select unnest(tsvector_to_array(to_tsvector('simple', $1))) as lexeme",
      [tokens.join(' ')],
    );
    expect(new Set(rows.map((r) => r.lexeme))).toEqual(new Set(tokens));
  });

  it('matches a bigram phrase with phraseto_tsquery', async () => {
    const { rows } = await client.query<{ hit: boolean; miss: boolean }>(
      `select to_tsvector('simple', $1) @@ phraseto_tsquery('simple', $2) as hit,
              to_tsvector('simple', $1) @@ phraseto_tsquery('simple', $3) as miss`,
      [indexTokens('內政部不動產實價登錄').join(' '), '實價 價登 登錄', '實價 登錄'],
    );
    expect(rows[0]).toEqual({ hit: true, miss: false });
  });

  it('keeps the gap token, so no phrase matches across it', async () => {
    const { rows } = await client.query<{ gap: boolean; across: boolean }>(
      `select to_tsvector('simple', $1) @@ phraseto_tsquery('simple', $2) as gap,
              to_tsvector('simple', $1) @@ phraseto_tsquery('simple', $3) as across`,
      [indexTokens('雨量站').join(' '), INDEX_GAP_TOKEN, '量站 雨'],
    );
    expect(rows[0]).toEqual({ gap: true, across: false });
  });
});
