#!/usr/bin/env node
import { AppError } from './errors/app-error.ts';
import { buildProgram } from './cli/program.ts';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError) {
    console.error(`odp: ${error.code}: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
