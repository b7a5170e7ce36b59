import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * Compressed responses for the reads (pages, their .json twins, the APIs): brotli or
 * gzip, as the client accepts, from 1 KB up, with `Vary: Accept-Encoding`. Registered in
 * the reads scope after the ETag plugin and the read cache, so both still see (and the
 * cache keeps) the uncompressed body, and each client gets the encoding it asked for.
 * Brotli at quality 5: near gzip's speed with smaller output; the default (11) costs
 * tens of milliseconds a page.
 */
export async function registerCompression(scope: FastifyInstance): Promise<void> {
  await scope.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    zlibOptions: { level: 6 },
  });
}
