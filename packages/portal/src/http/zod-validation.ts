import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';

/**
 * Request validation with zod. Like fastify-type-provider-zod's `validatorCompiler`, but
 * it keeps the ZodError (with each issue's input) so the error handler can report
 * field-level problems with the same codes as the services (`required` vs `type`, …).
 */
export class RequestValidationError extends Error {
  readonly zodError: z.ZodError;
  /** Set by Fastify: body, querystring, params or headers. */
  validationContext?: string;

  constructor(zodError: z.ZodError) {
    super('The request does not match the schema');
    this.name = 'RequestValidationError';
    this.zodError = zodError;
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.core.$ZodType> = ({ schema, url, method }) => {
  if (!(schema instanceof z.core.$ZodType))
    throw new Error(`Route ${method} ${url} has a schema that is not a zod schema`);
  return (data) => {
    const result = z.safeParse(schema, data, { reportInput: true });
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error) };
  };
};

/**
 * An object schema whose fields are all optional and have no defaults: what a PATCH
 * body needs, where a missing field means "leave it as it is". `.partial()` alone
 * would still fill in defaults (an empty `distribution`, …).
 */
export function withoutDefaults(schema: z.ZodObject): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    let inner: z.ZodType = field;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault)
      inner = inner.unwrap() as z.ZodType;
    shape[key] = inner.optional();
  }
  return z.object(shape);
}
