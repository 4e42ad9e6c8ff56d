// The one way the pages talk to Lotse: POST /graphql on the same origin,
// with the session's bearer token, and errors sorted into what a page can
// say in German (lib/errors.ts).
import type { TypedDocumentString } from '../gql/graphql';
import { getToken, onUnauthorized } from './session';

export type ErrorKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'rate-limited'
  | 'unreachable'
  | 'bad-input'
  | 'not-found'
  | 'conflict'
  | 'server';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [k: string]: unknown };
}

export class ApiError extends Error {
  constructor(
    public kind: ErrorKind,
    message: string,
    public errors: GraphQLErrorBody[] = [],
    public retryAfter = 0,
  ) {
    super(message);
  }
}

const codeKinds: Record<string, ErrorKind> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  RATE_LIMITED: 'rate-limited',
  BAD_USER_INPUT: 'bad-input',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  UNAVAILABLE: 'unreachable',
};

// The kind of a failed answer, from its HTTP status and first error code.
export function classify(status: number, errors: GraphQLErrorBody[]): ErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate-limited';
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  for (const e of errors) {
    const k = codeKinds[e.extensions?.code ?? ''];
    if (k) return k;
  }
  return 'server';
}

export type Fetch = typeof fetch;

// Sends one operation. Resolves with data when there is no error; rejects
// with an ApiError otherwise.
export async function request<R, V>(
  doc: TypedDocumentString<R, V>,
  variables?: V,
  opts: { signal?: AbortSignal; token?: string | null; fetchFn?: Fetch } = {},
): Promise<R> {
  const token = opts.token === undefined ? getToken() : opts.token;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await (opts.fetchFn ?? fetch)('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: doc.toString(), variables: variables ?? {} }),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('unreachable', 'network error');
  }
  let body: { data?: R | null; errors?: GraphQLErrorBody[] } = {};
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status >= 500 || res.status === 0 ? 'unreachable' : 'server', `HTTP ${res.status}`);
  }
  const errors = body.errors ?? [];
  if (res.ok && errors.length === 0 && body.data) return body.data;
  const kind = classify(res.status, errors);
  if (res.status === 401 && token) onUnauthorized();
  const retryAfter = Number(res.headers.get('Retry-After') ?? '0') || (kind === 'rate-limited' ? 1 : 0);
  throw new ApiError(kind, errors[0]?.message ?? `HTTP ${res.status}`, errors, retryAfter);
}
