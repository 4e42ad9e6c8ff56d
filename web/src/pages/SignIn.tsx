import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSession } from '../auth';
import { navigate, useLocation } from '../router';
import { t } from '../i18n/de';
import { ApiError } from '../api/client';
import { errorText } from '../lib/errors';

export default function SignIn() {
  const { signIn, me, token } = useSession();
  const { search } = useLocation();
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  useEffect(() => {
    document.title = `${t.auth.title} – ${t.app.name}`;
  }, []);

  const next = search.get('weiter');
  const home = (role: string) => (next && next.startsWith('/') ? next : role === 'PARTNER' ? '/traeger' : role === 'PUBLIC' ? '/' : '/beratung');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const tok = value.trim();
    if (!tok) {
      setError(t.auth.empty);
      return;
    }
    setBusy(true);
    setError('');
    try {
      await signIn(tok);
      setValue('');
    } catch (err) {
      setError(err instanceof ApiError && err.kind === 'unauthenticated' ? t.auth.invalid : errorText(err));
      setBusy(false);
      return;
    }
    setBusy(false);
  }

  useEffect(() => {
    if (token && me.role !== 'PUBLIC') navigate(home(me.role), { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, me.role]);

  return (
    <section className="narrow">
      <h1>{t.auth.title}</h1>
      <p>{t.auth.intro}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-token`}>{t.auth.token}</label>
          <span className="hint" id={`${id}-hint`}>
            {t.auth.tokenHint}
          </span>
          <input
            id={`${id}-token`}
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
            aria-invalid={error ? true : undefined}
          />
          {error && (
            <p className="field-error" id={`${id}-err`} role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t.auth.submit}
        </button>
      </form>
    </section>
  );
}
