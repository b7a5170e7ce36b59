import type { FastifySerializerCompiler } from 'fastify/types/schema.js';

/** Serializes a presenter's output as it is: JSON.stringify, no schema pass. */
export const plainJsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) =>
  JSON.stringify(data);
