import { ApiError, classify, type GraphQLErrorBody } from '../api/client';

// Report files with the session's token, without putting the token in a
// URL: fetch with the Authorization header, then save the answer (a Blob)
// through a temporary blob: link. The server's /reports/* files refuse a
// token in the query string anyway.

export interface ReportFile {
  path: string; // e.g. /reports/gaps.csv
  label: string;
}

export function reportFiles(municipality: string): ReportFile[] {
  const q = '?municipality=' + encodeURIComponent(municipality);
  return [
    { path: '/reports/gaps.csv' + q, label: 'Lückenanalyse (CSV für Excel)' },
    { path: '/reports/gaps.geojson' + q, label: 'Lückenanalyse mit Stadtbezirken (GeoJSON für QGIS)' },
    { path: '/reports/gaps.json' + q, label: 'Lückenanalyse (JSON)' },
    { path: '/reports/network.csv' + q, label: 'Netzwerkanalyse (CSV für Excel)' },
    { path: '/reports/network.json' + q, label: 'Netzwerkanalyse (JSON)' },
  ];
}

// The file name from Content-Disposition (attachment; filename="x.csv"),
// or the last part of the path.
export function fileNameOf(disposition: string | null, path: string): string {
  const m = disposition?.match(/filename="([^"]+)"/) ?? disposition?.match(/filename=([^;]+)/);
  if (m) return m[1].trim();
  return path.split('?')[0].split('/').pop() || 'bericht';
}


// Fetches a report file with the token; rejects with an ApiError of the
// kind the server's status and code say (the pages' German error texts).
export async function fetchReport(
  path: string,
  token: string | null,
  fetchFn: typeof fetch = fetch,
): Promise<{ blob: Blob; name: string }> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetchFn(path, { headers });
  if (!res.ok) {
    let errors: GraphQLErrorBody[] = [];
    try {
      errors = ((await res.json()) as { errors?: GraphQLErrorBody[] }).errors ?? [];
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(classify(res.status, errors), errors[0]?.message ?? `HTTP ${res.status}`, errors);
  }
  return { blob: await res.blob(), name: fileNameOf(res.headers.get('Content-Disposition'), path) };
}

// Saves a blob as a file in the browser.
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
