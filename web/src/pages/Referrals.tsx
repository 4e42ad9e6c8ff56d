// The referral inbox: what the counsellor's organisation sent (CASE_MANAGER)
// or what the partner's offers received (PARTNER), with the status moves
// the server allows (nextStatuses).
import { useEffect, useId, useState } from 'react';
import { graphql } from '../gql';
import type { ReferralListQuery } from '../gql/graphql';
import { request } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useSession } from '../auth';
import { Link } from '../router';
import { label, labels, t } from '../i18n/de';
import { formatDate, formatDateTime } from '../lib/format';
import { ErrorBox, Loading, Notice } from '../components/ui';

const ListDoc = graphql(`
  query ReferralList($filter: ReferralFilter, $after: String) {
    referrals(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ReferralRow
        }
      }
    }
  }
  fragment ReferralRow on Referral {
    id
    caseRef
    offerId
    needs
    note
    status
    reason
    nextStatuses
    createdAt
    updatedAt
    erasedAt
    from {
      id: localId
      name
    }
    offer {
      id: localId
      title
    }
    history {
      status
      at
      reason
    }
  }
`);

const UpdateDoc = graphql(`
  mutation UpdateReferralStatus($id: ID!, $status: ReferralStatus!, $reason: ReferralReason) {
    updateReferralStatus(id: $id, status: $status, reason: $reason) {
      ...ReferralRow
    }
  }
`);

type Row = ReferralListQuery['referrals']['edges'][number]['node'];

export default function Referrals() {
  const { me } = useSession();
  const received = me.role === 'PARTNER';
  const q = useQuery(ListDoc, { filter: { direction: received ? 'RECEIVED' : 'SENT' }, after: null });
  const [rows, setRows] = useState<Row[]>([]);
  const id = useId();
  useEffect(() => {
    if (q.data) setRows(q.data.referrals.edges.map((e) => e.node));
  }, [q.data]);
  useEffect(() => {
    document.title = `${t.referrals.nav} – ${t.app.name}`;
  }, []);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{received ? t.referrals.titleReceived : t.referrals.titleSent}</h1>
      <p className="lead">{received ? t.referrals.introReceived : t.referrals.introSent}</p>
      <ErrorBox error={q.error} onRetry={q.reload} />
      {q.loading && !q.data && <Loading />}
      {q.data && rows.length === 0 && <p>{t.referrals.none}</p>}
      {rows.length > 0 && (
        <table className="offers-table" data-testid="referrals">
          <caption className="visually-hidden">{received ? t.referrals.titleReceived : t.referrals.titleSent}</caption>
          <thead>
            <tr>
              <th scope="col">{t.referrals.caseRef}</th>
              <th scope="col">{t.referrals.offer}</th>
              <th scope="col">{t.referrals.needs}</th>
              <th scope="col">{t.referrals.status}</th>
              <th scope="col">{t.referrals.setStatus}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <ReferralRow key={r.id} r={r} received={received} onChange={(n) => setRows((rs) => rs.map((x) => (x.id === n.id ? n : x)))} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReferralRow({ r, received, onChange }: { r: Row; received: boolean; onChange: (r: Row) => void }) {
  const id = useId();
  const [next, setNext] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [msg, setMsg] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const needsReason = next === 'DECLINED' || next === 'CANCELLED';
  const reasons = next === 'DECLINED' ? ['NO_CAPACITY', 'NOT_ELIGIBLE', 'NOT_REACHABLE', 'CLIENT_DECLINED', 'OTHER'] : ['NOT_REACHABLE', 'CLIENT_DECLINED', 'OTHER', ...(r.status === 'ACCEPTED' ? ['NO_SHOW'] : [])];

  async function apply() {
    if (!next) return;
    if (next === 'DECLINED' && !reason) {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    setError(null);
    try {
      const d = await request(UpdateDoc, { id: r.id, status: next as never, reason: (needsReason && reason ? reason : null) as never });
      onChange(d.updateReferralStatus);
      setMsg(t.referrals.changed(label('referralStatus', d.updateReferralStatus.status)));
      setNext('');
      setReason('');
    } catch (err) {
      setError(err);
    }
  }

  return (
    <tr>
      <td>
        {r.caseRef ?? <span className="muted">{t.referrals.erased}</span>}
        <div className="muted">
          {t.referrals.sentAt} {formatDate(r.createdAt)}
          {received && r.from && (
            <>
              {' '}
              {t.referrals.from} {r.from.name}
            </>
          )}
        </div>
      </td>
      <td>{r.offer ? <Link to={`/angebote/${encodeURIComponent(r.offer.id)}`}>{r.offer.title}</Link> : t.referrals.deletedOffer}
        {r.note && <div className="muted">{t.referrals.note}: {r.note}</div>}
      </td>
      <td>{r.needs.map((n) => label('need', n)).join(', ')}</td>
      <td>
        <strong>{label('referralStatus', r.status)}</strong>
        {r.reason && <> ({label('referralReason', r.reason)})</>}
        <details>
          <summary>{t.referrals.history}</summary>
          <ol>
            {r.history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at)}: {label('referralStatus', h.status)}
                {h.reason && <> ({label('referralReason', h.reason)})</>}
              </li>
            ))}
          </ol>
        </details>
      </td>
      <td>
        {r.nextStatuses.length > 0 ? (
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-n`}>{t.referrals.setStatus}</label>
              <select id={`${id}-n`} value={next} onChange={(e) => setNext(e.target.value)}>
                <option value="">–</option>
                {r.nextStatuses.map((s) => (
                  <option key={s} value={s}>
                    {label('referralAction', s)}
                  </option>
                ))}
              </select>
            </div>
            {needsReason && (
              <div className="field">
                <label htmlFor={`${id}-r`}>{t.referrals.reason}</label>
                <select id={`${id}-r`} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={reasonMissing || undefined} aria-describedby={reasonMissing ? `${id}-re` : undefined}>
                  <option value="">{t.referrals.chooseReason}</option>
                  {reasons.map((x) => (
                    <option key={x} value={x}>
                      {(labels.referralReason as Record<string, string>)[x]}
                    </option>
                  ))}
                </select>
                {reasonMissing && (
                  <p className="field-error" id={`${id}-re`}>
                    {t.referrals.reasonNeeded}
                  </p>
                )}
              </div>
            )}
            <button type="button" onClick={apply} disabled={!next}>
              {t.referrals.apply}
            </button>
          </div>
        ) : (
          '–'
        )}
        {msg && <Notice>{msg}</Notice>}
        <ErrorBox error={error} />
      </td>
    </tr>
  );
}
