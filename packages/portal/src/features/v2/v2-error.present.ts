import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { ErrorCode } from '../../errors/error-codes.ts';
import { toAppError } from '../../http/error-handler.ts';

/**
 * The error codes of the data.gov.tw v2 API (`error_type` is `CODE:說明`). ER0001,
 * ER0031, ER0050 and ER0100 are data.gov.tw's; ER0051 (DELETE of a dataset that does not
 * exist) follows ER0050; ER0403, ER0404 and ER0500 are odp's for the cases data.gov.tw has
 * no code for. docs/accounts.md lists them with the requests that produce them.
 */
export const V2_ERROR_TYPES = {
  ER0001: { status: 401, text: 'API Key錯誤' },
  ER0031: { status: 400, text: '資料集屬性錯誤' },
  ER0050: { status: 404, text: '欲修改的資料集不存在' },
  ER0051: { status: 404, text: '欲刪除的資料集不存在' },
  ER0100: { status: 404, text: '找不到指定的 resourceID 資料內容' },
  ER0403: { status: 403, text: '無權限異動此機關的資料集' },
  ER0404: { status: 404, text: '查無此 API' },
  ER0500: { status: 500, text: '系統錯誤' },
} as const;

export type V2ErrorCode = keyof typeof V2_ERROR_TYPES;

const FROM_APP_ERROR: Partial<Record<ErrorCode, V2ErrorCode>> = {
  VALIDATION_FAILED: 'ER0031',
  INVALID_IDENTIFIER: 'ER0031',
  PAYLOAD_TOO_LARGE: 'ER0031',
  UNSUPPORTED_MEDIA_TYPE: 'ER0031',
  // The identifier is taken (for good, once its dataset was delisted): an attribute error.
  DUPLICATE_IDENTIFIER: 'ER0031',
  INVALID_STATUS_TRANSITION: 'ER0031',
  UNAUTHORIZED: 'ER0001',
  API_KEY_REFUSED: 'ER0001',
  FORBIDDEN: 'ER0403',
  DATASET_NOT_FOUND: 'ER0050',
  RESOURCE_NOT_FOUND: 'ER0100',
  NOT_FOUND: 'ER0404',
};

export const V2ErrorBodySchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      error_type: z.string().describe('`ER0050:欲修改的資料集不存在`: the code, a colon, the description'),
      message: z.string(),
    }),
  })
  .meta({ id: 'DataGovTwError', description: 'The data.gov.tw v2 error envelope' });

declare module 'fastify' {
  interface FastifyContextConfig {
    /** v2 routes: codes that differ from the usual mapping (DELETE: DATASET_NOT_FOUND → ER0051). */
    v2ErrorCodes?: Partial<Record<ErrorCode, V2ErrorCode>>;
  }
}

export function v2ErrorFor(
  error: AppError,
  overrides: Partial<Record<ErrorCode, V2ErrorCode>> = {},
): { status: number; body: z.output<typeof V2ErrorBodySchema> } {
  const code = overrides[error.code] ?? FROM_APP_ERROR[error.code] ?? 'ER0500';
  const { status, text } = V2_ERROR_TYPES[code];
  return {
    status,
    body: { success: false, error: { error_type: `${code}:${text}`, message: error.message } },
  };
}

/**
 * The error handler of every v2 route: the v2 envelope, never cached; unexpected errors
 * are logged and masked as ER0500 with the request id.
 */
export function v2ErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let appError = toAppError(error);
  if (appError === undefined) {
    request.log.error({ err: error }, 'unexpected error');
    appError = new AppError('INTERNAL', `An unexpected error occurred (request id ${request.id})`);
  }
  const { status, body } = v2ErrorFor(appError, request.routeOptions.config?.v2ErrorCodes);
  reply.removeHeader('etag');
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(body);
}

export function v2ErrorResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: `Error: ${Object.entries(V2_ERROR_TYPES)
          .filter(([, v]) => v.status === s)
          .map(([c, v]) => `${c}:${v.text}`)
          .join(', ')}`,
        content: { 'application/json': { schema: V2ErrorBodySchema } },
      },
    ]),
  ) as Record<
    S,
    { description: string; content: { 'application/json': { schema: typeof V2ErrorBodySchema } } }
  >;
}
