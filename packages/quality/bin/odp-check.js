#!/usr/bin/env node
// Entry point for `npx odp-check`.
import { fileURLToPath } from 'node:url';
import { runTypeScriptEntry } from '../../../scripts/ts-bin.mjs';

runTypeScriptEntry(fileURLToPath(new URL('../src/odp-check.ts', import.meta.url)));
