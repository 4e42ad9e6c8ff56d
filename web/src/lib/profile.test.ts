import { describe, expect, it } from 'vitest';
import { emptyProfile, recordDistrict, slipHref, toClientProfile } from './profile';

describe('client profile', () => {
  it('puts the first language first and sends only what is given', () => {
    const { profile, errors } = toClientProfile({
      ...emptyProfile(), needs: ['LANGUAGE', 'WORK'], firstLanguage: 'ar', otherLanguages: ['fr', 'ar'],
      districtId: 'sg-ohligs', maxDistanceKm: '1,5', needsChildcare: true, targetGroups: ['WOMEN'], age: '31',
    });
    expect(errors).toEqual({});
    expect(profile).toEqual({
      needs: ['LANGUAGE', 'WORK'], languageCodes: ['ar', 'fr'], districtId: 'sg-ohligs', maxDistanceKm: 1.5,
      needsChildcare: true, targetGroups: ['WOMEN'], age: 31,
    });
  });

  it('names each problem', () => {
    const { profile, errors } = toClientProfile({ ...emptyProfile(), point: 'Ohligs', maxDistanceKm: '-1', age: '200' });
    expect(profile).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['age', 'location', 'maxDistanceKm', 'needs']);
  });

  it('records in the chosen district or the nearest one', () => {
    const ds = [{ id: 'a', centre: { lat: 51.17, lon: 7.08 } }, { id: 'b', centre: { lat: 51.16, lon: 7.01 } }, { id: 'c' }];
    expect(recordDistrict({ needs: ['WORK'], districtId: 'x' }, ds)).toBe('x');
    expect(recordDistrict({ needs: ['WORK'], location: { lat: 51.163, lon: 7.01 } }, ds)).toBe('b');
    expect(recordDistrict({ needs: ['WORK'] }, ds)).toBeNull();
  });

  it('builds the slip link without client data', () => {
    expect(slipHref(['sg-off-1', 'sg-off-2'], 'ar')).toBe('/zettel?angebote=sg-off-1%2Csg-off-2&sprache=ar');
    expect(slipHref(['x'], 'de')).toBe('/zettel?angebote=x');
  });
});
