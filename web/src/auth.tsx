// Who is signed in: the session token and what the server says about it (me).
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { graphql } from './gql';
import type { MeQuery } from './gql/graphql';
import { ApiError, request } from './api/client';
import { getToken, setToken, subscribe } from './api/session';

const MeDoc = graphql(`
  query Me {
    me {
      role
      name
      organisation {
        id: localId
        name
      }
    }
  }
`);

export type Role = MeQuery['me']['role'];
export type Me = MeQuery['me'];

interface Session {
  token: string | null;
  me: Me;
  // Set while the token is being checked.
  checking: boolean;
  signIn(token: string): Promise<void>;
  signOut(): void;
}

const anonymous: Me = { role: 'PUBLIC', name: null, organisation: null };
const SessionContext = createContext<Session>({
  token: null,
  me: anonymous,
  checking: false,
  signIn: async () => {},
  signOut: () => {},
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(subscribe, getToken);
  const [me, setMe] = useState<Me>(anonymous);
  const [checking, setChecking] = useState(!!token);

  useEffect(() => {
    if (!token) {
      setMe(anonymous);
      setChecking(false);
      return;
    }
    let live = true;
    setChecking(true);
    request(MeDoc, {}, { token })
      .then((d) => live && setMe(d.me))
      .catch(() => live && setMe(anonymous))
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [token]);

  // Checks the token first: a wrong one is refused with 401 and never stored.
  const signIn = useCallback(async (t: string) => {
    const d = await request(MeDoc, {}, { token: t });
    if (d.me.role === 'PUBLIC') throw new ApiError('unauthenticated', 'anonymous');
    setMe(d.me);
    setToken(t);
  }, []);
  const signOut = useCallback(() => setToken(null), []);

  return <SessionContext.Provider value={{ token, me, checking, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

export const CASE_ROLES: Role[] = ['CASE_MANAGER', 'STEERING', 'ADMIN'];
