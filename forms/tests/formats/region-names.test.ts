import { describe, expect, it } from 'vitest';
import { regionChildren, regionLabel, regionOf, regionPath } from '../../src/formats/region-names.js';

describe('region names for people', () => {
  it('offers the leagues and cities under the region, then the districts of the one chosen', () => {
    const [top] = regionChildren();
    const cities = regionChildren(top!.code);
    const hohhot = cities.find((r) => r.name === '呼和浩特市');

    expect(top).toMatchObject({ code: '150000', name: '内蒙古自治区' });
    expect(cities).toHaveLength(12);
    expect(cities.every((r) => r.level === '3')).toBe(true);
    expect(regionChildren(hohhot!.code).map((r) => r.name)).toContain('新城区');
    expect(regionChildren(hohhot!.code).every((r) => r.level === '4' && r.parent === '150100')).toBe(true);
  });

  it('has no districts listed under a city the list does not detail', () => {
    expect(regionChildren('150200')).toEqual([]);
  });

  it.each([
    ['150102', ['内蒙古自治区', '呼和浩特市', '新城区']],
    ['150100', ['内蒙古自治区', '呼和浩特市']],
    ['150202', ['内蒙古自治区', '包头市']],
    ['152921', ['内蒙古自治区', '阿拉善盟']],
    ['110101', []],
  ])('finds the listed divisions from the top down to %s', (code, names) => {
    expect(regionPath(code).map((r) => r.name)).toEqual(names);
  });

  it.each([
    ['150102', '内蒙古自治区 / 呼和浩特市 / 新城区'],
    ['152500', '内蒙古自治区 / 锡林郭勒盟'],
    ['150202', '内蒙古自治区 / 包头市 / 150202'],
    ['110101', '110101'],
    ['', ''],
    [undefined, ''],
  ])('reads %s as "%s"', (code, label) => {
    expect(regionLabel(code)).toBe(label);
  });

  it('knows a listed code and not an unlisted one', () => {
    expect(regionOf('150125')?.name).toBe('武川县');
    expect(regionOf('150202')).toBeUndefined();
    expect(regionOf(150102)).toBeUndefined();
  });
});
