import { parse } from 'csv-parse/sync';
import { DemoRandom } from './demo-random.ts';
import { readRealText } from './demo-real-files.ts';

/**
 * Real dataset titles the demo catalogue is built from: the 2018 catalogues of
 * 宜蘭縣, 高雄市 and 臺南市 (title, description, slug; 宜蘭縣's CP950 export adds the
 * unit, contact and phone), then the 35,000 titles of data.gov.tw (2018).
 */
export type TitleSource = 'yilan' | 'kaohsiung' | 'tainan' | 'datagovtw';

export interface TitleEntry {
  title: string;
  description: string | null;
  source: TitleSource;
  /** The dataset's path on its city portal in 2018, e.g. /dataset/pubpipe. */
  slug: string | null;
  /** 資料來源, e.g. 民政處_宗教禮俗科 (宜蘭縣 only). */
  unit: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** The government that published each city catalogue. */
export const CITY_PUBLISHERS: Record<Exclude<TitleSource, 'datagovtw'>, string> = {
  yilan: '宜蘭縣政府',
  kaohsiung: '高雄市政府',
  tainan: '臺南市政府',
};

/** The city portals the catalogues came from (named in notes, never fetched). */
export const CITY_PORTALS: Record<Exclude<TitleSource, 'datagovtw'>, string> = {
  yilan: '宜蘭縣政府資料開放平臺 opendata.e-land.gov.tw',
  kaohsiung: '高雄市政府資料開放平臺 data.kcg.gov.tw',
  tainan: '臺南市政府資料開放平臺 data.tainan.gov.tw',
};

const text = (v: string | undefined): string | null => {
  const t = (v ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

function readCatalogue(name: string, source: TitleEntry['source']): TitleEntry[] {
  const rows = parse(readRealText(name), {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
  return rows
    .map(([title, description, slug]) => ({
      title: text(title) ?? '',
      description: text(description),
      source,
      slug: text(slug),
      unit: null,
      contactName: null,
      contactPhone: null,
    }))
    .filter((e) => e.title !== '');
}

/** 宜蘭縣's catalogue: descriptions and slugs from the UTF-8 list, units and contacts from the CP950 one. */
function readYilan(): TitleEntry[] {
  const listed = readCatalogue('yilan-catalog-2018.csv', 'yilan');
  const rows = parse(readRealText('yilan-catalog-2018-cp950.csv'), {
    columns: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const contacts = new Map(rows.map((r) => [text(r['資料集名稱']) ?? '', r]));
  const merged = listed.map((e) => {
    const c = contacts.get(e.title);
    contacts.delete(e.title);
    return c
      ? {
          ...e,
          description: e.description ?? text(c['資料說明']),
          unit: text(c['資料來源']),
          contactName: text(c['聯絡人']),
          contactPhone: text(c['聯絡電話']),
        }
      : e;
  });
  for (const [title, c] of contacts) {
    if (title === '') continue;
    merged.push({
      title,
      description: text(c['資料說明']),
      source: 'yilan',
      slug: null,
      unit: text(c['資料來源']),
      contactName: text(c['聯絡人']),
      contactPhone: text(c['聯絡電話']),
    });
  }
  return merged;
}

function uniqueByTitle(entries: readonly TitleEntry[], seen: Set<string>): TitleEntry[] {
  return entries.filter((e) => {
    if (e.title.length > 255 || seen.has(e.title)) return false;
    seen.add(e.title);
    return true;
  });
}

function shuffle<T>(items: T[], random: DemoRandom): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * data.gov.tw titles (all in the 2018 list) that always join the demo before the
 * shuffled rest: what a first visitor looks for — Taipei and New Taipei parking — so
 * that searching 「台北 停車」 finds real examples.
 */
export const FEATURED_NATIONAL_TITLES: readonly string[] = [
  '臺北市路外停車場',
  '臺北市路邊停車格位',
  '臺北市停車場資訊',
  '臺北市身心障礙停車格',
  '臺北市公有路外停車場無障礙設施設置情形',
  '新北市路外公共停車場資訊',
  '新北市公有路外停車場即時賸餘車位數',
];

let cached: { entries: TitleEntry[]; cityCount: number } | undefined;

/**
 * Every title, deduplicated: the city catalogues first (in file order), then the
 * featured data.gov.tw titles, then the rest of them in a fixed shuffled order, so
 * that any prefix of the list mixes central and local agencies.
 */
export function loadTitleEntries(): { entries: readonly TitleEntry[]; cityCount: number } {
  if (cached) return cached;
  const seen = new Set<string>();
  const city = uniqueByTitle(
    [
      ...readYilan(),
      ...readCatalogue('kaohsiung-catalog-2018.csv', 'kaohsiung'),
      ...readCatalogue('tainan-catalog-2018.csv', 'tainan'),
    ],
    seen,
  );
  const national = readRealText('datagovtw-titles-2018.txt')
    .split('\n')
    .map((line) => line.trim())
    .filter((title) => title !== '')
    .map((title): TitleEntry => ({
      title,
      description: null,
      source: 'datagovtw',
      slug: null,
      unit: null,
      contactName: null,
      contactPhone: null,
    }));
  // Shuffled before the featured titles move to the front, so the rest keep their order.
  const shuffled = shuffle(uniqueByTitle(national, seen), new DemoRandom('data.gov.tw titles 2018'));
  const featured = new Set(FEATURED_NATIONAL_TITLES);
  const entries = [
    ...city,
    ...shuffled.filter((e) => featured.has(e.title)),
    ...shuffled.filter((e) => !featured.has(e.title)),
  ];
  cached = { entries, cityCount: city.length };
  return cached;
}
