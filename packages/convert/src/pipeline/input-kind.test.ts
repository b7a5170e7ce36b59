import { describe, expect, it } from 'vitest';
import { convertAny, scratch } from '../test/conversion-helpers.ts';
import { sniffInputKind } from './input-kind.ts';

const { write } = scratch('input-kind');
const utf16le = (text: string, bom: boolean) =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('sniffInputKind: UTF-16 text', () => {
  const xml =
    '<?xml version="1.0" encoding="UTF-16"?>\n<資料><站><名稱>臺東</名稱></站><站><名稱>卑南</名稱></站></資料>\n';

  it('sees XML and JSON written in UTF-16, with or without a byte-order mark', async () => {
    expect(await sniffInputKind(write('a.xml', utf16le(xml, true)))).toBe('xml');
    expect(await sniffInputKind(write('b.xml', utf16be(xml)))).toBe('xml');
    expect(await sniffInputKind(write('c.json', utf16le('[{"a":1}]', true)))).toBe('json');
    expect(await sniffInputKind(write('d.csv', utf16le('名稱,人口\n臺東,1\n', true)))).toBe('delimited');
  });

  it('converts UTF-16 XML end to end', async () => {
    const { text } = await convertAny(write('e.xml', utf16le(xml, true)), { to: 'json' });
    expect(JSON.parse(text)).toEqual([{ 名稱: '臺東' }, { 名稱: '卑南' }]);
  });
});
