// The data the four endpoints need, shaped as Déclic's JSON. Two implementations:
// repo-pg.ts (node-postgres, Déclic's SQL verbatim as named prepared statements) and
// repo-prisma.ts (Prisma 7 ORM calls through @prisma/adapter-pg).

export interface UserProfile {
  id: string;
  email: string;
  role: string;
  firstName: string;
  lastName: string;
  locale: string;
  createdAt: string;
  phone: string | null;
  address: string | null;  // postal (contracts name it)
}

export interface ServiceJson {
  id: string;
  professionalId: string;
  name: string;
  description: string;
  category: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  depositCents: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeHours: number;
  active: boolean;
  // Since 0011_pictures.sql: what the price includes, and the photo's address (or null).
  included: string[];
  coverUrl: string | null;
  createdAt: string;
  updatedAt: string;
  // Only staff see it (service_json's `staff`): in the staff catalogue, absent from the public
  // one. The last key, as Déclic writes it.
  defaultContractTemplateId?: string | null;
}

export interface ProjectJson {
  id: string;
  status: string;
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
  booking: { id: string; status: string; start: string; end: string };
  client: { id: string; firstName: string; lastName: string; email: string };
  service: { id: string; name: string };
  timeline: Array<{
    status: string;
    at: string;
    note: string | null;
    by: string | null;
    byName: string | null;
  }>;
}

// modules/bookings/bookings_json.cpp booking_json, in its field order.
export interface BookingJson {
  id: string;
  status: string;
  start: string;
  end: string;
  service: { id: string; name: string; durationMinutes: number };
  client: { id: string; firstName: string; lastName: string; email: string };
  professionalId: string;
  priceCents: number;
  depositCents: number;
  currency: string;
  notes: string | null;
  statusReason: string | null;
  projectId: string | null;
  createdAt: string;
  updatedAt: string;
  actions: string[];
}

// A booking row as Déclic's bookings_repository.cpp decode() keeps it: what booking_json
// writes, plus what `actions` depends on (the project's status; null without a project).
export interface BookingRow {
  id: string;
  status: string;
  start: number;  // epoch seconds
  end: number;
  service: { id: string; name: string; durationMinutes: number };
  client: { id: string; firstName: string; lastName: string; email: string };
  professionalId: string;
  priceCents: number;
  depositCents: number;
  currency: string;
  notes: string | null;
  statusReason: string | null;
  projectId: string | null;
  projectStatus: string | null;
  createdAt: string;
  updatedAt: string;
}

// BookingQuery, for the parameters this peer serves (no from/to).
export interface BookingListQuery {
  clientId: string | null;  // set for clients: their own only
  status: string | null;
  cursor: { key: number; id: string } | null;  // after (start, id)
  limit: number;
}

export interface Repo {
  // SELECT ... FROM users u JOIN sessions s ... (auth_live_principal): null when the user
  // is disabled or the session revoked or expired.
  livePrincipal(userId: string, sessionId: string): Promise<UserProfile | null>;
  // services_version, as text.
  catalogueVersion(): Promise<string>;
  // The public catalogue: active services of professionals not disabled; includeArchived:
  // every service, as staff see them (with defaultContractTemplateId). ORDER BY category,
  // name, id.
  listServices(includeArchived: boolean): Promise<ServiceJson[]>;
  // The project with its booking, client, service and timeline (oldest first).
  findProject(id: string): Promise<ProjectJson | null>;
  // The bookings_list statement: by start then id, after the cursor, at most limit + 1 rows
  // (the extra one only tells that there is a next page).
  listBookings(query: BookingListQuery): Promise<BookingRow[]>;
}

export const REPO = Symbol('REPO');

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export function isUuid(s: string): boolean {
  return UUID.test(s);
}

// Déclic's core::time::format_rfc3339 of whole seconds: no milliseconds.
export function rfc3339Seconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 19) + 'Z';
}

// ---- bookings (modules/bookings/bookings_rules.cpp, bookings_json.cpp) ------------------

const BOOKING_STATUSES = ['PENDING', 'CONFIRMED', 'DECLINED', 'CANCELLED', 'EXPIRED'];
const PROJECT_STATUSES = ['CONFIRMED', 'SHOT', 'EDITING', 'DELIVERED', 'CLOSED', 'CANCELLED'];

export function isBookingStatus(s: string): boolean {
  return BOOKING_STATUSES.includes(s);
}

// decode(): an unknown booking status reads as CANCELLED, an unknown project status as none.
export function bookingStatus(s: string): string {
  return BOOKING_STATUSES.includes(s) ? s : 'CANCELLED';
}
export function projectStatus(s: string | null | undefined): string | null {
  return s != null && PROJECT_STATUSES.includes(s) ? s : null;
}

// next_status: whether `action` is possible from `status` at all.
function nextStatusExists(status: string, action: string): boolean {
  const pending = status === 'PENDING';
  const live = pending || status === 'CONFIRMED';
  return action === 'confirm' || action === 'decline' ? pending : live;
}

// change_allowed: who may still cancel or move a live booking.
function changeAllowed(action: string, byClient: boolean, started: boolean, project: string | null): boolean {
  if (action !== 'cancel' && action !== 'reschedule') return true;
  const projectConfirmed = project === null || project === 'CONFIRMED';
  if (byClient) return !started && projectConfirmed;
  if (action === 'reschedule') return projectConfirmed;
  return project === null || (project !== 'DELIVERED' && project !== 'CLOSED');
}

// allowed_actions, in the order confirm, decline, reschedule, cancel.
export function allowedActions(b: BookingRow, staff: boolean, nowSeconds: number): string[] {
  const started = nowSeconds >= b.start;
  const out: string[] = [];
  for (const action of ['confirm', 'decline', 'reschedule', 'cancel']) {
    const staffOnly = action === 'confirm' || action === 'decline';
    if (staffOnly && !staff) continue;
    if (!nextStatusExists(b.status, action)) continue;
    if (!changeAllowed(action, !staff, started, b.projectStatus)) continue;
    out.push(action);
  }
  return out;
}

// booking_json: the booking as `viewer` sees it (`actions` depends on who and when).
export function bookingJson(b: BookingRow, staff: boolean, nowSeconds: number): BookingJson {
  return {
    id: b.id,
    status: b.status,
    start: rfc3339Seconds(b.start),
    end: rfc3339Seconds(b.end),
    service: { id: b.service.id, name: b.service.name, durationMinutes: b.service.durationMinutes },
    client: { id: b.client.id, firstName: b.client.firstName, lastName: b.client.lastName, email: b.client.email },
    professionalId: b.professionalId,
    priceCents: b.priceCents,
    depositCents: b.depositCents,
    currency: b.currency,
    notes: b.notes,
    statusReason: b.statusReason,
    projectId: b.projectId,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    actions: allowedActions(b, staff, nowSeconds),
  };
}

// core/util/cursor.hpp: base64url (no padding) of "<key>.<id>".
export function encodeCursor(key: number, id: string): string {
  return Buffer.from(key + '.' + id, 'latin1').toString('base64url');
}

// decode_cursor, as strict as Déclic's: base64url without padding and no stray bits (the
// text is the canonical encoding of its bytes), then a whole int64 key, a dot and an id.
export function decodeCursor(text: string): { key: number; id: string } | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const raw = Buffer.from(text, 'base64url');
  if (raw.toString('base64url') !== text) return null;
  const s = raw.toString('latin1');
  const dot = s.indexOf('.');
  if (dot < 0 || !isUuid(s.slice(dot + 1))) return null;
  const key = s.slice(0, dot);
  if (!/^-?[0-9]+$/.test(key)) return null;
  const big = BigInt(key);
  if (big < -(2n ** 63n) || big >= 2n ** 63n) return null;
  return { key: Number(big), id: s.slice(dot + 1) };
}
