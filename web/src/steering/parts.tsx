// Small pieces the dashboard's sections share: a labelled select and the
// table that stands beside every chart (folded, scrollable by keyboard).
import { useId, type ReactNode } from 'react';
import { st } from './texts';

export function Picker({
  label,
  value,
  onChange,
  options,
  all,
  testId,
  className = 'field',
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: [string, string][];
  all?: string; // text of the empty choice, when there is one
  testId?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TableAlt({
  caption,
  columns,
  children,
  open,
  tall,
  testId,
  after,
}: {
  caption: string;
  columns: string[];
  children: ReactNode;
  open?: boolean;
  tall?: boolean;
  testId?: string;
  after?: ReactNode;
}) {
  return (
    <details className="table-alt" open={open} data-testid={testId}>
      <summary>{st.asTable}</summary>
      <div className={tall ? 'scroll tall' : 'scroll'} tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {after}
    </details>
  );
}
