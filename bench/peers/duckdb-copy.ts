// The B4 DuckDB peer, run as its own process so that its peak RSS is measured like the
// other commands': `node --import tsx bench/peers/duckdb-copy.ts <json|csv> <input> <output> [encoding]`.
// json: COPY (SELECT * FROM read_csv(input)) TO output (FORMAT json, ARRAY true);
// csv: the same to UTF-8 CSV, reading the input in `encoding` (for the CP950 case).
import { DuckDBInstance } from '@duckdb/node-api';

const [format, input, output, encoding] = process.argv.slice(2);
if ((format !== 'json' && format !== 'csv') || !input || !output) {
  console.error('usage: duckdb-copy.ts <json|csv> <input> <output> [encoding]');
  process.exit(2);
}
const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const source = `read_csv(${quote(input)}${encoding ? `, encoding = ${quote(encoding)}` : ''})`;
const target = format === 'json' ? '(FORMAT json, ARRAY true)' : '(FORMAT csv, HEADER true)';
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  await connection.run(`COPY (SELECT * FROM ${source}) TO ${quote(output)} ${target}`);
} catch (error) {
  console.error(`duckdb: ${(error as Error).message.split('\n')[0]}`);
  process.exitCode = 3;
} finally {
  connection.closeSync();
  instance.closeSync();
}
