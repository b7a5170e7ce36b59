import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes.ts';

/** The one error body of the API, as a schema: serialised, documented in OpenAPI, tested. */
export const FieldProblemSchema = z
  .object({
    field: z.string().describe('The field, as a path: `title`, `distribution[0].downloadURL`, …'),
    code: z.string().describe('A stable code: required, type, pattern, email, url, enum, too_long, …'),
    message: z.string(),
  })
  .meta({ id: 'FieldProblem' });

const CODES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(CODES).describe('Stable error code; clients branch on it, never on the message.'),
      message: z.string().describe('A readable explanation.'),
      details: z
        .unknown()
        .optional()
        .describe('For VALIDATION_FAILED: a list of FieldProblem, one for each bad field.'),
      requestId: z.string().describe('The request id, also in the x-request-id header and the server log.'),
    }),
  })
  .meta({ id: 'Error', description: 'Every error of the API has exactly this shape.' });

export type ErrorResponseBody = z.infer<typeof ErrorBodySchema>;

/** The error codes each HTTP status can carry, for the OpenAPI response descriptions. */
function codesFor(status: number): string {
  return Object.entries(ERROR_CODES)
    .filter(([, v]) => v.status === status)
    .map(([code]) => `\`${code}\``)
    .join(', ');
}

function errorResponse(status: number) {
  return {
    description: `Error: ${codesFor(status)}`,
    content: { 'application/json': { schema: ErrorBodySchema } },
  };
}

/** Response schemas for the error statuses a route can answer with. */
export function errorResponses<S extends number>(
  ...statuses: S[]
): Record<S, ReturnType<typeof errorResponse>> {
  return Object.fromEntries(statuses.map((s) => [s, errorResponse(s)])) as Record<
    S,
    ReturnType<typeof errorResponse>
  >;
}

/** A markdown table of every error code, for the OpenAPI document's description. */
export function errorCodeTable(): string {
  const rows = Object.entries(ERROR_CODES).map(
    ([code, v]) => `| \`${code}\` | ${v.status} | ${v.description} |`,
  );
  return ['| code | status | meaning |', '|---|---|---|', ...rows].join('\n');
}
