// The network picture's data: nodes coloured by kind, sized by betweenness,
// marked when isolated or without a path to the Jobcenter or the
// immigration office. Plain data for ECharts' graph series and the table.

export interface GraphNode {
  id: string;
  organisation: { id: string; name: string; kind: string };
  betweenness: number;
  degree: number;
  component: number;
  isolated: boolean;
  reachesJobcenter: boolean;
  reachesImmigrationOffice: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  sinceDate?: string | null;
  topics?: string[];
  // Absent: a recorded cooperation counts as confirmed.
  status?: 'CONFIRMED' | 'PROPOSED' | null;
}

// Above this many organisations the picture is no help (and slow): the page
// shows the table and says why.
export const MAX_PICTURE_NODES = 600;

export const kindOrder = [
  'CITY_SERVICE', 'JOBCENTER', 'EMPLOYMENT_AGENCY', 'IMMIGRATION_OFFICE', 'INTEGRATION_CENTRE', 'YOUTH_WELFARE_OFFICE',
  'WELFARE_ASSOCIATION', 'MIGRANT_ORGANISATION', 'MOSQUE', 'CHURCH', 'SPORTS_CLUB', 'CULTURAL_ASSOCIATION',
  'EDUCATION_PROVIDER', 'CHAMBER', 'OTHER',
];

// 15 distinguishable colours (Tableau 20 subset), one per kind.
export const kindColours: Record<string, string> = {
  CITY_SERVICE: '#1f77b4', JOBCENTER: '#d62728', EMPLOYMENT_AGENCY: '#ff7f0e', IMMIGRATION_OFFICE: '#9467bd',
  INTEGRATION_CENTRE: '#2ca02c', YOUTH_WELFARE_OFFICE: '#8c564b', WELFARE_ASSOCIATION: '#e377c2',
  MIGRANT_ORGANISATION: '#17becf', MOSQUE: '#bcbd22', CHURCH: '#7f7f7f', SPORTS_CLUB: '#aec7e8',
  CULTURAL_ASSOCIATION: '#ffbb78', EDUCATION_PROVIDER: '#98df8a', CHAMBER: '#c5b0d5', OTHER: '#c49c94',
};

// Node size in pixels: 8 for betweenness 0, up to 40 for the top broker;
// the square root keeps the many small ones apart from each other.
export function nodeSize(betweenness: number, max: number): number {
  if (max <= 0) return 8;
  return Math.round(8 + 32 * Math.sqrt(Math.max(0, betweenness) / max));
}

export interface Flags {
  isolated: boolean;
  noJobcenter: boolean;
  noImmigrationOffice: boolean;
}

export const flagsOf = (n: GraphNode): Flags => ({
  isolated: n.isolated,
  noJobcenter: !n.reachesJobcenter,
  noImmigrationOffice: !n.reachesImmigrationOffice,
});

// ECharts graph series data: kinds as categories (the legend), marked nodes
// with a thick dark border and a different symbol, edges apart by status.
export function pictureData(nodes: GraphNode[], edges: GraphEdge[], kindName: (k: string) => string) {
  const kinds = kindOrder.filter((k) => nodes.some((n) => n.organisation.kind === k));
  const max = Math.max(0, ...nodes.map((n) => n.betweenness));
  return {
    categories: kinds.map((k) => ({ name: kindName(k), itemStyle: { color: kindColours[k] ?? '#999' } })),
    nodes: nodes.map((n) => {
      const f = flagsOf(n);
      const marked = f.isolated || f.noJobcenter || f.noImmigrationOffice;
      return {
        id: n.id,
        name: n.organisation.name,
        category: Math.max(0, kinds.indexOf(n.organisation.kind)),
        // Marked nodes have betweenness 0 or little: kept large enough to see.
        symbolSize: marked ? Math.max(14, nodeSize(n.betweenness, max)) : nodeSize(n.betweenness, max),
        symbol: f.isolated ? 'diamond' : marked ? 'triangle' : 'circle',
        itemStyle: marked ? { borderColor: '#1a1a1a', borderWidth: 2 } : undefined,
        value: n.betweenness,
      };
    }),
    links: edges.map((e) => ({
      source: e.source,
      target: e.target,
      lineStyle: e.status === 'PROPOSED' ? { type: 'dashed' as const, opacity: 0.6 } : { type: 'solid' as const, opacity: 0.35 },
    })),
  };
}

// Table rows: marked organisations first, then by betweenness.
export function tableRows(nodes: GraphNode[]): GraphNode[] {
  const marks = (n: GraphNode) => Number(n.isolated) * 4 + Number(!n.reachesJobcenter) * 2 + Number(!n.reachesImmigrationOffice);
  return [...nodes].sort(
    (a, b) => marks(b) - marks(a) || b.betweenness - a.betweenness || a.organisation.name.localeCompare(b.organisation.name, 'de'),
  );
}

export interface NetworkSummary {
  isolated: number;
  noJobcenter: number;
  noImmigrationOffice: number;
  confirmed: number;
  proposed: number;
}

export function summarise(nodes: GraphNode[], edges: GraphEdge[]): NetworkSummary {
  return {
    isolated: nodes.filter((n) => n.isolated).length,
    noJobcenter: nodes.filter((n) => !n.reachesJobcenter).length,
    noImmigrationOffice: nodes.filter((n) => !n.reachesImmigrationOffice).length,
    confirmed: edges.filter((e) => e.status !== 'PROPOSED').length,
    proposed: edges.filter((e) => e.status === 'PROPOSED').length,
  };
}

export interface Flow {
  from: { id: string; name: string };
  to: { id: string; name: string };
  referrals?: number | null;
  suppressed: boolean;
  cooperation: boolean;
}

export const FLOW_COLOUR = '#8a3b00';

// Referral flows as directed links beside the cooperations: an arrow from
// the sending to the providing organisation, wider with more referrals, a
// suppressed count ("< 5") dotted at the smallest width. nodeOf maps the
// organisations' ids (Organisation.id) to the picture's node ids; a flow to
// an organisation outside the picture is left out.
export function flowLinks(flows: Flow[], nodeOf: Map<string, string>) {
  const out = [];
  for (const f of flows) {
    const source = nodeOf.get(f.from.id);
    const target = nodeOf.get(f.to.id);
    if (!source || !target) continue;
    const n = f.suppressed || f.referrals == null ? 0 : f.referrals;
    out.push({
      source,
      target,
      symbol: ['none', 'arrow'],
      symbolSize: 7,
      lineStyle: {
        color: FLOW_COLOUR,
        width: n ? Math.min(6, 1 + Math.log2(n)) : 1,
        type: n ? ('solid' as const) : ('dotted' as const),
        opacity: 0.85,
        curveness: 0.2,
      },
    });
  }
  return out;
}
