import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { datasetInput } from '../../test/factories.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import type { SystemFields } from '../datasets/dataset.schema.ts';

const resource = (format: string, url: string, extra: Record<string, unknown> = {}) => ({
  resourceDescription: `資料 ${format}`,
  format,
  characterSetCode: 'UTF-8',
  downloadURL: url,
  ...extra,
});

/**
 * A small catalogue that exercises every corner of the export formats: several
 * resources, line breaks, quotes and commas, an API, a dataset without resources, each
 * quality badge and publication method, and statuses in and out of the public catalogue.
 */
export const VARIED_CATALOGUE: { input: Record<string, unknown>; system?: SystemFields }[] = [
  {
    input: datasetInput({
      identifier: 'A41000000G-000101',
      title: '雨量站觀測資料',
      description: '全國雨量站每小時觀測資料。\n第二行：含換行。',
      distribution: [
        resource('CSV', 'https://example.gov.tw/rain.csv', { resourceAmount: 1200 }),
        resource('JSON', 'https://example.gov.tw/rain.json', { resourceAmount: 1200 }),
        resource('XML', 'https://example.gov.tw/rain.xml;jsessionid=1'),
      ],
    }),
    system: {
      datasetId: 101,
      qualityBadge: 'platinum',
      publicationMethod: 'manual',
      publishedAt: '2019-03-01 10:00:00',
    },
  },
  {
    input: datasetInput({
      identifier: 'A41000000G-000102',
      title: '臺北市"好行"公車, 路線與站牌',
      description: '欄位以逗號分隔, 引號 "如此" 保留',
      type: 'SERVICES',
      categoryCode: 'A00',
      license: 'CC-BY-4.0',
      accrualPeriodicity: '即時',
      landingPage: 'https://example.gov.tw/bus?a=1&b=2',
      distribution: [
        {
          resourceDescription: '公車動態 API',
          format: 'API',
          characterSetCode: 'UTF-8',
          accessURL: 'https://api.example.gov.tw/bus',
        },
      ],
    }),
    system: { datasetId: 102, qualityBadge: 'gold', publicationMethod: 'system' },
  },
  {
    input: datasetInput({
      identifier: 'A41000000G-000203',
      title: '公文範本工具',
      type: 'TOOLS',
      categoryCode: 'I00',
      notes: '備註第一行\r\n備註第二行',
      fieldDescription: '',
      publisherContactName: '王小姐,李先生',
      distribution: [],
    }),
    system: { datasetId: 203, qualityBadge: 'silver', publicationMethod: 'harvest' },
  },
  {
    input: datasetInput({
      identifier: 'A41000000G-000204',
      title: '歷年人口統計',
      status: 'historical',
      accrualPeriodicity: '每1年',
      license: 'CC0-1.0',
      distribution: [
        resource('CSV', 'https://example.gov.tw/pop.csv', { resourceAmount: 0 }),
        resource('ODS', 'https://example.gov.tw/pop.ods', { characterSetCode: 'BIG5' }),
      ],
    }),
    system: { datasetId: 204, qualityBadge: 'bronze' },
  },
  {
    input: datasetInput({
      identifier: 'A41000000G-000305',
      title: '預計下架的資料集',
      status: 'delisting_scheduled',
    }),
    system: { datasetId: 305, qualityBadge: 'none' },
  },
  {
    input: datasetInput({
      identifier: 'A41000000G-000306',
      title: '尚未檢測的資料集',
      accrualPeriodicity: '不定期',
    }),
    system: { datasetId: 306 },
  },
  {
    input: datasetInput({ identifier: 'A41000000G-000401', title: '草稿不匯出', status: 'draft' }),
    system: { datasetId: 401 },
  },
  {
    input: datasetInput({ identifier: 'A41000000G-000402', title: '已下架不匯出', status: 'delisted' }),
    system: { datasetId: 402 },
  },
];

/** Public datasets in VARIED_CATALOGUE: all but the draft and the delisted one. */
export const PUBLIC_COUNT = 6;

/**
 * Empties the catalogue (datasets and, by cascade, their resources, keywords, themes and
 * versions), so a test can import into a fresh catalogue within its one database.
 */
export async function emptyCatalogue(ctx: CatalogueContext): Promise<void> {
  await ctx.db.deleteFrom('datasets').execute();
}

export async function seedVariedCatalogue(ctx: CatalogueContext): Promise<void> {
  await createDatasets(ctx, VARIED_CATALOGUE, { actor: 'seed', now: new Date('2024-05-01T02:00:00Z') });
}
