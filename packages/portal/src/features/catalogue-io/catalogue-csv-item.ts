import { findCategory, findLicence, parseUpdateFrequency } from '@odp/quality/metadata';
import type { SystemFields } from '../datasets/dataset.schema.ts';
import { CATALOGUE_COLUMNS, RESOURCE_SEPARATOR, type CatalogueColumn } from './catalogue-columns.ts';
import type { CsvRow } from './catalogue-csv-read.ts';
import { badgeFromLabel, publicationMethodFromLabel, typeFromProvision } from './catalogue-terms.ts';
import type { CsvResource, ImportItem } from './import-item.ts';
import type { ImportProblem } from './import-problem.ts';

/** The largest serial that still fits the identifier's 6-digit 流水號. */
export const MAX_DATASET_ID = 999_999;

const HTTP_URL = /^https?:\/\/[^\s]+$/i;
export const isHttpUrl = (v: string): boolean => HTTP_URL.test(v) && URL.canParse(v);

type Cells = Record<CatalogueColumn, string>;

function cellsOf(row: CsvRow): Cells {
  return Object.fromEntries(CATALOGUE_COLUMNS.map((c, i) => [c, row.values[i] ?? ''])) as Cells;
}

/**
 * Splits the per-resource columns on `;`. A column left empty fits any number of
 * resources (all its values are empty); the others must agree on the count.
 */
function readResources(
  cells: Cells,
  problem: (column: CatalogueColumn, message: string) => void,
): CsvResource[] {
  const columns = ['檔案格式', '資料下載網址', '編碼格式', '資料量'] as const;
  const parts = Object.fromEntries(
    columns.map((c) => [
      c,
      cells[c].trim() === '' ? [] : cells[c].split(RESOURCE_SEPARATOR).map((v) => v.trim()),
    ]),
  ) as Record<(typeof columns)[number], string[]>;
  const count = Math.max(...columns.map((c) => parts[c].length));
  const reference = columns.find((c) => parts[c].length === count) as (typeof columns)[number];
  for (const c of columns) {
    if (parts[c].length !== 0 && parts[c].length !== count) {
      problem(
        c,
        `${parts[c].length} values but ${reference} has ${count} (per-resource values are joined with ;)`,
      );
    }
  }
  return Array.from({ length: count }, (_, i) => {
    const url = parts.資料下載網址[i] ?? '';
    if (url !== '' && !isHttpUrl(url)) problem('資料下載網址', `not an http(s) URL: ${url}`);
    const amount = parts.資料量[i] ?? '';
    if (amount !== '' && !/^\d+$/.test(amount)) problem('資料量', `not a whole number: ${amount}`);
    return {
      format: parts.檔案格式[i] ?? '',
      url,
      characterSetCode: parts.編碼格式[i] ?? '',
      resourceAmount: amount === '' || !/^\d+$/.test(amount) ? null : Number(amount),
    };
  });
}

function readDatasetId(
  text: string,
  problem: (column: CatalogueColumn, message: string) => void,
): number | undefined {
  const v = text.trim();
  if (v === '') return undefined;
  const id = /^\d+$/.test(v) ? Number(v) : NaN;
  if (id >= 1 && id <= MAX_DATASET_ID) return id;
  problem('資料集識別碼', `not a serial number from 1 to ${MAX_DATASET_ID}: ${v}`);
  return undefined;
}

/** Reads one row of the 22-column export into a dataset to import; vocabulary problems name the column. */
export function itemFromCsvRow(row: CsvRow): ImportItem {
  const cells = cellsOf(row);
  const problems: ImportProblem[] = [];
  const problem = (column: CatalogueColumn, message: string): void => {
    problems.push({ line: row.line, column, message });
  };
  const lookup = <T>(column: CatalogueColumn, found: T | undefined, what: string): T | undefined => {
    if (found === undefined) problem(column, `unknown ${what} ${cells[column].trim() || '(empty)'}`);
    return found;
  };

  const datasetId = readDatasetId(cells.資料集識別碼, problem);
  const type = lookup(
    '資料提供屬性',
    typeFromProvision(cells.資料提供屬性),
    '資料提供屬性 (檔案資料 or API服務)',
  );
  const category = lookup('服務分類', findCategory(cells.服務分類), 'category');
  const licence = lookup('授權方式', findLicence(cells.授權方式), 'licence');
  const badge = lookup('品質檢測', badgeFromLabel(cells.品質檢測), 'quality badge (白金/金/銀/銅/無)');
  if (parseUpdateFrequency(cells.更新頻率) === undefined) {
    problem(
      '更新頻率',
      `unknown update frequency ${cells.更新頻率.trim() || '(empty)'} (每N分鐘/小時/日/週/月/季/年, 即時 or 不定期)`,
    );
  }
  const landingPage = cells.相關網址.trim();
  if (landingPage !== '' && !isHttpUrl(landingPage))
    problem('相關網址', `not an http(s) URL: ${landingPage}`);
  const method = cells.資資料集上架方式.trim();
  const publicationMethod =
    method === ''
      ? undefined
      : lookup(
          '資資料集上架方式',
          publicationMethodFromLabel(method),
          'publication method (手動/系統介接程式/匯入/收割)',
        );
  const resources = readResources(cells, problem);

  const system: SystemFields = {
    ...(datasetId !== undefined ? { datasetId } : {}),
    ...(badge !== undefined ? { qualityBadge: badge } : {}),
    ...(publicationMethod ? { publicationMethod } : {}),
    // 上架日期 and 詮釋資料更新時間 are kept verbatim; empty lets the platform set them.
    ...(cells.上架日期.trim() !== '' ? { publishedAt: cells.上架日期.trim() } : {}),
    ...(cells.詮釋資料更新時間.trim() !== '' ? { metadataModifiedAt: cells.詮釋資料更新時間.trim() } : {}),
  };
  return {
    source: 'csv',
    where: { line: row.line },
    datasetId,
    identifier: undefined,
    input: {
      categoryCode: category?.code,
      title: cells.資料集名稱,
      type,
      description: cells.資料集描述,
      fieldDescription: cells.主要欄位說明,
      publisher: cells.提供機關,
      accrualPeriodicity: cells.更新頻率,
      license: licence?.code,
      landingPage,
      cost: cells.計費方式,
      publisherContactName: cells.提供機關聯絡人姓名,
      publisherContactPhone: cells.提供機關聯絡人電話,
      notes: cells.備註,
    },
    resources,
    system,
    fingerprint: row.values.join('\u0000'),
    problems,
  };
}
