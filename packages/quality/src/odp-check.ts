#!/usr/bin/env node
// The odp-check command: see cli.ts.
import { runCheckCli } from './cli.ts';

process.exitCode = await runCheckCli(process.argv);
