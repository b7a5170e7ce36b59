import { describe, expect, it } from 'vitest';
import { checkJsonPrefix, checkNdjson, parseJson } from './json-shape.ts';

describe('checkJsonPrefix', () => {
  it('accepts text cut anywhere inside a valid document', () => {
    const text =
      '{"type": "FeatureCollection", "features": [{"a": [1, -2.5e3, true, null, "x\\"y\\u00e9"]}]}';
    for (let cut = 1; cut <= text.length; cut++) {
      const result = checkJsonPrefix(text.slice(0, cut));
      expect([cut, result.ok]).toEqual([cut, true]);
    }
    expect(checkJsonPrefix(text)).toEqual({
      ok: true,
      evidence: { root: 'object', ndjson: false, complete: false, type: 'FeatureCollection' },
    });
  });

  it('reads only the top-level type', () => {
    const result = checkJsonPrefix('[{"type": "Feature"}');
    expect(result).toEqual({ ok: true, evidence: { root: 'array', ndjson: false, complete: false } });
  });

  it('rejects what cannot continue into JSON', () => {
    for (const text of [
      '{a: 1}',
      '[1,,2]',
      '{"a" 1}',
      '[1] x',
      '{"a": tru e}',
      '["a\nb"]',
      '[01]',
      'hello',
    ]) {
      expect([text, checkJsonPrefix(text).ok]).toEqual([text, false]);
    }
  });
});

describe('parseJson and checkNdjson', () => {
  it('parses whole documents', () => {
    expect(parseJson('{"type":"Feature"}')).toEqual({
      ok: true,
      evidence: { root: 'object', ndjson: false, complete: true, type: 'Feature' },
    });
    expect(parseJson('[1,').ok).toBe(false);
  });

  it('takes one value per line, the last one possibly cut', () => {
    expect(checkNdjson('{"a":1}\n{"a":2}\n', false).ok).toBe(true);
    expect(checkNdjson('{"a":1}\n{"a":2}\n{"a":', true).ok).toBe(true);
    expect(checkNdjson('{"a":1}\n{"a":', false).ok).toBe(false);
    expect(checkNdjson('{"a":1}', false).ok).toBe(false);
  });
});
