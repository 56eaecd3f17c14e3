// node-postgres with Déclic's SQL copied verbatim from its repositories, each a named
// prepared statement (Parse once per connection, then Bind/Execute: Déclic's
// PQsendPrepare + PQsendQueryPrepared), through the same Unix socket.
import { Pool, types } from 'pg';
import { config } from './config';
import {
  BookingListQuery, BookingRow, ProjectJson, Repo, ServiceJson, UserProfile, bookingStatus, isUuid,
  projectStatus, rfc3339Seconds,
} from './repo';

// int8 as a number (Déclic decodes bigint columns to int64 and writes JSON numbers).
types.setTypeParser(20, (v: string) => parseInt(v, 10));

// modules/auth/auth_repository.cpp kLivePrincipal (without the session's expiry, which only
// Déclic's cache of signed-in users needs)
const LIVE_PRINCIPAL = {
  name: 'auth_live_principal',
  text:
    'SELECT u.id, u.email, u.role, u.first_name, u.last_name, u.phone, u.locale,' +
    '       rfc3339(u.created_at), u.address' +
    ' FROM users u JOIN sessions s ON s.user_id = u.id' +
    ' WHERE u.id = $1::uuid AND s.id = $2::uuid AND u.disabled_at IS NULL' +
    '   AND s.revoked_at IS NULL AND s.expires_at > now()',
  rowMode: 'array' as const,
};

// modules/services/services_repository.cpp (SERVICE_COLUMNS without the professional's
// `NOT EXISTS (…)` column, which no answer shows)
const SERVICE_COLUMNS =
  'id, professional_id, name, description, category, duration_minutes, price_cents, ' +
  'currency, deposit_cents, buffer_before_minutes, buffer_after_minutes, min_notice_hours, ' +
  'active, rfc3339(created_at), rfc3339(updated_at), default_contract_template_id, ' +
  'array_to_json(included)::text, cover_image_id';
// kListAll and kListBookable: two statements without parameters (one with `$1 OR …` was
// planned anew on every call); the public catalogue leaves out a disabled professional's services.
const SERVICES_ORDER = ' ORDER BY category, name, id';
const SERVICES_LIST_ALL = {
  name: 'services_list_all',
  text: 'SELECT ' + SERVICE_COLUMNS + ' FROM services' + SERVICES_ORDER,
  rowMode: 'array' as const,
};
const SERVICES_LIST_BOOKABLE = {
  name: 'services_list_bookable',
  text:
    'SELECT ' + SERVICE_COLUMNS + ' FROM services WHERE active AND NOT EXISTS (SELECT 1 FROM users u' +
    '  WHERE u.id = professional_id AND u.disabled_at IS NOT NULL)' + SERVICES_ORDER,
  rowMode: 'array' as const,
};
const SERVICES_VERSION = {
  name: 'services_version',
  text: 'SELECT version::text FROM services_version',
  rowMode: 'array' as const,
};

// modules/projects/projects_repository.cpp
const PROJECT_FROM =
  ' FROM projects p JOIN bookings b ON b.id = p.booking_id JOIN users c ON c.id = b.client_id' +
  ' JOIN services s ON s.id = b.service_id';
const PROJECT_COLUMNS =
  "p.id, p.status, to_char(p.due_date, 'YYYY-MM-DD'), rfc3339(p.created_at)," +
  ' rfc3339(p.updated_at), (extract(epoch FROM p.created_at) * 1000000)::bigint,' +
  ' b.id, b.status, extract(epoch FROM b.starts_at)::bigint,' +
  ' extract(epoch FROM b.ends_at)::bigint, c.id, c.first_name, c.last_name, c.email, s.id,' +
  ' s.name';
// kFind: the project joined with its timeline, a row per step (one with nulls when none).
const PROJECTS_FIND = {
  name: 'projects_find',
  text:
    'SELECT ' + PROJECT_COLUMNS + ", e.status, rfc3339(e.at), e.note, e.by_user," +
    " u.first_name || ' ' || u.last_name" + PROJECT_FROM +
    ' LEFT JOIN project_events e ON e.project_id = p.id LEFT JOIN users u ON u.id = e.by_user' +
    ' WHERE p.id = $1::uuid ORDER BY e.id',
  rowMode: 'array' as const,
};

// modules/bookings/bookings_repository.cpp kList: BOOKING_LIST(">", "b.starts_at, b.id") of
// BOOKING_COLUMNS and BOOKING_FROM, expanded.
const BOOKING_COLUMNS =
  'b.id, b.status, extract(epoch FROM b.starts_at)::bigint,' +
  ' extract(epoch FROM b.ends_at)::bigint, s.id, s.name, s.duration_minutes, c.id,' +
  ' c.first_name, c.last_name, c.email, c.locale, b.professional_id, b.price_cents,' +
  ' b.deposit_cents, b.currency, b.notes, b.status_reason, p.id, rfc3339(b.created_at),' +
  ' rfc3339(b.updated_at), p.status';
const BOOKING_FROM =
  ' FROM bookings b JOIN services s ON s.id = b.service_id JOIN users c ON c.id = b.client_id' +
  ' LEFT JOIN projects p ON p.booking_id = b.id';
const BOOKINGS_LIST = {
  name: 'bookings_list',
  text:
    'SELECT ' + BOOKING_COLUMNS + BOOKING_FROM +
    ' WHERE ($1::uuid IS NULL OR b.client_id = $1::uuid) AND ($2::text IS NULL OR b.status = $2)' +
    '   AND ($3::bigint IS NULL OR b.starts_at >= to_timestamp($3))' +
    '   AND ($4::bigint IS NULL OR b.starts_at < to_timestamp($4))' +
    '   AND ($5::bigint IS NULL OR (b.starts_at, b.id) > (to_timestamp($5), $6::uuid))' +
    ' ORDER BY b.starts_at, b.id LIMIT $7',
  rowMode: 'array' as const,
};

export class PgRepo implements Repo {
  readonly pool = new Pool({
    host: config.pg.host,
    port: config.pg.port,
    database: config.pg.database,
    user: config.pg.user,
    max: config.pg.max,
  });

  async livePrincipal(userId: string, sessionId: string): Promise<UserProfile | null> {
    const r = await this.pool.query({ ...LIVE_PRINCIPAL, values: [userId, sessionId] });
    if (r.rows.length === 0) return null;
    const [id, email, role, firstName, lastName, phone, locale, createdAt, address] = r.rows[0];
    return { id, email, role, firstName, lastName, locale, createdAt, phone, address };
  }

  async catalogueVersion(): Promise<string> {
    const r = await this.pool.query(SERVICES_VERSION);
    return r.rows[0][0];
  }

  async listServices(includeArchived: boolean): Promise<ServiceJson[]> {
    const r = await this.pool.query(includeArchived ? SERVICES_LIST_ALL : SERVICES_LIST_BOOKABLE);
    return r.rows.map((c: any[]) => {
      const s: ServiceJson = {
        id: c[0],
        professionalId: c[1],
        name: c[2],
        description: c[3],
        category: c[4],
        durationMinutes: c[5],
        priceCents: c[6],
        currency: c[7],
        depositCents: c[8],
        bufferBeforeMinutes: c[9],
        bufferAfterMinutes: c[10],
        minNoticeHours: c[11],
        active: c[12],
        included: JSON.parse(c[16]),
        coverUrl: c[17] === null ? null : '/api/images/' + c[17],
        createdAt: c[13],
        updatedAt: c[14],
      };
      // service_json(s, staff): the archived list is the staff catalogue.
      if (includeArchived) s.defaultContractTemplateId = c[15];
      return s;
    });
  }

  // One round trip, as Déclic's ProjectsRepository::get.
  async findProject(id: string): Promise<ProjectJson | null> {
    if (!isUuid(id)) return null;
    const r = await this.pool.query({ ...PROJECTS_FIND, values: [id] });
    if (r.rows.length === 0) return null;
    const c = r.rows[0];
    return {
      id: c[0],
      status: c[1],
      dueDate: c[2],
      createdAt: c[3],
      updatedAt: c[4],
      booking: { id: c[6], status: c[7], start: rfc3339Seconds(c[8]), end: rfc3339Seconds(c[9]) },
      client: { id: c[10], firstName: c[11], lastName: c[12], email: c[13] },
      service: { id: c[14], name: c[15] },
      timeline: r.rows
        .filter((e: any[]) => e[16] !== null)
        .map((e: any[]) => ({ status: e[16], at: e[17], note: e[18], by: e[19], byName: e[20] })),
    };
  }

  // One round trip, as Déclic's BookingsRepository::list (from and to are never set here).
  async listBookings(q: BookingListQuery): Promise<BookingRow[]> {
    const r = await this.pool.query({
      ...BOOKINGS_LIST,
      values: [q.clientId, q.status, null, null, q.cursor?.key ?? null, q.cursor?.id ?? null, q.limit + 1],
    });
    return r.rows.map((c: any[]) => ({
      id: c[0],
      status: bookingStatus(c[1]),
      start: c[2],
      end: c[3],
      service: { id: c[4], name: c[5], durationMinutes: c[6] },
      client: { id: c[7], firstName: c[8], lastName: c[9], email: c[10] },
      professionalId: c[12],
      priceCents: c[13],
      depositCents: c[14],
      currency: c[15],
      notes: c[16],
      statusReason: c[17],
      projectId: c[18],
      projectStatus: projectStatus(c[21]),
      createdAt: c[19],
      updatedAt: c[20],
    }));
  }
}
