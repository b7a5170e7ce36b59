import type { Multipart, MultipartFile } from '@fastify/multipart';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error.ts';
import { CSRF_FIELD } from '../accounts/csrf.ts';

/**
 * Forms that send a file (multipart/form-data) without JavaScript. The account scope
 * checks the CSRF token before validation, but a multipart body is a stream that is not
 * parsed then; so a route that takes such a form declares `config: { csrf: 'multipart' }`
 * and reads the body through `csrfCheckedParts`, which refuses the request unless its
 * first part is the `_csrf` field carrying the session's token, before any file is read.
 * The account scope lets exactly those multipart requests through (isSelfCheckedMultipart);
 * every other request, and any other body sent to the same routes, is checked as before.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads a multipart body and checks its `_csrf` field itself (multipart-form.ts). */
    csrf?: 'multipart';
  }
}

const MULTIPART = /^multipart\/form-data(?:\s*;|$)/i;

/** A multipart request to a route that checks the token of its multipart body itself. */
export function isSelfCheckedMultipart(request: FastifyRequest): boolean {
  return (
    request.routeOptions.config.csrf === 'multipart' && MULTIPART.test(request.headers['content-type'] ?? '')
  );
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

function csrfInvalid(): AppError {
  return new AppError(
    'CSRF_INVALID',
    'This form has expired or did not come from this site: reload the page and send it again',
  );
}

/** Limits of a form with one file: a few small fields, then the file. */
export interface MultipartFormLimits {
  /** The file's byte limit; one byte more is let through so that the file store refuses it (413). */
  maxBytes: number;
  /** Fields besides `_csrf` (default 4). */
  fields?: number;
}

/**
 * The parts of a signed-in person's multipart form after its first part, which must be
 * the `_csrf` field with the session's token (compared in constant time); anything else
 * first — another field, a file, no part at all — is CSRF_INVALID with nothing read further.
 */
export async function csrfCheckedParts(
  request: FastifyRequest,
  reply: FastifyReply,
  limits: MultipartFormLimits,
): Promise<AsyncIterator<Multipart>> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send this form as multipart/form-data');
  const fields = (limits.fields ?? 4) + 1;
  const iterable = request.parts({
    limits: { fileSize: limits.maxBytes + 1, files: 1, fields, parts: fields + 1, fieldSize: 4096 },
  });
  const parts = iterable[Symbol.asyncIterator]();
  // What is left of a refused body is not read: the connection closes after the answer.
  reply.header('connection', 'close');
  const first = await parts.next().catch(() => undefined);
  const part = first && !first.done ? first.value : undefined;
  const given = part?.type === 'field' && part.fieldname === CSRF_FIELD ? part.value : undefined;
  const expected = request.principal.kind === 'user' ? request.principal.csrfToken : undefined;
  if (
    typeof given !== 'string' ||
    given === '' ||
    !expected ||
    !timingSafeEqual(digest(given), digest(expected))
  )
    throw csrfInvalid();
  reply.removeHeader('connection');
  return parts;
}

/** The text fields read before the file, and the file part (undefined: the form sent none). */
export interface MultipartForm {
  fields: Map<string, string>;
  file: MultipartFile | undefined;
}

/**
 * Reads the fields that come before the file part named `fileField` (their order in the
 * page puts them there). The file is returned unread: the caller streams it, and must
 * read or discard it before the request ends.
 */
export async function fieldsThenFile(
  parts: AsyncIterator<Multipart>,
  fileField: string,
): Promise<MultipartForm> {
  const fields = new Map<string, string>();
  for (;;) {
    const next = await parts.next();
    if (next.done) return { fields, file: undefined };
    const part = next.value;
    if (part.type === 'field') {
      if (typeof part.value === 'string' && !fields.has(part.fieldname))
        fields.set(part.fieldname, part.value);
      continue;
    }
    if (part.fieldname === fileField) return { fields, file: part };
    part.file.resume();
  }
}
