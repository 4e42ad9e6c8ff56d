import { describe, expect, it } from 'vitest';
import { emptySearch, parseSearch, searchString, toOfferFilter, withChange } from './filters';

describe('search state in the URL', () => {
  it('round-trips every filter', () => {
    const s = {
      ...emptySearch(),
      text: 'mutter café',
      municipality: 'Solingen',
      categories: ['INTEGRATION_COURSE', 'PASSAGE_GROUP'],
      needs: ['LANGUAGE'],
      languages: ['ar', 'tr'],
      targetGroups: ['WOMEN'],
      districtIds: ['sg-ohligs'],
      organisationIds: ['sg-org-0001'],
      cost: ['FREE'],
      status: ['ACTIVE', 'PLANNED'],
      childcare: true,
      freePlacesOnly: true,
      nearDistrict: 'sg-mitte',
      radiusKm: 2.5,
      orderBy: 'DISTANCE' as const,
      after: 'abc',
      start: 20,
      view: 'karte' as const,
    };
    const qs = searchString(s);
    expect(parseSearch(new URLSearchParams(qs))).toEqual(s);
    expect(qs).toContain('bezirk=sg-ohligs');
    expect(qs).toContain('kinderbetreuung=ja');
  });

  it('leaves defaults out and ignores junk', () => {
    expect(searchString(emptySearch())).toBe('');
    const s = parseSearch(new URLSearchParams('umkreis=-4&sortierung=evil&ab=x&ansicht=3d&frei=1'));
    expect(s.radiusKm).toBe(3);
    expect(s.orderBy).toBe('TITLE');
    expect(s.start).toBe(0);
    expect(s.view).toBe('liste');
    expect(s.freePlacesOnly).toBe(false);
  });

  it('starts again at the first page when a filter changes, not when paging', () => {
    const s = { ...emptySearch(), after: 'c1', start: 20 };
    expect(withChange(s, { needs: ['WORK'] })).toMatchObject({ after: '', start: 0, needs: ['WORK'] });
    expect(withChange(s, { view: 'karte' })).toMatchObject({ after: 'c1', start: 20 });
  });
});

describe('OfferFilter', () => {
  const districts = [{ id: 'sg-mitte', centre: { lat: 51.17, lon: 7.08 } }, { id: 'x', centre: null }];

  it('searches near a district centre', () => {
    const { filter, orderBy } = toOfferFilter({ ...emptySearch(), nearDistrict: 'sg-mitte', radiusKm: 2, orderBy: 'DISTANCE' }, districts);
    expect(filter.near).toEqual({ lat: 51.17, lon: 7.08, radiusKm: 2 });
    expect(orderBy).toBe('DISTANCE');
  });

  it('reads a German point', () => {
    const { filter } = toOfferFilter({ ...emptySearch(), nearPoint: '51,163; 7,01' }, districts);
    expect(filter.near).toEqual({ lat: 51.163, lon: 7.01, radiusKm: 3 });
  });

  it('orders by title when there is no centre to measure from', () => {
    const { filter, orderBy } = toOfferFilter({ ...emptySearch(), nearDistrict: 'x', orderBy: 'DISTANCE' }, districts);
    expect(filter.near).toBeUndefined();
    expect(orderBy).toBe('TITLE');
  });

  it('sends only what is set', () => {
    expect(toOfferFilter(emptySearch(), []).filter).toEqual({});
    expect(toOfferFilter({ ...emptySearch(), text: '  ', childcare: true, cost: ['FREE'] }, []).filter).toEqual({ childcare: true, cost: ['FREE'] });
  });
});
