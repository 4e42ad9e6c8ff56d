// "Vermitteln" from a match: a pseudonymous case code, the needs, an
// optional note and the consent record; server errors beside their fields.
import { useId, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { ApiError, request } from '../api/client';
import { fieldErrors } from '../lib/errors';
import { label, labels, t } from '../i18n/de';
import { CheckGroup, ErrorBox, FieldError, Notice } from './ui';

const CreateReferralDoc = graphql(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      status
    }
  }
`);

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
const inAYear = () => {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
};

export function ReferForm({ offerId, offerTitle, needs, onClose }: { offerId: string; offerTitle: string; needs: string[]; onClose: () => void }) {
  const id = useId();
  const [caseRef, setCaseRef] = useState('');
  const [chosen, setChosen] = useState<string[]>(needs);
  const [note, setNote] = useState('');
  const [givenOn, setGivenOn] = useState(today());
  const [validUntil, setValidUntil] = useState(inAYear());
  const [form, setForm] = useState('WRITTEN');
  const [outcome, setOutcome] = useState(true);
  const [errs, setErrs] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrs({});
    setError(null);
    const shares = ['NEEDS', ...(note.trim() ? ['NOTE'] : []), ...(outcome ? ['OUTCOME'] : [])];
    try {
      await request(CreateReferralDoc, {
        input: {
          caseRef: caseRef.trim(),
          offerId,
          needs: chosen as never,
          note: note.trim() || null,
          consent: { givenOn, validUntil, form: form as never, shares: shares as never },
        },
      });
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'bad-input') setErrs(fieldErrors(err.errors));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (done) return <Notice>{t.refer.sent(offerTitle)}</Notice>;
  const err = (k: string) => errs[k] ?? errs[`consent.${k}`];
  const f = (k: string) => ({ 'aria-invalid': err(k) ? true : undefined, 'aria-describedby': err(k) ? `${id}-${k}-e` : undefined });
  // The consent's own fields come as "consent.givenOn": fieldErrors keys them under "consent".
  const consentErrs = errs.consent;
  return (
    <form className="refer" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t.refer.title(offerTitle)}</h4>
      <div className="field">
        <label htmlFor={`${id}-cr`}>{t.refer.caseRef}</label>
        <span className="hint" id={`${id}-crh`}>
          {t.refer.caseRefHint}
        </span>
        <input id={`${id}-cr`} value={caseRef} onChange={(e) => setCaseRef(e.target.value)} autoComplete="off" {...f('caseRef')} aria-describedby={`${id}-crh${err('caseRef') ? ` ${id}-caseRef-e` : ''}`} />
        <FieldError id={`${id}-caseRef-e`} messages={err('caseRef')} />
      </div>
      <CheckGroup legend={t.refer.needs} name="refer-needs" options={needs.map((n) => [n, label('need', n)])} value={chosen} onChange={setChosen} error={errs.needs} columns={false} />
      <div className="field">
        <label htmlFor={`${id}-note`}>{t.refer.note}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} {...f('note')} />
        <FieldError id={`${id}-note-e`} messages={err('note')} />
      </div>
      <fieldset>
        <legend>{t.refer.consent}</legend>
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-go`}>{t.refer.givenOn}</label>
            <input id={`${id}-go`} type="date" value={givenOn} onChange={(e) => setGivenOn(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-vu`}>{t.refer.validUntil}</label>
            <input id={`${id}-vu`} type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-fo`}>{t.refer.form}</label>
            <select id={`${id}-fo`} value={form} onChange={(e) => setForm(e.target.value)}>
              {Object.entries(labels.consentForm).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="inline">
          <input type="checkbox" checked={outcome} onChange={(e) => setOutcome(e.target.checked)} /> {t.refer.shareOutcome}
        </label>
        <FieldError id={`${id}-consent-e`} messages={consentErrs} />
      </fieldset>
      <FieldError id={`${id}-other-e`} messages={errs['']} />
      <ErrorBox error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t.refer.send}
        </button>
        <button type="button" onClick={onClose}>
          {t.refer.cancel}
        </button>
      </div>
    </form>
  );
}
