import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Collects a benchmark's lines, prints them, and saves them to bench/results/<date>-<name>.txt. */
export class Report {
  private readonly lines: string[] = [];

  constructor(private readonly name: string) {
    this.line(`# ${name} — ${new Date().toISOString()}`);
    this.line(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
        `${os.platform()} ${os.release()}, Node ${process.versions.node}`,
    );
  }

  line(text: string): void {
    this.lines.push(text);
    console.log(text);
  }

  save(): string {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');
    mkdirSync(dir, { recursive: true });
    // A second run on the same day gets `-2`, `-3` …: earlier results are kept.
    const base = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${this.name}`);
    let file = `${base}.txt`;
    for (let n = 2; existsSync(file); n++) file = `${base}-${n}.txt`;
    writeFileSync(file, `${this.lines.join('\n')}\n`);
    console.log(`saved ${path.relative(process.cwd(), file)}`);
    return file;
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A number for a report line: thousands separated, a fixed number of decimals. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
