#!/usr/bin/env node
// The odp-convert command: see cli.ts.
import { runConvertCli } from './cli.ts';

process.exitCode = await runConvertCli(process.argv);
