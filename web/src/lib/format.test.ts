import { describe, expect, it } from 'vitest';
import { formatDate, formatKm, formatNumber, formatPercent, parseDecimal, parsePoint } from './format';
import { placesText } from './offer';

describe('German formats', () => {
  it('formats numbers and distances', () => {
    expect(formatNumber(158049)).toBe('158.049');
    expect(formatKm(1.25)).toBe('1,3');
    expect(formatKm(0.4)).toBe('0,4');
    expect(formatPercent(0.76)).toBe('76\u00a0%');
  });
  it('formats dates', () => {
    expect(formatDate('2026-11-21')).toBe('21.11.2026');
    expect(formatDate('2026-12-01T09:00:00Z')).toBe('01.12.2026');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('01.01.2027'); // Berlin time
  });
  it('parses decimals and points', () => {
    expect(parseDecimal('7,01')).toBe(7.01);
    expect(parseDecimal('7.01')).toBe(7.01);
    expect(parseDecimal('7,0,1')).toBeNaN();
    expect(parsePoint('51,163; 7,01')).toEqual({ lat: 51.163, lon: 7.01 });
    expect(parsePoint('51.163, 7.01')).toEqual({ lat: 51.163, lon: 7.01 });
    expect(parsePoint('91; 7')).toBeNull();
    expect(parsePoint('Ohligs')).toBeNull();
  });
  it('says how many places are free', () => {
    expect(placesText(3, 12)).toBe('3 von 12 frei');
    expect(placesText(0, 12)).toBe('ausgebucht');
    expect(placesText(null, 1200)).toBe('1.200 Plätze');
    expect(placesText(null, null)).toBe('keine Angabe');
  });
});
