export {
  ColumnTypeInferrer,
  DEFAULT_DISTINCT_CAP,
  type ColumnType,
  type CoordinateAxis,
  type InferredColumnType,
} from './column-type.ts';
export { TableTypeInferrer } from './table-types.ts';
export { classifyValue, type ValueKinds } from './value-kind.ts';
