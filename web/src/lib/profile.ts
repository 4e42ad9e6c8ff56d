// The counsellor's client profile form → the API's ClientProfile. Nothing
// here identifies the client, and nothing is stored in the browser.
import type { ClientProfile } from '../gql/graphql';
import { parseDecimal, parsePoint } from './format';

export interface ProfileState {
  needs: string[];
  firstLanguage: string;
  otherLanguages: string[];
  districtId: string;
  point: string;
  maxDistanceKm: string;
  needsChildcare: boolean;
  targetGroups: string[];
  age: string;
  legalCircuits: string[];
  freeOnly: boolean;
}

export function emptyProfile(): ProfileState {
  return {
    needs: [], firstLanguage: '', otherLanguages: [], districtId: '', point: '', maxDistanceKm: '',
    needsChildcare: false, targetGroups: [], age: '', legalCircuits: [], freeOnly: false,
  };
}

// Field → German problem, for what the form can tell before asking the server.
export type ProfileErrors = Partial<Record<'needs' | 'location' | 'maxDistanceKm' | 'age', string>>;

export function toClientProfile(s: ProfileState): { profile: ClientProfile | null; errors: ProfileErrors } {
  const errors: ProfileErrors = {};
  if (s.needs.length === 0) errors.needs = 'Bitte mindestens einen Bedarf wählen.';
  const p: ClientProfile = { needs: s.needs as ClientProfile['needs'] };
  // The first language leads: the API ranks by the client's languages in order.
  const langs = [s.firstLanguage, ...s.otherLanguages.filter((l) => l !== s.firstLanguage)].filter(Boolean);
  if (langs.length) p.languageCodes = langs;
  if (s.districtId) p.districtId = s.districtId;
  if (s.point.trim()) {
    const pt = parsePoint(s.point);
    if (pt) p.location = pt;
    else errors.location = 'Bitte Breite und Länge als Zahlen angeben, z. B. 51,163; 7,01.';
  }
  if (s.maxDistanceKm.trim()) {
    const d = parseDecimal(s.maxDistanceKm);
    if (Number.isNaN(d) || d <= 0) errors.maxDistanceKm = 'Bitte eine Entfernung größer als 0 angeben.';
    else p.maxDistanceKm = d;
  }
  if (s.age.trim()) {
    const a = Number(s.age);
    if (!Number.isInteger(a) || a < 0 || a > 130) errors.age = 'Bitte ein Alter zwischen 0 und 130 angeben.';
    else p.age = a;
  }
  if (s.needsChildcare) p.needsChildcare = true;
  if (s.targetGroups.length) p.targetGroups = s.targetGroups as ClientProfile['targetGroups'];
  if (s.legalCircuits.length) p.legalCircuits = s.legalCircuits as ClientProfile['legalCircuits'];
  if (s.freeOnly) p.freeOnly = true;
  return { profile: Object.keys(errors).length ? null : p, errors };
}

interface D {
  id: string;
  centre?: { lat: number; lon: number } | null;
}

// The district an unmet need is recorded in: the chosen one, else the one
// whose centre lies nearest the point.
export function recordDistrict(p: ClientProfile, districts: D[]): string | null {
  if (p.districtId) return p.districtId;
  if (!p.location) return null;
  let best: string | null = null;
  let bestD = Infinity;
  for (const d of districts) {
    if (!d.centre) continue;
    const dy = d.centre.lat - p.location.lat;
    const dx = (d.centre.lon - p.location.lon) * Math.cos((p.location.lat * Math.PI) / 180);
    const dist = dx * dx + dy * dy;
    if (dist < bestD) {
      bestD = dist;
      best = d.id;
    }
  }
  return best;
}

// The slip's URL: offers and the language of its second headings only.
export function slipHref(offerIds: string[], language: string): string {
  const q = new URLSearchParams();
  q.set('angebote', offerIds.join(','));
  if (language && language !== 'de') q.set('sprache', language);
  return `/zettel?${q.toString()}`;
}
