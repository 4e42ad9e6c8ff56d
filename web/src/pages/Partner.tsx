// The partner's own organisation and offers: one-click edits of free places
// and status, schedule and languages, and a new offer with the server's
// validation errors beside their fields.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { PartnerOrgQuery, UpdateOfferInput } from '../gql/graphql';
import { ApiError, request } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useDistricts } from '../api/districts';
import { useSession } from '../auth';
import { Link } from '../router';
import { label, labels, languageName, t } from '../i18n/de';
import { fieldErrors } from '../lib/errors';
import { formatNumber } from '../lib/format';
import { CheckGroup, ErrorBox, FieldError, Loading, Notice } from '../components/ui';

const OrgDoc = graphql(`
  query PartnerOrg($id: ID!) {
    organisation(id: $id) {
      id: localId
      name
      kind
      address
      email
      phone
      website
      district {
        id: localId
        name
      }
      offers {
        ...PartnerOffer
      }
    }
  }
  fragment PartnerOffer on Offer {
    id: localId
    title
    category
    status
    freePlaces
    capacity
    schedule
    languages: languageCodes
    updatedAt
  }
`);

const UpdateDoc = graphql(`
  mutation PartnerUpdateOffer($id: ID!, $input: UpdateOfferInput!) {
    updateOffer(id: $id, input: $input) {
      ...PartnerOffer
    }
  }
`);

const CreateDoc = graphql(`
  mutation PartnerCreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) {
      ...PartnerOffer
    }
  }
`);

type Offer = NonNullable<PartnerOrgQuery['organisation']>['offers'][number];
const entries = (o: Record<string, string>) => Object.entries(o) as [string, string][];

export default function Partner() {
  const { me } = useSession();
  const orgId = me.organisation?.id ?? '';
  const q = useQuery(OrgDoc, { id: orgId }, { skip: !orgId });
  const [offers, setOffers] = useState<Offer[]>([]);
  const id = useId();
  useEffect(() => {
    if (q.data?.organisation) setOffers(q.data.organisation.offers);
  }, [q.data]);
  useEffect(() => {
    document.title = `${t.partner.title} – ${t.app.name}`;
  }, []);
  if (!orgId) return <p>{t.partner.noOrganisation}</p>;
  if (q.loading && !q.data) return <Loading />;
  const org = q.data?.organisation;
  const replace = (o: Offer) => setOffers((os) => os.map((x) => (x.id === o.id ? o : x)));
  return (
    <div className="partner">
      <h1>
        {t.partner.title}: {org?.name ?? me.organisation?.name}
      </h1>
      <ErrorBox error={q.error} onRetry={q.reload} />
      {org && (
        <p className="meta">
          {label('organisationKind', org.kind)}
          {org.district && ` · ${org.district.name}`}
          {org.address && ` · ${org.address}`}
          {org.phone && ` · ${org.phone}`}
          {org.email && ` · ${org.email}`}
        </p>
      )}
      <section aria-labelledby={`${id}-o`}>
        <h2 id={`${id}-o`}>{t.partner.offers}</h2>
        {offers.length === 0 && <p>{t.partner.noOffers}</p>}
        {offers.length > 0 && (
          <table className="offers-table" data-testid="partner-offers">
            <caption className="visually-hidden">{t.partner.offers}</caption>
            <thead>
              <tr>
                <th scope="col">{t.partner.titleField}</th>
                <th scope="col">{t.partner.freePlaces}</th>
                <th scope="col">{t.partner.status}</th>
                <th scope="col">{t.partner.schedule}</th>
                <th scope="col">{t.offer.languages}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((o) => (
                <OfferRow key={o.id} o={o} onSaved={replace} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {org && <CreateOffer providerId={org.id} districtId={org.district?.id ?? ''} onCreated={(o) => setOffers((os) => [...os, o])} />}
    </div>
  );
}

function OfferRow({ o, onSaved }: { o: Offer; onSaved: (o: Offer) => void }) {
  const id = useId();
  const [schedule, setSchedule] = useState(o.schedule ?? '');
  const [langs, setLangs] = useState(o.languages.join(', '));
  const [errs, setErrs] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(input: UpdateOfferInput, what: string) {
    setBusy(true);
    setErrs({});
    setError(null);
    setSaved('');
    try {
      const r = await request(UpdateDoc, { id: o.id, input });
      onSaved(r.updateOffer);
      setSaved(`${what}: ${t.partner.saved}`);
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'bad-input') setErrs(fieldErrors(err.errors));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }
  const free = o.freePlaces ?? 0;
  const inv = (k: string) => (errs[k] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${k}-e` } : {});
  return (
    <tr>
      <th scope="row">
        <Link to={`/angebote/${encodeURIComponent(o.id)}`} id={`${id}-t`}>
          {o.title}
        </Link>
        <div className="muted">{label('category', o.category)}</div>
        {saved && <Notice>{saved}</Notice>}
        <ErrorBox error={error} />
      </th>
      <td>
        <div className="stepper" role="group" aria-labelledby={`${id}-fp ${id}-t`}>
          <span id={`${id}-fp`} className="visually-hidden">
            {t.partner.freePlaces}
          </span>
          <button type="button" className="small" disabled={busy || free <= 0} onClick={() => save({ freePlaces: free - 1 }, t.partner.freePlaces)} aria-label={`${t.partner.less}: ${o.title}`}>
            −
          </button>
          <output aria-live="polite" data-testid={`free-${o.id}`}>
            {o.freePlaces == null ? '–' : formatNumber(o.freePlaces)}
          </output>
          <button type="button" className="small" disabled={busy || (o.capacity != null && free >= o.capacity)} onClick={() => save({ freePlaces: free + 1 }, t.partner.freePlaces)} aria-label={`${t.partner.more}: ${o.title}`}>
            +
          </button>
        </div>
        {o.capacity != null && <div className="muted">/ {formatNumber(o.capacity)}</div>}
        <FieldError id={`${id}-freePlaces-e`} messages={errs.freePlaces} />
      </td>
      <td>
        <label htmlFor={`${id}-st`} className="visually-hidden">
          {t.partner.status}: {o.title}
        </label>
        <select id={`${id}-st`} value={o.status} disabled={busy} onChange={(e) => save({ status: e.target.value as never }, t.partner.status)} {...inv('status')}>
          {entries(labels.status).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-status-e`} messages={errs.status} />
      </td>
      <td>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save({ schedule }, t.partner.schedule);
          }}
        >
          <label htmlFor={`${id}-sc`} className="visually-hidden">
            {t.partner.schedule}: {o.title}
          </label>
          <input id={`${id}-sc`} value={schedule} onChange={(e) => setSchedule(e.target.value)} {...inv('schedule')} />{' '}
          <button type="submit" className="small" disabled={busy || schedule === (o.schedule ?? '')}>
            {t.partner.save}
            <span className="visually-hidden">
              : {t.partner.schedule}, {o.title}
            </span>
          </button>
          <FieldError id={`${id}-schedule-e`} messages={errs.schedule} />
        </form>
      </td>
      <td>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save({ languageCodes: splitCodes(langs) }, t.offer.languages);
          }}
        >
          <label htmlFor={`${id}-la`} className="visually-hidden">
            {t.partner.languages}: {o.title}
          </label>
          <input id={`${id}-la`} value={langs} onChange={(e) => setLangs(e.target.value)} size={12} {...inv('languages')} />{' '}
          <button type="submit" className="small" disabled={busy || langs === o.languages.join(', ')}>
            {t.partner.save}
            <span className="visually-hidden">
              : {t.offer.languages}, {o.title}
            </span>
          </button>
          <div className="muted">{o.languages.map(languageName).join(', ')}</div>
          <FieldError id={`${id}-languages-e`} messages={errs.languages} />
        </form>
      </td>
    </tr>
  );
}

const splitCodes = (s: string) => s.split(/[\s,;]+/).map((x) => x.trim().toLowerCase()).filter(Boolean);

function CreateOffer({ providerId, districtId, onCreated }: { providerId: string; districtId: string; onCreated: (o: Offer) => void }) {
  const id = useId();
  const districts = useDistricts();
  const blank = { title: '', description: '', category: 'LANGUAGE_COURSE', needs: [] as string[], targetGroups: [] as string[], languages: 'de', schedule: '', capacity: '', freePlaces: '', address: '', districtId, contact: '', cost: 'FREE', childcare: false, digital: false };
  const [f, setF] = useState(blank);
  const [errs, setErrs] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const set = (c: Partial<typeof blank>) => setF((x) => ({ ...x, ...c }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrs({});
    setError(null);
    setDone('');
    const num = (s: string) => (s.trim() === '' ? null : Number(s));
    try {
      const r = await request(CreateDoc, {
        input: {
          providerId,
          title: f.title,
          description: f.description || null,
          category: f.category as never,
          needs: f.needs as never,
          targetGroups: f.targetGroups as never,
          languageCodes: splitCodes(f.languages),
          schedule: f.schedule || null,
          capacity: num(f.capacity),
          freePlaces: num(f.freePlaces),
          address: f.digital ? null : f.address || null,
          districtId: f.digital ? null : f.districtId || null,
          contact: f.contact || null,
          cost: f.cost as never,
          childcare: f.childcare,
          digital: f.digital,
          status: 'ACTIVE',
        },
      });
      onCreated(r.createOffer);
      setDone(t.partner.created(r.createOffer.title));
      setF(blank);
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'bad-input') setErrs(fieldErrors(err.errors));
      else setError(err);
    }
  }

  const text = (k: keyof typeof blank, lab: string, extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{lab}</label>
      <input
        id={`${id}-${k}`}
        name={k}
        value={String(f[k])}
        onChange={(e) => set({ [k]: e.target.value } as Partial<typeof blank>)}
        aria-invalid={errs[k] ? true : undefined}
        aria-describedby={errs[k] ? `${id}-${k}-e` : undefined}
        {...extra}
      />
      <FieldError id={`${id}-${k}-e`} messages={errs[k]} />
    </div>
  );

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.partner.create}</h2>
      <form onSubmit={submit} noValidate className="filters" data-testid="create-offer">
        {text('title', t.partner.titleField)}
        <div className="field">
          <label htmlFor={`${id}-description`}>{t.partner.description}</label>
          <textarea id={`${id}-description`} rows={3} value={f.description} onChange={(e) => set({ description: e.target.value })} aria-invalid={errs.description ? true : undefined} aria-describedby={errs.description ? `${id}-description-e` : undefined} />
          <FieldError id={`${id}-description-e`} messages={errs.description} />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-category`}>{t.partner.category}</label>
            <select id={`${id}-category`} value={f.category} onChange={(e) => set({ category: e.target.value })}>
              {entries(labels.category).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-category-e`} messages={errs.category} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-cost`}>{t.partner.cost}</label>
            <select id={`${id}-cost`} value={f.cost} onChange={(e) => set({ cost: e.target.value })}>
              {entries(labels.cost).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        </div>
        <CheckGroup legend={t.partner.needs} name="new-needs" options={entries(labels.need)} value={f.needs} onChange={(v) => set({ needs: v })} error={errs.needs} />
        <CheckGroup legend={t.partner.targetGroups} name="new-targets" options={entries(labels.targetGroup)} value={f.targetGroups} onChange={(v) => set({ targetGroups: v })} error={errs.targetGroups} />
        {text('languages', t.partner.languages)}
        <div className="row">
          {text('capacity', t.partner.capacity, { inputMode: 'numeric' })}
          {text('freePlaces', t.partner.freePlaces, { inputMode: 'numeric' })}
          {text('schedule', t.partner.schedule)}
        </div>
        <label className="inline">
          <input type="checkbox" checked={f.childcare} onChange={(e) => set({ childcare: e.target.checked })} /> {t.partner.childcare}
        </label>{' '}
        <label className="inline">
          <input type="checkbox" checked={f.digital} onChange={(e) => set({ digital: e.target.checked })} /> {t.partner.digital}
        </label>
        {!f.digital && (
          <div className="row">
            {text('address', t.partner.address)}
            <div className="field">
              <label htmlFor={`${id}-districtId`}>{t.partner.district}</label>
              <select id={`${id}-districtId`} value={f.districtId} onChange={(e) => set({ districtId: e.target.value })} aria-invalid={errs.districtId || errs.location ? true : undefined} aria-describedby={errs.districtId || errs.location ? `${id}-districtId-e` : undefined}>
                <option value="">–</option>
                {(districts.data?.districts ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name} ({d.municipality})
                  </option>
                ))}
              </select>
              <FieldError id={`${id}-districtId-e`} messages={[...(errs.districtId ?? []), ...(errs.location ?? [])]} />
            </div>
          </div>
        )}
        {text('contact', t.partner.contact)}
        <FieldError id={`${id}-other-e`} messages={Object.entries(errs).filter(([k]) => !['title', 'description', 'category', 'needs', 'targetGroups', 'languages', 'capacity', 'freePlaces', 'schedule', 'address', 'districtId', 'location', 'contact'].includes(k)).flatMap(([k, v]) => (k ? v.map((m) => `${k}: ${m}`) : v))} />
        <ErrorBox error={error} />
        {done && <Notice>{done}</Notice>}
        <button type="submit" className="primary">
          {t.partner.submitCreate}
        </button>
      </form>
    </section>
  );
}
