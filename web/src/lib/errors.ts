import { ApiError, type GraphQLErrorBody } from '../api/client';
import { germanValidation, t } from '../i18n/de';

// The German sentence for a failed request.
export function errorText(e: unknown): string {
  if (!(e instanceof ApiError)) return t.errors.server;
  switch (e.kind) {
    case 'unauthenticated':
      return t.errors.unauthenticated;
    case 'forbidden':
      return t.errors.forbidden;
    case 'rate-limited':
      return t.errors.rateLimited(e.retryAfter || 1);
    case 'unreachable':
      return t.errors.unreachable;
    case 'not-found':
      return t.errors.notFound;
    case 'conflict':
      return t.errors.conflict;
    case 'bad-input':
      return t.errors.badInput;
    default:
      return t.errors.server;
  }
}

// Typed API fields that replaced deprecated string fields keep the form
// field of the old name ("languageCodes[1]" belongs to the languages field).
const formFieldOf: Record<string, string> = { languageCodes: 'languages', languageCode: 'language' };

// The form field an error belongs to: "languages[1]" → "languages",
// "location.lat" → "location", "input.title" → "title".
export function fieldKey(field: string): string {
  let f = field.replace(/^input\./, '');
  f = f.replace(/\[\d+\].*$/, '');
  f = f.replace(/\..*$/, '');
  return formFieldOf[f] ?? f;
}

// German messages per form field, from the errors' extensions.field;
// errors without a field are collected under "".
export function fieldErrors(errors: GraphQLErrorBody[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const raw = typeof e.extensions?.field === 'string' ? e.extensions.field : '';
    const key = raw ? fieldKey(raw) : '';
    const sub = raw && raw !== key ? `${raw}: ` : '';
    (out[key] ??= []).push(sub + germanValidation(e.message));
  }
  return out;
}
