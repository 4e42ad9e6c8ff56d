import { lazy, Suspense, useEffect, useId, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { DeskMatchQuery } from '../gql/graphql';
import { request } from '../api/client';
import { useDistricts } from '../api/districts';
import { Link } from '../router';
import { label, labels, languageCodes, languageName, t } from '../i18n/de';
import { formatKm, formatPercent, formatPoint, parsePoint } from '../lib/format';
import { placesText } from '../lib/offer';
import { emptyProfile, recordDistrict, slipHref, toClientProfile, type ProfileErrors, type ProfileState } from '../lib/profile';
import { CheckGroup, ErrorBox, FieldError, Loading, Notice } from '../components/ui';
import { ReferForm } from '../components/ReferForm';
import { useSession } from '../auth';

const MatchDoc = graphql(`
  query DeskMatch($c: ClientProfile!) {
    matchOffers(client: $c, first: 10) {
      score
      distanceKm
      matchedNeeds
      reasons {
        kind
        text
      }
      warnings {
        kind
        text
      }
      offer {
        id: localId
        title
        category
        childcare
        languages: languageCodes
        freePlaces
        capacity
        schedule
        address
        digital
        district {
          name
        }
        provider {
          name
        }
      }
    }
    carePlan(client: $c) {
      coveredNeeds
      uncoveredNeeds
      items {
        score
        matchedNeeds
        reasons {
          kind
          text
        }
        warnings {
          kind
          text
        }
        offer {
          id: localId
          title
          provider {
            name
          }
        }
      }
    }
  }
`);

const RecordDoc = graphql(`
  mutation RecordUnmetNeed($input: UnmetNeedInput!) {
    recordUnmetNeed(input: $input) {
      id
      need
      recordedDate
      district {
        name
      }
    }
  }
`);

const MapView = lazy(() => import('../components/MapView'));
const entries = (o: Record<string, string>) => Object.entries(o) as [string, string][];
type Match = DeskMatchQuery['matchOffers'][number];

export default function Desk() {
  const [form, setForm] = useState<ProfileState>(emptyProfile());
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [result, setResult] = useState<DeskMatchQuery | null>(null);
  const [asked, setAsked] = useState<ReturnType<typeof toClientProfile>['profile']>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [slip, setSlip] = useState<string[]>([]);
  const [recorded, setRecorded] = useState<Record<string, string>>({});
  const [recordError, setRecordError] = useState<unknown>(null);
  const [referring, setReferring] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const { me } = useSession();
  const districts = useDistricts();
  const ds = districts.data?.districts ?? [];
  const id = useId();
  useEffect(() => {
    document.title = `${t.nav.desk} – ${t.app.name}`;
  }, []);
  const set = (c: Partial<ProfileState>) => setForm((f) => ({ ...f, ...c }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { profile, errors } = toClientProfile(form);
    setErrors(errors);
    if (!profile) return;
    setBusy(true);
    setError(null);
    setRecorded({});
    try {
      const r = await request(MatchDoc, { c: profile });
      setResult(r);
      setAsked(profile);
      setSlip(r.carePlan.items.map((i) => i.offer.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function record(need: string) {
    if (!asked) return;
    const districtId = recordDistrict(asked, ds);
    if (!districtId) {
      setRecordError(null);
      setRecorded((r) => ({ ...r, [need]: t.desk.recordNeedsPlace }));
      return;
    }
    try {
      const targetGroup = asked.targetGroups?.find((g) => g !== 'ALL');
      const r = await request(RecordDoc, {
        input: { need: need as never, districtId, languageCode: asked.languageCodes?.[0] ?? null, targetGroup: targetGroup ?? null },
      });
      setRecorded((x) => ({ ...x, [need]: t.desk.recorded(label('need', r.recordUnmetNeed.need), r.recordUnmetNeed.district.name) }));
    } catch (err) {
      setRecordError(err);
    }
  }

  const toggle = (offerId: string, on: boolean) => setSlip((s) => (on ? [...s.filter((x) => x !== offerId), offerId] : s.filter((x) => x !== offerId)));
  const canRefer = me.role === 'CASE_MANAGER' && !!me.organisation;

  return (
    <div className="desk">
      <h1>{t.desk.title}</h1>
      <p className="lead">{t.desk.intro}</p>
      <div className="two-col">
        <form onSubmit={submit} noValidate aria-labelledby={`${id}-ph`} className="filters">
          <h2 id={`${id}-ph`}>{t.desk.profile}</h2>
          <CheckGroup legend={t.desk.needs} name="needs" options={entries(labels.need)} value={form.needs} onChange={(v) => set({ needs: v })} error={errors.needs ? [errors.needs] : undefined} columns={false} />
          <div className="field">
            <label htmlFor={`${id}-fl`}>{t.desk.firstLanguage}</label>
            <select id={`${id}-fl`} value={form.firstLanguage} onChange={(e) => set({ firstLanguage: e.target.value })}>
              <option value="">{t.desk.noLanguage}</option>
              {languageCodes.map((c) => (
                <option key={c} value={c}>
                  {languageName(c)}
                </option>
              ))}
            </select>
          </div>
          <details className="group">
            <summary>{t.desk.otherLanguages}</summary>
            <CheckGroup legend={t.desk.otherLanguages} name="otherLanguages" options={languageCodes.filter((c) => c !== form.firstLanguage).map((c) => [c, languageName(c)])} value={form.otherLanguages} onChange={(v) => set({ otherLanguages: v })} />
          </details>
          <fieldset>
            <legend>{t.desk.place}</legend>
            <div className="field">
              <label htmlFor={`${id}-d`}>{t.desk.district}</label>
              <select id={`${id}-d`} value={form.districtId} onChange={(e) => set({ districtId: e.target.value })}>
                <option value="">{t.desk.noDistrict}</option>
                {ds.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name} ({d.municipality})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-pt`}>{t.desk.point}</label>
              <input id={`${id}-pt`} value={form.point} onChange={(e) => set({ point: e.target.value })} aria-invalid={errors.location ? true : undefined} aria-describedby={errors.location ? `${id}-pte` : undefined} />
              <FieldError id={`${id}-pte`} messages={errors.location ? [errors.location] : undefined} />
              <button type="button" className="small" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
                {t.desk.pickOnMap}
              </button>
            </div>
            {picking && (
              <Suspense fallback={<Loading />}>
                <div className="map-picker">
                  <MapView
                    districts={ds}
                    offers={[]}
                    centre={parsePoint(form.point) ? { ...parsePoint(form.point)!, radiusKm: 0.1 } : null}
                    label={t.desk.pickOnMap}
                    onPick={(p) => set({ point: formatPoint(p), districtId: '' })}
                  />
                </div>
              </Suspense>
            )}
            <div className="field">
              <label htmlFor={`${id}-md`}>{t.desk.maxDistance}</label>
              <input id={`${id}-md`} inputMode="decimal" value={form.maxDistanceKm} onChange={(e) => set({ maxDistanceKm: e.target.value })} aria-invalid={errors.maxDistanceKm ? true : undefined} aria-describedby={errors.maxDistanceKm ? `${id}-mde` : undefined} />
              <FieldError id={`${id}-mde`} messages={errors.maxDistanceKm ? [errors.maxDistanceKm] : undefined} />
            </div>
          </fieldset>
          <label className="inline">
            <input type="checkbox" checked={form.needsChildcare} onChange={(e) => set({ needsChildcare: e.target.checked })} /> {t.desk.childcare}
          </label>
          <details className="group">
            <summary>{t.desk.targetGroups}</summary>
            <CheckGroup legend={t.desk.targetGroups} name="targetGroups" options={entries(labels.targetGroup).filter(([c]) => c !== 'ALL')} value={form.targetGroups} onChange={(v) => set({ targetGroups: v })} />
          </details>
          <details className="group">
            <summary>{t.desk.legalCircuits}</summary>
            <CheckGroup legend={t.desk.legalCircuits} name="legalCircuits" options={entries(labels.legalCircuit)} value={form.legalCircuits} onChange={(v) => set({ legalCircuits: v })} />
          </details>
          <div className="field">
            <label htmlFor={`${id}-age`}>{t.desk.age}</label>
            <input id={`${id}-age`} inputMode="numeric" value={form.age} onChange={(e) => set({ age: e.target.value })} aria-invalid={errors.age ? true : undefined} aria-describedby={errors.age ? `${id}-agee` : undefined} />
            <FieldError id={`${id}-agee`} messages={errors.age ? [errors.age] : undefined} />
          </div>
          <label className="inline">
            <input type="checkbox" checked={form.freeOnly} onChange={(e) => set({ freeOnly: e.target.checked })} /> {t.desk.freeOnly}
          </label>
          <p>
            <button type="submit" className="primary" disabled={busy}>
              {t.desk.submit}
            </button>
          </p>
        </form>

        <div aria-live="polite">
          <ErrorBox error={error ?? districts.error} />
          {busy && <Loading />}
          {result && (
            <>
              <section aria-labelledby={`${id}-cp`} className="care-plan">
                <h2 id={`${id}-cp`}>{t.desk.carePlan}</h2>
                <ol>
                  {result.carePlan.items.map((i) => (
                    <li key={i.offer.id}>
                      <Link to={`/angebote/${encodeURIComponent(i.offer.id)}`}>{i.offer.title}</Link> – {i.offer.provider.name}{' '}
                      <span className="muted">({i.matchedNeeds.map((n) => label('need', n)).join(', ')})</span>
                    </li>
                  ))}
                </ol>
                <p>
                  <strong>{t.desk.covered}:</strong> {result.carePlan.coveredNeeds.map((n) => label('need', n)).join(', ') || '–'}
                </p>
                {result.carePlan.uncoveredNeeds.length === 0 ? (
                  <p>{t.desk.allCovered}</p>
                ) : (
                  <div>
                    <strong>{t.desk.uncovered}:</strong>
                    <ul data-testid="uncovered">
                      {result.carePlan.uncoveredNeeds.map((n) => (
                        <li key={n}>
                          {label('need', n)}{' '}
                          {recorded[n] ? (
                            <Notice>{recorded[n]}</Notice>
                          ) : (
                            <button type="button" className="small" onClick={() => record(n)}>
                              {t.desk.record}
                              <span className="visually-hidden">: {label('need', n)}</span>
                            </button>
                          )}
                        </li>
                      ))}
                    </ul>
                    <ErrorBox error={recordError} />
                  </div>
                )}
              </section>
              <section aria-labelledby={`${id}-slip`} className="slip-box">
                <h2 id={`${id}-slip`}>{t.desk.slip}</h2>
                <p>{t.desk.slipCount(slip.length)}</p>
                {slip.length > 0 && (
                  <Link className="button primary" to={slipHref(slip, asked?.languageCodes?.[0] ?? '')}>
                    {t.desk.openSlip}
                  </Link>
                )}
              </section>
              <section aria-labelledby={`${id}-m`}>
                <h2 id={`${id}-m`}>{t.desk.matches}</h2>
                {result.matchOffers.length === 0 && <p>{t.desk.noMatches}</p>}
                <ol className="offers" data-testid="matches">
                  {result.matchOffers.map((m) => (
                    <MatchCard
                      key={m.offer.id}
                      m={m}
                      onSlip={slip.includes(m.offer.id)}
                      toggle={toggle}
                      canRefer={canRefer}
                      referring={referring === m.offer.id}
                      setReferring={setReferring}
                    />
                  ))}
                </ol>
              </section>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function MatchCard({
  m,
  onSlip,
  toggle,
  canRefer,
  referring,
  setReferring,
}: {
  m: Match;
  onSlip: boolean;
  toggle: (id: string, on: boolean) => void;
  canRefer: boolean;
  referring: boolean;
  setReferring: (id: string | null) => void;
}) {
  const o = m.offer;
  const id = useId();
  return (
    <li className="match">
      <h3 id={`${id}-t`}>
        <Link to={`/angebote/${encodeURIComponent(o.id)}`}>{o.title}</Link>
      </h3>
      <p className="meta">
        <span className="score">
          {t.desk.score} {formatPercent(m.score)}
        </span>{' '}
        · {label('category', o.category)} · {o.provider.name}
        {m.distanceKm != null && <> · {t.offer.distance(formatKm(m.distanceKm))}</>} · {t.offer.places}: {placesText(o.freePlaces, o.capacity)}
      </p>
      {m.reasons.length > 0 && (
        <ul className="reasons" aria-label={t.desk.reasons}>
          {m.reasons.map((r) => (
            <li key={r.kind}>{r.text}</li>
          ))}
        </ul>
      )}
      {m.warnings.length > 0 && (
        <ul className="warnings" aria-label={t.desk.warnings}>
          {m.warnings.map((r) => (
            <li key={r.kind}>{r.text}</li>
          ))}
        </ul>
      )}
      <div className="row">
        <label className="inline">
          <input type="checkbox" checked={onSlip} onChange={(e) => toggle(o.id, e.target.checked)} aria-describedby={`${id}-t`} /> {t.desk.onSlip}
        </label>
        {canRefer && !referring && (
          <button type="button" className="small" onClick={() => setReferring(o.id)} aria-describedby={`${id}-t`}>
            {t.refer.open}
          </button>
        )}
      </div>
      {canRefer && referring && <ReferForm offerId={o.id} offerTitle={o.title} needs={m.matchedNeeds} onClose={() => setReferring(null)} />}
    </li>
  );
}
