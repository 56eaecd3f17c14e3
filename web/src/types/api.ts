// The API's JSON that several features (or the shared code) read, written by hand after
// docs/openapi.yaml. Types one feature alone reads stay in that feature's api.ts.
import type { Language } from '../lib/i18n';

export type Role = 'CLIENT' | 'PROFESSIONNEL' | 'ADMIN';

/** A profile; staff also see the studio's notes and the account's state. */
export interface User {
  id: string;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  phone: string | null;
  /** The postal address printed on contracts (several lines, up to 300 characters). */
  address?: string | null;
  locale: Language;
  createdAt: string;
  notes?: string | null;
  disabled?: boolean;
  invitationPending?: boolean;
}

/** The studio's public identity (GET /api/studio), readable before sign-in. */
export interface Studio {
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
  /** The public page's words and contact details; each may be missing (an older server: undefined). */
  presentation?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  /** Where sessions happen. */
  address?: string | null;
  /** "#rrggbb": the colour the app takes; none: the app's own. */
  accentColor?: string | null;
  /** The studio's logo (a WebP the server made); none: its initial. */
  logoUrl?: string | null;
}

export interface Service {
  id: string;
  name: string;
  description: string | null;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  depositCents: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeHours: number;
  category: string | null;
  active: boolean;
  /** The contract template a project of this service starts from (staff). */
  defaultContractTemplateId?: string | null;
  /** What the price includes, a line each. */
  included?: string[];
  /** The service's photo (a WebP the server made); none: a plain cover. */
  coverUrl?: string | null;
}

/** EXPIRED: a PENDING request nobody confirmed in time (the studio's `requestExpiryHours`); it offers no action. */
export type BookingStatus = 'PENDING' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';
export type BookingAction = 'confirm' | 'decline' | 'reschedule' | 'cancel';

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
  /** What the calling user may do with it right now, in the server's order; the server decides. */
  actions: BookingAction[];
}

export type ProjectStatus = 'CONFIRMED' | 'SHOT' | 'EDITING' | 'DELIVERED' | 'CLOSED' | 'CANCELLED';

export interface TimelineEntry {
  status: ProjectStatus;
  at: string;
  note: string | null;
  /** Who made the change: a user id and their name. */
  by: string | null;
  byName: string | null;
}

export interface Project {
  id: string;
  status: ProjectStatus;
  dueDate: string | null;
  booking: Pick<Booking, 'id' | 'start' | 'end'> & Partial<Booking>;
  client: Pick<User, 'id' | 'firstName' | 'lastName'> & Partial<User>;
  service: Pick<Service, 'id' | 'name'> & Partial<Service>;
  timeline?: TimelineEntry[];
  /** Where the calling user may move it right now without `force` (always [] for a client). */
  nextStatuses: ProjectStatus[];
}
