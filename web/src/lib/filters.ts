// The directory's search lives in the URL (so it can be bookmarked and
// shared): parse it, write it back, and turn it into an OfferFilter.
import type { OfferFilter, OfferOrder } from '../gql/graphql';
import { parsePoint } from './format';

export interface SearchState {
  text: string;
  municipality: string;
  categories: string[];
  needs: string[];
  languages: string[];
  targetGroups: string[];
  districtIds: string[];
  organisationIds: string[];
  cost: string[];
  status: string[];
  childcare: boolean;
  freePlacesOnly: boolean;
  // Near: a district's centre, or a point "lat;lon".
  nearDistrict: string;
  nearPoint: string;
  radiusKm: number;
  orderBy: OfferOrder;
  after: string;
  // Index of the first result on this page (for "21–40 of 123").
  start: number;
  view: 'liste' | 'karte';
}

// URL parameter of each field (German, short).
const keys = {
  text: 'q',
  municipality: 'stadt',
  categories: 'art',
  needs: 'bedarf',
  languages: 'sprache',
  targetGroups: 'zielgruppe',
  districtIds: 'bezirk',
  organisationIds: 'traeger',
  cost: 'kosten',
  status: 'status',
  childcare: 'kinderbetreuung',
  freePlacesOnly: 'frei',
  nearDistrict: 'nahe-bezirk',
  nearPoint: 'nahe',
  radiusKm: 'umkreis',
  orderBy: 'sortierung',
  after: 'nach',
  start: 'ab',
  view: 'ansicht',
} as const;

const listKeys = ['categories', 'needs', 'languages', 'targetGroups', 'districtIds', 'organisationIds', 'cost', 'status'] as const;
const orders: OfferOrder[] = ['TITLE', 'DISTANCE', 'UPDATED_AT', 'FREE_PLACES'];
export const DEFAULT_RADIUS_KM = 3;

export function emptySearch(): SearchState {
  return {
    text: '', municipality: '', categories: [], needs: [], languages: [], targetGroups: [], districtIds: [],
    organisationIds: [], cost: [], status: [], childcare: false, freePlacesOnly: false, nearDistrict: '',
    nearPoint: '', radiusKm: DEFAULT_RADIUS_KM, orderBy: 'TITLE', after: '', start: 0, view: 'liste',
  };
}

export function parseSearch(q: URLSearchParams): SearchState {
  const s = emptySearch();
  s.text = q.get(keys.text) ?? '';
  s.municipality = q.get(keys.municipality) ?? '';
  for (const k of listKeys) {
    const v = q.get(keys[k]);
    s[k] = v ? [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))] : [];
  }
  s.childcare = q.get(keys.childcare) === 'ja';
  s.freePlacesOnly = q.get(keys.freePlacesOnly) === 'ja';
  s.nearDistrict = q.get(keys.nearDistrict) ?? '';
  s.nearPoint = q.get(keys.nearPoint) ?? '';
  const r = Number((q.get(keys.radiusKm) ?? '').replace(',', '.'));
  if (r > 0 && r <= 1000) s.radiusKm = r;
  const o = (q.get(keys.orderBy) ?? '').toUpperCase() as OfferOrder;
  if (orders.includes(o)) s.orderBy = o;
  s.after = q.get(keys.after) ?? '';
  const start = Number(q.get(keys.start));
  s.start = Number.isInteger(start) && start > 0 ? start : 0;
  s.view = q.get(keys.view) === 'karte' ? 'karte' : 'liste';
  return s;
}

// The query string for a state; defaults are left out, so URLs stay short.
export function searchString(s: SearchState): string {
  const d = emptySearch();
  const q = new URLSearchParams();
  if (s.text.trim()) q.set(keys.text, s.text.trim());
  if (s.municipality) q.set(keys.municipality, s.municipality);
  for (const k of listKeys) if (s[k].length) q.set(keys[k], s[k].join(','));
  if (s.childcare) q.set(keys.childcare, 'ja');
  if (s.freePlacesOnly) q.set(keys.freePlacesOnly, 'ja');
  if (s.nearDistrict) q.set(keys.nearDistrict, s.nearDistrict);
  else if (s.nearPoint) q.set(keys.nearPoint, s.nearPoint);
  if ((s.nearDistrict || s.nearPoint) && s.radiusKm !== d.radiusKm) q.set(keys.radiusKm, String(s.radiusKm));
  if (s.orderBy !== d.orderBy) q.set(keys.orderBy, s.orderBy.toLowerCase());
  if (s.after) q.set(keys.after, s.after);
  if (s.start) q.set(keys.start, String(s.start));
  if (s.view !== d.view) q.set(keys.view, s.view);
  const str = q.toString();
  return str ? `?${str}` : '';
}

export interface Centre {
  id: string;
  centre?: { lat: number; lon: number } | null;
}

// The API filter for a state. Near a district means near its centre; a
// district without a centre, or an unreadable point, gives no near filter.
export function toOfferFilter(s: SearchState, districts: Centre[]): { filter: OfferFilter; orderBy: OfferOrder } {
  const f: OfferFilter = {};
  if (s.text.trim()) f.text = s.text.trim();
  if (s.municipality) f.municipality = s.municipality;
  if (s.categories.length) f.categories = s.categories as OfferFilter['categories'];
  if (s.needs.length) f.needs = s.needs as OfferFilter['needs'];
  if (s.languages.length) f.languageCodes = s.languages;
  if (s.targetGroups.length) f.targetGroups = s.targetGroups as OfferFilter['targetGroups'];
  if (s.districtIds.length) f.districtIds = s.districtIds;
  if (s.organisationIds.length) f.organisationIds = s.organisationIds;
  if (s.cost.length) f.cost = s.cost as OfferFilter['cost'];
  if (s.status.length) f.status = s.status as OfferFilter['status'];
  if (s.childcare) f.childcare = true;
  if (s.freePlacesOnly) f.freePlacesOnly = true;
  let centre: { lat: number; lon: number } | null = null;
  if (s.nearDistrict) centre = districts.find((d) => d.id === s.nearDistrict)?.centre ?? null;
  else if (s.nearPoint) centre = parsePoint(s.nearPoint);
  if (centre) f.near = { lat: centre.lat, lon: centre.lon, radiusKm: s.radiusKm };
  // Distance order needs a centre; without one fall back to titles.
  const orderBy = s.orderBy === 'DISTANCE' && !f.near ? 'TITLE' : s.orderBy;
  return { filter: f, orderBy };
}

// Changing a filter starts again at the first page.
export function withChange(s: SearchState, change: Partial<SearchState>): SearchState {
  const paging = 'after' in change || 'start' in change || 'view' in change;
  return { ...s, ...(paging ? {} : { after: '', start: 0 }), ...change };
}
