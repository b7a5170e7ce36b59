import { type FieldDescription } from '@odp/quality/metadata';
import type { DemoAgency } from './demo-agencies.ts';
import type { DemoRandom } from './demo-random.ts';
import type { TitleEntry } from './demo-sources.ts';
import { placeOf } from './demo-values.ts';

/** The smaller fields of a synthetic dataset: contacts, dates, description, keywords, place. */

const SURNAMES = [
  ['陳', 'chen'],
  ['林', 'lin'],
  ['黃', 'huang'],
  ['張', 'chang'],
  ['李', 'lee'],
  ['王', 'wang'],
  ['吳', 'wu'],
  ['劉', 'liu'],
  ['蔡', 'tsai'],
  ['楊', 'yang'],
  ['許', 'hsu'],
  ['鄭', 'cheng'],
  ['謝', 'hsieh'],
  ['郭', 'kuo'],
  ['洪', 'hung'],
  ['曾', 'tseng'],
] as const;

/** Contacts: the real ones of 宜蘭縣's catalogue where given, else 陳先生-style names; e-mail under a reserved demo domain. */
export function demoContact(random: DemoRandom, publisher: DemoAgency, code: string, entry: TitleEntry) {
  const person = () => {
    const [zh, en] = random.pick(SURNAMES);
    return {
      name: `${zh}${random.chance(0.5) ? '先生' : '小姐'}`,
      email: `${en}${random.int(10, 99)}@${code.toLowerCase()}.demo.example`,
    };
  };
  const phone =
    (publisher.phone ?? '').split(/[,，]/)[0]?.trim() ||
    `02-${random.int(2000, 2999)}-${random.int(1000, 9999)}`;
  const plain = /^\(?0\d{1,3}\)?-?\d{6,8}$/.test(phone);
  const withExtension = () => (plain && random.chance(0.5) ? `${phone}#${random.int(100, 899)}` : phone);
  const org = person();
  const pub = person();
  return {
    organizationContactName: org.name,
    organizationContactPhone: withExtension(),
    organizationContactEmail: org.email,
    publisherContactName: entry.contactName ?? pub.name,
    publisherContactPhone: entry.contactPhone ?? withExtension(),
    publisherContactEmail: pub.email,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Issued/modified dates and the covered period; a title's ROC year (105年) sets the period. */
export function demoDates(random: DemoRandom, title: string) {
  const roc = /(\d{2,3})\s*年/.exec(title);
  const year = roc ? Number(roc[1]) + 1911 : NaN;
  const time = `${pad(random.int(8, 17))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
  if (year >= 1995 && year <= 2023) {
    const issued = random.date(`${year + 1}-01-02`, `${year + 1}-06-30`);
    return {
      temporalFrom: `${year}-01-01`,
      temporalTo: `${year}-12-31`,
      issued,
      modified: random.date(issued, '2025-06-30'),
      time,
    };
  }
  const issued = random.date('2013-06-01', '2023-12-31');
  const from = `${random.int(2005, Number(issued.slice(0, 4)))}-01-01`;
  return {
    temporalFrom: random.chance(0.8) ? from : null,
    temporalTo: null,
    issued,
    modified: random.date(issued, '2025-06-30'),
    time,
  };
}

export function demoDescription(
  random: DemoRandom,
  title: string,
  real: string | null,
  publisher: DemoAgency,
  fields: readonly FieldDescription[],
  frequency: string,
): string {
  if (real) return real;
  const columns = fields
    .slice(0, 4)
    .map((f) => f.title ?? f.name)
    .join('、');
  const often = frequency === '不定期' ? '不定期' : frequency === '即時' ? '即時' : `${frequency}`;
  return random.pick([
    `提供${title}相關資料，內容包含${columns}等欄位。`,
    `${publisher.name}${title}，資料${often}更新，歡迎各界加值運用。`,
    `本資料集為${title}，包括${columns}。`,
    `${title}。資料來源：${publisher.name}。`,
  ]);
}

/** 更新頻率 a title implies: 即時/動態 data, 日報, 月報, 季報, a year's table. */
export function frequencyHint(title: string): string | undefined {
  const hints: [RegExp, string][] = [
    [/即時|動態|實時/, '每5分鐘'],
    [/每日|日報|逐日/, '每1日'],
    [/每週|週報/, '每1週'],
    [/每月|月報|\d+月份?/, '每1月'],
    [/季報|每季|第[一二三四1-4]季/, '每1季'],
    [/年報|\d+\s*年度?/, '每1年'],
  ];
  return hints.find(([re]) => re.test(title))?.[1];
}

const GENERIC = /(資料集|資料|清冊|清單|一覽表|一覽|名冊|列表|資訊|統計表|概況)$/;

/** Keywords: the topic words the title matched, its place, or else the title's core. */
export function demoKeywords(title: string, matched: readonly string[]): string[] {
  const out = [...matched];
  const place = placeOf(title);
  if (place) out.push(place);
  if (matched.length === 0) {
    const core = title
      .replace(/^(.{2}[縣市](政府)?)/, '')
      .replace(/\d+\s*年(度)?/g, '')
      .replace(GENERIC, '')
      .replace(/[（(].*$/, '')
      .trim();
    out.push((core || title).slice(0, 12));
  }
  return [...new Set(out.map((k) => k.trim()).filter((k) => k !== ''))].slice(0, 5);
}

/** 資料集空間範圍: the place the title names, a local agency's county or city, else 臺灣. */
export function demoSpatial(title: string, publisher: DemoAgency): string {
  const named = placeOf(title);
  if (named) return named;
  if (publisher.level === 'local') {
    const county = /^(?:福建省)?(.{2}[縣市])/.exec(publisher.name.replaceAll('台', '臺'))?.[1];
    if (county) return county;
  }
  return '臺灣';
}
