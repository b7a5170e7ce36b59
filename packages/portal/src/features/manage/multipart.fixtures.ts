import type { FastifyInstance } from 'fastify';
import type { TestSession } from './manage.fixtures.ts';

/** For the back office's tests: multipart form posts as a browser sends them, parts in order. */

export type FormPart =
  { name: string; value: string } | { name: string; filename: string; content: string | Buffer };

const BOUNDARY = '----odp-form-boundary-7MA4YWxkTrZu0gW';

export function multipartBody(parts: readonly FormPart[]): { payload: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = 'filename' in part;
    const body = file ? part.content : part.value;
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"` +
          (file ? `; filename="${part.filename}"\r\nContent-Type: application/octet-stream` : '') +
          '\r\n\r\n',
      ),
      Buffer.isBuffer(body) ? body : Buffer.from(body),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/** POSTs a multipart form as `session` (its cookie only: the parts carry any token). */
export function postMultipart(
  app: FastifyInstance,
  url: string,
  session: TestSession | undefined,
  parts: readonly FormPart[],
) {
  const { payload, contentType } = multipartBody(parts);
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': contentType, ...(session ? { cookie: session.cookie } : {}) },
    payload,
  });
}
