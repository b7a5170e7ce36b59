// The B4 DuckDB peer for XLSX, run as its own process like duckdb-copy.ts:
// `node --import tsx bench/peers/duckdb-xlsx.ts <input.xlsx> <output.csv>` runs
// COPY (SELECT * FROM read_xlsx(input)) TO output (FORMAT csv, HEADER true).
// read_xlsx lives in DuckDB's `excel` extension, which is not built in: the bench must
// not download anything while it runs, so installing extensions is switched off and
// the command fails (exit 3, "duckdb: <reason>" on stderr) unless the extension is
// already installed on the machine.
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: duckdb-xlsx.ts <input.xlsx> <output.csv>');
  process.exit(2);
}
const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const instance = await DuckDBInstance.create(':memory:', {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'true',
});
const connection = await instance.connect();
try {
  await connection.run(
    `COPY (SELECT * FROM read_xlsx(${quote(input)})) TO ${quote(output)} (FORMAT csv, HEADER true)`,
  );
} catch (error) {
  const lines = (error as Error).message.split('\n').filter((l) => l.trim() !== '');
  console.error(`duckdb: ${lines.join(' ')}`);
  process.exitCode = 3;
} finally {
  connection.closeSync();
  instance.closeSync();
}
