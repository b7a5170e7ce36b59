import { parentPort, workerData } from 'node:worker_threads';
import { isConvertError } from '../errors/convert-error.ts';
import { ColumnTypeInferrer } from '../infer/column-type.ts';
import { planColumns } from './column-plan.ts';
import { jsonByteRows } from './json-byte-rows.ts';
import type { RangeReply, RangeRequest, RangeWorkerData } from './range-messages.ts';
import { convertRange, inferRange, type RangeOutput } from './range-work.ts';
import { textFormatFor, writesText } from './text-output.ts';

/**
 * A worker thread of a parallel conversion: runs pass 1 over the ranges it is given
 * (keeping its own inferrers, merged by the main thread at the end), then pass 2 with
 * the plan the main thread sends. Replies carry the request's id.
 */
const { file, columnCount } = workerData as RangeWorkerData;
const inferrers = Array.from({ length: columnCount }, () => new ColumnTypeInferrer());
let output: RangeOutput | undefined;
const port = parentPort!;

async function answer(request: RangeRequest): Promise<RangeReply> {
  switch (request.kind) {
    case 'infer':
      return { id: request.id, result: await inferRange(file, request.range, inferrers) };
    case 'states':
      return { id: request.id, result: inferrers.map((inferrer) => inferrer.state()) };
    case 'plan': {
      const plan = planColumns(request.columns, { normalize: request.normalize });
      output = {
        plan,
        format: textFormatFor(request.to, plan, { bom: request.bom }),
        normalize: request.normalize,
        asText: writesText(request.to),
        bytes: jsonByteRows(plan, { ...request, encoding: file.encoding, delimiter: file.delimiter }),
      };
      return { id: request.id, result: null };
    }
    case 'convert': {
      if (!output) throw new Error('convert before plan');
      return {
        id: request.id,
        result: await convertRange(file, request.range, request.firstLine, output, request.slot),
      };
    }
  }
}

// One request at a time: a range's buffers are reused by the next.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: RangeRequest) => {
  queue = queue.then(() => reply(request));
});

function reply(request: RangeRequest): Promise<void> {
  return answer(request).then(
    (answered) => {
      const result = 'result' in answered ? answered.result : null;
      const transfer =
        result && 'bytes' in result && result.bytes ? [result.bytes.buffer as ArrayBuffer] : [];
      port.postMessage(answered, transfer);
    },
    (error: unknown) => {
      const failed: RangeReply = isConvertError(error)
        ? {
            id: request.id,
            error: { code: error.code, message: error.message, ...(error.line ? { line: error.line } : {}) },
          }
        : { id: request.id, error: { message: error instanceof Error ? error.message : String(error) } };
      port.postMessage(failed);
    },
  );
}
