// The steering dashboard (/steering, STEERING and ADMIN): where offers are
// missing, who is not at the table, and the files for the office. Loaded
// lazily with its charts, so the public directory stays small.
import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import type { SteeringQuery } from '../gql/graphql';
import { useQuery } from '../api/useQuery';
import { getToken } from '../api/session';
import { label, languageName } from '../i18n/de';
import { formatDate, formatNumber } from '../lib/format';
import { ErrorBox, Loading } from '../components/ui';
import { Link, navigate, useLocation } from '../router';
import { MunicipalitiesDoc, SteeringDoc } from './queries';
import { buildMatrix, countByKind, countText, emptyGapFilter, filterGaps, gapLinks, levelColours, levelValue, unmetBy, unmetText, type Cell, type Gap, type Level } from './model';
import { fetchReport, reportFiles, saveBlob } from './download';
import { st } from './texts';
import Chart from './Chart';
import { Picker, TableAlt } from './parts';
import './steering.css';

const ChoroplethMap = lazy(() => import('./ChoroplethMap'));
const NetworkView = lazy(() => import('./NetworkView'));

const gapKinds = Object.keys(st.gapKinds);
const dec4 = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 4 });

export default function SteeringPage() {
  const { search } = useLocation();
  const munis = useQuery(MunicipalitiesDoc, {});
  const list = munis.data?.municipalities ?? [];
  const municipality = search.get('stadt') || list[0] || '';
  const report = useQuery(SteeringDoc, { m: municipality }, { skip: !municipality });
  const id = useId();

  return (
    <section className="steering">
      <h1>{st.title}</h1>
      <p className="lead no-print">{st.lead}</p>
      <div className="row no-print">
        <div className="field">
          <label htmlFor={`${id}-m`}>{st.municipality}</label>
          <select id={`${id}-m`} value={municipality} onChange={(e) => navigate(`/steering?stadt=${encodeURIComponent(e.target.value)}`)}>
            {list.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <button type="button" className="button" onClick={() => window.print()}>
          {st.print}
        </button>
      </div>
      <nav aria-label={st.sections} className="no-print section-nav">
        <ul>
          {[
            ['zusammenfassung', st.summary],
            ['matrix', st.matrix],
            ['karte', st.map],
            ['luecken', st.gaps],
            ['bedarfe', st.unmetTitle],
            ['netzwerk', st.network],
            ['dateien', st.downloads],
          ].map(([a, text]) => (
            <li key={a}>
              <a href={`#${a}`}>{text}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorBox error={munis.error || report.error} onRetry={report.reload} />
      {report.loading && !report.data && <Loading />}
      {report.data && <Dashboard data={report.data} municipality={municipality} />}
    </section>
  );
}

type Data = SteeringQuery;

function Dashboard({ data, municipality }: { data: Data; municipality: string }) {
  const cells = data.gapReport.cells as Cell[];
  const gaps = data.gapReport.structuralGaps as Gap[];
  const matrix = useMemo(() => buildMatrix(data.districts, cells), [data.districts, cells]);
  return (
    <>
      <Summary data={data} municipality={municipality} cells={cells} gaps={gaps} />
      <MatrixSection matrix={matrix} />
      <MapSection data={data} cells={cells} gaps={gaps} needs={matrix.needs} />
      <GapsSection gaps={gaps} districts={matrix.districts} needs={matrix.needs} />
      <UnmetSection counts={data.unmetNeedCounts} />
      <section id="netzwerk" aria-labelledby="h-netzwerk" className="block no-print-break">
        <h2 id="h-netzwerk">{st.network}</h2>
        <Suspense fallback={<Loading />}>
          <NetworkView municipality={municipality} />
        </Suspense>
      </section>
      <Downloads municipality={municipality} />
    </>
  );
}

function Summary({ data, municipality, cells, gaps }: { data: Data; municipality: string; cells: Cell[]; gaps: Gap[] }) {
  const n = data.networkReport;
  const kinds = countByKind(gaps, gapKinds).filter((k) => k.count > 0);
  const figures: [string, string][] = [
    [st.figures.districts, formatNumber(data.districts.length)],
    [st.figures.cellsNone, formatNumber(cells.filter((c) => c.level === 'NONE').length)],
    [st.figures.cellsLow, formatNumber(cells.filter((c) => c.level === 'LOW').length)],
    [st.figures.gaps, formatNumber(gaps.length)],
    [st.figures.organisations, formatNumber(n.organisations)],
    [st.figures.cooperations, formatNumber(n.cooperations)],
    [st.figures.density, dec4.format(n.density)],
    [st.figures.components, formatNumber(n.componentCount)],
  ];
  return (
    <section id="zusammenfassung" aria-labelledby="h-zus" className="block print-summary" data-testid="summary">
      <h2 id="h-zus">
        {st.summary}: {municipality}
      </h2>
      <p className="muted">{st.asOf(formatDate(new Date()))}</p>
      <dl className="figures">
        {figures.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3>{st.topGaps}</h3>
      <ul className="kind-counts">
        {kinds.map((k) => (
          <li key={k.kind}>
            {st.gapKinds[k.kind]}: <strong>{formatNumber(k.count)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MatrixSection({ matrix }: { matrix: ReturnType<typeof buildMatrix> }) {
  const needNames = matrix.needs.map((n) => label('need', n));
  const option = useMemo(() => {
    const points: { value: [number, number, number]; cell: Cell }[] = [];
    matrix.cells.forEach((row, y) =>
      row.forEach((c, x) => {
        if (c) points.push({ value: [x, y, levelValue[c.level]], cell: c });
      }),
    );
    return {
      tooltip: {
        formatter: (p: { data: { cell: Cell } }) =>
          `${matrix.districts[matrix.cells.findIndex((r) => r.includes(p.data.cell))]?.name} · ${label('need', p.data.cell.need)}<br>` +
          `${st.levels[p.data.cell.level]} · ${st.offers}: ${p.data.cell.activeOffers} · ${st.unmet}: ${countText(p.data.cell.unmetNeeds, p.data.cell.suppressed)}`,
      },
      grid: { left: 170, right: 10, top: 10, bottom: 120 },
      xAxis: { type: 'category', data: needNames, axisLabel: { rotate: 35, interval: 0, color: '#1a1a1a' } },
      yAxis: { type: 'category', data: matrix.districts.map((d) => d.name), axisLabel: { color: '#1a1a1a' } },
      visualMap: {
        type: 'piecewise',
        show: false,
        dimension: 2,
        pieces: (['NONE', 'LOW', 'OK'] as Level[]).map((l) => ({ value: levelValue[l], color: levelColours[l].fill, label: st.levels[l] })),
      },
      series: [
        {
          type: 'heatmap',
          data: points,
          label: {
            show: true,
            formatter: (p: { data: { cell: Cell } }) => `${p.data.cell.activeOffers} / ${countText(p.data.cell.unmetNeeds, p.data.cell.suppressed)}`,
            color: '#1a1a1a',
            fontSize: 11,
          },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
        },
      ],
    };
  }, [matrix, needNames]);
  return (
    <section id="matrix" aria-labelledby="h-matrix" className="block">
      <h2 id="h-matrix">{st.matrix}</h2>
      <p className="muted">{st.matrixHint}</p>
      <Legend />
      <Chart option={option} label={st.matrix} height={Math.max(260, 40 * matrix.districts.length + 140)} testId="matrix-chart" />
      <TableAlt caption={st.matrix} columns={[st.district, ...needNames]} testId="matrix-table">
        {matrix.districts.map((d, y) => (
          <tr key={d.id}>
            <th scope="row">{d.name}</th>
            {matrix.cells[y].map((c, x) =>
              c ? (
                <td key={x} className={`lvl lvl-${c.level}`} data-need={c.need}>
                  {st.levels[c.level]}: {c.activeOffers} / {countText(c.unmetNeeds, c.suppressed)}
                </td>
              ) : (
                <td key={x}>–</td>
              ),
            )}
          </tr>
        ))}
      </TableAlt>
    </section>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label={st.level}>
      {(['NONE', 'LOW', 'OK'] as Level[]).map((l) => (
        <li key={l}>
          <span className="swatch" style={{ background: levelColours[l].fill }} aria-hidden="true" /> {st.levels[l]}
        </li>
      ))}
    </ul>
  );
}

function MapSection({ data, cells, gaps, needs }: { data: Data; cells: Cell[]; gaps: Gap[]; needs: string[] }) {
  const [need, setNeed] = useState(needs.includes('FAMILY_CHILDCARE') ? 'FAMILY_CHILDCARE' : (needs[0] ?? ''));
  const districts = useMemo(
    () =>
      data.districts.map((d) => {
        const c = cells.find((x) => x.district.id === d.id && x.need === need);
        return {
          ...d,
          level: c?.level,
          text: c ? `${st.levels[c.level]}, ${st.offers}: ${c.activeOffers}, ${st.unmet}: ${countText(c.unmetNeeds, c.suppressed)}` : '–',
        };
      }),
    [data.districts, cells, need],
  );
  const points = useMemo(
    () =>
      gaps
        .filter((g) => g.need === need && g.offer?.location)
        .map((g) => ({ id: g.offer!.id, title: `${g.offer!.title} (${st.gapKinds[g.kind]})`, lat: g.offer!.location!.lat, lon: g.offer!.location!.lon, href: gapLinks(g).offer! })),
    [gaps, need],
  );
  return (
    <section id="karte" aria-labelledby="h-karte" className="block no-print">
      <h2 id="h-karte">{st.map}</h2>
      <Picker label={st.mapNeed} value={need} onChange={setNeed} options={needs.map((n) => [n, label('need', n)])} testId="map-need" className="field narrow" />
      <Legend />
      <Suspense fallback={<Loading />}>
        <ChoroplethMap districts={districts} points={points} label={st.mapLabel(label('need', need))} />
      </Suspense>
      <p className="muted">{st.mapHint}</p>
      <TableAlt
        caption={st.mapLabel(label('need', need))}
        columns={[st.district, st.level]}
        after={
          points.length > 0 && (
            <ul>
              {points.map((p) => (
                <li key={p.id}>
                  <Link to={p.href}>{p.title}</Link>
                </li>
              ))}
            </ul>
          )
        }
      >
        {districts.map((d) => (
          <tr key={d.id}>
            <th scope="row">{d.name}</th>
            <td>{d.text}</td>
          </tr>
        ))}
      </TableAlt>
    </section>
  );
}

function GapsSection({ gaps, districts, needs }: { gaps: Gap[]; districts: { id: string; name: string }[]; needs: string[] }) {
  const [f, setF] = useState(emptyGapFilter());
  const shown = filterGaps(gaps, f);
  const id = useId();
  return (
    <section id="luecken" aria-labelledby="h-luecken" className="block no-print">
      <h2 id="h-luecken">{st.gaps}</h2>
      <div className="row filters">
        <Picker
          label={st.gapKind}
          value={f.kinds[0] ?? ''}
          onChange={(v) => setF({ ...f, kinds: v ? [v] : [] })}
          all={st.allKinds}
          options={gapKinds.map((k) => [k, st.gapKinds[k]])}
        />
        <Picker label={st.district} value={f.districtId} onChange={(v) => setF({ ...f, districtId: v })} all={st.allDistricts} options={districts.map((d) => [d.id, d.name])} />
        <Picker label={st.need} value={f.need} onChange={(v) => setF({ ...f, need: v })} all={st.allNeeds} options={needs.map((n) => [n, label('need', n)])} />
        <div className="field grow">
          <label htmlFor={`${id}-q`}>{st.search}</label>
          <input id={`${id}-q`} type="search" value={f.text} onChange={(e) => setF({ ...f, text: e.target.value })} />
        </div>
      </div>
      <p role="status" className="muted">
        {st.shown(shown.length, gaps.length)}
      </p>
      <ul className="gap-list" data-testid="gap-list">
        {shown.slice(0, 300).map((g, i) => {
          const links = gapLinks(g);
          return (
            <li key={i} data-kind={g.kind}>
              <span className="tag">{st.gapKinds[g.kind]}</span> {g.detail}
              {(links.offer || links.organisation) && (
                <span className="gap-links">
                  {links.offer && (
                    <>
                      {' '}
                      <Link to={links.offer}>
                        {st.offer}: {g.offer!.title}
                      </Link>
                    </>
                  )}
                  {links.organisation && (
                    <>
                      {' · '}
                      <Link to={links.organisation}>
                        {st.offersOf}: {g.organisation!.name}
                      </Link>
                    </>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function UnmetSection({ counts }: { counts: Data['unmetNeedCounts'] }) {
  const dims: ['district' | 'language' | 'targetGroup', string, (k: string) => string][] = [
    ['district', st.byDistrict, (k) => counts.find((c) => c.district.id === k)?.district.name ?? k],
    ['language', st.byLanguage, (k) => (k ? languageName(k) : st.notRecorded)],
    ['targetGroup', st.byTargetGroup, (k) => (k ? label('targetGroup', k) : st.notRecorded)],
  ];
  return (
    <section id="bedarfe" aria-labelledby="h-bedarfe" className="block no-print">
      <h2 id="h-bedarfe">{st.unmetTitle}</h2>
      <p className="muted">{st.unmetHint}</p>
      <div className="unmet-grid">
        {dims.map(([dim, title, name]) => {
          const rows = unmetBy(counts, dim);
          const option = {
            grid: { left: 150, right: 20, top: 10, bottom: 20 },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: rows.map((r) => name(r.key)), axisLabel: { color: '#1a1a1a' } },
            tooltip: {},
            series: [{ type: 'bar', data: rows.map((r) => r.visible), itemStyle: { color: '#0b4f6c' } }],
          };
          return (
            <div key={dim} data-testid={`unmet-${dim}`}>
              <h3>
                {st.unmetTitle} {title}
              </h3>
              <Chart option={option} label={`${st.unmetTitle} ${title}`} height={Math.max(140, 26 * rows.length + 40)} />
              <TableAlt caption={`${st.unmetTitle} ${title}`} columns={[title.replace(/^nach /, ''), st.count]} open>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{name(r.key)}</th>
                    <td>{unmetText(r)}</td>
                  </tr>
                ))}
              </TableAlt>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function Downloads({ municipality }: { municipality: string }) {
  const [state, setState] = useState<{ busy?: string; done?: string; error?: unknown }>({});
  useEffect(() => setState({}), [municipality]);
  const download = async (path: string) => {
    setState({ busy: path });
    try {
      const f = await fetchReport(path, getToken());
      saveBlob(f.blob, f.name);
      setState({ done: f.name });
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <section id="dateien" aria-labelledby="h-dateien" className="block no-print">
      <h2 id="h-dateien">{st.downloads}</h2>
      <p className="muted">{st.downloadsHint}</p>
      <ul className="downloads">
        {reportFiles(municipality).map((f) => (
          <li key={f.path}>
            <button type="button" className="button" onClick={() => download(f.path)} disabled={state.busy === f.path} data-path={f.path}>
              {f.label}
            </button>
          </li>
        ))}
      </ul>
      <p role="status">{state.busy ? st.downloading : state.done ? st.downloaded(state.done) : ''}</p>
      {state.error ? <ErrorBox error={state.error} /> : null}
    </section>
  );
}
