import type { FastifyInstance } from 'fastify';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { usageEventFor } from './usage-event.ts';
import { UsageRecorder, type UsageRecorderOptions } from './usage-recorder.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The buffer of counted requests (docs/counting.md); closed with the app. */
    usageRecorder: UsageRecorder;
  }
}

export interface UsageRecordingOptions extends UsageRecorderOptions {
  /** The clock events are stamped with (tests pass a simulated one). */
  now?: () => Date;
}

/**
 * Counts page views, downloads and API calls as responses finish (onResponse runs after
 * the response is sent, so it adds nothing to the reader's wait), into a buffer that is
 * written in batches. Register on the root instance so every route is seen.
 */
export function registerUsageRecording(
  app: FastifyInstance,
  catalogue: CatalogueContext,
  options: UsageRecordingOptions = {},
): UsageRecorder {
  const now = options.now ?? (() => new Date());
  const recorder = new UsageRecorder(catalogue, {
    onError: (error) => app.log.warn({ err: error }, 'usage events not written yet; kept for the next flush'),
    ...options,
  });
  app.decorate('usageRecorder', recorder);
  app.addHook('onResponse', async (request, reply) => {
    const event = usageEventFor(
      { method: request.method, url: request.url, statusCode: reply.statusCode, headers: request.headers },
      now(),
    );
    if (event) recorder.record(event);
  });
  app.addHook('onClose', async () => {
    await recorder.close();
  });
  return recorder;
}
