import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody, type FieldProblem } from '../errors/app-error.ts';
import { fieldProblems } from '../errors/validation.ts';
import { RequestValidationError } from './zod-validation.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers with an HTML page: its errors are HTML pages too. */
    html?: boolean;
  }
}

/** Renders an error as an HTML page, for routes that serve pages. */
export type HtmlErrorRenderer = (error: AppError, requestId: string) => string;

const CONTEXT_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query string',
  params: 'path parameters',
  headers: 'headers',
};

function validationError(problems: FieldProblem[], context: string | undefined): AppError {
  const where = CONTEXT_NAMES[context ?? 'body'] ?? 'request';
  const summary = problems.map((p) => `${p.field || '(whole)'} ${p.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid ${where}: ${summary}`, problems);
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && ('statusCode' in error || 'code' in error || 'validation' in error);
}

/**
 * Maps anything thrown while handling a request to the one error type. Returns
 * undefined for unexpected errors: those become a masked INTERNAL.
 */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) {
    return validationError(fieldProblems(error.zodError), error.validationContext);
  }
  if (!isFastifyError(error)) return undefined;
  if (Array.isArray(error.validation)) {
    const problems = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      code: v.keyword,
      message: v.message ?? 'is invalid',
    }));
    return validationError(problems, error.validationContext);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is over the size limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return validationError([{ field: '', code: 'required', message: 'The body is empty' }], 'body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return validationError([{ field: '', code: 'json', message: 'The body is not valid JSON' }], 'body');
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) return undefined;
  if (error instanceof SyntaxError) {
    return validationError([{ field: '', code: 'json', message: 'The body is not valid JSON' }], 'body');
  }
  if (status === 404) return new AppError('NOT_FOUND', 'Not found');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is over the size limit');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', error.message);
  return validationError([{ field: '', code: 'invalid', message: error.message }], undefined);
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function wantsHtml(request: FastifyRequest): boolean {
  if (request.routeOptions.config?.html === true) return true;
  if (request.routeOptions.url !== undefined) return false;
  // No route matched: a browser asking for a page gets an HTML 404.
  const path = pathOf(request.url);
  return (
    !path.startsWith('/api/') &&
    !path.endsWith('.json') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  renderHtml: HtmlErrorRenderer | undefined,
): FastifyReply {
  reply.code(error.status).header('cache-control', 'no-store');
  reply.removeHeader('etag');
  if (renderHtml && wantsHtml(request)) {
    return reply.type('text/html; charset=utf-8').send(renderHtml(error, request.id));
  }
  return reply.type('application/json; charset=utf-8').send(errorBody(error, request.id));
}

/** One error handler and (unless `notFound: false`) one 404 handler for the whole app or a scope. */
export function registerErrorHandling(
  app: FastifyInstance,
  options: { renderHtml?: HtmlErrorRenderer; notFound?: boolean } = {},
): void {
  app.setErrorHandler((error, request, reply) => {
    let appError = toAppError(error);
    if (appError === undefined) {
      request.log.error({ err: error }, 'unexpected error');
      appError = new AppError(
        'INTERNAL',
        'An unexpected error occurred; quote the request id when you report it',
      );
    } else if (appError.status >= 500) {
      request.log.error({ err: error }, appError.message);
    }
    return sendError(request, reply, appError, options.renderHtml);
  });
  if (options.notFound === false) return;
  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request.url).slice(0, 200);
    return sendError(
      request,
      reply,
      new AppError('NOT_FOUND', `No route ${request.method} ${path}`),
      options.renderHtml,
    );
  });
}
