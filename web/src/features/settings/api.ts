import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryRoots } from '../../lib/queryKeys';
import type { Studio } from '../../types/api';

export interface Settings {
  studioName: string;
  timeZone: string;
  currency: string;
  locale: string;
  slotStepMinutes: number;
  /** Clients cannot book further ahead than this (1–60). */
  bookingHorizonMonths: number;
  /** PENDING requests a client may have at once (1–20); staff booking for a client are exempt. */
  maxOpenRequestsPerClient: number;
  /** A request not confirmed within this time becomes EXPIRED and frees its time (1–720). */
  requestExpiryHours: number;
  /** Printed on contracts: the studio's legal name and address, SIRET (14 digits)… */
  legalName?: string | null;
  legalAddress?: string | null;
  siret?: string | null;
  /** …and VAT number; none: "TVA non applicable, art. 293 B du CGI" is printed instead. */
  vatNumber?: string | null;
  /** The public studio page: a presentation (≤ 2000), contact e-mail and phone (≤ 40)… */
  presentation?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  /** …where sessions happen (≤ 300), and the colour the app takes ("#rrggbb"). */
  address?: string | null;
  accentColor?: string | null;
  /** The studio's logo; changed through its own route (PUT|DELETE /api/settings/logo). */
  logoUrl?: string | null;
}

export const settingsKeys = {
  all: queryRoots.settings,
};

/** `enabled`: false for an account that may not read them (only ADMIN may), so nothing is asked. */
export function useSettings(enabled = true) {
  return useQuery({ queryKey: settingsKeys.all, queryFn: () => api.get<Settings>('/api/settings'), enabled });
}

/** Settings as the server answered a change: the page's copy and the public profile's. */
export function useSettingsSaved() {
  const client = useQueryClient();
  return (s: Settings) => {
    client.setQueryData(settingsKeys.all, s);
    // GET /api/studio may be cached by the browser for a minute: use what was just saved.
    client.setQueryData<Studio>(queryRoots.studio, studioOf(s));
  };
}

function studioOf(s: Settings): Studio {
  return {
    name: s.studioName,
    timeZone: s.timeZone,
    currency: s.currency,
    locale: s.locale,
    presentation: s.presentation ?? null,
    contactEmail: s.contactEmail ?? null,
    contactPhone: s.contactPhone ?? null,
    address: s.address ?? null,
    accentColor: s.accentColor ?? null,
    logoUrl: s.logoUrl ?? null,
  };
}

export function useSaveSettings() {
  const saved = useSettingsSaved();
  return useMutation({
    mutationFn: (s: Settings) => api.put<Settings>('/api/settings', s),
    onSuccess: saved,
  });
}
