import { api } from '../lib/api';
import { restoreSessionOnce, spaceHint, type Space } from '../lib/auth';
import { queryClient } from '../lib/queryClient';
import { studioQuery } from '../lib/studio';
import { dayKey, monthRangeOf } from '../lib/time';
import { slotsQuery } from '../features/bookings/queries';
import { serviceQuery } from '../features/services/queries';

// Each space is its own chunk: the sign-in page loads neither (router.tsx).
export const loadProfessionalSpace = () => import('./spaces/ProfessionalSpace');
export const loadClientSpace = () => import('./spaces/ClientSpace');
export const loadPublicBooking = () => import('./routes/PublicBookingPage');

/** The space a path is in; for `/`, the one its user will be sent to, as last seen here. */
function spaceOf(pathname: string): Space | null {
  if (pathname === '/client' || pathname.startsWith('/client/')) return 'client';
  if (pathname === '/pro' || pathname.startsWith('/pro/')) return 'pro';
  return pathname === '/' ? spaceHint.get() : null;
}

/** The service of a client's booking link `/client/book/<id>`, or of its public one `/book/<id>`. */
function bookedService(pathname: string, prefix = '/client/book/'): string | null {
  if (!pathname.startsWith(prefix)) return null;
  const m = /^([^/]+)\/?$/.exec(pathname.slice(prefix.length));
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/**
 * A page load when this browser may have a session: what the page will need starts along
 * with the session's restore, not after it and /api/me — the space's code, and for a booking
 * link the service, the studio and the month of free times its page shows first. It only
 * fills caches: who may open what is still decided by /api/me (RequireSpace), and a failure
 * here is asked again, and shown, by the page itself.
 */
export function preloadPage(pathname: string): void {
  // A service's public page, signed in or not: its code, and what it shows, are public.
  const publicService = bookedService(pathname, '/book/');
  if (publicService) {
    void loadPublicBooking().catch(() => {});
    preloadBooking(publicService, Promise.resolve(true)).catch(() => {});
  }
  if (!api.mayHaveSession()) return;
  const restored = restoreSessionOnce();
  const space = spaceOf(pathname);
  const load = space === 'client' ? loadClientSpace : space === 'pro' ? loadProfessionalSpace : null;
  void load?.().catch(() => {});
  const serviceId = bookedService(pathname);
  if (serviceId) preloadBooking(serviceId, restored).catch(() => {});
}

async function preloadBooking(serviceId: string, restored: Promise<boolean>): Promise<void> {
  const studio = queryClient.fetchQuery(studioQuery); // public: no need to wait for the session
  // The service and its times as the signed-in client sees them: once the session is back.
  if (!(await restored)) return;
  void queryClient.prefetchQuery(serviceQuery(serviceId));
  // The month shown first is the studio's current one (SlotPicker).
  const { from, to } = monthRangeOf(dayKey(new Date(), (await studio).timeZone));
  void queryClient.prefetchQuery(slotsQuery(serviceId, from, to));
}
