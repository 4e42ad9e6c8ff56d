// Small shared pieces: status messages, error boxes, checkbox groups.
import { useId, type ReactNode } from 'react';
import { errorText } from '../lib/errors';
import { t } from '../i18n/de';

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.errors.retry}
        </button>
      )}
    </div>
  );
}

export function Loading({ label = t.app.loading }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

// A fieldset of checkboxes over codes with German labels.
export function CheckGroup({
  legend,
  options,
  value,
  onChange,
  name,
  error,
  columns = true,
}: {
  legend: string;
  options: [string, string][];
  value: string[];
  onChange: (v: string[]) => void;
  name: string;
  error?: string[];
  columns?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className={columns ? 'checks columns' : 'checks'} aria-describedby={error ? `${id}-err` : undefined}>
      <legend>{legend}</legend>
      {options.map(([code, text]) => (
        <label key={code}>
          <input
            type="checkbox"
            name={name}
            value={code}
            checked={value.includes(code)}
            onChange={(e) => onChange(e.target.checked ? [...value, code] : value.filter((v) => v !== code))}
          />{' '}
          {text}
        </label>
      ))}
      <FieldError id={`${id}-err`} messages={error} />
    </fieldset>
  );
}

export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={id}>
      {messages.join(' ')}
    </p>
  );
}
