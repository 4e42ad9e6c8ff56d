import { Suspense, useEffect, useRef } from 'react';
import { Link, matchPath, useLocation } from './router';
import { routes } from './routes';
import { useSession } from './auth';
import { t } from './i18n/de';
import { Loading } from './components/ui';

// The server says so when it serves no GraphiQL (production).
const graphiQLOff = typeof document !== 'undefined' && document.querySelector('meta[name="lotse-graphiql"]')?.getAttribute('content') === 'off';

export function App() {
  const { path } = useLocation();
  const { me, token, checking, signOut } = useSession();
  const main = useRef<HTMLElement>(null);
  let params: Record<string, string> | null = null;
  const route = routes.find((r) => (params = matchPath(r.path, path)) !== null);

  // After a client-side navigation, focus moves to the page (as on a page load).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);

  const allowed = (roles?: string[]) => !roles || roles.includes(me.role);
  let page;
  if (!route) {
    page = (
      <section>
        <h1>{t.app.notFound}</h1>
        <p>
          <Link to="/">{t.app.toStart}</Link>
        </p>
      </section>
    );
  } else if (!allowed(route.roles)) {
    page = checking ? (
      <Loading />
    ) : (
      <section>
        <h1>{me.role === 'PUBLIC' ? t.auth.title : t.app.forbiddenPage}</h1>
        {me.role === 'PUBLIC' ? (
          <p>
            {t.app.signInFirst} <Link to={`/anmelden?weiter=${encodeURIComponent(path)}`}>{t.nav.signIn}</Link>
          </p>
        ) : (
          <p>{t.app.forbiddenPage}</p>
        )}
      </section>
    );
  } else {
    const Page = route.component;
    page = <Page params={params ?? {}} />;
  }

  return (
    <>
      <a className="skip" href="#main">
        {t.app.skip}
      </a>
      <header className="site no-print">
        <div className="brand">
          <Link to="/" className="logo">
            {t.app.name}
          </Link>
          <span className="tagline">{t.app.tagline}</span>
        </div>
        <nav aria-label={t.app.mainNav}>
          <ul>
            {routes
              .filter((r) => r.nav && allowed(r.roles) && !(graphiQLOff && r.path === '/graphiql'))
              .map((r) => (
                <li key={r.path}>
                  <Link to={r.path} aria-current={route === r ? 'page' : undefined}>
                    {r.nav}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="who" data-testid="who">
          {token && me.role !== 'PUBLIC' ? (
            <>
              <span>
                {t.auth.signedInAs} <strong>{t.roles[me.role]}</strong>
                {me.organisation ? <> · {me.organisation.name}</> : me.name ? <> · {me.name}</> : null}
              </span>{' '}
              <button type="button" onClick={signOut}>
                {t.auth.signOut}
              </button>
            </>
          ) : (
            <Link to="/anmelden">{t.nav.signIn}</Link>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </main>
    </>
  );
}
