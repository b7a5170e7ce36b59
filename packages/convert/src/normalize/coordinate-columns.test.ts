import { describe, expect, it } from 'vitest';
import { detectCoordinateColumns, headerKey } from './coordinate-columns.ts';

describe('detectCoordinateColumns', () => {
  it.each([
    [['名稱', 'X坐標', 'Y坐標'], { x: 1, y: 2, system: 'projected' }],
    [['Y座標', 'X座標', '地址'], { x: 1, y: 0, system: 'projected' }],
    [['TWD97X', 'TWD97Y'], { x: 0, y: 1, system: 'projected' }],
    [['twd97_x', 'twd97_y'], { x: 0, y: 1, system: 'projected' }],
    [['橫座標', '縱座標'], { x: 0, y: 1, system: 'projected' }],
    [['Ｘ坐標', 'Ｙ坐標'], { x: 0, y: 1, system: 'projected' }],
    [['lat', 'lon'], { x: 1, y: 0, system: 'geographic' }],
    [['經度', '緯度'], { x: 0, y: 1, system: 'geographic' }],
    [['Longitude', 'Latitude'], { x: 0, y: 1, system: 'geographic' }],
    [['WGS84經度', 'WGS84緯度'], { x: 0, y: 1, system: 'geographic' }],
    [['X', 'Y', '經度', '緯度'], { x: 2, y: 3, system: 'geographic' }],
  ])('finds the point columns of %j', (headers, expected) => {
    expect(detectCoordinateColumns(headers)).toEqual(expected);
  });

  it.each([
    [['名稱', '地址']],
    [['X坐標']],
    [['經度', '經度', '緯度', 'x', 'x', 'y']],
    [['xlsx', 'year']],
    [[]],
  ])('finds none in %j', (headers) => {
    expect(detectCoordinateColumns(headers)).toBeUndefined();
  });

  it('reduces header spellings to one key', () => {
    expect(headerKey('TWD97 X坐標')).toBe('x坐標');
    expect(headerKey('WGS84_Longitude')).toBe('longitude');
    expect(headerKey('經度(度)')).toBe('經度');
  });
});
