import type { SystemFields } from '../datasets/dataset.schema.ts';
import type { ImportProblem } from './import-problem.ts';

/** One resource as a CSV row gives it: the four per-resource columns. */
export interface CsvResource {
  format: string;
  url: string;
  characterSetCode: string;
  resourceAmount: number | null;
}

/**
 * One dataset read from an import file, before the database is consulted: what the
 * file says, where it says it, and what is already wrong with it.
 */
export interface ImportItem {
  source: 'csv' | 'json';
  /** Where it is in the file (line for CSV, record for JSON), for problems found later. */
  where: Pick<ImportProblem, 'line' | 'record'>;
  /** 資料集識別碼; undefined when the file leaves it empty (a new serial is allocated). */
  datasetId: number | undefined;
  /** JSON only: the file's identifier (CSV rows derive it). */
  identifier: string | undefined;
  /** The dataset's fields, in DatasetInput names; distribution comes from `resources` for CSV. */
  input: Record<string, unknown>;
  /** CSV only: the per-resource columns, merged into the stored resources on update. */
  resources: CsvResource[] | undefined;
  system: SystemFields;
  /** What the file says, comparable with the same export of the stored dataset. */
  fingerprint: string;
  problems: ImportProblem[];
}
