import { t } from '../i18n/de';
import { formatNumber } from './format';

// "3 von 12 frei", "ausgebucht", "keine Angabe".
export function placesText(free: number | null | undefined, capacity: number | null | undefined): string {
  if (free == null) return capacity != null ? t.offer.capacity(formatNumber(capacity)) : t.offer.placesUnknown;
  if (free === 0) return t.offer.full;
  return capacity != null ? t.offer.freeOf(formatNumber(free), formatNumber(capacity)) : t.offer.free(formatNumber(free));
}
