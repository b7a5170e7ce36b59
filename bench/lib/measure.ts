import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface Measured {
  seconds: number;
  /** Peak resident memory of the command, in MiB (GNU time's maximum RSS). */
  peakMiB: number;
}

/**
 * Runs a command with GNU time (`/usr/bin/time -f`), its stdout to `stdoutFile` (or
 * discarded) and `env` added to the environment, and returns wall time and peak RSS.
 * Throws when it fails.
 */
export async function measure(
  command: string,
  args: string[],
  stdoutFile?: string,
  env?: Record<string, string>,
): Promise<Measured> {
  const child = spawn('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    stdio: ['ignore', stdoutFile ? 'pipe' : 'ignore', 'pipe'],
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  if (stdoutFile && child.stdout) child.stdout.pipe(createWriteStream(stdoutFile));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const last = stderr.trim().split('\n').pop() ?? '';
  const match = /^([\d.]+) (\d+)$/.exec(last);
  if (code !== 0 || !match)
    throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`);
  return { seconds: Number(match[1]), peakMiB: Number(match[2]) / 1024 };
}
