import { describe, expect, it } from 'vitest';
import { ApiError, classify, request } from '../api/client';
import { errorText, fieldErrors, fieldKey } from './errors';
import { germanValidation } from '../i18n/de';
import { MeDocument } from '../gql/graphql';

describe('errors', () => {
  it('classifies by status and code', () => {
    expect(classify(401, [])).toBe('unauthenticated');
    expect(classify(429, [])).toBe('rate-limited');
    expect(classify(503, [])).toBe('unreachable');
    expect(classify(200, [{ message: 'x', extensions: { code: 'FORBIDDEN' } }])).toBe('forbidden');
    expect(classify(200, [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }])).toBe('unauthenticated');
    expect(classify(200, [{ message: 'x' }])).toBe('server');
  });

  it('says it in German', () => {
    expect(errorText(new ApiError('rate-limited', '', [], 3))).toBe(
      'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie 3 Sekunden und versuchen Sie es dann erneut.',
    );
    expect(errorText(new ApiError('unreachable', ''))).toMatch(/nicht erreichbar/);
    expect(errorText(new ApiError('forbidden', ''))).toMatch(/Berechtigung/);
    expect(errorText(new Error('boom'))).toMatch(/Fehler/);
  });

  it('puts server errors beside their fields', () => {
    expect(fieldKey('languages[1]')).toBe('languages');
    expect(fieldKey('languageCodes[1]')).toBe('languages');
    expect(fieldKey('location.lat')).toBe('location');
    expect(fieldKey('input.title')).toBe('title');
    const out = fieldErrors([
      { message: 'title: must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'title' } },
      { message: 'languages[1]: "xx" is not an ISO 639-1 code', extensions: { code: 'BAD_USER_INPUT', field: 'languages[1]' } },
      { message: 'something else' },
    ]);
    expect(out.title).toEqual(['darf nicht leer sein']);
    expect(out.languages).toEqual(['languages[1]: „xx“ ist kein Sprachcode nach ISO 639-1']);
    expect(out['']).toEqual(['something else']);
    expect(germanValidation('freePlaces: must not exceed capacity (12)')).toBe('darf die Kapazität (12) nicht übersteigen');
  });
});

describe('request', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    (async () => new Response(JSON.stringify(body), { status, headers })) as unknown as typeof fetch;

  it('sends the token and returns data', async () => {
    let auth = '';
    const f = (async (_u: string, init: RequestInit) => {
      auth = (init.headers as Record<string, string>).Authorization;
      return new Response(JSON.stringify({ data: { me: { role: 'PARTNER', name: 'x', organisation: null } } }));
    }) as unknown as typeof fetch;
    const d = await request(MeDocument, {}, { token: 'lotse_abc', fetchFn: f });
    expect(d.me.role).toBe('PARTNER');
    expect(auth).toBe('Bearer lotse_abc');
  });

  it('rejects with the kind of failure', async () => {
    await expect(request(MeDocument, {}, { token: null, fetchFn: answer(429, { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] }, { 'Retry-After': '2' }) })).rejects.toMatchObject({ kind: 'rate-limited', retryAfter: 2 });
    await expect(request(MeDocument, {}, { token: null, fetchFn: (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch })).rejects.toMatchObject({ kind: 'unreachable' });
    await expect(request(MeDocument, {}, { token: null, fetchFn: (async () => new Response('<html>bad gateway', { status: 502 })) as unknown as typeof fetch })).rejects.toMatchObject({ kind: 'unreachable' });
    await expect(request(MeDocument, {}, { token: null, fetchFn: answer(200, { data: null, errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }] }) })).rejects.toMatchObject({ kind: 'bad-input' });
  });
});
