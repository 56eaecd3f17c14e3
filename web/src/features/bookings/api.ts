import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { invalidateFor } from '../../lib/live';
import { ApiError } from '../../lib/problem';
import type { Booking, BookingAction } from '../../types/api';
import { bookingKeys, slotsQuery, type BookingFilter } from './queries';

export { bookingKeys, slotsQuery, type BookingFilter, type Slot } from './queries';

export function useBookings(filter: BookingFilter = {}) {
  return useQuery({
    queryKey: bookingKeys.list(filter),
    // One page of the most relevant 200; screens that need more narrow the period.
    queryFn: async () => (await api.get<{ items: Booking[] }>('/api/bookings', { query: { ...filter, limit: 200 } })).items,
  });
}

/** Free start times of a service between two days (inclusive), in the studio's zone. */
export function useSlots(serviceId: string, from: string, to: string) {
  return useQuery(slotsQuery(serviceId, from, to));
}

/** A 409 means the slots on screen are out of date: fetch them again. */
function useRefreshSlotsOnConflict() {
  const client = useQueryClient();
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: bookingKeys.allSlots });
  };
}

function useBookingChanged() {
  const client = useQueryClient();
  return () => invalidateFor(client, 'booking.updated');
}

export interface NewBooking {
  serviceId: string;
  start: string;
  notes?: string;
  clientId?: string;
}

/** One Idempotency-Key per intent: a retried click replays the first answer. */
export function useCreateBooking() {
  const changed = useBookingChanged();
  const refreshSlots = useRefreshSlotsOnConflict();
  return useMutation({
    mutationFn: ({ booking, key }: { booking: NewBooking; key: string }) =>
      api.post<Booking>('/api/bookings', booking, { headers: { 'Idempotency-Key': key } }),
    onSuccess: changed,
    onError: refreshSlots,
  });
}

export function useBookingAction() {
  const changed = useBookingChanged();
  const refreshSlots = useRefreshSlotsOnConflict();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: BookingAction; body?: { reason?: string; start?: string; end?: string } }) =>
      api.post<Booking>(`/api/bookings/${encodeURIComponent(id)}/${action}`, body ?? {}),
    onSuccess: changed,
    onError: refreshSlots,
  });
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; this does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Saves a session's .ics on the device: calendars on phones and computers open it. */
export async function saveBookingIcs(bookingId: string, fallbackName: string): Promise<void> {
  const { blob, filename } = await api.file(`/api/bookings/${encodeURIComponent(bookingId)}/ics`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL may go once the event loop turns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
