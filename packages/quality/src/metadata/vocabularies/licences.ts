/** 授權方式: the licences the national standard lists. */
export interface Licence {
  code: string;
  nameZh: string;
  nameEn: string;
  url: string;
  /** Other spellings seen in real metadata (full-width dash, no dash). */
  aliases: string[];
}

export const LICENCES: readonly Licence[] = [
  {
    code: '1',
    nameZh: '政府資料開放授權條款-第1版',
    nameEn: 'Open Government Data License, version 1.0',
    url: 'https://data.gov.tw/license',
    aliases: ['政府資料開放授權條款－第1版', '政府資料開放授權條款第1版', 'OGDL-Taiwan-1.0'],
  },
  {
    code: 'CC-BY-4.0',
    nameZh: '創用CC 姓名標示 4.0',
    nameEn: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    aliases: ['CC BY 4.0', 'CC-BY 4.0'],
  },
  {
    code: 'CC-BY-SA-4.0',
    nameZh: '創用CC 姓名標示-相同方式分享 4.0',
    nameEn: 'Creative Commons Attribution-ShareAlike 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    aliases: ['CC BY-SA 4.0'],
  },
  {
    code: 'CC0-1.0',
    nameZh: '創用CC 零授權 1.0',
    nameEn: 'Creative Commons Zero 1.0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    aliases: ['CC0 1.0', 'CC0'],
  },
  {
    code: 'OFL-1.1',
    nameZh: 'SIL 開放字型授權 1.1',
    nameEn: 'SIL Open Font License 1.1',
    url: 'https://openfontlicense.org/',
    aliases: ['OFL 1.1'],
  },
  { code: 'other', nameZh: '其他', nameEn: 'Other', url: '', aliases: ['其他授權'] },
];

export function findLicence(text: string): Licence | undefined {
  const key = text.trim();
  return LICENCES.find(
    (l) => l.code === key || l.nameZh === key || l.nameEn === key || l.aliases.includes(key),
  );
}
