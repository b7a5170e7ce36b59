// Runs a TypeScript entry file of this repository as a command: through tsx, with
// Node >= 22 (scripts/run-node24.cjs installs Node 24 where the machine's is older).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export function runTypeScriptEntry(entry) {
  const runner = path.join(here, 'run-node24.cjs');
  const child = spawn(
    process.execPath,
    // A smaller young generation keeps streaming conversions well under 300 MB (bench B4).
    [runner, '--max-semi-space-size=16', '--import', require.resolve('tsx'), entry, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
}
