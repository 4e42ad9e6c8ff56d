// The steering dashboard's data logic: plain functions over the GraphQL
// answers, without React or the DOM, so that they are unit-tested
// (model.test.ts) and the page only draws what they return.

export type Level = 'NONE' | 'LOW' | 'OK';

export interface Cell {
  district: { id: string };
  need: string;
  activeOffers: number;
  freePlaces: number;
  offersPer10k: number;
  unmetNeeds?: number | null;
  suppressed: boolean;
  level: Level;
}

export interface District {
  id: string;
  name: string;
  population?: number;
  centre?: { lat: number; lon: number } | null;
  boundary?: unknown;
}

// Counts from 1 to 4 are withheld from readers outside case management and
// steering (§ 35 SGB I); the page shows them as "< 5", never as a number.
export const SUPPRESSED = '< 5';

export function countText(n: number | null | undefined, suppressed: boolean): string {
  if (suppressed || n === null || n === undefined) return SUPPRESSED;
  return String(n);
}

export interface Matrix {
  districts: District[];
  needs: string[];
  // cells[d][n] for districts[d] and needs[n]; null where the report has none.
  cells: (Cell | null)[][];
}

// The gap matrix district × need area, districts by name, needs in the
// report's order (the contract order of NeedArea).
export function buildMatrix(districts: District[], cells: Cell[]): Matrix {
  const ds = [...districts].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const needs: string[] = [];
  for (const c of cells) if (!needs.includes(c.need)) needs.push(c.need);
  const at = new Map(cells.map((c) => [c.district.id + '|' + c.need, c]));
  return {
    districts: ds,
    needs,
    cells: ds.map((d) => needs.map((n) => at.get(d.id + '|' + n) ?? null)),
  };
}

// Colours of the levels: a sequential red–amber–green that keeps its order
// in grey scale, each with a text colour of at least 4.5:1 contrast.
export const levelColours: Record<Level, { fill: string; text: string }> = {
  NONE: { fill: '#b2182b', text: '#ffffff' },
  LOW: { fill: '#f4a582', text: '#1a1a1a' },
  OK: { fill: '#d1e5f0', text: '#1a1a1a' },
};

// Level as a number for the heat map's colour scale.
export const levelValue: Record<Level, number> = { NONE: 0, LOW: 1, OK: 2 };

// The text of a matrix cell: offers and unmet needs ("3 Angebote · < 5 Bedarfe").
export function cellSummary(c: Cell): { offers: string; unmet: string } {
  return { offers: String(c.activeOffers), unmet: countText(c.unmetNeeds, c.suppressed) };
}

export interface Gap {
  kind: string;
  district?: { id: string; name: string } | null;
  need?: string | null;
  offer?: { id: string; title: string; location?: { lat: number; lon: number } | null } | null;
  organisation?: { id: string; name: string } | null;
  language?: string | null;
  detail: string;
}

export interface GapFilter {
  kinds: string[];
  districtId: string;
  need: string;
  text: string;
}

export const emptyGapFilter = (): GapFilter => ({ kinds: [], districtId: '', need: '', text: '' });

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

// The structural gaps that pass the filter, in the report's order. Text
// matches the detail, the offer's title and the organisation's name, folded
// like the directory's search ("mutter" finds "Mütter").
export function filterGaps(gaps: Gap[], f: GapFilter): Gap[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return gaps.filter((g) => {
    if (f.kinds.length && !f.kinds.includes(g.kind)) return false;
    if (f.districtId && g.district?.id !== f.districtId) return false;
    if (f.need && g.need !== f.need) return false;
    if (words.length) {
      const hay = fold([g.detail, g.offer?.title ?? '', g.organisation?.name ?? ''].join(' '));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

// How many gaps of each kind, in the order kinds are given.
export function countByKind(gaps: Gap[], kinds: string[]): { kind: string; count: number }[] {
  return kinds.map((kind) => ({ kind, count: gaps.filter((g) => g.kind === kind).length }));
}

// Where a gap links to: the offer's page, the organisation's offers in the directory.
export function gapLinks(g: Gap): { offer?: string; organisation?: string } {
  return {
    offer: g.offer ? `/angebote/${encodeURIComponent(g.offer.id)}` : undefined,
    organisation: g.organisation ? `/?traeger=${encodeURIComponent(g.organisation.id)}` : undefined,
  };
}

export interface UnmetCount {
  district: { id: string; name: string };
  need: string;
  language?: string | null;
  targetGroup?: string | null;
  count?: number | null;
  suppressed: boolean;
}

export interface UnmetRow {
  key: string; // district id, language code or target group code; '' = not recorded
  // Sum of the counts this reader sees.
  visible: number;
  // Groups withheld from this reader ("< 5" each): the true total is higher.
  withheld: number;
}

// Unmet needs summed by one dimension. A withheld group is never guessed
// at or added in: its row keeps the visible sum and counts the withheld groups.
export function unmetBy(counts: UnmetCount[], dim: 'district' | 'language' | 'targetGroup'): UnmetRow[] {
  const rows = new Map<string, UnmetRow>();
  for (const c of counts) {
    const key = dim === 'district' ? c.district.id : (c[dim] ?? '');
    const r = rows.get(key) ?? { key, visible: 0, withheld: 0 };
    if (c.suppressed || c.count == null) r.withheld++;
    else r.visible += c.count;
    rows.set(key, r);
  }
  return [...rows.values()].sort((a, b) => b.visible - a.visible || b.withheld - a.withheld || a.key.localeCompare(b.key));
}

// The row's text: the visible sum, plus the withheld groups as "< 5" each
// (no sum or bound over them, which could narrow a small count down).
export function unmetText(r: UnmetRow): string {
  if (r.withheld === 0) return String(r.visible);
  const withheld = r.withheld === 1 ? SUPPRESSED : `${r.withheld} × ${SUPPRESSED}`;
  return r.visible === 0 ? withheld : `${r.visible} + ${withheld}`;
}
