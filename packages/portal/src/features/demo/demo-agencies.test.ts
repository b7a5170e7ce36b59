import { describe, expect, it } from 'vitest';
import { parseAgencyRegistry } from '../organizations/agency-registry.ts';
import { AgencyCodeBook, demoAgencyCode } from './demo-agency-codes.ts';
import { AgencyDirectory, choosePublisher } from './demo-agencies.ts';
import { DemoRandom } from './demo-random.ts';
import { readRealText } from './demo-real-files.ts';
import type { TitleEntry } from './demo-sources.ts';
import { classifyTitle, DEFAULT_TOPIC, TOPICS } from './demo-topics.ts';

const directory = new AgencyDirectory(parseAgencyRegistry(readRealText('agency-oid-registry-2016.csv')));
const entry = (title: string, more: Partial<TitleEntry> = {}): TitleEntry => ({
  title,
  description: null,
  source: 'datagovtw',
  slug: null,
  unit: null,
  contactName: null,
  contactPhone: null,
  ...more,
});
const publisherOf = (title: string, more: Partial<TitleEntry> = {}) =>
  choosePublisher(directory, entry(title, more), classifyTitle(title), new DemoRandom(title)).name;

describe('demo publishers', () => {
  it('takes the agency a title names, the longest name first', () => {
    expect(publisherOf('交通部中央氣象局颱風警報')).toBe('交通部中央氣象局');
    expect(publisherOf('經濟部水利署水庫蓄水狀況')).toBe('經濟部水利署');
    expect(publisherOf('台北市政府警察局交通事故統計')).toBe('臺北市政府警察局');
  });

  it('gives a city title to the bureau of that city for its topic', () => {
    expect(publisherOf('臺北市公車站牌位置')).toBe('臺北市政府交通局');
    expect(publisherOf('高雄市登革熱病例統計')).toBe('高雄市政府衛生局');
    expect(publisherOf('宜蘭縣空氣品質監測資料')).toBe('宜蘭縣政府環境保護局');
    expect(publisherOf('臺南市停車場資訊')).toBe('臺南市政府交通局');
  });

  it('keeps a city catalogue entry with its city', () => {
    expect(publisherOf('電動機車充電站名稱及充電站地址', { source: 'kaohsiung' })).toBe('高雄市政府交通局');
    expect(publisherOf('宜蘭縣殯葬設施一覽表', { source: 'yilan', unit: '民政處_宗教禮俗科' })).toBe(
      '宜蘭縣政府',
    );
  });

  it('otherwise picks the ministry of the topic', () => {
    expect(publisherOf('全國雨量站觀測資料')).toBe('交通部中央氣象局');
    expect(publisherOf('疫苗接種統計')).toBe('衛生福利部疾病管制署');
    expect(publisherOf('全國空氣品質指標')).toBe('行政院環境保護署');
  });

  it('names only agencies that are in the registry', () => {
    for (const topic of [...TOPICS, DEFAULT_TOPIC]) {
      for (const name of topic.central) expect(directory.find(name), name).toBeDefined();
    }
  });
});

describe('demo agency codes', () => {
  it('derives synthetic codes from the OID: two digits an arc, G central, A local', () => {
    expect(demoAgencyCode('2.16.886.101.20003.20008.20004', 'central')).toBe('030804000G');
    expect(demoAgencyCode('2.16.886.101.90003.20002', 'local')).toBe('030200000A');
    expect(demoAgencyCode('2.16.886.101.90029.20002.20022', 'local')).toBe('290222000A');
  });

  it('never hands out a code twice and counts serials per code', () => {
    const book = new AgencyCodeBook(
      new Map(),
      ['030804000G'],
      new Map(),
      new Map([['2.16.886.101.20003.20007.20014', '313200000G']]),
    );
    const weather = { oid: '2.16.886.101.20003.20008.20004', level: 'central' as const };
    expect(book.codeFor(weather)).toBe('030804001G');
    expect(book.nextIdentifier(weather)).toBe('030804001G-000001');
    expect(book.nextIdentifier(weather)).toBe('030804001G-000002');
    expect(book.nextIdentifier({ oid: '2.16.886.101.20003.20007.20014', level: 'central' })).toBe(
      '313200000G-000001',
    );
    expect(book.takeNewCodes().map((c) => c.code)).toEqual(['030804001G', '313200000G']);
    expect(book.takeNewCodes()).toEqual([]);
  });
});
