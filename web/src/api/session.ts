// The bearer token lives in sessionStorage only: it is gone when the tab
// closes and is never written to localStorage or a cookie.
const KEY = 'lotse.token';
let listeners: (() => void)[] = [];

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function subscribe(l: () => void): () => void {
  listeners.push(l);
  return () => {
    listeners = listeners.filter((x) => x !== l);
  };
}

// A 401 means the token was revoked or is wrong: forget it.
export function onUnauthorized(): void {
  setToken(null);
}
