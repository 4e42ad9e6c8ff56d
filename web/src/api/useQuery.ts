import { useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { request } from './client';

export interface QueryState<R> {
  data: R | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

// Runs a query whenever its variables (as JSON) or the token change; skip
// leaves it unsent. A newer request aborts the one before.
export function useQuery<R, V>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  opts: { skip?: boolean; token?: string | null; onData?: (r: R) => void } = {},
): QueryState<R> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: R; error?: unknown; loading: boolean }>({ loading: !opts.skip });
  const [n, setN] = useState(0);
  const onData = useRef(opts.onData);
  onData.current = opts.onData;
  useEffect(() => {
    if (opts.skip) {
      setState({ loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    request(doc, JSON.parse(key) as V, { signal: ctl.signal })
      .then((data) => {
        onData.current?.(data);
        setState({ data, loading: false });
      })
      .catch((error) => {
        if ((error as Error).name !== 'AbortError') setState({ error, loading: false });
      });
    return () => ctl.abort();
  }, [doc, key, opts.skip, opts.token, n]);
  return { ...state, loading: state.loading, reload: () => setN((x) => x + 1), data: state.data, error: state.error };
}
