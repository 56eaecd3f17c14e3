import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryRoots } from '../../lib/queryKeys';
import type { BookingStatus } from '../../types/api';

// The keys and the queries the app's boot may ask before any page's code has loaded
// (app/preload.ts): apart from api.ts, so that the entry script does not take the hooks too.

export interface BookingFilter {
  from?: string;
  to?: string;
  status?: BookingStatus;
}

export interface Slot {
  start: string;
  end: string;
}

interface Slots {
  timeZone: string;
  slots: Slot[];
}

export const bookingKeys = {
  list: (f: BookingFilter) => [...queryRoots.bookings, 'list', f] as const,
  allSlots: queryRoots.slots,
  slots: (serviceId: string, from: string, to: string) => [...queryRoots.slots, serviceId, from, to] as const,
};

/** Free start times of a service between two days (inclusive), in the studio's zone. */
export const slotsQuery = (serviceId: string, from: string, to: string) =>
  queryOptions({
    queryKey: bookingKeys.slots(serviceId, from, to),
    queryFn: () => api.get<Slots>(`/api/services/${encodeURIComponent(serviceId)}/slots`, { query: { from, to } }),
    staleTime: 15_000,
  });
