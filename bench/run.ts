/**
 * `npm run bench -- <name> [options]` runs bench/<name>.bench.ts, which prints its
 * figures and the machine; the output is also saved under bench/results/.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const names = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  console.log(`usage: npm run bench -- <name> [options]\n\nbenchmarks: ${names.join(', ')}`);
  process.exit(name ? 1 : 0);
}
const bench = (await import(path.join(here, `${name}.bench.ts`))) as { run(args: string[]): Promise<void> };
await bench.run(args);
