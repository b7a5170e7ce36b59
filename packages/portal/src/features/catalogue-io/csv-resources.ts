import type { DatasetRecord } from '../datasets/dataset.record.ts';
import type { ResourceInput } from '../datasets/dataset.schema.ts';
import { recordToInput } from '../datasets/dataset.service.ts';
import { RESOURCE_SEPARATOR } from './catalogue-columns.ts';
import type { CsvResource } from './import-item.ts';

/**
 * Resources from the CSV's four per-resource columns. The CSV has one URL column,
 * 資料下載網址: for an API服務 dataset it is the access URL, otherwise the download URL;
 * a stored resource keeps the kind of URL it has.
 */
type ResourceCandidate = Partial<ResourceInput> & Record<string, unknown>;

function urlField(type: string, previous?: ResourceInput): 'downloadURL' | 'accessURL' {
  if (previous?.downloadURL) return 'downloadURL';
  if (previous?.accessURL) return 'accessURL';
  return type === 'SERVICES' ? 'accessURL' : 'downloadURL';
}

function fromCsv(r: CsvResource, type: string, previous?: ResourceInput): ResourceCandidate {
  const field = urlField(type, previous);
  const stored = previous?.[field] ?? null;
  // The export writes `;` in a URL as %3B: the same URL, so keep the stored spelling.
  const url = stored !== null && stored.replaceAll(RESOURCE_SEPARATOR, '%3B') === r.url ? stored : r.url;
  return {
    format: r.format,
    characterSetCode: r.characterSetCode,
    [field]: url === '' ? null : url,
    resourceAmount: r.resourceAmount,
  };
}

/** A new dataset's resources, in file order (resource ids are given by the caller). */
export function newCsvResources(resources: readonly CsvResource[], type: string): ResourceCandidate[] {
  return resources.map((r) => ({ resourceDescription: '', ...fromCsv(r, type) }));
}

/**
 * A stored dataset's resources updated from the CSV, by position: the n-th value of each
 * column updates the n-th resource and keeps the rest of it (description, fields, …);
 * extra values add resources (new resource ids follow on); missing ones remove them.
 */
export function mergeCsvResources(
  previous: DatasetRecord,
  resources: readonly CsvResource[],
  type: string,
): ResourceCandidate[] {
  const stored = recordToInput(previous).distribution;
  return resources.map((r, i) => {
    const before = stored[i];
    return before
      ? { ...before, ...fromCsv(r, type, before) }
      : { resourceDescription: '', ...fromCsv(r, type) };
  });
}
