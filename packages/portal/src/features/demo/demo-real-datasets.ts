import { parse } from 'csv-parse/sync';
import { resourceId } from '@odp/quality/metadata';
import type { DemoCatalogue, DemoItem } from './demo-catalogue.ts';
import { findRealFile, readRealText } from './demo-real-files.ts';

/**
 * The datasets whose resources are the real files in demo/real: real titles, the
 * agencies that published them, formats and encodings as the bytes really are, and
 * 主要欄位說明 taken from the files' own headers.
 */
interface RealResource {
  file: string;
  description: string;
  fields: { name: string; description: string }[];
  amount: number;
}

interface RealDataset {
  publisher: string;
  title: string;
  description: string;
  categoryCode: string;
  themes: string[];
  keyword: string[];
  accrualPeriodicity: string;
  spatial: string;
  temporal: [string | null, string | null];
  issued: string;
  modified: string;
  notes?: string;
  resources: RealResource[];
}

function rows(file: string): string[][] {
  return parse(readRealText(file), {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
}

/** Fields from the header row; `notes` adds a description to some. */
function headerFields(header: readonly string[], notes: Record<string, string> = {}) {
  return header
    .map((h) => h.trim())
    .filter((h) => h !== '')
    .map((name) => ({ name, description: notes[name] ?? '' }));
}

function csvResource(file: string, description: string, notes: Record<string, string> = {}): RealResource {
  const [header = [], ...body] = rows(file);
  return { file, description, fields: headerFields(header, notes), amount: body.length };
}

/** The three city lists have no header row: title, description, slug. */
function headerlessCatalogue(file: string, description: string): RealResource {
  return {
    file,
    description,
    fields: [
      { name: '資料集名稱', description: '第 1 欄（檔案無標題列）' },
      { name: '資料集描述', description: '第 2 欄' },
      { name: '資料集網址路徑', description: '第 3 欄，城市資料開放平臺上的路徑' },
    ],
    amount: rows(file).length,
  };
}

function jsonResource(file: string, description: string, notes: Record<string, string>): RealResource {
  const value = JSON.parse(readRealText(file)) as unknown;
  const first = (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
  return {
    file,
    description,
    fields: headerFields(Object.keys(first), notes),
    amount: Array.isArray(value) ? value.length : 1,
  };
}

/** The real agency code of 經濟部水利署, as its v1 metadata record gives it. */
export function knownAgencyCodes(): Map<string, string> {
  const record = JSON.parse(readRealText('metadata-v1-example.json')) as {
    publisherOID?: string;
    publisherOrgCode?: string;
  };
  return record.publisherOID && record.publisherOrgCode
    ? new Map([[record.publisherOID, record.publisherOrgCode]])
    : new Map();
}

function realDatasets(): RealDataset[] {
  const catalogue = (city: string, file: string, extra: RealResource[] = []): RealDataset => ({
    publisher: `${city}政府`,
    title: `${city}政府資料開放目錄（2018年）`,
    description: `${city}政府資料開放平臺於 2018 年上架之資料集清單，含資料集名稱、描述與平臺網址路徑。`,
    categoryCode: 'I00',
    themes: [],
    keyword: ['資料開放', '資料集目錄', city],
    accrualPeriodicity: '不定期',
    spatial: city,
    temporal: ['2018-01-01', '2018-12-31'],
    issued: '2018-03-01',
    modified: '2018-12-31',
    resources: [...extra, headerlessCatalogue(file, `${city}政府資料集清單（CSV，UTF-8，無標題列）`)],
  });
  const calendarNotes = {
    西元日期: 'YYYYMMDD',
    是否放假: '0 上班日、2 放假日',
    date: 'YYYY-MM-DD',
    isHoliday: '是否放假',
    week: '星期',
    description: '備註',
  };
  return [
    {
      publisher: '臺東縣政府',
      title: '臺東縣避難收容處所',
      description:
        '臺東縣各鄉鎮市避難收容處所之名稱、地址、管理人、連絡電話、可收容人數及位置（TWD97 二度分帶坐標）。',
      categoryCode: 'E00',
      themes: ['disaster', 'disaster-03'],
      keyword: ['避難收容處所', '防災', '臺東縣'],
      accrualPeriodicity: '每1年',
      spatial: '臺東縣',
      temporal: ['2017-10-24', null],
      issued: '2016-05-20',
      modified: '2017-10-24',
      notes: 'X坐標、Y坐標為 TWD97 二度分帶（TM2，EPSG:3826）；最後更新時間為 yyyyMMdd。',
      resources: [
        csvResource('taitung-shelters-twd97.csv', '臺東縣避難收容處所（CSV，UTF-8 含 BOM）', {
          X坐標: 'TWD97 TM2',
          Y坐標: 'TWD97 TM2',
          最後更新時間: 'yyyyMMdd',
        }),
      ],
    },
    catalogue('宜蘭縣', 'yilan-catalog-2018.csv', [
      csvResource(
        'yilan-catalog-2018-cp950.csv',
        '宜蘭縣政府資料集清單，含資料來源與聯絡人（CSV，Big5/CP950）',
      ),
    ]),
    catalogue('高雄市', 'kaohsiung-catalog-2018.csv'),
    catalogue('臺南市', 'tainan-catalog-2018.csv'),
    {
      publisher: '國家發展委員會',
      title: '政府資料開放平臺資料集名稱（2018年）',
      description: '政府資料開放平臺（data.gov.tw）2018 年上架之資料集名稱，一行一筆。',
      categoryCode: 'I00',
      themes: [],
      keyword: ['資料開放', '資料集名稱'],
      accrualPeriodicity: '不定期',
      spatial: '臺灣',
      temporal: ['2018-01-01', '2018-12-31'],
      issued: '2018-06-01',
      modified: '2018-12-31',
      resources: [
        {
          file: 'datagovtw-titles-2018.txt',
          description: '資料集名稱清單（純文字，UTF-8）',
          fields: [{ name: '資料集名稱', description: '一行一筆' }],
          amount: readRealText('datagovtw-titles-2018.txt')
            .split('\n')
            .filter((l) => l.trim() !== '').length,
        },
      ],
    },
    {
      publisher: '行政院人事行政總處',
      title: '中華民國政府行政機關辦公日曆表',
      description: '行政機關辦公日曆表，逐日列出星期、是否放假及紀念日或節日備註（113年、114年）。',
      categoryCode: 'I00',
      themes: [],
      keyword: ['辦公日曆表', '放假', '行事曆'],
      accrualPeriodicity: '每1年',
      spatial: '臺灣',
      temporal: ['2024-01-01', '2025-12-31'],
      issued: '2023-06-21',
      modified: '2024-06-27',
      resources: [
        csvResource(
          'dgpa-calendar-113-utf8bom.csv',
          '113年（2024年）辦公日曆表（CSV，UTF-8 含 BOM）',
          calendarNotes,
        ),
        csvResource(
          'dgpa-calendar-114-cp950.csv',
          '114年（2025年）辦公日曆表（CSV，Big5/CP950）',
          calendarNotes,
        ),
        jsonResource('dgpa-calendar-2024.json', '2024年辦公日曆表（JSON）', calendarNotes),
      ],
    },
    {
      publisher: '國家發展委員會',
      title: '民眾資料需求（我想要更多）案件',
      description:
        '政府資料開放平臺「我想要更多」民眾資料需求：建議標題、資料集名稱、欄位、原因、派發機關、回復與分派狀態及回應（2019年）。',
      categoryCode: 'I00',
      themes: [],
      keyword: ['資料需求', '我想要更多', '資料開放'],
      accrualPeriodicity: '不定期',
      spatial: '臺灣',
      temporal: ['2015-01-01', '2019-03-31'],
      issued: '2019-04-01',
      modified: '2019-04-01',
      resources: [
        csvResource('data-demands-2019.csv', '民眾資料需求案件（CSV，UTF-8）'),
        csvResource('data-demand-agencies-2019-cp950.csv', '資料需求案件之派發機關（CSV，Big5/CP950）'),
      ],
    },
    {
      publisher: '國家發展委員會',
      title: '政府機關(構)OID清單',
      description: '政府機關（構）之物件識別碼（OID）、電話、地址及目錄服務識別名稱（DN）。',
      categoryCode: 'I00',
      themes: [],
      keyword: ['OID', '政府機關', '目錄服務'],
      accrualPeriodicity: '不定期',
      spatial: '臺灣',
      temporal: [null, null],
      issued: '2016-08-01',
      modified: '2016-08-01',
      notes: '檔案未加引號，DN 與部分地址含逗號，散在多個欄位；列尾有多餘的逗號。',
      resources: [
        csvResource('agency-oid-registry-2016.csv', '政府機關(構)OID清單（CSV，UTF-8）', {
          OID: '物件識別碼',
          DN: '目錄服務識別名稱',
        }),
      ],
    },
    {
      publisher: '經濟部水利署',
      title: '自來水管承裝商聘僱中人員統計資料詮釋資料',
      description:
        '「自來水管承裝商聘僱中人員統計資料」之詮釋資料（第1版格式），資料集編號 313200000G-000216。',
      categoryCode: 'I00',
      themes: [],
      keyword: ['詮釋資料', '自來水管承裝技工'],
      accrualPeriodicity: '每1年',
      spatial: '臺灣',
      temporal: [null, null],
      issued: '2017-04-17',
      modified: '2017-04-17',
      notes: '原始紀錄中部分年份誤植為 3872 年。',
      resources: [jsonResource('metadata-v1-example.json', '詮釋資料（JSON，第1版欄位）', {})],
    },
    {
      publisher: '內政部',
      title: '不動產實價登錄資訊－臺北市買賣案件',
      description:
        '臺北市不動產買賣實價登錄案件：鄉鎮市區、交易標的、門牌、面積、交易年月日、樓層、建物型態、總價及單價等。',
      categoryCode: 'C00',
      themes: ['statistics', 'statistics-02'],
      keyword: ['實價登錄', '不動產', '臺北市'],
      accrualPeriodicity: '每1月',
      spatial: '臺北市',
      temporal: ['2019-11-01', '2019-11-30'],
      issued: '2019-12-11',
      modified: '2019-12-11',
      notes: '交易年月日、建築完成年月為民國年（1081111 即 2019-11-11）；第 2 列為英文欄名。',
      resources: [
        (() => {
          const [zh = [], en = [], ...body] = rows('real-estate-taipei-a-roc-dates.csv');
          const fields = headerFields(zh).map((f, i) => ({ ...f, description: (en[i] ?? '').trim() }));
          return {
            file: 'real-estate-taipei-a-roc-dates.csv',
            description: '臺北市不動產買賣實價登錄（CSV，UTF-8 含 BOM，中英文兩列標題）',
            fields,
            amount: body.length,
          };
        })(),
      ],
    },
  ];
}

/** The real-file datasets, with identifiers from the catalogue's code book. */
export function realDemoDatasets(catalogue: DemoCatalogue): DemoItem[] {
  return realDatasets().map((d): DemoItem => {
    const agency = catalogue.directory.find(d.publisher);
    if (!agency) throw new Error(`${d.publisher} is not in the agency registry`);
    const identifier = catalogue.codes.nextIdentifier(agency);
    const code = catalogue.codes.codeFor(agency).toLowerCase();
    const phone = (agency.phone ?? '').split(/[,，]/)[0] || null;
    const input = {
      categoryCode: d.categoryCode,
      identifier,
      title: d.title,
      description: d.description,
      fields:
        d.resources[0]?.fields.map((f) => ({
          name: f.name,
          ...(f.description ? { description: f.description } : {}),
        })) ?? [],
      type: 'rawData',
      license: '1',
      licenseURL: 'https://data.gov.tw/license',
      cost: '免費',
      organization: agency.organization,
      organizationContactName: '資料開放聯絡窗口',
      organizationContactPhone: phone,
      organizationContactEmail: `opendata@${code}.demo.example`,
      publisher: agency.name,
      publisherOID: agency.oid,
      publisherContactName: '資料開放聯絡窗口',
      publisherContactPhone: phone,
      publisherContactEmail: `opendata@${code}.demo.example`,
      accrualPeriodicity: d.accrualPeriodicity,
      temporalCoverageFrom: d.temporal[0],
      temporalCoverageTo: d.temporal[1],
      issued: d.issued,
      modified: d.modified,
      spatial: d.spatial,
      language: 'zh',
      keyword: d.keyword,
      numberOfData: d.resources[0]?.amount ?? null,
      notes: d.notes ?? null,
      themes: d.themes,
      status: 'published',
      distribution: d.resources.map((r, i) => {
        const file = findRealFile(r.file);
        if (!file) throw new Error(`${r.file} is not a demo file`);
        return {
          resourceID: resourceId(identifier, i + 1),
          resourceDescription: r.description,
          format: file.format,
          characterSetCode: file.encoding,
          resourceModified: d.modified,
          downloadURL: catalogue.fileUrl(file.name),
          resourceField: r.fields,
          resourceAmount: r.amount,
        };
      }),
    };
    return {
      input,
      system: {
        publicationMethod: 'manual',
        publishedAt: `${d.issued} 10:00:00`,
        metadataModifiedAt: `${d.modified} 10:00:00`,
      },
    };
  });
}
