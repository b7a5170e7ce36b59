import type { CatalogueContext } from '../../db/catalogue-context.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { listDatasetIds, loadDatasets } from '../datasets/dataset.repo.ts';
import { catalogueHeader, catalogueRow, stringifyCatalogueRows } from './catalogue-csv-write.ts';
import { catalogueJson, catalogueJsonRecord, type CatalogueJsonRecord } from './catalogue-json.ts';
import { catalogueXml } from './catalogue-xml.ts';

export const CATALOGUE_FORMATS = ['csv', 'json', 'xml'] as const;
export type CatalogueFormat = (typeof CATALOGUE_FORMATS)[number];

/** Datasets are loaded this many at a time, so a 55k catalogue never sits in memory twice. */
const PAGE = 2_000;

/** The public catalogue (已上架, 預計下架 and 歷史資料; not drafts or delisted), by datasetId, a page at a time. */
async function forEachPage(ctx: CatalogueContext, visit: (page: DatasetRecord[]) => void): Promise<void> {
  const { ids } = await listDatasetIds(
    ctx.db,
    { limit: 1_000_000_000, offset: 0, sort: 'id' },
    { includeUnlisted: false },
  );
  for (let i = 0; i < ids.length; i += PAGE) visit(await loadDatasets(ctx.db, ids.slice(i, i + PAGE)));
}

/**
 * Exports the public catalogue as UTF-8 text, in one pass:
 * - csv: the data.gov.tw 22-column export (BOM, `\r\n`, per-resource values joined by `;`);
 * - json: an array of records in the national standard's field names (see catalogue-json.ts);
 * - xml: the same records as `<datasets><dataset>…</dataset></datasets>`.
 */
export async function exportCatalogue(ctx: CatalogueContext, format: CatalogueFormat): Promise<string> {
  if (format === 'csv') {
    const parts = [catalogueHeader()];
    await forEachPage(ctx, (page) => parts.push(stringifyCatalogueRows(page.map(catalogueRow))));
    return parts.join('');
  }
  const records: CatalogueJsonRecord[] = [];
  await forEachPage(ctx, (page) => {
    for (const d of page) records.push(catalogueJsonRecord(d));
  });
  return format === 'json' ? catalogueJson(records) : catalogueXml(records);
}
