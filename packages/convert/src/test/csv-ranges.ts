import { readFileSync } from 'node:fs';
import { recordRanges, type RecordRange } from '../delimited/record-ranges.ts';
import type { RangeFile } from '../pipeline/range-work.ts';

/**
 * A UTF-8 CSV with one header row, cut into ranges of about `rangeBytes` as the parallel
 * conversion cuts it, and the RangeFile its range passes share.
 */
export async function csvRanges(
  path: string,
  expectedFieldCount: number,
  rangeBytes: number,
): Promise<{ file: RangeFile; ranges: RecordRange[] }> {
  const head = readFileSync(path).subarray(0, 3);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const ranges: RecordRange[] = [];
  for await (const range of recordRanges(path, { delimiter: 0x2c, skip: bom ? 3 : 0, rangeBytes })) {
    ranges.push(range);
  }
  const file: RangeFile = {
    path,
    encoding: 'UTF-8',
    delimiter: ',',
    maxRecordBytes: 1 << 20,
    dataStartIndex: 1,
    widthRecordIndex: 0,
    expectedFieldCount,
    maxRaggedRows: 10,
  };
  return { file, ranges };
}
