import type { RecordRange } from '../delimited/record-ranges.ts';
import type { InferrerState } from '../infer/column-type.ts';
import type { PlannedColumn } from './column-plan.ts';
import type { ConvertedRange, InferredRange, RangeFile } from './range-work.ts';
import type { TextOutputFormat } from './text-output.ts';

/** What the converter's main thread asks a range worker to do (see range-worker.ts). */
export type RangeRequest =
  | { id: number; kind: 'infer'; range: RecordRange }
  | { id: number; kind: 'states' }
  | {
      id: number;
      kind: 'plan';
      columns: PlannedColumn[];
      normalize: boolean;
      to: TextOutputFormat;
      bom: boolean;
    }
  | { id: number; kind: 'convert'; range: RecordRange; firstLine: number; slot: SharedArrayBuffer };

export type RangeResult = InferredRange | InferrerState[] | ConvertedRange | null;

/** A worker's answer: the result, or the error it met (a ConvertError keeps its code and line). */
export type RangeReply =
  | { id: number; result: RangeResult }
  | { id: number; error: { code?: string; message: string; line?: number } };

/** The worker's start-up data. */
export interface RangeWorkerData {
  file: RangeFile;
  columnCount: number;
}
