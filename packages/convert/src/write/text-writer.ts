import type { Writable } from 'node:stream';
import { TextOutput, type TableSink } from './table-sink.ts';
import type { TextFormat } from './text-format.ts';

/** A TableSink streaming a TextFormat's document to `out`, in pieces of about 16 K characters. */
export function createTextWriter(out: Writable, format: TextFormat): TableSink {
  const output = new TextOutput(out);
  let count = 0;
  const lead = () => (count++ === 0 ? format.begin : format.separator);
  return {
    async write(row) {
      await output.write(lead() + format.row(row));
    },
    async writeRows(rows) {
      let text = '';
      for (const row of rows) text += lead() + format.row(row);
      await output.write(text);
    },
    async end() {
      await output.write(count === 0 ? format.empty : format.end);
      await output.flush();
    },
  };
}
