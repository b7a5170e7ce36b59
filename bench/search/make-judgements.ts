/**
 * Writes bench/search/judged-queries.json: the B2 judged query set with its relevance
 * judgements, from the demo catalogue (`odp serve --demo`, the same catalogue on every
 * run) seeded into a temporary SQLite database. The judgements are written out as fixed
 * identifier lists; the evaluation never recomputes them. Re-run after the demo seed
 * changes:
 *
 *   node scripts/run-node24.cjs --import tsx bench/search/make-judgements.ts
 *
 * The rules (README.md): a dataset is relevant to a query when, after folding both
 * sides (NFKC — full-width → half-width —, lower case, 臺 → 台):
 *   text     every judged term is a substring of the dataset text (title, keywords,
 *            主要欄位說明, description, agency name: what the FTS5 baseline indexes);
 *   english  every judged term is a whole word of that text (words are split on
 *            anything but letters and digits, so route_name has the words route, name);
 *   agency   the publishing agency's name, or the title, contains every judged term.
 * The judged terms are the query's own words, except for simplified-Chinese queries
 * (their traditional form, written out by hand) and typos (the correct spelling).
 * Only datasets the public can list (published, delisting scheduled, historical) count.
 *
 * Graded: `highlyRelevant` is the part of `relevant` that is about what was asked,
 * with the same folding:
 *   text     every judged term is a substring of the title or keywords (each term in
 *            either; a term only in 主要欄位說明, the description or the agency name
 *            leaves the dataset merely relevant);
 *   english  every judged term is a whole word of the title or keywords;
 *   agency   the publishing agency's name contains every judged term (a title hit
 *            alone leaves it merely relevant).
 * relevance.ts gives highly relevant datasets gain 2 and the other relevant ones gain 1
 * in nDCG@10; recall@50 and precision@10 use `relevant` only.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { seedCatalogue } from './catalogue.ts';
import { datasetText, englishWordPattern, fold, JUDGED_CAP, listed, titleKeywordText } from './judging.ts';
import type { JudgedQuery } from './relevance.ts';

type Rule = 'text' | 'english' | 'agency';
interface Spec {
  query: string;
  /** The words judged, when they are not the query's own. */
  terms?: string[];
  rule?: Rule;
  note?: string;
}

/** Simplified query → traditional words judged. */
const s = (query: string, traditional: string): Spec => ({
  query,
  terms: traditional.split(' '),
  note: `simplified for ${traditional}`,
});
/** English typo → the correct words judged. */
const typo = (query: string, correct: string): Spec => ({
  query,
  terms: correct.toLowerCase().split(' '),
  rule: 'english',
  note: `typo for ${correct}`,
});
const en = (query: string, note?: string): Spec => ({ query, rule: 'english', ...(note ? { note } : {}) });
const agency = (query: string, note?: string): Spec => ({ query, rule: 'agency', ...(note ? { note } : {}) });

const GROUPS: Record<string, Spec[]> = {
  'two-char': [
    '雨量',
    '地價',
    '停車',
    '水質',
    '人口',
    '公車',
    '垃圾',
    '學校',
    '醫院',
    '空氣',
    '道路',
    '颱風',
    '淹水',
    '里長',
    '戶數',
    '公園',
    '動物',
    '就業',
    '犯罪',
    '火災',
    '救護',
    '疫苗',
    '托育',
    '回收',
    '噪音',
    '水庫',
    '漁業',
    '選舉',
    '圖書',
    '觀光',
  ].map((query) => ({ query })),
  'multi-word': [
    '公車 路線',
    '高雄 公車',
    '空氣 品質',
    '停車 收費',
    '土地 公告',
    '戶籍 人口',
    '火災 統計',
    '資源 回收',
    '水質 監測',
    '地價 公告',
    '高雄 火災',
    '臺南 醫院',
    '公共 自行車',
    '高雄 停車',
    '臺南 停車',
    '宜蘭 旅遊',
    '垃圾 清運',
    '里長 選舉',
    '宜蘭縣 人口',
    '臺南市 登革熱',
    '空氣品質 監測站',
    '公告土地現值 板橋區',
    '登革熱 病媒蚊',
    '停車場 收費',
  ].map((query) => ({ query })),
  variant: [
    { query: '台北市', note: 'titles write 臺北市' },
    { query: '臺北市' },
    { query: '台中市', note: 'titles write 臺中市' },
    { query: '臺中市' },
    { query: '台灣', note: 'titles write both' },
    { query: '臺灣' },
    { query: '臺電', note: 'titles write 台電' },
    { query: '台電' },
    { query: '台鐵', note: 'titles write both' },
    { query: '臺鐵' },
    { query: '台東', note: 'titles write 臺東' },
    { query: '台閩', note: 'titles write both' },
    { query: '台南 停車', note: 'titles write 臺南' },
    { query: '台南 地價' },
    { query: '台南市 登革熱' },
    { query: '台南 醫院' },
    { query: '台灣土地銀行', note: 'titles write 臺灣土地銀行' },
    { query: '臺灣電力公司', note: 'titles write 台灣電力公司' },
    { query: '國立台灣圖書館' },
    { query: '台北市 公園' },
  ],
  simplified: [
    s('台湾', '台灣'),
    s('台湾 电力', '台灣 電力'),
    s('停车场', '停車場'),
    s('地价', '地價'),
    s('水质', '水質'),
    s('医院', '醫院'),
    s('学校', '學校'),
    s('台风', '颱風'),
    s('选举', '選舉'),
    s('户数', '戶數'),
    s('火灾', '火災'),
    s('救护', '救護'),
    s('资源 回收', '資源 回收'),
    s('观光', '觀光'),
    s('渔业', '漁業'),
    s('图书馆', '圖書館'),
    s('登革热', '登革熱'),
    s('空气 品质', '空氣 品質'),
    s('公车 路线', '公車 路線'),
    s('高雄 停车场', '高雄 停車場'),
    s('台南 医院', '台南 醫院'),
  ],
  'full-width': [
    { query: 'ＣＳＶ' },
    { query: 'ＡＥＤ', rule: 'english' },
    { query: 'ＷｉＦｉ', rule: 'english' },
    { query: 'ＣＣＴＶ', rule: 'english' },
    { query: 'ＴＷＤ９７', rule: 'english' },
    { query: 'ＹｏｕＢｉｋｅ', rule: 'english' },
    { query: 'ＸＭＬ', rule: 'english' },
    { query: '１０７年' },
    { query: '１０５年 火災' },
    { query: '５歲以上常住人口', note: 'the title writes ５歲' },
    { query: '5歲以上常住人口', note: 'half-width query, the title writes ５歲' },
    { query: '第2屆', note: 'titles write 第2屆 and 第２屆' },
    { query: '第２屆 里長' },
    { query: '高雄　停車', note: 'an ideographic space (U+3000) between the words' },
    { query: '目錄(2018年)', note: 'titles write （2018年）' },
  ],
  english: [
    en('YouBike'),
    en('WiFi'),
    en('CCTV'),
    en('AED'),
    en('HIV'),
    en('CEMS'),
    en('TWD97'),
    en('SHP'),
    en('ECFA'),
    en('open data'),
    en('VOCs'),
    en('beacon'),
    en('UAV'),
    en('MRT'),
    en('economic development'),
    en('keep going'),
    en('aqi', 'the aqi column of 主要欄位說明'),
    en('stop name', 'the stop_name column of 主要欄位說明'),
    en('station_name'),
    en('land transaction', 'English field descriptions of 主要欄位說明'),
    en('QGIS'),
    en('eTag'),
    en('SBIR'),
  ],
  agency: [
    agency('交通部'),
    agency('財政部'),
    agency('衛生福利部'),
    agency('經濟部'),
    agency('內政部'),
    agency('教育部'),
    agency('勞動部'),
    agency('行政院主計總處'),
    agency('國家發展委員會'),
    agency('金融監督管理委員會'),
    agency('司法院'),
    agency('苗栗縣政府'),
    agency('雲林縣政府'),
    agency('臺南市政府衛生局'),
    agency('高雄市政府消防局'),
    agency('宜蘭縣政府文化局'),
    agency('高雄市 消防局'),
    agency('台南市政府地政局', 'the agency writes 臺南市政府'),
    agency('行政院環境保護署'),
    agency('行政院農業委員會'),
  ],
  typo: [
    typo('YouBkie', 'YouBike'),
    typo('beacn', 'beacon'),
    typo('sentinel', 'Sentinal'),
    typo('bussiness', 'business'),
    typo('histroy', 'history'),
    typo('economc development', 'economic development'),
    typo('economic developement', 'economic development'),
    typo('coutny', 'county'),
    typo('sumary', 'summary'),
    typo('transacton', 'transaction'),
    typo('buliding', 'building'),
    typo('statoin name', 'station name'),
    typo('rout name', 'route name'),
    typo('opne data', 'open data'),
    typo('keep goign', 'keep going'),
    typo('Youbik', 'YouBike'),
  ],
};

type Doc = Parameters<typeof datasetText>[0];
interface Judge {
  /** The binary rule: relevant. */
  relevant: (d: Doc) => boolean;
  /** The graded rule, applied to relevant datasets only: highly relevant. */
  highly: (d: Doc) => boolean;
}

function judge(spec: Spec): Judge {
  const rule = spec.rule ?? 'text';
  const terms = (spec.terms ?? fold(spec.query).split(/\s+/)).map(fold).filter(Boolean);
  if (rule === 'english') {
    const patterns = terms.map(englishWordPattern);
    const words = (text: string) => patterns.every((p) => p.test(text));
    return {
      relevant: (d) => words(fold(datasetText(d))),
      highly: (d) => words(fold(titleKeywordText(d))),
    };
  }
  const substrings = (text: string) => terms.every((w) => text.includes(w));
  if (rule === 'agency')
    return {
      relevant: (d) => [fold(d.agencyZh), fold(d.titleZh)].some(substrings),
      highly: (d) => substrings(fold(d.agencyZh)),
    };
  return {
    relevant: (d) => substrings(fold(datasetText(d))),
    highly: (d) => substrings(fold(titleKeywordText(d))),
  };
}

function ruleNote(spec: Spec): string {
  const rule = spec.rule ?? 'text';
  const terms = spec.terms ?? spec.query.split(/\s+/);
  const what =
    rule === 'english'
      ? 'as whole words of the dataset text'
      : rule === 'agency'
        ? 'in the agency name or the title'
        : 'in the dataset text';
  return `${rule}: ${terms.map((t) => `«${t}»`).join(' AND ')} ${what}`;
}

async function main(): Promise<void> {
  const catalogue = await seedCatalogue();
  try {
    const docs = catalogue.docs.filter(listed);
    const queries: JudgedQuery[] = [];
    const problems: string[] = [];
    for (const [group, specs] of Object.entries(GROUPS)) {
      specs.forEach((spec, i) => {
        const { relevant, highly } = judge(spec);
        const matched = docs.filter(relevant);
        const all = matched.map((d) => d.identifier);
        const id = `${group}-${String(i + 1).padStart(2, '0')}`;
        if (all.length === 0) problems.push(`${id} ${spec.query}: nothing relevant`);
        const judged = matched.slice(0, JUDGED_CAP);
        const note = [ruleNote(spec), spec.note].filter(Boolean).join('; ');
        queries.push({
          id,
          group,
          query: spec.query,
          relevant: judged.map((d) => d.identifier),
          ...(all.length > JUDGED_CAP ? { relevantTotal: all.length } : {}),
          highlyRelevant: judged.filter(highly).map((d) => d.identifier),
          note,
        });
      });
    }
    if (problems.length) throw new Error(`judged set has problems:\n${problems.join('\n')}`);
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'judged-queries.json');
    // Formatted as the repo's prettier would, so `npm run lint` passes on a fresh file.
    const options = (await resolveConfig(file)) ?? {};
    writeFileSync(file, await format(JSON.stringify(queries), { ...options, filepath: file }));
    const counts = new Map<string, number>();
    for (const q of queries) counts.set(q.group, (counts.get(q.group) ?? 0) + 1);
    console.log(
      `${queries.length} queries over ${docs.length} listed datasets: ` +
        [...counts].map(([g, n]) => `${g} ${n}`).join(', '),
    );
    console.log('id             relevant  highly  query');
    for (const q of queries)
      console.log(
        `${q.id.padEnd(14)} ${String(q.relevantTotal ?? q.relevant.length).padStart(8)}  ` +
          `${String(q.highlyRelevant.length).padStart(6)}  ${q.query}`,
      );
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await catalogue.destroy();
  }
}

await main();
