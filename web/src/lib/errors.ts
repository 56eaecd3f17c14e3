import type { TFunction } from 'i18next';
import { ApiError, NetworkError, type FieldError } from './problem';

/** One sentence that says what happened and what to do, in the user's language. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.status === 429) return t('errors.rate_limited', { seconds: error.retryAfter ?? 60 });
  if (error.status === 422 || error.status === 400) {
    if (error.errors.length) return t('errors.validation');
  }
  if (error.status === 404) return t('errors.not_found');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 503) return busyMessage(t, error);
  if (error.status >= 500) return t('errors.generic');
  return t(`errors.${error.code}`, { defaultValue: error.message || t('errors.generic') });
}

/**
 * A 503: "busy" is the server shedding load (password hashing at capacity) and says when to
 * come back; anything else is an outage.
 */
function busyMessage(t: TFunction, error: ApiError): string {
  if (error.code !== 'busy') return t('errors.unavailable');
  return error.retryAfter ? t('errors.busyRetry', { count: Math.ceil(error.retryAfter) }) : t('errors.busy');
}

/**
 * For an action with no form field on screen (booking a time, moving a session): the field
 * errors themselves ("the studio does not take bookings that far ahead"), since "some fields
 * need fixing" would point at nothing; any other failure as problemMessage says it.
 */
export function actionProblemMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && (error.status === 422 || error.status === 400) && error.errors.length) {
    return [...new Set(error.errors.map((e) => fieldMessage(t, e)))].join(' ');
  }
  return problemMessage(t, error);
}

/**
 * A server field error → the message to show under that field. A translation may quote the
 * server's `message` (the unknown placeholder it names, for instance) as {{message}}.
 */
export function fieldMessage(t: TFunction, e: FieldError): string {
  return t([`fieldErrors.${e.field}.${e.code}`, `fieldErrors.${e.code}`], { defaultValue: e.message, message: e.message });
}
