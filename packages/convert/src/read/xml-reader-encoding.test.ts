import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { convertToText, readAll, scratch } from '../test/conversion-helpers.ts';
import { chooseXmlEncoding, declaredEncoding } from './xml-encoding.ts';
import { readXmlFile } from './xml-reader.ts';

/* XML in the encodings governments publish it in: Big5/CP950, UTF-16, UTF-8 (see xml-encoding.ts). */

const { write } = scratch('xml-encoding');

const STATIONS = [
  ['A1', '臺東縣立體育館', '臺東市中華路一段'],
  ['A2', '卑南國小', '卑南鄉太平路'],
];
const document = (declaration: string, stations = STATIONS) =>
  `${declaration}\n<資料>\n${stations
    .map(([id, name, road]) => `  <站 代碼="${id}"><名稱>${name}</名稱><地址>${road}</地址></站>\n`)
    .join('')}</資料>\n`;
const EXPECTED = [['代碼', '名稱', '地址'], ...STATIONS];
const BIG5 = '<?xml version="1.0" encoding="Big5"?>';
const withBom = (bom: number[], text: Buffer) => Buffer.concat([Buffer.from(bom), text]);

describe('readXmlFile: encodings', () => {
  it('reads Big5 (CP950) XML by its declaration', async () => {
    const file = write('big5.xml', iconv.encode(document(BIG5), 'cp950'));
    const { rows, summary } = await readAll(readXmlFile, file);
    expect(rows).toEqual(EXPECTED);
    expect(summary.encoding).toEqual({ encoding: 'CP950', bom: false, confidence: 'valid' });
    expect(summary.replacementCount).toBe(0);
    expect(summary.warnings).toEqual([]);
  });

  it.each(['big5', 'CP950', 'x-big5', 'windows-950', 'Big5-HKSCS'])(
    'maps the declared name %s to CP950',
    (name) => {
      const bytes = iconv.encode(document(`<?xml version='1.0' encoding='${name}'?>`), 'cp950');
      expect(chooseXmlEncoding(bytes, true)).toMatchObject({
        detected: { encoding: 'CP950' },
        declared: name,
        codec: name === 'Big5-HKSCS' ? 'big5hkscs' : 'cp950',
      });
    },
  );

  it('reads UTF-16LE XML with a BOM', async () => {
    const text = document('<?xml version="1.0" encoding="UTF-16"?>');
    const file = write('utf16le.xml', withBom([0xff, 0xfe], Buffer.from(text, 'utf16le')));
    const { rows, summary } = await readAll(readXmlFile, file);
    expect(rows).toEqual(EXPECTED);
    expect(summary.encoding).toEqual({ encoding: 'UTF-16LE', bom: true, confidence: 'bom' });
  });

  it('reads UTF-16BE XML without a BOM from its first code units', async () => {
    const file = write(
      'utf16be.xml',
      Buffer.from(document('<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le').swap16(),
    );
    const { rows, summary } = await readAll(readXmlFile, file);
    expect(rows).toEqual(EXPECTED);
    expect(summary.encoding).toMatchObject({ encoding: 'UTF-16BE', bom: false });
  });

  it('lets valid UTF-8 bytes win over a declaration saying Big5, with a warning', async () => {
    const file = write('lying.xml', Buffer.from(document(BIG5), 'utf8'));
    const { rows, summary } = await readAll(readXmlFile, file);
    expect(rows).toEqual(EXPECTED);
    expect(summary.encoding).toMatchObject({ encoding: 'UTF-8', bom: false });
    expect(summary.warnings).toEqual([
      expect.stringMatching(/declares encoding "Big5" but its bytes are valid UTF-8/),
    ]);
  });

  it('reads Big5 bytes declared as UTF-8 as CP950, with a warning', async () => {
    const file = write(
      'lying-utf8.xml',
      iconv.encode(document('<?xml version="1.0" encoding="UTF-8"?>'), 'cp950'),
    );
    const { rows, summary } = await readAll(readXmlFile, file);
    expect(rows).toEqual(EXPECTED);
    expect(summary.encoding?.encoding).toBe('CP950');
    expect(summary.warnings[0]).toMatch(/declares encoding "UTF-8" but its bytes are not UTF-8/);
  });

  it('detects Big5 without a declaration, and keeps a UTF-8 BOM over a Big5 declaration', async () => {
    const plain = write('undeclared.xml', iconv.encode(document(''), 'cp950'));
    expect((await readAll(readXmlFile, plain)).summary.encoding?.encoding).toBe('CP950');
    const bom = write('bom.xml', withBom([0xef, 0xbb, 0xbf], Buffer.from(document(BIG5), 'utf8')));
    const read = await readAll(readXmlFile, bom);
    expect(read.rows).toEqual(EXPECTED);
    expect(read.summary.encoding).toEqual({ encoding: 'UTF-8', bom: true, confidence: 'bom' });
  });

  it('refuses bytes in no encoding it reads with INVALID_ENCODING', async () => {
    const file = write(
      'latin1.xml',
      iconv.encode(
        document('<?xml version="1.0" encoding="ISO-8859-1"?>', [['1', 'café', 'naïve']]),
        'latin1',
      ),
    );
    await expect(readAll(readXmlFile, file)).rejects.toMatchObject({
      code: 'INVALID_ENCODING',
      message: expect.stringMatching(/ISO-8859-1/),
    });
  });

  it('stream-decodes a large Big5 file whose characters straddle chunk boundaries', async () => {
    const stations = Array.from({ length: 6000 }, (_, i) => [
      `B${i}`,
      `臺東縣第${i}避難所`,
      `臺東市中華路${i}號`,
    ]);
    const file = write('big5-large.xml', iconv.encode(document(BIG5, stations), 'cp950'));
    const { rows, summary } = await readAll(readXmlFile, file);
    expect(rows).toHaveLength(6001);
    expect(rows.at(-1)).toEqual(['B5999', '臺東縣第5999避難所', '臺東市中華路5999號']);
    expect(summary.replacementCount).toBe(0);
  });

  it('still refuses an entity bomb in UTF-16', async () => {
    const bomb =
      '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r><x>&a;</x><x>&a;</x></r>';
    const file = write('bomb16.xml', withBom([0xff, 0xfe], Buffer.from(bomb, 'utf16le')));
    await expect(readAll(readXmlFile, file)).rejects.toMatchObject({ code: 'XML_ENTITY_REFUSED' });
  });

  it('reports the encoding through the converter', async () => {
    const file = write('report.xml', iconv.encode(document(BIG5), 'cp950'));
    const { text, report } = await convertToText(file, readXmlFile, { to: 'csv' });
    expect(report.input).toMatchObject({
      encoding: 'CP950',
      bom: false,
      part: '/資料/站',
      replacementCharacters: 0,
    });
    expect(text).toContain('A1,臺東縣立體育館,臺東市中華路一段');
  });
});

describe('declaredEncoding', () => {
  it.each([
    ['<?xml version="1.0" encoding="Big5"?><r/>', 'Big5'],
    ["<?xml version='1.0' encoding = 'utf-8' standalone='yes'?>", 'utf-8'],
    ['<?xml version="1.0"?><r encoding="Big5"/>', undefined],
    ['<r/>', undefined],
  ])('%s → %s', (text, name) => {
    expect(declaredEncoding(Buffer.from(text))).toBe(name);
  });
});
