import { useEffect } from 'react';
import { graphql } from '../gql';
import { useQuery } from '../api/useQuery';
import { Link } from '../router';
import { label, languageName, t } from '../i18n/de';
import { formatDate } from '../lib/format';
import { placesText } from '../lib/offer';
import { ErrorBox, Loading } from '../components/ui';

const OfferDoc = graphql(`
  query OfferPage($id: ID!) {
    offer(id: $id) {
      id: localId
      title
      description
      category
      courseType
      needs
      targetGroups
      languages: languageCodes
      legalCircuits
      childcare
      cost
      capacity
      freePlaces
      schedule
      ageMin
      ageMax
      funding
      status
      digital
      address
      contact
      updatedAt
      district {
        id: localId
        name
        municipality
      }
      provider {
        id: localId
        name
        kind
        address
        website
        email
        phone
        parent {
          id: localId
          name
        }
        offers {
          id: localId
          title
        }
        partners {
          sinceDate
          topics
          organisation {
            id: localId
            name
            kind
          }
        }
      }
    }
  }
`);

export default function OfferPage({ params }: { params: Record<string, string> }) {
  const q = useQuery(OfferDoc, { id: params.id });
  const o = q.data?.offer;
  useEffect(() => {
    if (o) document.title = `${o.title} – ${t.app.name}`;
  }, [o]);
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!o)
    return (
      <section>
        <h1>{t.offer.notFound}</h1>
        <p>
          <Link to="/">{t.offer.back}</Link>
        </p>
      </section>
    );
  const p = o.provider;
  const others = p.offers.filter((x) => x.id !== o.id);
  return (
    <article className="offer-page">
      <p className="back no-print">
        <a href="/" onClick={(e) => { if (history.length > 1) { e.preventDefault(); history.back(); } }}>
          ← {t.offer.back}
        </a>
      </p>
      <h1>{o.title}</h1>
      <p className="meta">
        <span className="tag">{label('category', o.category)}</span>
        {o.courseType && <> {label('courseType', o.courseType)}</>} · {label('status', o.status)}
      </p>
      {o.description && <p className="lead">{o.description}</p>}
      <dl className="facts-table">
        <dt>{t.offer.provider}</dt>
        <dd>
          {p.name} ({label('organisationKind', p.kind)}){p.parent && <>, {t.offer.partOf} {p.parent.name}</>}
        </dd>
        <dt>{t.offer.address}</dt>
        <dd>{o.digital ? t.offer.digital : o.address || (o.district ? `${o.district.name}, ${o.district.municipality}` : '–')}</dd>
        {o.district && (
          <>
            <dt>{t.offer.district}</dt>
            <dd>
              {o.district.name} ({o.district.municipality})
            </dd>
          </>
        )}
        <dt>{t.offer.schedule}</dt>
        <dd>{o.schedule || '–'}</dd>
        <dt>{t.offer.languages}</dt>
        <dd>{o.languages.map(languageName).join(', ')}</dd>
        <dt>{t.offer.places}</dt>
        <dd data-testid="places">{placesText(o.freePlaces, o.capacity)}</dd>
        <dt>{t.offer.childcare}</dt>
        <dd>{o.childcare ? t.yes : t.no}</dd>
        <dt>{t.offer.cost}</dt>
        <dd>{label('cost', o.cost)}</dd>
        <dt>{t.offer.age}</dt>
        <dd>{t.offer.ageRange(o.ageMin, o.ageMax)}</dd>
        <dt>{t.offer.needs}</dt>
        <dd>{o.needs.map((n) => label('need', n)).join(', ')}</dd>
        <dt>{t.offer.targetGroups}</dt>
        <dd>{o.targetGroups.map((g) => label('targetGroup', g)).join(', ') || label('targetGroup', 'ALL')}</dd>
        <dt>{t.offer.legalCircuits}</dt>
        <dd>{o.legalCircuits.map((c) => label('legalCircuit', c)).join(', ') || t.offer.allCircuits}</dd>
        <dt>{t.offer.funding}</dt>
        <dd>{label('funding', o.funding)}</dd>
        <dt>{t.offer.contact}</dt>
        <dd>
          {o.contact && <div>{o.contact}</div>}
          {p.phone && <div>{t.offer.phone}: {p.phone}</div>}
          {p.email && (
            <div>
              {t.offer.email}: <a href={`mailto:${p.email}`}>{p.email}</a>
            </div>
          )}
          {p.website && (
            <div>
              {t.offer.website}: <a href={p.website} rel="noopener noreferrer">{p.website}</a>
            </div>
          )}
          {!o.contact && !p.phone && !p.email && !p.website && '–'}
        </dd>
        <dt>{t.offer.updated}</dt>
        <dd>{formatDate(o.updatedAt)}</dd>
      </dl>
      <section aria-labelledby="network-h">
        <h2 id="network-h">{t.offer.network}</h2>
        <p>{t.offer.networkIntro(p.partners.length)}</p>
        {p.partners.length > 0 && (
          <ul className="partners">
            {p.partners.map((x) => (
              <li key={x.organisation.id}>
                {x.organisation.name} <span className="muted">({label('organisationKind', x.organisation.kind)})</span>
                {x.sinceDate && <> · {t.offer.since(formatDate(x.sinceDate))}</>}
                {x.topics.length > 0 && <> · {x.topics.join(', ')}</>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {others.length > 0 && (
        <section aria-labelledby="others-h">
          <h2 id="others-h">{t.offer.otherOffers}</h2>
          <ul>
            {others.map((x) => (
              <li key={x.id}>
                <Link to={`/angebote/${encodeURIComponent(x.id)}`}>{x.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
