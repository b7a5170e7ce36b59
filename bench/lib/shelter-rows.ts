/**
 * The B4 workload: generated rows shaped like a county's shelter list (避難收容處所) —
 * Chinese names and addresses, ROC dates, TWD97 coordinates, codes and phone numbers.
 * The same row `i` is written to the CSV, CP950 and XLSX inputs.
 */

const DISTRICTS = [
  '臺東市',
  '成功鎮',
  '關山鎮',
  '卑南鄉',
  '大武鄉',
  '太麻里鄉',
  '東河鄉',
  '長濱鄉',
  '鹿野鄉',
  '池上鄉',
];
const KINDS = ['避難收容處所', '社區活動中心', '國民小學', '衛生所', '派出所'];

export const SHELTER_COLUMNS = [
  '序號',
  '收容所編號',
  '收容所名稱',
  '地址',
  '設立日期',
  '收容人數',
  'X坐標',
  'Y坐標',
  '連絡電話',
] as const;

/** One shelter: numbers where a spreadsheet would hold numbers, text for codes, dates and phones. */
export interface Shelter {
  serial: number;
  code: string;
  name: string;
  address: string;
  /** ROC date as written in the files, e.g. 1080315 (民國 108 年 3 月 15 日). */
  founded: string;
  capacity: number;
  /** TWD97 TM2 easting and northing, two decimals. */
  x: string;
  y: string;
  phone: string;
}

export function shelter(i: number): Shelter {
  const d = DISTRICTS[i % DISTRICTS.length] as string;
  const k = KINDS[i % KINDS.length] as string;
  return {
    serial: i,
    code: `SV950-${String(i % 10000).padStart(4, '0')}`,
    name: `${d}${k}${i % 97}`,
    address: `臺東縣${d}中山路${i % 500}號`,
    founded: `1${String(8 + (i % 5)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`,
    capacity: i % 400,
    x: (250000 + (i % 30000) + 0.25).toFixed(2),
    y: (2500000 + (i % 50000) + 0.75).toFixed(2),
    phone: `089-${String(300000 + (i % 99999))}`,
  };
}

export const SHELTER_CSV_HEADER = `${SHELTER_COLUMNS.join(',')}\n`;

/** Row `i` as a CSV line (the address quoted, as exports often have it). */
export function shelterCsvRow(i: number): string {
  const s = shelter(i);
  return `${s.serial},${s.code},${s.name},"${s.address}",${s.founded},${s.capacity},${s.x},${s.y},${s.phone}\n`;
}
