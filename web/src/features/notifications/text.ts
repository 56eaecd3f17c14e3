import type { TFunction } from 'i18next';
import { formatDateTime } from '../../lib/format';
import type { AppNotification } from './api';

export type Audience = 'staff' | 'client';

// Which sentence a type reads as; booking sentences differ with who acted (`byClient`).
const BASE: Record<string, string> = {
  'booking.requested': 'bookingRequested',
  'booking.confirmed': 'bookingConfirmed',
  'booking.declined': 'bookingDeclined',
  'booking.cancelled': 'bookingCancelled',
  'booking.rescheduled': 'bookingRescheduled',
  'booking.expired': 'bookingExpired',
  'project.status_changed': 'projectStatus',
  'message.created': 'message',
  'contract.sent': 'contractSent',
  'contract.signed': 'contractSigned',
  'contract.countersigned': 'contractCountersigned',
};

// Other spellings of a type, read as the canonical one.
const ALIAS: Record<string, string> = { booking_expired: 'booking.expired' };
const typeOf = (n: AppNotification): string => ALIAS[n.type] ?? n.type;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The i18n key of a notification's sentence for this reader. */
export function sentenceKey(n: AppNotification, audience: Audience): string {
  const base = BASE[typeOf(n)];
  if (!base) return 'notifications.text.unknown';
  const byClient = n.data.byClient === true;
  let variant = '';
  if (audience === 'staff' && !byClient && ['bookingRequested', 'bookingCancelled', 'bookingRescheduled'].includes(base)) variant = 'ByStudio';
  if (audience === 'client' && byClient && ['bookingCancelled', 'bookingRescheduled'].includes(base)) variant = 'ByClient';
  if (audience === 'client' && !byClient && base === 'bookingRequested') variant = 'ByStudio';
  return `notifications.text.${audience}.${base}${variant}`;
}

/** A notification as a sentence in the reader's language, and a second line when there is more to say. */
export function notificationText(n: AppNotification, audience: Audience, t: TFunction, lang: string, timeZone: string): { sentence: string; detail: string | null } {
  const start = str(n.data.start);
  const sentence = t(sentenceKey(n, audience), {
    client: str(n.data.clientName),
    service: str(n.data.serviceName),
    date: start ? formatDateTime(start, lang, timeZone) : '',
    to: n.data.to ? t(`status.${str(n.data.to)}`) : '',
    author: str(n.data.authorName),
    title: str(n.data.title),
  });
  const detail = n.data.excerpt
    ? t('notifications.excerpt', { text: str(n.data.excerpt) })
    : n.data.reason
      ? t('notifications.reason', { reason: str(n.data.reason) })
      : n.data.note
        ? t('notifications.note', { note: str(n.data.note) })
        : null;
  return { sentence, detail };
}

/** Where a notification leads (the contract's links). */
export function notificationLink(n: AppNotification, audience: Audience): string {
  const staff = audience === 'staff';
  const type = typeOf(n);
  // An expired request is in no calendar and no queue any more: staff find it on the client's page.
  if (type === 'booking.expired' && staff) return str(n.data.clientId) ? `/pro/clients/${encodeURIComponent(str(n.data.clientId))}` : '/pro/requests';
  if (type.startsWith('booking.')) return staff ? (type === 'booking.requested' ? '/pro/requests' : '/pro/calendar') : '/client/bookings';
  if (n.type.startsWith('project.')) {
    const id = encodeURIComponent(str(n.data.projectId) || n.subjectId);
    return staff ? `/pro/projects/${id}` : `/client/projects/${id}`;
  }
  if (n.type.startsWith('message.')) return staff ? `/pro/messages/${encodeURIComponent(str(n.data.conversationId) || n.subjectId)}` : '/client/messages';
  // Staff handle a contract on its project's page; a client has a page for each contract.
  if (n.type.startsWith('contract.')) {
    if (staff) return str(n.data.projectId) ? `/pro/projects/${encodeURIComponent(str(n.data.projectId))}#contract` : '/pro/contracts';
    return `/client/contracts/${encodeURIComponent(str(n.data.contractId) || n.subjectId)}`;
  }
  return staff ? '/pro' : '/client';
}
