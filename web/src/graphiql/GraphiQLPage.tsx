// GraphiQL at /graphiql, bundled (no CDN), with a field for the token and
// the README's examples as tabs. Its own lazily loaded chunk.
import { useEffect, useId, useMemo, useState } from 'react';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { getToken } from '../api/session';
import { t } from '../i18n/de';
import { examples } from './examples';

// GraphiQL keeps tabs and history in a Storage; the tab's sessionStorage,
// so nothing stays in localStorage (headers are never persisted).
const storage = typeof window !== 'undefined' ? window.sessionStorage : undefined;

export default function GraphiQLPage() {
  const [token, setTokenField] = useState(getToken() ?? '');
  const id = useId();
  useEffect(() => {
    document.title = `GraphiQL – ${t.app.name}`;
  }, []);
  const fetcher = useMemo(
    () => async (params: unknown, opts?: { headers?: Record<string, string> }) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', ...(opts?.headers ?? {}) };
      if (token.trim()) headers.Authorization = `Bearer ${token.trim()}`;
      const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
      return res.json();
    },
    [token],
  );
  return (
    <div className="graphiql-page">
      <h1 className="visually-hidden">{t.graphiql.title}</h1>
      <div className="field token-field">
        <label htmlFor={`${id}-tok`}>{t.graphiql.token}</label>
        <input id={`${id}-tok`} type="password" autoComplete="off" value={token} onChange={(e) => setTokenField(e.target.value)} aria-describedby={`${id}-h`} />
        <span className="hint" id={`${id}-h`}>
          {t.graphiql.tokenHint}
        </span>
      </div>
      <div className="graphiql-box">
        <GraphiQL
          fetcher={fetcher}
          storage={storage}
          shouldPersistHeaders={false}
          defaultTabs={examples.map((e) => ({ query: e.query, variables: e.variables }))}
          defaultEditorToolsVisibility={examples.some((e) => e.variables)}
        />
      </div>
    </div>
  );
}
