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
  if (error.status === 503) return t('errors.unavailable');
  if (error.status >= 500) return t('errors.generic');
  return t(`errors.${error.code}`, { defaultValue: error.message || t('errors.generic') });
}

/** A server field error → the message to show under that field. */
export function fieldMessage(t: TFunction, e: FieldError): string {
  return t([`fieldErrors.${e.field}.${e.code}`, `fieldErrors.${e.code}`], { defaultValue: e.message });
}
