// German number and date formats (1.234,5; 01.12.2026).
const num = new Intl.NumberFormat('de-DE');
const km = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });
const date = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' });
const dateTime = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin',
});

export const formatNumber = (n: number): string => num.format(n);
export const formatKm = (n: number): string => km.format(n);
export const formatPercent = (share: number): string => pct.format(share);

// An ISO date (YYYY-MM-DD) or RFC 3339 instant as a German date.
export function formatDate(iso: string | Date): string {
  if (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-');
    return `${d}.${m}.${y}`;
  }
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? String(iso) : date.format(d);
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

// Parses a German or English decimal ("7,01" or "7.01"); NaN when it is none.
export function parseDecimal(s: string): number {
  const t = s.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return NaN;
  return Number(t.replace(',', '.'));
}

// Parses "51,163; 7,01" or "51.163, 7.01" into a point; null when invalid.
export function parsePoint(s: string): { lat: number; lon: number } | null {
  const parts = s.includes(';') ? s.split(';') : s.split(/,\s+|\s+/);
  if (parts.length !== 2) return null;
  const lat = parseDecimal(parts[0]);
  const lon = parseDecimal(parts[1]);
  if (Number.isNaN(lat) || Number.isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

export function formatPoint(p: { lat: number; lon: number }): string {
  const f = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 5, useGrouping: false });
  return `${f.format(p.lat)}; ${f.format(p.lon)}`;
}
