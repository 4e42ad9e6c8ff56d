// The network picture (ECharts graph, force layout) with its table, and the
// ego network of one organisation (depth 1–3). Beyond MAX_PICTURE_NODES the
// picture gives way to the table and a warning.
import { useId, useMemo, useState } from 'react';
import { useQuery } from '../api/useQuery';
import { label } from '../i18n/de';
import { ErrorBox, Loading } from '../components/ui';
import { Link } from '../router';
import { formatNumber } from '../lib/format';
import { countText } from './model';
import { EgoDoc, NetworkGraphDoc } from './queries';
import { FLOW_COLOUR, MAX_PICTURE_NODES, flowLinks, pictureData, summarise, tableRows, type Flow, type GraphEdge, type GraphNode } from './network';
import { st } from './texts';
import Chart from './Chart';
import { Picker, TableAlt } from './parts';

const kindName = (k: string) => label('organisationKind', k);
const dec3 = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

function graphOption(data: ReturnType<typeof pictureData>, flows: ReturnType<typeof flowLinks> = []) {
  return {
    tooltip: { formatter: (p: { dataType: string; data: { name?: string; value?: number } }) => (p.dataType === 'node' ? `${p.data.name}<br>${st.betweenness} ${dec3.format(p.data.value ?? 0)}` : '') },
    legend: [{ data: data.categories.map((c) => c.name), type: 'scroll', bottom: 0, textStyle: { color: '#1a1a1a' } }],
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: false,
        categories: data.categories,
        data: data.nodes,
        links: [...data.links, ...flows],
        force: { repulsion: 60, edgeLength: [30, 80], gravity: 0.08, layoutAnimation: false },
        emphasis: { focus: 'adjacency' },
        label: { show: false },
        lineStyle: { color: '#6b6b6b', width: 1 },
      },
    ],
  };
}

export default function NetworkView({ municipality }: { municipality: string }) {
  const q = useQuery(NetworkGraphDoc, { m: municipality });
  const [ego, setEgo] = useState('');
  const [showFlows, setShowFlows] = useState(false);
  const g = q.data?.networkGraph;
  const nodes = (g?.nodes ?? []) as GraphNode[];
  // Proposals are drawn apart (dashed): not yet confirmed by the other side.
  const edges = useMemo<GraphEdge[]>(
    () => [
      ...(g?.edges ?? []).map((e) => ({ ...e, status: 'CONFIRMED' as const })),
      ...(g?.proposedEdges ?? []).map((e) => ({ ...e, status: 'PROPOSED' as const })),
    ],
    [g],
  );
  const flows = (q.data?.networkReport.referralFlows ?? []) as Flow[];
  const big = nodes.length > MAX_PICTURE_NODES;
  const option = useMemo(() => {
    if (big || !nodes.length) return null;
    // Flows name organisations by Organisation.id; the picture's nodes by their own id.
    const nodeOf = new Map(nodes.map((n) => [n.organisation.id, n.id]));
    return graphOption(pictureData(nodes, edges, kindName), showFlows ? flowLinks(flows, nodeOf) : []);
  }, [nodes, edges, big, flows, showFlows]);
  const flowsId = useId();
  const sum = summarise(nodes, edges);
  const rows = useMemo(() => tableRows(nodes), [nodes]);

  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!g) return <Loading />;
  return (
    <>
      <p className="muted">{st.networkHint}</p>
      <ul className="network-facts" data-testid="network-facts">
        <li>
          <strong>{formatNumber(sum.isolated)}</strong> {st.isolated}
        </li>
        <li>
          <strong>{formatNumber(sum.noJobcenter)}</strong> {st.noJobcenter}
        </li>
        <li>
          <strong>{formatNumber(sum.noImmigrationOffice)}</strong> {st.noImmigration}
        </li>
        <li>{st.confirmed(sum.confirmed)}</li>
        <li>{sum.proposed ? st.proposed(sum.proposed) : st.noProposals}</li>
      </ul>
      {flows.length > 0 && !big && (
        <p className="flow-toggle">
          <input id={flowsId} type="checkbox" checked={showFlows} onChange={(e) => setShowFlows(e.target.checked)} data-testid="show-flows" />{' '}
          <label htmlFor={flowsId}>
            {st.showFlows} <span className="swatch" style={{ background: FLOW_COLOUR }} aria-hidden="true" />
          </label>
        </p>
      )}
      {big ? (
        <p className="warning" role="status" data-testid="network-too-large">
          {st.tooLarge(nodes.length, MAX_PICTURE_NODES)}
        </p>
      ) : (
        option && <Chart option={option} label={st.networkLabel} height={520} testId="network-chart" onClick={(p) => p.dataType === 'node' && setEgo((p.data as { id: string }).id)} />
      )}
      <TableAlt caption={st.networkLabel} columns={[st.organisation, st.kind, st.betweenness, st.degree, st.marks]} open={big} tall testId="network-table">
        {rows.map((n) => (
          <tr key={n.id} data-id={n.id} className={n.isolated ? 'isolated' : undefined}>
            <th scope="row">
              <Link to={`/?traeger=${encodeURIComponent(n.id)}`}>{n.organisation.name}</Link>
            </th>
            <td>{kindName(n.organisation.kind)}</td>
            <td>{dec3.format(n.betweenness)}</td>
            <td>{n.degree}</td>
            <td>{[n.isolated && st.isolated, !n.reachesJobcenter && st.noJobcenter, !n.reachesImmigrationOffice && st.noImmigration].filter(Boolean).join(', ')}</td>
          </tr>
        ))}
      </TableAlt>
      <Flows flows={flows} />
      <Ego nodes={nodes} value={ego} onChange={setEgo} />
    </>
  );
}

function Ego({ nodes, value, onChange }: { nodes: GraphNode[]; value: string; onChange: (id: string) => void }) {
  const [depth, setDepth] = useState(1);
  const id = useId();
  const q = useQuery(EgoDoc, { id: value, depth }, { skip: !value });
  const sorted = useMemo(() => [...nodes].sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'de')), [nodes]);
  const name = nodes.find((n) => n.id === value)?.organisation.name ?? '';
  const option = useMemo(() => {
    const net = q.data?.network;
    if (!net) return null;
    const full = new Map(nodes.map((n) => [n.id, n]));
    const ns = net.nodes.map(
      (n) =>
        full.get(n.id) ?? {
          id: n.id, organisation: n.organisation, betweenness: 0, degree: 0, component: 0, isolated: false, reachesJobcenter: true, reachesImmigrationOffice: true,
        },
    );
    const d = pictureData(ns, net.edges, kindName);
    d.nodes.forEach((n) => n.id === value && Object.assign(n, { label: { show: true, fontWeight: 'bold' } }));
    return graphOption(d);
  }, [q.data, nodes, value]);
  return (
    <section aria-labelledby={`${id}-h`} className="ego">
      <h3 id={`${id}-h`}>{st.ego}</h3>
      <div className="row">
        <Picker
          label={st.egoOrg}
          value={value}
          onChange={onChange}
          all={st.egoPick}
          options={sorted.map((n) => [n.id, n.organisation.name])}
          testId="ego-org"
          className="field grow"
        />
        <Picker label={st.egoDepth} value={String(depth)} onChange={(v) => setDepth(Number(v))} options={[['1', '1'], ['2', '2'], ['3', '3']]} testId="ego-depth" />
      </div>
      <ErrorBox error={q.error} />
      {value && q.loading && <Loading />}
      {option && q.data && (
        <>
          <Chart option={option} label={st.egoLabel(name, depth)} height={380} testId="ego-chart" />
          <p className="muted" data-testid="ego-count">
            {st.egoLabel(name, depth)}: {st.egoCount(formatNumber(q.data.network.nodes.length), formatNumber(q.data.network.edges.length))}
          </p>
          <details className="table-alt">
            <summary>{st.asTable}</summary>
            <ul>
              {q.data.network.nodes.map((n) => (
                <li key={n.id}>
                  {n.organisation.name} ({kindName(n.organisation.kind)})
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}

function Flows({ flows }: { flows: Flow[] }) {
  if (!flows.length) return null;
  const without = flows.filter((f) => !f.cooperation);
  return (
    <section className="flows" aria-labelledby="h-flows">
      <h3 id="h-flows">{st.flows}</h3>
      <p className="muted">{st.flowsHint(flows.length, without.length)}</p>
      <TableAlt caption={st.flows} columns={[st.flowFrom, st.flowTo, st.flowCount, st.flowCooperation]} tall testId="flow-table">
        {flows.map((f) => (
          <tr key={f.from.id + '>' + f.to.id} data-cooperation={f.cooperation}>
            <td>{f.from.name}</td>
            <td>{f.to.name}</td>
            <td>{countText(f.referrals, f.suppressed)}</td>
            <td>{f.cooperation ? st.yes : st.flowNoCooperation}</td>
          </tr>
        ))}
      </TableAlt>
    </section>
  );
}
