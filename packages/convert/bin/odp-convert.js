#!/usr/bin/env node
// Entry point for `npx odp-convert`: runs the TypeScript CLI through tsx with Node >= 22.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const runner = path.resolve(here, '../../../scripts/run-node24.cjs');
const tsx = require.resolve('tsx');
const child = spawn(
  process.execPath,
  [runner, '--import', tsx, path.resolve(here, '../src/odp-convert.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
