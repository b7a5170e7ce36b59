import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { availableParallelism } from 'node:os';
import { AppError } from '../../errors/app-error.ts';

/**
 * The process's one DuckDB (in memory; it reads the tables' Parquet files) and a small
 * pool of its connections: a query takes a connection, runs alone on it, and gives it
 * back, so interrupting a connection at the time limit stops exactly that query.
 * Every value reaches DuckDB as a bound parameter; the SQL text holds only quoted
 * identifiers chosen from a table's own fields.
 */

/** A query's column names and rows (JSON-safe values: numbers, strings, booleans, nulls). */
export interface EngineResult {
  columns: string[];
  rows: unknown[][];
}

export type EngineValue = string | number | boolean | bigint | null;

/** `"name"` with inner quotes doubled: an identifier DuckDB reads as itself, whatever it holds. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A DuckDB value as plain JSON: exact integers as numbers, wider ones as text. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value === null || typeof value !== 'object') return value;
  return String(value);
}

export class TableEngine {
  readonly #maxConnections: number;
  #instance: Promise<DuckDBInstance> | undefined;
  readonly #idle: DuckDBConnection[] = [];
  readonly #waiting: ((connection: DuckDBConnection) => void)[] = [];
  #opened = 0;
  /** Queries stopped at their time limit (for tests and logs). */
  interrupted = 0;

  constructor(maxConnections = Math.max(2, Math.min(8, availableParallelism()))) {
    this.#maxConnections = maxConnections;
  }

  async #acquire(): Promise<DuckDBConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#opened < this.#maxConnections) {
      this.#opened++;
      try {
        this.#instance ??= DuckDBInstance.create(':memory:', { enable_external_access: 'true' });
        return await (await this.#instance).connect();
      } catch (error) {
        this.#opened--;
        throw error;
      }
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(connection: DuckDBConnection): void {
    const next = this.#waiting.shift();
    if (next) next(connection);
    else this.#idle.push(connection);
  }

  /**
   * Runs one statement with bound values, interrupted after `timeoutMs`
   * (AppError QUERY_TIMEOUT). Time spent waiting for a connection counts too.
   */
  async run(sql: string, values: readonly EngineValue[], timeoutMs: number): Promise<EngineResult> {
    const started = Date.now();
    const connection = await this.#acquire();
    let timedOut = false;
    const remaining = Math.max(1, timeoutMs - (Date.now() - started));
    const timer = setTimeout(() => {
      timedOut = true;
      connection.interrupt();
    }, remaining);
    try {
      const reader = await connection.runAndReadAll(sql, values as DuckDBValue[]);
      return {
        columns: reader.columnNames(),
        rows: reader.getRowsJS().map((row) => row.map(plain)),
      };
    } catch (error) {
      if (timedOut) {
        this.interrupted++;
        throw new AppError(
          'QUERY_TIMEOUT',
          `The query was stopped after ${timeoutMs} ms; narrow it with filters or a smaller limit`,
          { timeoutMs },
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
      this.#release(connection);
    }
  }
}

/** The process's engine: one DuckDB instance for every table. */
export const tableEngine = new TableEngine();
