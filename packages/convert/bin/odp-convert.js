#!/usr/bin/env node
// Entry point for `npx odp-convert`.
import { fileURLToPath } from 'node:url';
import { runTypeScriptEntry } from '../../../scripts/ts-bin.mjs';

runTypeScriptEntry(fileURLToPath(new URL('../src/odp-convert.ts', import.meta.url)));
