/**
 * Personal names beside addresses (姓名 + 地址): the rule and its vocabulary.
 *
 * A column counts as a column of personal names when
 * 1. its header means a person's name (NAME_HEADER: 姓名, 名字, 負責人, 聯絡人, name, …),
 * 2. at least NAME_SHARE of its non-empty values look like a personal name: 2–4 Han
 *    characters starting with a common surname (COMMON_SURNAMES, or a compound surname
 *    such as 歐陽 with 1–2 more characters), not ending like an organisation (公司,
 *    協會, 公所, …), and
 * 3. the same table has an address column: a header meaning address (ADDRESS_HEADER:
 *    地址, 住址, 戶籍地, address, …) with at least ADDRESS_SHARE of its non-empty values
 *    naming a road, street, lane or number (路, 街, 段, 巷, 弄, 號), and
 * 4. the table is not a list of places or organisations (column-roles.ts): there the
 *    address is the place's and the named person its public contact.
 *
 * Then every value of that column that looks like a personal name is a finding. Names
 * written in Latin letters are not recognised.
 */

export const NAME_HEADER =
  /^(姓名|名字|人名|全名|中文姓名|負責人|負責人姓名|代表人|聯絡人|連絡人|聯絡人姓名|連絡人姓名|管理人|申請人|收件人|受款人|承辦人|name|full ?name|person|contact|contact ?person|contact ?name|person in charge|owner|applicant)$/i;

export const ADDRESS_HEADER =
  /^(地址|住址|戶籍地址|戶籍地|通訊地址|通訊處|居住地址|聯絡地址|連絡地址|住所|address|home address|mailing address|residential address)$/i;

/** Share of non-empty values that must look like names (or addresses) for the column to count. */
export const NAME_SHARE = 0.6;
export const ADDRESS_SHARE = 0.5;

/** Compound surnames (複姓), longest first where one starts another. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '歐陽',
  '司馬',
  '上官',
  '諸葛',
  '司徒',
  '皇甫',
  '東方',
  '端木',
  '公孫',
  '夏侯',
  '令狐',
  '長孫',
  '慕容',
  '尉遲',
  '張簡',
  '范姜',
  '張廖',
  '周黃',
  '陳黃',
  '江謝',
  '劉張',
  '徐辜',
];

/** Common single-character surnames in Taiwan (內政部 姓氏統計, the first ~150). */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set(
  [
    ...'陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏',
    ...'孫戴范方宋鄧杜傅侯曹薛丁卓阮馬董温溫唐藍石蔣古紀姚連馮歐程湯黎田康姜白汪鄒尤巫鐘涂龔嚴韓袁金童',
    ...'陸夏柳凌邵錢伍倪辜駱孔毛崔甘熊秦尹俞章任關鄔喬易包池葛萬文麥龍譚左饒粘戚雷賀牛聶常樊卜段鄞成符',
    ...'單丘岳閻史莫郝安官滕褚花費桂齊殷向闕查邢商畢賈於仇艾衛',
  ].filter((c) => c.trim() !== ''),
);

/** Endings of organisations and places, not people. */
const ORGANISATION_ENDING =
  /(公司|協會|學會|政府|公所|學校|中心|醫院|診所|大學|國小|國中|高中|銀行|工會|商行|企業|藥局|基金會|[市縣區鄉鎮村里路街局處署部課科院館所站])$/;

const HAN = /^\p{Script=Han}+$/u;

/** Splits a name into surname and given name, or null when it does not look like a personal name. */
export function splitPersonalName(value: string): { surname: string; given: string } | null {
  const name = value.trim();
  if (name.length < 2 || name.length > 4 || !HAN.test(name) || ORGANISATION_ENDING.test(name)) return null;
  const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s));
  if (compound && name.length >= 3) return { surname: compound, given: name.slice(compound.length) };
  if (COMMON_SURNAMES.has(name[0]!)) return { surname: name[0]!, given: name.slice(1) };
  return null;
}

export function looksLikePersonalName(value: string): boolean {
  return splitPersonalName(value) !== null;
}

const ADDRESS_PART = /[路街段巷弄號]/;

export function looksLikeAddress(value: string): boolean {
  return ADDRESS_PART.test(value) && /\p{Script=Han}/u.test(value);
}
