import type { DemoRandom } from './demo-random.ts';
import type { ValueKind } from './demo-fields.ts';

/** Plausible cell values for generated demo files. No personal data: no names of people, no mobile numbers. */

/** County or city → [longitude, latitude] of its seat, and some of its districts. */
const PLACES: Record<string, { at: [number, number]; districts: string[]; area: string }> = {
  臺北市: {
    at: [121.5654, 25.033],
    area: '02',
    districts: [
      '中正區',
      '大同區',
      '中山區',
      '松山區',
      '大安區',
      '萬華區',
      '信義區',
      '士林區',
      '北投區',
      '內湖區',
      '南港區',
      '文山區',
    ],
  },
  新北市: {
    at: [121.4628, 25.0119],
    area: '02',
    districts: [
      '板橋區',
      '三重區',
      '中和區',
      '永和區',
      '新莊區',
      '新店區',
      '土城區',
      '蘆洲區',
      '汐止區',
      '淡水區',
    ],
  },
  桃園市: {
    at: [121.3009, 24.9936],
    area: '03',
    districts: ['桃園區', '中壢區', '平鎮區', '八德區', '楊梅區', '蘆竹區', '龜山區', '大園區'],
  },
  臺中市: {
    at: [120.6736, 24.1477],
    area: '04',
    districts: ['中區', '東區', '西區', '南區', '北區', '西屯區', '南屯區', '北屯區', '豐原區', '大里區'],
  },
  臺南市: {
    at: [120.2269, 22.9999],
    area: '06',
    districts: ['中西區', '東區', '南區', '北區', '安平區', '安南區', '永康區', '新營區', '麻豆區', '佳里區'],
  },
  高雄市: {
    at: [120.3014, 22.6273],
    area: '07',
    districts: [
      '新興區',
      '前金區',
      '苓雅區',
      '鹽埕區',
      '鼓山區',
      '前鎮區',
      '三民區',
      '左營區',
      '楠梓區',
      '鳳山區',
      '岡山區',
      '旗山區',
    ],
  },
  宜蘭縣: {
    at: [121.7537, 24.7021],
    area: '03',
    districts: [
      '宜蘭市',
      '羅東鎮',
      '蘇澳鎮',
      '頭城鎮',
      '礁溪鄉',
      '壯圍鄉',
      '員山鄉',
      '冬山鄉',
      '五結鄉',
      '三星鄉',
    ],
  },
  臺東縣: {
    at: [121.1439, 22.7583],
    area: '089',
    districts: ['臺東市', '成功鎮', '關山鎮', '卑南鄉', '鹿野鄉', '池上鄉', '東河鄉', '太麻里鄉'],
  },
  花蓮縣: {
    at: [121.6014, 23.9872],
    area: '03',
    districts: ['花蓮市', '鳳林鎮', '玉里鎮', '新城鄉', '吉安鄉', '壽豐鄉'],
  },
  屏東縣: {
    at: [120.4879, 22.6727],
    area: '08',
    districts: ['屏東市', '潮州鎮', '東港鎮', '恆春鎮', '萬丹鄉', '內埔鄉'],
  },
  新竹市: { at: [120.9647, 24.8138], area: '03', districts: ['東區', '北區', '香山區'] },
  嘉義市: { at: [120.4491, 23.4801], area: '05', districts: ['東區', '西區'] },
  彰化縣: {
    at: [120.5161, 24.0518],
    area: '04',
    districts: ['彰化市', '員林市', '鹿港鎮', '和美鎮', '北斗鎮'],
  },
  雲林縣: {
    at: [120.5274, 23.7092],
    area: '05',
    districts: ['斗六市', '斗南鎮', '虎尾鎮', '西螺鎮', '北港鎮'],
  },
};
const COUNTIES = [
  '臺北市',
  '新北市',
  '桃園市',
  '臺中市',
  '臺南市',
  '高雄市',
  '基隆市',
  '新竹縣',
  '新竹市',
  '苗栗縣',
  '彰化縣',
  '南投縣',
  '雲林縣',
  '嘉義縣',
  '嘉義市',
  '屏東縣',
  '宜蘭縣',
  '花蓮縣',
  '臺東縣',
  '澎湖縣',
  '金門縣',
  '連江縣',
];
const ROADS = [
  '中山路',
  '中正路',
  '民生路',
  '民權路',
  '和平路',
  '復興路',
  '建國路',
  '光復路',
  '自由路',
  '信義路',
  '仁愛路',
  '文化路',
];
const VILLAGES = [
  '中山里',
  '中正里',
  '民生里',
  '仁愛里',
  '信義里',
  '和平里',
  '光明里',
  '忠孝里',
  '福德里',
  '新興里',
];

/** The county or city a title is about, if it names one we know. */
export function placeOf(title: string): string | undefined {
  const t = title.replaceAll('台', '臺');
  return Object.keys(PLACES).find((p) => t.includes(p));
}

/** 中正區 → 中正, but 東區 stays 東區. */
const shortDistrict = (d: string): string => (d.length > 2 ? d.slice(0, -1) : d);

/** What the rows of a file name their things after: 站, 停車場, 公園… */
function thingOf(title: string): string {
  const things: [RegExp, string][] = [
    [/停車/, '停車場'],
    [/公車|客運/, '站'],
    [/雨量|氣象|測站|觀測/, '測站'],
    [/公園/, '公園'],
    [/圖書館/, '分館'],
    [/學校|國小|國中/, '國小'],
    [/醫院|診所|醫療/, '診所'],
    [/避難|收容/, '活動中心'],
    [/充電/, '充電站'],
    [/市場/, '市場'],
  ];
  return things.find(([re]) => re.test(title))?.[1] ?? '服務據點';
}

export class DemoValues {
  private readonly place: string | undefined;
  private readonly districts: readonly string[];
  private readonly thing: string;

  constructor(
    private readonly random: DemoRandom,
    private readonly title: string,
  ) {
    this.place = placeOf(title);
    this.districts = this.place ? (PLACES[this.place]?.districts ?? []) : [];
    this.thing = thingOf(title);
  }

  private district(row: number): string {
    return this.districts.length > 0
      ? (this.districts[row % this.districts.length] as string)
      : this.random.pick(['東區', '西區', '南區', '北區', '中區']);
  }

  private around(axis: 0 | 1): number {
    const centre = this.place ? (PLACES[this.place]?.at[axis] ?? 0) : axis === 0 ? 120.9 : 23.7;
    const spread = this.place ? 0.08 : 0.9;
    return Number((centre + (this.random.next() - 0.5) * 2 * spread).toFixed(6));
  }

  value(kind: ValueKind, row: number): string | number {
    const r = this.random;
    switch (kind) {
      case 'code':
        return `${String.fromCharCode(65 + (row % 26))}${String(1000 + row * 7 + r.int(0, 6)).padStart(5, '0')}`;
      case 'name':
        return this.place
          ? `${shortDistrict(this.district(row))}第${Math.floor(row / this.districts.length) + 1}${this.thing}`
          : `${this.thing}${String(row + 1).padStart(2, '0')}`;
      case 'county':
        return this.place ?? r.pick(COUNTIES);
      case 'district':
        return this.district(row);
      case 'village':
        return r.pick(VILLAGES);
      case 'address':
        return `${this.place ?? r.pick(COUNTIES)}${this.district(row)}${r.pick(ROADS)}${r.int(1, 4)}段${r.int(1, 399)}號`;
      case 'phone': {
        const area = this.place ? (PLACES[this.place]?.area ?? '02') : '02';
        return `(${area})${r.int(2000, 9999)}-${String(r.int(0, 9999)).padStart(4, '0')}`;
      }
      case 'longitude':
        return this.around(0);
      case 'latitude':
        return this.around(1);
      case 'twd97x':
        return Number((r.int(160_000, 350_000) + r.next()).toFixed(2));
      case 'twd97y':
        return Number((r.int(2_420_000, 2_800_000) + r.next()).toFixed(2));
      case 'year':
        return 105 + (row % 9);
      case 'month':
        return (row % 12) + 1;
      case 'date':
        return r.date('2017-01-01', '2024-12-31');
      case 'datetime':
        return `2024-0${1 + (row % 9)}-${String(1 + (row % 28)).padStart(2, '0')} ${String(row % 24).padStart(2, '0')}:00`;
      case 'integer':
        return r.int(0, 5000);
      case 'decimal':
        return Number((r.next() * 500).toFixed(1));
      case 'percent':
        return Number((r.next() * 100).toFixed(1));
      case 'aqi':
        return r.int(12, 160);
      case 'pm25':
        return r.int(2, 70);
      case 'unit':
        return r.pick(['件', '人', '處', '公噸', '毫米']);
      case 'item':
        return ['總計', '男', '女'][row % 3] as string;
      case 'category':
        return r.pick(['甲類', '乙類', '丙類', '其他']);
      case 'status':
        return r.pick(['良好', '普通', '正常', '維護中']);
      case 'account':
        return r.pick([
          '稅課收入',
          '規費收入',
          '罰款及賠償收入',
          '財產收入',
          '補助收入',
          '一般政務支出',
          '教育科學文化支出',
        ]);
      case 'title':
        return `${this.title}（第${row + 1}則）`;
      case 'summary':
        return `${this.title}相關說明，第${row + 1}則。`;
      case 'text':
        return `${this.title.slice(0, 12)}${row + 1}`;
    }
  }
}
