import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/**
 * The English words of the index and in how many datasets each occurs: the vocabulary of
 * "did you mean". Built on first need from the index (fts5vocab on SQLite, ts_stat on
 * PostgreSQL), bounded to the most common words, and rebuilt after an index write in this
 * process or after VOCABULARY_TTL_MS (writes by other processes).
 */
export const VOCABULARY_LIMIT = 20_000;
export const VOCABULARY_TTL_MS = 10 * 60 * 1000;

const cache = new WeakMap<object, { words: Map<string, number>; at: number; generation: number }>();

/** Bumped by every index write in this process, so the next suggestion sees new words. */
let generation = 0;
export function vocabularyChanged(): void {
  generation++;
}

const ENGLISH_WORD = /^[a-z][a-z0-9]*$/;

async function loadWords(db: Kysely<Database>, dialect: DialectName): Promise<Map<string, number>> {
  const rows =
    dialect === 'postgres'
      ? (
          await sql<{
            word: string;
            ndoc: number;
          }>`select word, ndoc from ts_stat('select document from search_documents')
            where word ~ '^[a-z][a-z0-9]*$' order by ndoc desc, word limit ${VOCABULARY_LIMIT}`.execute(db)
        ).rows
      : (
          await sql<{ word: string; ndoc: number }>`select term as word, doc as ndoc from search_fts_vocab
            where term glob '[a-z]*' order by doc desc, term limit ${VOCABULARY_LIMIT}`.execute(db)
        ).rows;
  return new Map(rows.filter((r) => ENGLISH_WORD.test(r.word)).map((r) => [r.word, Number(r.ndoc)]));
}

/** The vocabulary for this database (cached per connection pool). */
export async function englishVocabulary(
  db: Kysely<Database>,
  dialect: DialectName,
  key: object,
  now = Date.now(),
): Promise<Map<string, number>> {
  const hit = cache.get(key);
  if (hit && hit.generation === generation && now - hit.at < VOCABULARY_TTL_MS) return hit.words;
  const words = await loadWords(db, dialect);
  cache.set(key, { words, at: now, generation });
  return words;
}
