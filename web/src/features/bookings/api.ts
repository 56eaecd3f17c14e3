import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/problem';
import type { User } from '../../lib/auth';
import type { Service } from '../services/api';

export type BookingStatus = 'PENDING' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED';

export interface Booking {
  id: string;
  status: BookingStatus;
  start: string;
  end: string;
  service: Pick<Service, 'id' | 'name' | 'durationMinutes'> & Partial<Service>;
  client: Pick<User, 'id' | 'firstName' | 'lastName' | 'email'> & Partial<User>;
  priceCents: number;
  currency?: string;
  depositCents?: number;
  notes?: string | null;
  projectId?: string | null;
}

export interface BookingFilter {
  from?: string;
  to?: string;
  status?: BookingStatus;
}

export const bookingKeys = {
  all: ['bookings'] as const,
  list: (f: BookingFilter) => ['bookings', 'list', f] as const,
  one: (id: string) => ['bookings', 'one', id] as const,
};

export function useBookings(filter: BookingFilter = {}) {
  return useQuery({
    queryKey: bookingKeys.list(filter),
    // One page of the most relevant 200; screens that need more narrow the period.
    queryFn: async () => (await api.get<{ items: Booking[] }>('/api/bookings', { query: { ...filter, limit: 200 } })).items,
  });
}

/** A 409 means the slots on screen are out of date: fetch them again. */
function useRefreshSlotsOnConflict() {
  const client = useQueryClient();
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: ['slots'] });
  };
}

function useInvalidateBookings() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: bookingKeys.all }),
      client.invalidateQueries({ queryKey: ['slots'] }),
      client.invalidateQueries({ queryKey: ['projects'] }),
      client.invalidateQueries({ queryKey: ['users', 'overview'] }),
    ]);
}

export interface NewBooking {
  serviceId: string;
  start: string;
  notes?: string;
  clientId?: string;
}

/** One Idempotency-Key per intent: a retried click replays the first answer. */
export function useCreateBooking() {
  const invalidate = useInvalidateBookings();
  const refreshSlots = useRefreshSlotsOnConflict();
  return useMutation({
    mutationFn: ({ booking, key }: { booking: NewBooking; key: string }) =>
      api.post<Booking>('/api/bookings', booking, { headers: { 'Idempotency-Key': key } }),
    onSuccess: invalidate,
    onError: refreshSlots,
  });
}

export type BookingAction = 'confirm' | 'decline' | 'cancel' | 'reschedule';

export function useBookingAction() {
  const invalidate = useInvalidateBookings();
  const refreshSlots = useRefreshSlotsOnConflict();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: BookingAction; body?: { reason?: string; start?: string } }) =>
      api.post<unknown>(`/api/bookings/${encodeURIComponent(id)}/${action}`, body ?? {}),
    onSuccess: invalidate,
    onError: refreshSlots,
  });
}

/** What the booking's state allows (the server decides; this only hides dead buttons). */
export function allowedActions(status: BookingStatus, staff: boolean): BookingAction[] {
  if (status === 'PENDING') return staff ? ['confirm', 'decline', 'reschedule', 'cancel'] : ['reschedule', 'cancel'];
  if (status === 'CONFIRMED') return ['reschedule', 'cancel'];
  return [];
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; this does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
