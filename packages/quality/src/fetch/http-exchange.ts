import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { BodySink, type StoredBody } from './body-sink.ts';
import { codingToDecode, createDecoder } from './content-decoding.ts';
import { classifyNetworkError, isTlsError, type FetchFailure, type TimeoutPhase } from './fetch-errors.ts';
import type { LookupFunction } from './safe-lookup.ts';

export interface ExchangeTimeouts {
  /** DNS + TCP + TLS handshake. */
  connectMs: number;
  /** From connected to the response headers. */
  headersMs: number;
  /** Longest silence while reading the body. */
  idleMs: number;
}

export interface ExchangeRequest {
  url: URL;
  method: 'HEAD' | 'GET';
  headers: Record<string, string>;
  lookup: LookupFunction;
  timeouts: ExchangeTimeouts;
  /** Absolute end of the whole fetch, on the `performance.now()` clock. */
  deadline: number;
  signal?: AbortSignal;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Whether to read and keep the body of a response with this status. */
  keepBody: (status: number) => boolean;
  budget: number;
  directory?: string;
}

export interface ExchangeTimings {
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  headersMs?: number;
  bodyMs?: number;
  totalMs: number;
}

export interface TlsProblem {
  code: string;
  message: string;
}

export type ExchangeResult =
  | {
      ok: true;
      status: number;
      headers: IncomingHttpHeaders;
      timings: ExchangeTimings;
      remoteAddress?: string;
      body?: StoredBody;
    }
  | { ok: false; error: FetchFailure; timings: ExchangeTimings; tlsError?: TlsProblem };

/** `bytes a-b/total` says more exists than was sent. */
export function isPartialRange(contentRange: string | undefined): boolean {
  const match = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(contentRange?.trim() ?? '');
  if (!match) return false;
  return match[3] === '*' || Number(match[3]) > Number(match[2]) + 1;
}

/** One HTTP request/response, with its timers; never throws, never follows redirects. */
export function exchange(request: ExchangeRequest): Promise<ExchangeResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const timings: ExchangeTimings = { totalMs: 0 };
    let settled = false;
    let phaseTimer: NodeJS.Timeout | undefined;
    let sink: BodySink | undefined;
    const cleanups: Array<() => void> = [];

    const settle = (result: ExchangeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(phaseTimer);
      clearTimeout(totalTimer);
      request.signal?.removeEventListener('abort', onAbort);
      for (const cleanup of cleanups) cleanup();
      timings.totalMs = elapsed();
      resolve(result);
    };

    const fail = (error: FetchFailure, tlsError?: TlsProblem) => {
      if (settled) return;
      req?.destroy();
      const result: ExchangeResult = { ok: false, error, timings };
      if (tlsError) result.tlsError = tlsError;
      if (sink) {
        const pending = sink;
        sink = undefined;
        settled = true; // block other outcomes while the partial file is removed
        pending.discard().finally(() => {
          settled = false;
          settle(result);
        });
        return;
      }
      settle(result);
    };

    const timeout = (phase: TimeoutPhase, ms: number) =>
      fail({ code: 'FETCH_TIMEOUT', phase, message: `No ${phaseWord[phase]} within ${ms} ms` });

    const arm = (phase: Exclude<TimeoutPhase, 'total'>, ms: number) => {
      clearTimeout(phaseTimer);
      phaseTimer = setTimeout(() => timeout(phase, ms), ms);
    };

    const remaining = Math.max(0, request.deadline - performance.now());
    const totalTimer = setTimeout(() => timeout('total', Math.round(remaining)), remaining);

    const onAbort = () => fail({ code: 'FETCH_ABORTED', message: 'The fetch was aborted' });
    if (request.signal?.aborted) {
      queueMicrotask(onAbort);
    }
    request.signal?.addEventListener('abort', onAbort, { once: true });

    const { url } = request;
    const secure = url.protocol === 'https:';
    const options: https.RequestOptions = {
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers,
      lookup: request.lookup as http.RequestOptions['lookup'],
      agent: false,
    };
    if (secure && request.ca !== undefined) options.ca = request.ca;
    let req: http.ClientRequest;
    try {
      req = (secure ? https : http).request(options);
    } catch (error) {
      // Node validates the request line and headers synchronously.
      const reason = error instanceof Error ? error.message : String(error);
      settle({
        ok: false,
        error: { code: 'FETCH_BAD_URL', message: `Cannot send the request: ${reason}` },
        timings,
      });
      return;
    }

    arm('connect', request.timeouts.connectMs);
    req.on('socket', (socket: Socket) => {
      socket.once('lookup', () => (timings.dnsMs = elapsed()));
      socket.once('connect', () => {
        timings.connectMs = elapsed();
        if (!secure) arm('headers', request.timeouts.headersMs);
      });
      if (secure)
        socket.once('secureConnect', () => {
          timings.tlsMs = elapsed();
          arm('headers', request.timeouts.headersMs);
        });
    });

    req.on('error', (error) => {
      const failure = classifyNetworkError(error);
      const tls = isTlsError(error)
        ? { code: String((error as { code?: unknown }).code ?? 'TLS'), message: error.message }
        : undefined;
      fail(failure, tls);
    });

    req.on('response', (res: IncomingMessage) => {
      timings.headersMs = elapsed();
      const status = res.statusCode ?? 0;
      const remoteAddress = res.socket?.remoteAddress;
      const head = { ok: true as const, status, headers: res.headers, timings };
      if (remoteAddress) Object.assign(head, { remoteAddress });
      if (request.method === 'HEAD' || !request.keepBody(status)) {
        clearTimeout(phaseTimer);
        res.destroy();
        settle(head);
        return;
      }
      readBody(res, status).then(
        (body) => {
          if (body) settle({ ...head, body });
        },
        (error: Error) => fail({ code: 'FETCH_DECODE', message: `Cannot read the body: ${error.message}` }),
      );
    });

    const readBody = async (res: IncomingMessage, status: number): Promise<StoredBody | undefined> => {
      arm('idle', request.timeouts.idleMs);
      let wireBytes = 0;
      const partial = status === 206 && isPartialRange(headerText(res.headers['content-range']));
      const coding = codingToDecode(headerText(res.headers['content-encoding']));
      let first: Buffer | undefined;
      if (coding === 'deflate') first = await firstChunk(res);
      if (settled) return undefined;
      const decoder = coding ? createDecoder(coding, first, partial) : undefined;
      const source: Readable = decoder ? res.pipe(decoder) : res;
      const own = new BodySink(request.budget, request.directory);
      sink = own;
      cleanups.push(() => {
        res.destroy();
        decoder?.destroy();
      });

      return new Promise<StoredBody | undefined>((done) => {
        let finished = false;
        const complete = () => {
          if (finished || settled) return;
          finished = true;
          sink = undefined;
          clearTimeout(phaseTimer);
          timings.bodyMs = elapsed();
          done(own.result(wireBytes, coding, partial));
        };
        own.once('budget', () => {
          // Enough: stop reading; what was kept is the result.
          clearTimeout(phaseTimer);
          source.unpipe(own);
          res.destroy();
          decoder?.destroy();
          own.end();
        });
        own.once('finish', complete);
        own.once('error', (error) => {
          fail({ code: 'FETCH_STORAGE', message: `Cannot store the body: ${error.message}` });
          done(undefined);
        });
        res.once('error', (error) => {
          if (own.truncated) return;
          fail(classifyNetworkError(error));
          done(undefined);
        });
        decoder?.once('error', (error) => {
          if (own.truncated) return;
          fail({
            ...classifyNetworkError(error),
            code: 'FETCH_DECODE',
            message: `Cannot decode ${coding}: ${error.message}`,
          });
          done(undefined);
        });
        // Counting and piping start together, so no chunk is missed.
        res.on('data', (chunk: Buffer) => {
          wireBytes += chunk.length;
          if (!own.truncated) arm('idle', request.timeouts.idleMs);
        });
        source.pipe(own);
      });
    };

    req.end();
  });
}

const phaseWord: Record<TimeoutPhase, string> = {
  connect: 'connection',
  headers: 'response headers',
  idle: 'body data',
  total: 'complete answer',
};

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Waits for the first chunk and puts it back, so a decoder can be chosen from it. */
function firstChunk(res: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const onReadable = () => {
      const chunk = res.read() as Buffer | null;
      if (chunk === null) return;
      res.off('readable', onReadable);
      res.off('end', onEnd);
      res.unshift(chunk);
      resolve(chunk);
    };
    const onEnd = () => {
      res.off('readable', onReadable);
      resolve(undefined);
    };
    res.on('readable', onReadable);
    res.once('end', onEnd);
  });
}
