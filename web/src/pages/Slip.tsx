// The printable slip for the client: the chosen offers with address, times
// and contact; headings in German and in the client's first language
// (right to left where that language is). No client data: the URL holds
// offer ids and a language code only.
import { useEffect, useState } from 'react';
import type { SlipOfferQuery } from '../gql/graphql';
import { request } from '../api/client';
import { graphql } from '../gql';
import { Link, useLocation } from '../router';
import { languageName, t } from '../i18n/de';
import { isRTL, secondHeadings, slipHeadings, type SlipHeadings } from '../i18n/slip';
import { formatDate } from '../lib/format';
import { ErrorBox, Loading } from '../components/ui';

const SlipDoc = graphql(`
  query SlipOffer($id: ID!) {
    offer(id: $id) {
          id: localId
          title
          address
          digital
          schedule
          contact
          languages: languageCodes
          district {
            name
            municipality
          }
          provider {
            name
            address
            phone
            email
            website
          }
    }
  }
`);

export default function Slip() {
  const { search } = useLocation();
  const ids = (search.get('angebote') ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 20);
  const lang = search.get('sprache') ?? '';
  const second = secondHeadings(lang);
  const key = ids.join(',');
  const [state, setState] = useState<{ offers?: NonNullable<SlipOfferQuery['offer']>[]; error?: unknown; loading: boolean }>({ loading: true });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    // One small query per offer (at most 20), in parallel.
    Promise.all(key.split(',').filter(Boolean).map((id) => request(SlipDoc, { id })))
      .then((rs) => live && setState({ offers: rs.map((r) => r.offer).filter((o) => !!o), loading: false }))
      .catch((error) => live && setState({ error, loading: false }));
    return () => {
      live = false;
    };
  }, [key, n]);
  const q = { ...state, reload: () => setN((x) => x + 1) };
  useEffect(() => {
    document.title = `${slipHeadings.de.title} – ${t.app.name}`;
  }, []);
  // Keep the order the counsellor chose.
  const offers = q.offers ?? [];

  const H = ({ k, level = 'h2' }: { k: keyof SlipHeadings; level?: 'h1' | 'h2' | 'dt' }) => {
    const Tag = level;
    return (
      <Tag className="bi">
        <span>{slipHeadings.de[k]}</span>
        {second && (
          <span lang={lang} dir={isRTL(lang) ? 'rtl' : 'ltr'}>
            {second[k]}
          </span>
        )}
      </Tag>
    );
  };

  return (
    <article className="slip" data-testid="slip">
      <div className="row no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t.slip.print}
        </button>
        <Link to="/beratung">{t.slip.backToDesk}</Link>
        {lang && !second && lang !== 'de' && <span className="muted">({languageName(lang)}: nur deutsche Überschriften)</span>}
      </div>
      <H k="title" level="h1" />
      <p className="bi">
        <span>{slipHeadings.de.intro}</span>
        {second && (
          <span lang={lang} dir={isRTL(lang) ? 'rtl' : 'ltr'}>
            {second.intro}
          </span>
        )}
      </p>
      {ids.length === 0 && <p>{t.slip.empty}</p>}
      <ErrorBox error={q.error} onRetry={q.reload} />
      {q.loading && <Loading />}
      {offers.map((o) => (
        <section key={o.id} className="slip-offer" aria-label={o.title}>
          <h2>{o.title}</h2>
          <dl>
            <H k="provider" level="dt" />
            <dd>{o.provider.name}</dd>
            <H k="address" level="dt" />
            <dd>{o.digital ? slipHeadings.de.online : o.address || o.provider.address || (o.district ? `${o.district.name}, ${o.district.municipality}` : '–')}</dd>
            <H k="schedule" level="dt" />
            <dd>{o.schedule || '–'}</dd>
            <H k="contact" level="dt" />
            <dd>
              {/* The offer's own contact, else the provider's. */}
              {(o.contact ? [o.contact] : [o.provider.phone, o.provider.email, o.provider.website].filter(Boolean)).map((c) => (
                <div key={c}>{c}</div>
              ))}
              {!o.contact && ![o.provider.phone, o.provider.email, o.provider.website].some(Boolean) && '–'}
            </dd>
            <H k="languages" level="dt" />
            <dd>{o.languages.map(languageName).join(', ')}</dd>
          </dl>
        </section>
      ))}
      <p className="muted">{t.slip.created(formatDate(new Date()))}</p>
    </article>
  );
}
