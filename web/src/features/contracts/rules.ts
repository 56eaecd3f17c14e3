// The server's limits on what staff write (a template, a draft), checked before a round trip.
import { TITLE_MAX } from './api';

/** The longest text of a template or a contract. */
export const MAX_BODY = 50_000;

/** The i18n key of what is wrong with a template's name or a contract's title, if anything. */
export function titleError(title: string): string | undefined {
  if (!title.trim()) return 'validation.required';
  return title.trim().length > TITLE_MAX ? 'validation.tooLong' : undefined;
}

/** The i18n key of what is wrong with a template's or a contract's text, if anything. */
export function bodyError(body: string): string | undefined {
  if (!body.trim()) return 'contracts.templates.bodyRequired';
  return body.length > MAX_BODY ? 'validation.tooLong' : undefined;
}
