/**
 * What a dataset title is about, guessed from keywords: its 服務分類, themes, the
 * bureau of a city that would publish it, the ministry that would publish it
 * nationally, the shape of its table and how often it changes. The first topic whose
 * pattern matches is the dataset's topic; later matches add themes and keywords.
 */
export type FieldTemplate =
  | 'observation'
  | 'airQuality'
  | 'facility'
  | 'transit'
  | 'statistics'
  | 'budget'
  | 'announcement'
  | 'register'
  | 'case';

export interface Topic {
  id: string;
  pattern: RegExp;
  categoryCode: string;
  themes: readonly string[];
  /** Bureau names under a city or county government, tried in order (臺北市政府 + 交通局). */
  bureaus: readonly string[];
  /** Central agencies, by registry name, tried in order. */
  central: readonly string[];
  fields: FieldTemplate;
  frequency?: string;
}

const t = (
  id: string,
  pattern: RegExp,
  categoryCode: string,
  themes: string[],
  bureaus: string[],
  central: string[],
  fields: FieldTemplate,
  frequency?: string,
): Topic => ({
  id,
  pattern,
  categoryCode,
  themes,
  bureaus,
  central,
  fields,
  ...(frequency ? { frequency } : {}),
});

// One topic a line: a table reads better than prettier's layout of it.
// prettier-ignore
export const TOPICS: readonly Topic[] = [
  t('weather', /雨量|氣象|氣溫|颱風|天氣|降雨|地震|潮汐|紫外線|日照/, 'E00', ['climate', 'climate-01'], ['環境保護局'], ['交通部中央氣象局'], 'observation', '每1小時'),
  t('air', /空氣|空品|PM2\.?5|懸浮微粒|臭氧/, 'E00', ['climate', 'climate-02'], ['環境保護局'], ['行政院環境保護署'], 'airQuality', '每1小時'),
  t('emission', /溫室氣體|碳排|排放/, 'E00', ['climate', 'climate-04'], ['環境保護局'], ['行政院環境保護署'], 'statistics', '每1年'),
  t('environment', /環境|環保|污染|汙染|水質|噪音|垃圾|資源回收|廢棄物|清潔|焚化/, 'E00', ['climate', 'climate-03'], ['環境保護局'], ['行政院環境保護署'], 'facility'),
  t('disaster', /避難|收容|防災|災害|淹水|土石流|救災|水災|坡地/, 'E00', ['disaster', 'disaster-01'], ['消防局', '民政局', '民政處'], ['內政部消防署'], 'facility'),
  t('fire', /消防|火災|救護|119/, 'E00', ['disaster', 'disaster-03'], ['消防局'], ['內政部消防署'], 'case', '每1月'),
  t('epizootic', /疫病|禽流感|口蹄疫|狂犬病|動物防疫|植物防疫/, 'E00', ['disaster', 'disaster-02'], ['農業局', '動物防疫保護處'], ['行政院農業委員會動植物防疫檢疫局'], 'case'),
  t('safety', /事故|違規|酒駕|測速|交通安全|肇事/, 'A00', ['transport', 'transport-04'], ['警察局', '交通局'], ['內政部警政署', '交通部'], 'case', '每1月'),
  t('lowCarbon', /自行車|YouBike|微笑單車|公共自行車|電動機車|充電站|電動車/i, 'A00', ['transport', 'transport-03'], ['交通局', '交通處'], ['交通部'], 'facility'),
  t('publicTransport', /公車|客運|捷運|火車|鐵路|高鐵|台鐵|臺鐵|車站|站牌|航班|機場|渡輪|交通船/, 'A00', ['transport', 'transport-01'], ['交通局', '交通處'], ['交通部公路總局', '交通部臺灣鐵路管理局', '交通部'], 'transit', '每1日'),
  t('road', /停車|道路|路況|路段|號誌|橋梁|橋樑|路燈|公路|國道|交通|車輛|機車|汽車|計程車/, 'A00', ['transport', 'transport-02'], ['交通局', '交通處', '工務局'], ['交通部公路總局', '交通部'], 'facility'),
  t('tourism', /觀光|旅遊|景點|旅館|民宿|遊憩|露營|步道|遊客|休閒/, '900', ['transport', 'transport-05'], ['觀光局', '觀光旅遊局', '觀光傳播局', '工商旅遊處'], ['交通部觀光局'], 'facility'),
  t('epidemic', /疫苗|傳染|登革熱|流感|病媒蚊|疾病|愛滋|結核|腸病毒|疫情/, 'B00', ['health', 'health-01'], ['衛生局'], ['衛生福利部疾病管制署'], 'case', '每1週'),
  t('foodDrug', /食品|藥品|藥物|藥局|餐廳|餐飲|農藥殘留|化粧品/, 'E00', ['health', 'health-02'], ['衛生局'], ['衛生福利部食品藥物管理署'], 'register'),
  t('medical', /醫院|診所|醫療|衛生|健康|健保|醫事|病床|急救|長照|護理/, 'B00', ['health', 'health-03'], ['衛生局'], ['衛生福利部', '衛生福利部中央健康保險署'], 'facility'),
  t('energy', /電力|能源|發電|太陽光電|再生能源|油價|加油站|用電|風力|天然氣/, 'I00', ['energy', 'energy-01'], ['經濟發展局', '產業發展局'], ['經濟部能源局'], 'statistics', '每1月'),
  t('elderly', /老人|長者|高齡|銀髮|敬老|安養/, 'G00', ['welfare', 'welfare-01'], ['社會局', '社會處'], ['衛生福利部社會及家庭署'], 'facility'),
  t('welfare', /福利|身心障礙|低收入|弱勢|救助|補助|津貼|托育|兒童|少年|婦女|社工|社區發展|關懷/, 'I00', ['welfare', 'welfare-03'], ['社會局', '社會處'], ['衛生福利部'], 'statistics', '每1年'),
  t('agriculture', /農|漁|畜|林業|森林|造林|作物|水果|果樹|果菜|稻|茶|養殖|肥料|花卉/, 'I00', ['agriculture', 'agriculture-01'], ['農業局', '農業處'], ['行政院農業委員會', '行政院農業委員會漁業署', '行政院農業委員會林務局'], 'statistics', '每1年'),
  t('water', /水利|水庫|河川|水位|抽水|排水|下水道|自來水|地下水|堤防/, 'E00', ['disaster', 'disaster-01'], ['水利局', '水利處', '工務局'], ['經濟部水利署'], 'observation', '每1日'),
  t('spatial', /地圖|圖資|地籍|界線|坐標|座標|門牌|地形|航照|衛星|測量|圖層|GIS/i, 'C00', ['spatial', 'spatial-01'], ['地政局', '地政處'], ['內政部', '內政部國土測繪中心'], 'register'),
  t('housing', /不動產|實價|房屋|住宅|租屋|建照|使用執照|都市計畫|地價|建物|土地/, 'C00', ['statistics', 'statistics-02'], ['地政局', '地政處', '都市發展局', '建設處'], ['內政部營建署', '內政部'], 'case', '每1月'),
  t('election', /選舉|投票|候選人|議員|村里長|選區|公投|鄉鎮市長|直轄市長|縣市長|民意代表/, 'D00', [], ['民政局', '民政處'], ['中央選舉委員會', '內政部'], 'register', '不定期'),
  t('retirement', /退休|年金|退撫|撫卹/, 'F00', ['welfare', 'welfare-03'], ['人事處'], ['銓敘部', '勞動部'], 'statistics', '每1年'),
  t('funeral', /殯葬|墓|納骨|火化|生命禮儀|禮廳/, 'H00', [], ['民政局', '民政處'], ['內政部'], 'facility'),
  t('military', /兵役|替代役|役男|國軍|後備/, '400', [], ['兵役局', '民政局', '民政處'], ['內政部役政署', '國防部'], 'statistics', '每1年'),
  t('marriage', /結婚|離婚|婚姻|婚/, '700', ['statistics', 'statistics-01'], ['民政局', '民政處'], ['內政部'], 'statistics', '每1月'),
  t('birth', /出生|收養|新生兒|嬰兒/, '200', ['statistics', 'statistics-01'], ['民政局', '民政處', '衛生局'], ['內政部', '衛生福利部國民健康署'], 'statistics', '每1月'),
  t('maternity', /生育|孕|產檢|托嬰|產後/, '100', ['health', 'health-03'], ['衛生局', '社會局'], ['衛生福利部國民健康署'], 'facility'),
  t('education', /學校|教育|學生|補習|圖書館|幼兒園|國小|國中|高中|大學|課程|終身學習/, '300', [], ['教育局', '教育處', '文化局'], ['教育部'], 'facility', '每1年'),
  t('labour', /就業|勞工|勞動|職訓|職業訓練|求職|薪資|工資|失業|外籍勞工|移工/, '500', [], ['勞動局', '勞工局', '勞工處'], ['勞動部'], 'statistics', '每1月'),
  t('business', /公司|商業|工廠|營利事業|創業|登記|商標|專利|市場|產業|工業區/, '600', ['statistics', 'statistics-02'], ['經濟發展局', '產業發展局', '工商旅遊處'], ['經濟部', '經濟部工業局', '經濟部中小企業處'], 'register', '每1月'),
  t('market', /股|基金|證券|金融|保險|銀行|利率|匯率|投資|理財|信用卡/, '800', ['statistics', 'statistics-02'], ['財政局', '財政處'], ['金融監督管理委員會', '中央銀行'], 'statistics', '每1月'),
  t('budget', /預算|決算|歲入|歲出|債務|財產|經費|會計|稅|規費|採購|標案/, 'I00', ['statistics', 'statistics-02'], ['財政局', '財政處', '財政稅務局', '主計處'], ['財政部', '行政院主計總處'], 'budget', '每1年'),
  t('population', /人口|戶數|戶籍|戶政|里別|村里|宗教|寺廟|原住民|新住民/, 'I00', ['statistics', 'statistics-01'], ['民政局', '民政處'], ['內政部'], 'statistics', '每1月'),
  t('culture', /文化|藝術|博物館|展覽|古蹟|文物|表演|電影|出版/, '900', [], ['文化局'], ['文化部'], 'announcement', '不定期'),
  t('police', /警察|警力|治安|犯罪|竊盜|詐騙|派出所/, 'E00', [], ['警察局'], ['內政部警政署'], 'case', '每1月'),
  t('integrity', /廉政|政風|陳情|檢舉/, 'I00', [], ['政風處'], ['法務部廉政署', '法務部'], 'announcement', '每1季'),
  t('statistics', /統計|指標|指數|物價|所得|普查|概況|比率|年報|月報|調查/, 'I00', ['statistics', 'statistics-02'], ['主計處'], ['行政院主計總處'], 'statistics', '每1年'),
  t('news', /公告|新聞|活動|訊息|消息|宣導|講座/, 'I00', [], ['秘書處', '新聞局', '新聞處'], ['國家發展委員會'], 'announcement', '不定期'),
];

/** For titles no pattern matches: public information, published by a central agency. */
export const DEFAULT_TOPIC: Topic = t(
  'general',
  /$^/,
  'I00',
  [],
  [],
  [
    '國家發展委員會',
    '行政院主計總處',
    '內政部',
    '經濟部',
    '交通部',
    '教育部',
    '衛生福利部',
    '勞動部',
    '財政部',
    '文化部',
  ],
  'register',
);

export interface TopicMatch {
  topic: Topic;
  /** Themes of every matching topic, the first topic's first. */
  themes: string[];
  /** The words of the title that matched, as keywords. */
  keywords: string[];
}

export function classifyTitle(title: string): TopicMatch {
  const matches = TOPICS.map((topic) => ({ topic, m: topic.pattern.exec(title) })).filter(
    (x) => x.m !== null,
  );
  const topic = matches[0]?.topic ?? DEFAULT_TOPIC;
  const themes = [...new Set(matches.flatMap((x) => x.topic.themes))].slice(0, 4);
  const keywords = [...new Set(matches.map((x) => (x.m as RegExpExecArray)[0]))];
  return { topic, themes, keywords };
}
