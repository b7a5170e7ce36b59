import type { Writable } from 'node:stream';

/** A typed cell value after conversion; null is "no value". */
export type CellValue = string | number | boolean | null;

/** The columns a writer needs: final names, with an optional description. */
export interface SinkColumn {
  name: string;
  description?: string;
}

/** Where converted rows go, one at a time: every writer implements it. */
export interface TableSink {
  write(row: readonly CellValue[]): Promise<void>;
  /** Many rows at once, built into one piece of text (the delimited fast path). */
  writeRows?(rows: readonly (readonly CellValue[])[]): Promise<void>;
  /** Finishes the document (closing brackets, footers) and ends nothing else. */
  end(): Promise<void>;
}

/** Writes text (or its UTF-8 bytes) to a stream, waiting when the stream asks to (bounded memory). */
export async function writeText(out: Writable, text: string | Uint8Array): Promise<void> {
  if (text.length === 0) return;
  if (!out.write(text)) {
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        out.off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        out.off('drain', onDrain);
        reject(error);
      };
      out.once('drain', onDrain);
      out.once('error', onError);
    });
  }
}

/** Collects small writes and passes them on in pieces of 16 K characters: one stream write per row is slow. */
export class TextOutput {
  private pending: string[] = [];
  private size = 0;

  constructor(
    private readonly out: Writable,
    private readonly limit = 16 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= this.limit) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    await writeText(this.out, text);
  }
}
