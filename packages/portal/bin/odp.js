#!/usr/bin/env node
// Entry point for `npx odp`.
import { fileURLToPath } from 'node:url';
import { runTypeScriptEntry } from '../../../scripts/ts-bin.mjs';

runTypeScriptEntry(fileURLToPath(new URL('../src/cli.ts', import.meta.url)));
