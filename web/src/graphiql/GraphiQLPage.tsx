// GraphiQL at /graphiql, bundled (no CDN), with a field for the token and
// the README's examples as tabs. Its own lazily loaded chunk.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './graphiql-a11y.css';
import { getToken } from '../api/session';
import { t } from '../i18n/de';
import { examples } from './examples';

// GraphiQL keeps tabs and history in a Storage; the tab's sessionStorage,
// so nothing stays in localStorage (headers are never persisted).
const storage = typeof window !== 'undefined' ? window.sessionStorage : undefined;

export default function GraphiQLPage() {
  const [token, setTokenField] = useState(getToken() ?? '');
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    document.title = `GraphiQL – ${t.app.name}`;
  }, []);
  // CodeMirror's hidden textareas carry no label; name them after their editor.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const name = (ta: Element) =>
      ta.closest('.graphiql-query-editor') ? t.graphiql.query
        : ta.closest('.graphiql-response') ? t.graphiql.response
        : ta.closest('[aria-label]')?.getAttribute('aria-label') || t.graphiql.editor;
    const label = () =>
      el.querySelectorAll('textarea:not([aria-label])').forEach((ta) => ta.setAttribute('aria-label', name(ta)));
    label();
    const mo = new MutationObserver(label);
    mo.observe(el, { childList: true, subtree: true });
    return () => mo.disconnect();
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
      <div className="graphiql-box" ref={box}>
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
