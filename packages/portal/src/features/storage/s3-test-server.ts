import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAuthorization, signRequest, type S3Credentials } from './s3-signature.ts';

/**
 * For tests only: a small S3-compatible server on 127.0.0.1 holding objects in memory.
 * It answers PUT, GET and HEAD of objects in one bucket, path-style, and checks every
 * request's AWS Signature Version 4 with its own copy of the secret: a request signed
 * with another secret, for another region, or changed after signing gets 403
 * SignatureDoesNotMatch, and a body whose SHA-256 is not x-amz-content-sha256 gets 400.
 */

export interface TestS3Server {
  endpoint: string;
  objects: Map<string, Buffer>;
  /** Every request: method, path and the status answered. */
  requests: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

function xmlError(response: ServerResponse, status: number, code: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`;
  response.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function signatureProblem(request: IncomingMessage, credentials: S3Credentials): string | undefined {
  const header = request.headers.authorization;
  const parsed = header ? parseAuthorization(header) : undefined;
  if (!parsed) return 'AccessDenied';
  if (parsed.accessKeyId !== credentials.accessKeyId) return 'InvalidAccessKeyId';
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
  const required = ['host', 'x-amz-content-sha256', 'x-amz-date'];
  if (!required.every((name) => parsed.signedHeaders.includes(name))) return 'AccessDenied';
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== parsed.day) return 'SignatureDoesNotMatch';
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) headers[name] = String(request.headers[name] ?? '');
  const path = (request.url ?? '/').split('?')[0] as string;
  const expected = signRequest(
    { method: request.method ?? 'GET', path, headers, payloadHash, amzDate },
    { ...credentials, region: parsed.region },
  ).signature;
  const same =
    parsed.region === credentials.region &&
    timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(parsed.signature, 'hex'));
  return same ? undefined : 'SignatureDoesNotMatch';
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function startTestS3Server(credentials: S3Credentials, bucket: string): Promise<TestS3Server> {
  const objects = new Map<string, Buffer>();
  const requests: TestS3Server['requests'] = [];

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] as string;
    const problem = signatureProblem(request, credentials);
    if (problem) return xmlError(response, 403, problem);
    const prefix = `/${bucket}/`;
    if (!path.startsWith(prefix)) return xmlError(response, 404, 'NoSuchBucket');
    const key = decodeURIComponent(path.slice(prefix.length));
    switch (request.method) {
      case 'PUT': {
        const body = await readBody(request);
        if (!body) return xmlError(response, 400, 'EntityTooLarge');
        const claimed = String(request.headers['x-amz-content-sha256']);
        const actual = createHash('sha256').update(body).digest('hex');
        if (claimed !== 'UNSIGNED-PAYLOAD' && claimed !== actual)
          return xmlError(response, 400, 'XAmzContentSHA256Mismatch');
        objects.set(key, body);
        response.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
        return void response.end();
      }
      case 'GET':
      case 'HEAD': {
        const body = objects.get(key);
        if (!body) return xmlError(response, 404, 'NoSuchKey');
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': body.length,
        });
        return void response.end(request.method === 'GET' ? body : undefined);
      }
      default:
        return xmlError(response, 405, 'MethodNotAllowed');
    }
  }

  const server = createServer((request, response) => {
    response.on('finish', () =>
      requests.push({ method: request.method ?? '', path: request.url ?? '', status: response.statusCode }),
    );
    handle(request, response).catch(() => {
      if (!response.headersSent) xmlError(response, 500, 'InternalError');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
