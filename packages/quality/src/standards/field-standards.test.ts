import { describe, expect, it } from 'vitest';
import { isValidBusinessNumber } from './contact-standards.ts';
import { FIELD_STANDARDS, findFieldStandard, standardClaimedByName } from './field-standards.ts';
import { schemaProblem } from './field-standard.ts';

const check = (id: string, value: string) => findFieldStandard(id)!.check(value);

describe('field standards', () => {
  it('validates 統一編號 checksums, including the 7th-digit-7 rule', () => {
    for (const ok of ['22099131', '96979933', '04541302', '10458575'])
      expect(isValidBusinessNumber(ok)).toBe(true);
    for (const bad of ['22099132', '12345678', '2209913', 'A2099131'])
      expect(isValidBusinessNumber(bad)).toBe(false);
    expect(check('business-number', '22099131')).toBeUndefined();
    expect(check('business-number', '22099132')).toBe('checksum does not hold');
  });

  it('accepts Taiwanese phone numbers as agencies write them and refuses others', () => {
    for (const ok of [
      '(089)325301',
      '02-2321-2200#667',
      '089-325301分機12',
      '0912-345-678',
      '+886-2-2321-2200',
      '0800-000-123',
      '0826-12345',
    ])
      expect(check('phone-tw', ok), ok).toBeUndefined();
    for (const bad of ['2321-2200', '無', '02-2321', 'tel: 02 2321 2200 abc'])
      expect(check('phone-tw', bad), bad).toBeDefined();
  });

  it('checks ISO dates and date-times, naming ROC dates', () => {
    expect(check('iso-date', '2019-11-11')).toBeUndefined();
    expect(check('iso-date', '2019-02-30')).toBe('no such day');
    expect(check('iso-date', '108/11/11')).toBe('ROC (民國) date, not ISO 8601');
    expect(check('iso-date', '2019/11/11')).toBe('not YYYY-MM-DD');
    expect(check('iso-datetime', '2019-11-11T08:30:00+08:00')).toBeUndefined();
    expect(check('iso-datetime', '2019-11-11')).toBeUndefined();
    expect(check('iso-datetime', '2019-11-11 25:00')).toBe('no such time');
  });

  it('keeps coordinates inside Taiwan and spots swapped axes', () => {
    expect(check('wgs84-latitude', '22.7583')).toBeUndefined();
    expect(check('wgs84-longitude', '121.1444')).toBeUndefined();
    expect(check('wgs84-latitude', '121.1444')).toBe('a longitude (lat/lon swapped?)');
    expect(check('wgs84-longitude', '22.75')).toBe('a latitude (lat/lon swapped?)');
    expect(check('wgs84-latitude', '35.6')).toMatch(/above 27/);
  });

  it('knows county codes and names with 臺/台 folded, and town codes by their county prefix', () => {
    expect(check('county-code', '10014')).toBeUndefined();
    expect(check('county-code', '10001')).toBe('not a county/city code');
    expect(check('county-name', '台東縣')).toBeUndefined();
    expect(check('county-name', '臺東')).toBe('not a full county/city name');
    expect(check('town-code', '10014010')).toBeUndefined();
    expect(check('town-code', '99999010')).toBe('does not start with a county/city code');
    expect(check('town-name', '臺東市')).toBeUndefined();
    expect(check('town-name', '東河')).toBeDefined();
  });

  it('claims standards from column names only where the name is unambiguous', () => {
    expect(standardClaimedByName('緯度')?.id).toBe('wgs84-latitude');
    expect(standardClaimedByName('Longitude')?.id).toBe('wgs84-longitude');
    expect(standardClaimedByName('統一編號')?.id).toBe('business-number');
    expect(standardClaimedByName('連絡電話')?.id).toBe('phone-tw');
    expect(standardClaimedByName('發布日期')?.id).toBe('iso-date');
    expect(standardClaimedByName('收容所名稱')).toBeUndefined();
  });

  it('publishes each standard as a Table Schema field whose constraints hold for a conforming value', () => {
    const examples: Record<string, string> = {
      'iso-date': '2024-01-31',
      'iso-datetime': '2024-01-31T12:00:00Z',
      'wgs84-latitude': '23.5',
      'wgs84-longitude': '121',
      'county-code': '63000',
      'county-name': '臺北市',
      'town-code': '63000010',
      'town-name': '松山區',
      'phone-tw': '(089)325301',
      'business-number': '22099131',
    };
    expect(FIELD_STANDARDS.map((s) => s.id).sort()).toEqual(Object.keys(examples).sort());
    for (const standard of FIELD_STANDARDS) {
      const value = examples[standard.id]!;
      expect(schemaProblem(standard.field, value), standard.id).toBeUndefined();
      expect(standard.check(value), standard.id).toBeUndefined();
    }
  });
});
