import { describe, expect, it } from 'vitest';
import { isRTL, secondHeadings, slipHeadings } from './slip';

describe('slip headings', () => {
  it('has every heading in at least de, en, ar, tr, uk, fa, ru', () => {
    const keys = Object.keys(slipHeadings.de).sort();
    for (const l of ['de', 'en', 'ar', 'tr', 'uk', 'fa', 'ru']) {
      expect(Object.keys(slipHeadings[l]).sort(), l).toEqual(keys);
      for (const v of Object.values(slipHeadings[l])) expect(v.trim(), l).not.toBe('');
    }
  });
  it('knows right-to-left scripts', () => {
    expect(isRTL('ar')).toBe(true);
    expect(isRTL('fa')).toBe(true);
    expect(isRTL('tr')).toBe(false);
  });
  it('gives German alone for German or an unknown language', () => {
    expect(secondHeadings('de')).toBeNull();
    expect(secondHeadings('ti')).toBeNull();
    expect(secondHeadings('ar')?.address).toBe('العنوان');
  });
});
