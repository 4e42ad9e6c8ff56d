import { lazy, Suspense, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { DirectorySearchQuery } from '../gql/graphql';
import { useQuery } from '../api/useQuery';
import { Link, navigate, useLocation } from '../router';
import { emptySearch, parseSearch, searchString, toOfferFilter, withChange, type SearchState } from '../lib/filters';
import { label, labels, languageCodes, languageName, t } from '../i18n/de';
import { formatKm, formatNumber, parsePoint } from '../lib/format';
import { CheckGroup, ErrorBox, Loading } from '../components/ui';
import { useDistricts } from '../api/districts';
import { placesText } from '../lib/offer';

const MapView = lazy(() => import('../components/MapView'));

const PAGE = 20;

const SearchDoc = graphql(`
  query DirectorySearch($filter: OfferFilter, $first: Int, $after: String, $orderBy: OfferOrder) {
    offers(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        distanceKm
        node {
          id: localId
          title
          category
          courseType
          freePlaces
          capacity
          childcare
          cost
          languages: languageCodes
          status
          digital
          address
          location {
            lat
            lon
          }
          district {
            id: localId
            name
          }
          provider {
            id: localId
            name
          }
        }
      }
    }
  }
`);

export type OfferHit = DirectorySearchQuery['offers']['edges'][number];

const entries = (o: Record<string, string>) => Object.entries(o) as [string, string][];

export default function Directory() {
  const { search } = useLocation();
  const qs = search.toString();
  const state = useMemo(() => parseSearch(new URLSearchParams(qs)), [qs]);
  const [draft, setDraft] = useState<SearchState>(state);
  const [pointError, setPointError] = useState(false);
  useEffect(() => setDraft(state), [state]);
  useEffect(() => {
    document.title = `${t.directory.title} – ${t.app.name}`;
  }, []);

  const districts = useDistricts();
  const ds = districts.data?.districts ?? [];
  const municipalities = [...new Set(ds.map((d) => d.municipality))].sort();
  const { filter, orderBy } = toOfferFilter(state, ds);
  const needsDistricts = !!state.nearDistrict;
  const result = useQuery(
    SearchDoc,
    { filter, first: PAGE, after: state.after || null, orderBy },
    {
      skip: needsDistricts && !districts.data,
      onData: () => performance.mark('lotse:answer'),
    },
  );
  const offers = result.data?.offers;
  useEffect(() => {
    if (!offers) return;
    // How long rendering took after the answer (read by the browser test).
    const marks = performance.getEntriesByName('lotse:answer');
    if (marks.length) {
      performance.measure('lotse:render', 'lotse:answer');
      performance.clearMarks('lotse:answer');
    }
  }, [offers]);

  const apply = (s: SearchState) => navigate('/' + searchString(s));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (draft.nearPoint && !draft.nearDistrict && !parsePoint(draft.nearPoint)) {
      setPointError(true);
      return;
    }
    setPointError(false);
    apply(withChange(draft, {}));
  }
  const set = (change: Partial<SearchState>) => setDraft((d) => ({ ...d, ...change }));
  const id = useId();
  const nearMode = draft.nearDistrict ? 'district' : draft.nearPoint !== '' ? 'point' : 'none';

  const districtOptions: [string, string][] = ds
    .filter((d) => !draft.municipality || d.municipality === draft.municipality)
    .map((d) => [d.id, `${d.name} (${d.municipality})`]);

  return (
    <div className="directory">
      <h1>{t.directory.title}</h1>
      <p className="lead">{t.directory.intro}</p>
      <form className="filters" onSubmit={submit} role="search" aria-label={t.directory.filters}>
        <div className="row">
          <div className="field grow">
            <label htmlFor={`${id}-q`}>{t.directory.text}</label>
            <input id={`${id}-q`} type="search" name="q" value={draft.text} onChange={(e) => set({ text: e.target.value })} aria-describedby={`${id}-qh`} />
            <span className="hint" id={`${id}-qh`}>
              {t.directory.textHint}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-m`}>{t.directory.municipality}</label>
            <select id={`${id}-m`} value={draft.municipality} onChange={(e) => set({ municipality: e.target.value })}>
              <option value="">{t.directory.anyMunicipality}</option>
              {municipalities.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-o`}>{t.directory.sort}</label>
            <select id={`${id}-o`} value={draft.orderBy} onChange={(e) => set({ orderBy: e.target.value as SearchState['orderBy'] })}>
              <option value="TITLE">{t.directory.sortTitle}</option>
              <option value="DISTANCE">{t.directory.sortDistance}</option>
              <option value="UPDATED_AT">{t.directory.sortUpdated}</option>
              <option value="FREE_PLACES">{t.directory.sortFree}</option>
            </select>
          </div>
        </div>
        <div className="row wrap">
          <label className="inline">
            <input type="checkbox" checked={draft.childcare} onChange={(e) => set({ childcare: e.target.checked })} /> {t.directory.childcare}
          </label>
          <label className="inline">
            <input type="checkbox" checked={draft.freePlacesOnly} onChange={(e) => set({ freePlacesOnly: e.target.checked })} /> {t.directory.freePlaces}
          </label>
        </div>
        <div className="groups">
          <Group title={t.directory.categories} n={draft.categories.length}>
            <CheckGroup legend={t.directory.categories} name="art" options={entries(labels.category)} value={draft.categories} onChange={(v) => set({ categories: v })} />
          </Group>
          <Group title={t.directory.needs} n={draft.needs.length}>
            <CheckGroup legend={t.directory.needs} name="bedarf" options={entries(labels.need)} value={draft.needs} onChange={(v) => set({ needs: v })} />
          </Group>
          <Group title={t.directory.languages} n={draft.languages.length}>
            <CheckGroup legend={t.directory.languages} name="sprache" options={languageCodes.map((c) => [c, languageName(c)])} value={draft.languages} onChange={(v) => set({ languages: v })} />
          </Group>
          <Group title={t.directory.targetGroups} n={draft.targetGroups.length}>
            <CheckGroup legend={t.directory.targetGroups} name="zielgruppe" options={entries(labels.targetGroup).filter(([c]) => c !== 'ALL')} value={draft.targetGroups} onChange={(v) => set({ targetGroups: v })} />
          </Group>
          <Group title={t.directory.districts} n={draft.districtIds.length}>
            <CheckGroup legend={t.directory.districts} name="bezirk" options={districtOptions} value={draft.districtIds} onChange={(v) => set({ districtIds: v })} />
          </Group>
          <Group title={t.directory.cost} n={draft.cost.length}>
            <CheckGroup legend={t.directory.cost} name="kosten" options={entries(labels.cost)} value={draft.cost} onChange={(v) => set({ cost: v })} />
          </Group>
          <Group title={t.directory.status} n={draft.status.length}>
            <CheckGroup legend={t.directory.status} name="status" options={entries(labels.status)} value={draft.status} onChange={(v) => set({ status: v })} />
          </Group>
          <Group title={t.directory.near} n={nearMode === 'none' ? 0 : 1}>
            <fieldset className="checks">
              <legend>{t.directory.near}</legend>
              <label>
                <input type="radio" name="nahe" checked={nearMode === 'none'} onChange={() => set({ nearDistrict: '', nearPoint: '' })} /> {t.directory.nearNone}
              </label>
              <label>
                <input type="radio" name="nahe" checked={nearMode === 'district'} onChange={() => set({ nearDistrict: ds[0]?.id ?? '', nearPoint: '' })} /> {t.directory.nearDistrict}
              </label>
              {nearMode === 'district' && (
                <div className="field sub">
                  <label htmlFor={`${id}-nd`}>{t.directory.nearDistrict}</label>
                  <select id={`${id}-nd`} value={draft.nearDistrict} onChange={(e) => set({ nearDistrict: e.target.value })}>
                    {ds.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name} ({d.municipality})
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <label>
                <input type="radio" name="nahe" checked={nearMode === 'point'} onChange={() => set({ nearDistrict: '', nearPoint: ' ' })} /> {t.directory.nearPoint}
              </label>
              {nearMode === 'point' && (
                <div className="field sub">
                  <label htmlFor={`${id}-np`}>{t.directory.nearPoint}</label>
                  <input
                    id={`${id}-np`}
                    value={draft.nearPoint.trim()}
                    onChange={(e) => set({ nearPoint: e.target.value || ' ' })}
                    aria-describedby={`${id}-nph${pointError ? ` ${id}-npe` : ''}`}
                    aria-invalid={pointError || undefined}
                  />
                  <span className="hint" id={`${id}-nph`}>
                    {t.directory.nearPointHint}
                  </span>
                  {pointError && (
                    <p className="field-error" id={`${id}-npe`}>
                      {t.directory.pointInvalid}
                    </p>
                  )}
                </div>
              )}
              {nearMode !== 'none' && (
                <div className="field sub">
                  <label htmlFor={`${id}-r`}>{t.directory.radius}</label>
                  <input id={`${id}-r`} type="number" min="0.5" max="1000" step="0.5" value={draft.radiusKm} onChange={(e) => set({ radiusKm: Number(e.target.value) || 3 })} />
                </div>
              )}
            </fieldset>
          </Group>
        </div>
        <div className="row">
          <button type="submit" className="primary">
            {t.directory.search}
          </button>
          <button type="button" onClick={() => apply(emptySearch())}>
            {t.directory.reset}
          </button>
        </div>
      </form>

      <section className="results" aria-labelledby={`${id}-rh`} aria-busy={result.loading}>
        <div className="results-head">
          <h2 id={`${id}-rh`} aria-live="polite">
            {offers ? (offers.totalCount === 0 ? t.directory.none : rangeText(state.start, offers.edges.length, offers.totalCount)) : t.directory.searching}
          </h2>
          <div className="view-switch" role="group" aria-label={t.directory.view}>
            {(['liste', 'karte'] as const).map((v) => (
              <Link key={v} to={'/' + searchString(withChange(state, { view: v }))} aria-current={state.view === v ? 'true' : undefined} className="button">
                {v === 'liste' ? t.directory.list : t.directory.map}
              </Link>
            ))}
          </div>
        </div>
        <ErrorBox error={result.error ?? districts.error} onRetry={result.reload} />
        {result.loading && !offers && <Loading label={t.directory.searching} />}
        {offers && state.view === 'karte' && (
          <Suspense fallback={<Loading />}>
            <MapView
              districts={ds.filter((d) => !state.municipality || d.municipality === state.municipality)}
              offers={offers.edges.map((e) => e.node)}
              centre={filter.near ?? null}
              onPick={(p) => apply(withChange(state, { nearPoint: `${p.lat.toFixed(5)}; ${p.lon.toFixed(5)}`.replace(/\./g, ','), nearDistrict: '' }))}
            />
          </Suspense>
        )}
        {offers && (
          <ol className="offers" start={state.start + 1} data-testid="results">
            {offers.edges.map((e) => (
              <OfferCard key={e.node.id} hit={e} />
            ))}
          </ol>
        )}
        {offers && (
          <nav className="paging" aria-label="Seiten">
            {state.after && <Link to={'/' + searchString(withChange(state, { after: '', start: 0 }))}>{t.directory.first}</Link>}
            {offers.pageInfo.hasNextPage && offers.pageInfo.endCursor && (
              <Link className="button" to={'/' + searchString(withChange(state, { after: offers.pageInfo.endCursor, start: state.start + offers.edges.length }))}>
                {t.directory.next}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}

function rangeText(start: number, n: number, total: number): string {
  if (start === 0 && n === total) return t.directory.results(formatNumber(total));
  return t.directory.range(formatNumber(start + 1), formatNumber(start + n), formatNumber(total));
}

function Group({ title, n, children }: { title: string; n: number; children: React.ReactNode }) {
  return (
    <details className="group" open={n > 0 || undefined}>
      <summary>
        {title} <span className="count">({t.directory.selected(n)})</span>
      </summary>
      {children}
    </details>
  );
}

function OfferCard({ hit }: { hit: OfferHit }) {
  const o = hit.node;
  return (
    <li className="offer-card">
      <h3>
        <Link to={`/angebote/${encodeURIComponent(o.id)}`}>{o.title}</Link>
      </h3>
      <p className="meta">
        <span className="tag">{label('category', o.category)}</span> {o.provider.name}
        {o.district ? ` · ${o.district.name}` : o.digital ? ` · ${t.offer.digital}` : ''}
        {hit.distanceKm != null ? ` · ${t.offer.distance(formatKm(hit.distanceKm))}` : ''}
      </p>
      <ul className="facts">
        <li>
          {t.offer.languages}: {o.languages.map(languageName).join(', ')}
        </li>
        <li>
          {t.offer.places}: {placesText(o.freePlaces, o.capacity)}
        </li>
        <li>{o.childcare ? t.offer.childcareYes : t.offer.childcareNo}</li>
        <li>{label('cost', o.cost)}</li>
        {o.status !== 'ACTIVE' && <li>{label('status', o.status)}</li>}
      </ul>
    </li>
  );
}
