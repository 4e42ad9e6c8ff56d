import { describe, expect, it } from 'vitest';
import { buildMatrix, cellSummary, countText, filterGaps, gapLinks, unmetBy, unmetText, emptyGapFilter, countByKind, type Cell, type Gap } from './model';
import { flowLinks, nodeSize, pictureData, summarise, tableRows, type GraphNode } from './network';
import { fetchReport, fileNameOf, reportFiles } from './download';

const cell = (d: string, need: string, level: Cell['level'], unmet: number | null, suppressed = false): Cell => ({
  district: { id: d }, need, activeOffers: level === 'NONE' ? 0 : 3, freePlaces: 1, offersPer10k: 1.2, unmetNeeds: unmet, suppressed, level,
});

describe('gap matrix', () => {
  it('orders districts by name and keeps the need order', () => {
    const m = buildMatrix(
      [{ id: 'w', name: 'Wald' }, { id: 'm', name: 'Mitte' }, { id: 'g', name: 'Gräfrath' }],
      [cell('w', 'LANGUAGE', 'OK', 0), cell('w', 'HOUSING', 'NONE', 6), cell('m', 'LANGUAGE', 'LOW', null, true), cell('g', 'HOUSING', 'OK', 2)],
    );
    expect(m.districts.map((d) => d.name)).toEqual(['Gräfrath', 'Mitte', 'Wald']);
    expect(m.needs).toEqual(['LANGUAGE', 'HOUSING']);
    expect(m.cells[2][1]?.level).toBe('NONE');
    expect(m.cells[0][0]).toBeNull();
    expect(cellSummary(m.cells[1][0]!)).toEqual({ offers: '3', unmet: '< 5' });
    expect(cellSummary(m.cells[0][1]!)).toEqual({ offers: '3', unmet: '2' });
  });
  it('never shows a withheld count as a number', () => {
    expect(countText(null, true)).toBe('< 5');
    expect(countText(3, true)).toBe('< 5');
    expect(countText(0, false)).toBe('0');
  });
});

describe('structural gaps', () => {
  const gaps: Gap[] = [
    { kind: 'COURSE_WITHOUT_CHILDCARE', district: { id: 'w', name: 'Wald' }, need: 'FAMILY_CHILDCARE', offer: { id: 'o 1', title: 'Integrationskurs Wald' }, organisation: { id: 'vhs', name: 'VHS' }, detail: 'ohne Kinderbetreuung' },
    { kind: 'ALWAYS_FULL', district: { id: 'm', name: 'Mitte' }, offer: { id: 'o2', title: 'Mütter-Café' }, organisation: { id: 'awo', name: 'AWO' }, detail: 'ausgebucht' },
    { kind: 'NEED_WITHOUT_OFFER', district: { id: 'm', name: 'Mitte' }, need: 'HOUSING', detail: 'kein Angebot Wohnen' },
  ];
  it('filters by kind, district, need and folded text', () => {
    expect(filterGaps(gaps, emptyGapFilter())).toHaveLength(3);
    expect(filterGaps(gaps, { ...emptyGapFilter(), kinds: ['ALWAYS_FULL'] }).map((g) => g.offer?.id)).toEqual(['o2']);
    expect(filterGaps(gaps, { ...emptyGapFilter(), districtId: 'm' })).toHaveLength(2);
    expect(filterGaps(gaps, { ...emptyGapFilter(), need: 'HOUSING' })).toHaveLength(1);
    expect(filterGaps(gaps, { ...emptyGapFilter(), text: 'mutter' }).map((g) => g.kind)).toEqual(['ALWAYS_FULL']);
    expect(filterGaps(gaps, { ...emptyGapFilter(), text: 'vhs kurs' })).toHaveLength(1);
    expect(countByKind(gaps, ['ALWAYS_FULL', 'UNFUNDED'])).toEqual([{ kind: 'ALWAYS_FULL', count: 1 }, { kind: 'UNFUNDED', count: 0 }]);
  });
  it('links to the offer and the organisation', () => {
    expect(gapLinks(gaps[0])).toEqual({ offer: '/angebote/o%201', organisation: '/?traeger=vhs' });
    expect(gapLinks(gaps[2])).toEqual({ offer: undefined, organisation: undefined });
  });
});

describe('unmet needs', () => {
  const counts = [
    { district: { id: 'w', name: 'Wald' }, need: 'HOUSING', language: 'ar', targetGroup: 'WOMEN', count: 7, suppressed: false },
    { district: { id: 'w', name: 'Wald' }, need: 'LANGUAGE', language: 'ar', targetGroup: null, count: null, suppressed: true },
    { district: { id: 'm', name: 'Mitte' }, need: 'HOUSING', language: 'ti', targetGroup: 'WOMEN', count: null, suppressed: true },
    { district: { id: 'm', name: 'Mitte' }, need: 'HEALTH', language: 'ti', targetGroup: 'WOMEN', count: null, suppressed: true },
  ];
  it('sums what the reader sees and counts withheld groups apart', () => {
    const byDistrict = unmetBy(counts, 'district');
    expect(byDistrict).toEqual([{ key: 'w', visible: 7, withheld: 1 }, { key: 'm', visible: 0, withheld: 2 }]);
    expect(byDistrict.map(unmetText)).toEqual(['7 + < 5', '2 × < 5']);
    expect(unmetBy(counts, 'language').map((r) => [r.key, unmetText(r)])).toEqual([['ar', '7 + < 5'], ['ti', '2 × < 5']]);
    expect(unmetBy(counts, 'targetGroup').map((r) => r.key)).toEqual(['WOMEN', '']);
    expect(unmetText({ key: 'x', visible: 0, withheld: 1 })).toBe('< 5');
  });
});

const node = (id: string, kind: string, b: number, opts: Partial<GraphNode> = {}): GraphNode => ({
  id, organisation: { id, name: 'Org ' + id, kind }, betweenness: b, degree: 1, component: 0, isolated: false,
  reachesJobcenter: true, reachesImmigrationOffice: true, ...opts,
});

describe('network picture', () => {
  const nodes = [
    node('jc', 'JOBCENTER', 0.5),
    node('kiz', 'INTEGRATION_CENTRE', 1),
    node('club', 'SPORTS_CLUB', 0, { isolated: true, degree: 0, reachesJobcenter: false, reachesImmigrationOffice: false, component: 1 }),
    node('mosque', 'MOSQUE', 0, { reachesImmigrationOffice: false }),
  ];
  const edges = [{ source: 'jc', target: 'kiz' }, { source: 'kiz', target: 'mosque', status: 'PROPOSED' as const }];
  it('sizes by betweenness and marks the isolated and the unconnected', () => {
    expect(nodeSize(0, 1)).toBe(8);
    expect(nodeSize(1, 1)).toBe(40);
    expect(nodeSize(0.25, 1)).toBe(24);
    const d = pictureData(nodes, edges, (k) => k.toLowerCase());
    expect(d.categories.map((c) => c.name)).toEqual(['jobcenter', 'integration_centre', 'mosque', 'sports_club']);
    const club = d.nodes.find((n) => n.id === 'club')!;
    expect(club.symbol).toBe('diamond');
    expect(club.itemStyle?.borderWidth).toBe(2);
    expect(d.nodes.find((n) => n.id === 'mosque')!.symbol).toBe('triangle');
    expect(d.nodes.find((n) => n.id === 'kiz')!.symbolSize).toBe(40);
    expect(d.links.map((l) => l.lineStyle.type)).toEqual(['solid', 'dashed']);
  });
  it('lists marked organisations first and counts them', () => {
    expect(tableRows(nodes).map((n) => n.id)).toEqual(['club', 'mosque', 'kiz', 'jc']);
    expect(summarise(nodes, edges)).toEqual({ isolated: 1, noJobcenter: 1, noImmigrationOffice: 2, confirmed: 1, proposed: 1 });
  });
});

describe('referral flows', () => {
  it('draws flows as arrows from sender to provider, widths by count, suppressed dotted', () => {
    const nodeOf = new Map([['G-jc', 'jc'], ['G-kiz', 'kiz']]);
    const links = flowLinks(
      [
        { from: { id: 'G-jc', name: 'JC' }, to: { id: 'G-kiz', name: 'KIZ' }, referrals: 8, suppressed: false, cooperation: true },
        { from: { id: 'G-kiz', name: 'KIZ' }, to: { id: 'G-jc', name: 'JC' }, referrals: null, suppressed: true, cooperation: false },
        { from: { id: 'G-jc', name: 'JC' }, to: { id: 'G-elsewhere', name: 'X' }, referrals: 9, suppressed: false, cooperation: false },
      ],
      nodeOf,
    );
    expect(links.map((l) => [l.source, l.target, l.lineStyle.width, l.lineStyle.type])).toEqual([
      ['jc', 'kiz', 4, 'solid'],
      ['kiz', 'jc', 1, 'dotted'],
    ]);
    expect(links[0].symbol).toEqual(['none', 'arrow']);
  });
});

describe('downloads', () => {
  it('names the files of a municipality and reads the saved name', () => {
    expect(reportFiles('Köln')[0].path).toBe('/reports/gaps.csv?municipality=K%C3%B6ln');
    expect(fileNameOf('attachment; filename="luecken-solingen-2026-12-01.csv"', '/reports/gaps.csv')).toBe('luecken-solingen-2026-12-01.csv');
    expect(fileNameOf(null, '/reports/network.json?municipality=x')).toBe('network.json');
  });
  it('sends the token in the header, never in the URL, and reports refusals', async () => {
    const seen: { url: string; auth?: string }[] = [];
    const fake = (async (url: string, init?: RequestInit) => {
      seen.push({ url, auth: (init?.headers as Record<string, string>)?.Authorization });
      if (!(init?.headers as Record<string, string>)?.Authorization)
        return new Response(JSON.stringify({ errors: [{ message: 'sign in' }] }), { status: 401 });
      return new Response('\ufeffa;b\r\n', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="x.csv"' } });
    }) as typeof fetch;
    const ok = await fetchReport('/reports/gaps.csv?municipality=Solingen', 'lotse_secret', fake);
    expect(ok.name).toBe('x.csv');
    expect(await ok.blob.text()).toContain('a;b');
    expect(seen[0]).toEqual({ url: '/reports/gaps.csv?municipality=Solingen', auth: 'Bearer lotse_secret' });
    await expect(fetchReport('/reports/gaps.csv', null, fake)).rejects.toMatchObject({ kind: 'unauthenticated', message: 'sign in' });
    expect(seen.every((s) => !s.url.includes('lotse_secret'))).toBe(true);
  });
});
