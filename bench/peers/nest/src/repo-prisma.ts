// Prisma 7 (query compiler, no Rust engine) through @prisma/adapter-pg: the seed stack's
// way, ORM calls rather than raw SQL. Times come back as Date and are written with
// toISOString(), which is Déclic's rfc3339() (UTC, milliseconds).
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaClient } from './generated/prisma/client';
import { config } from './config';
import {
  BookingListQuery, BookingRow, ProjectJson, Repo, ServiceJson, UserProfile, bookingStatus, isUuid,
  projectStatus,
} from './repo';

const seconds = (d: Date) => d.toISOString().slice(0, 19) + 'Z';
// extract(epoch FROM t)::bigint: the cast rounds to the nearest second (half away from zero).
// Prisma's Date keeps milliseconds only, which rounds the same way for any time after 1970.
const epochSeconds = (d: Date) => Math.round(d.getTime() / 1000);

// PRISMA_JOINS=1: the client generated from schema-joins.prisma (relationJoins preview), and
// nested reads as one SQL statement with joins instead of one statement per relation.
const joins = process.env.PRISMA_JOINS === '1';
const Client: typeof PrismaClient = joins
  ? require('./generated/prisma-joins/client').PrismaClient
  : require('./generated/prisma/client').PrismaClient;
const strategy = (joins ? { relationLoadStrategy: 'join' } : {}) as {};

export class PrismaRepo implements Repo {
  readonly prisma: PrismaClient = new Client({
    adapter: new PrismaPg({
      host: config.pg.host,
      port: config.pg.port,
      database: config.pg.database,
      user: config.pg.user,
      max: config.pg.max,
    }),
    log: process.env.PRISMA_LOG_QUERIES ? [{ emit: 'stdout', level: 'query' }] : [],
  });

  // One SQL statement: the session condition becomes an EXISTS sub-select.
  async livePrincipal(userId: string, sessionId: string): Promise<UserProfile | null> {
    const u = await this.prisma.users.findFirst({
      where: {
        id: userId,
        disabled_at: null,
        sessions: { some: { id: sessionId, revoked_at: null, expires_at: { gt: new Date() } } },
      },
      select: {
        id: true, email: true, role: true, first_name: true, last_name: true, phone: true,
        locale: true, created_at: true, address: true,
      },
    });
    if (!u) return null;
    return {
      id: u.id,
      email: u.email,
      role: u.role,
      firstName: u.first_name,
      lastName: u.last_name,
      locale: u.locale,
      createdAt: u.created_at.toISOString(),
      phone: u.phone,
      address: u.address,
    };
  }

  async catalogueVersion(): Promise<string> {
    const v = await this.prisma.services_version.findUnique({
      where: { id: true },
      select: { version: true },
    });
    return String(v!.version);
  }

  // The public catalogue leaves out a disabled professional's services, as Déclic's kList.
  async listServices(includeArchived: boolean): Promise<ServiceJson[]> {
    const rows = await this.prisma.services.findMany({
      where: includeArchived ? {} : { active: true, professional: { disabled_at: null } },
      orderBy: [{ category: 'asc' }, { name: 'asc' }, { id: 'asc' }],
    });
    return rows.map((s) => {
      const json: ServiceJson = {
        id: s.id,
        professionalId: s.professional_id,
        name: s.name,
        description: s.description,
        category: s.category,
        durationMinutes: s.duration_minutes,
        priceCents: Number(s.price_cents),
        currency: s.currency,
        depositCents: Number(s.deposit_cents),
        bufferBeforeMinutes: s.buffer_before_minutes,
        bufferAfterMinutes: s.buffer_after_minutes,
        minNoticeHours: s.min_notice_hours,
        active: s.active,
        included: s.included,
        coverUrl: s.cover_image_id === null ? null : '/api/images/' + s.cover_image_id,
        createdAt: s.created_at.toISOString(),
        updatedAt: s.updated_at.toISOString(),
      };
      // service_json(s, staff): the archived list is the staff catalogue.
      if (includeArchived) json.defaultContractTemplateId = s.default_contract_template_id;
      return json;
    });
  }

  // One ORM call with nested selects; Prisma decides how many SQL statements it takes.
  async findProject(id: string): Promise<ProjectJson | null> {
    if (!isUuid(id)) return null;
    const p = await this.prisma.projects.findUnique({
      ...strategy,
      where: { id },
      select: {
        id: true, status: true, due_date: true, created_at: true, updated_at: true,
        booking: {
          select: {
            id: true, status: true, starts_at: true, ends_at: true,
            client: { select: { id: true, first_name: true, last_name: true, email: true } },
            service: { select: { id: true, name: true } },
          },
        },
        events: {
          orderBy: { id: 'asc' },
          select: {
            status: true, at: true, note: true, by_user: true,
            user: { select: { first_name: true, last_name: true } },
          },
        },
      },
    });
    if (!p) return null;
    const b = p.booking;
    return {
      id: p.id,
      status: p.status,
      dueDate: p.due_date ? p.due_date.toISOString().slice(0, 10) : null,
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
      booking: { id: b.id, status: b.status, start: seconds(b.starts_at), end: seconds(b.ends_at) },
      client: {
        id: b.client.id,
        firstName: b.client.first_name,
        lastName: b.client.last_name,
        email: b.client.email,
      },
      service: { id: b.service.id, name: b.service.name },
      timeline: p.events.map((e) => ({
        status: e.status,
        at: e.at.toISOString(),
        note: e.note,
        by: e.by_user,
        byName: e.user ? e.user.first_name + ' ' + e.user.last_name : null,
      })),
    };
  }

  // One ORM call with nested selects, like findProject: the booking with its service, client
  // and project (if any); by start then id, after the cursor's (start, id).
  async listBookings(q: BookingListQuery): Promise<BookingRow[]> {
    const after = q.cursor ? new Date(q.cursor.key * 1000) : null;
    const rows = await this.prisma.bookings.findMany({
      ...strategy,
      where: {
        ...(q.clientId !== null ? { client_id: q.clientId } : {}),
        ...(q.status !== null ? { status: q.status } : {}),
        ...(q.cursor && after
          ? { OR: [{ starts_at: { gt: after } }, { starts_at: after, id: { gt: q.cursor.id } }] }
          : {}),
      },
      orderBy: [{ starts_at: 'asc' }, { id: 'asc' }],
      take: q.limit + 1,
      select: {
        id: true, status: true, starts_at: true, ends_at: true, professional_id: true,
        price_cents: true, deposit_cents: true, currency: true, notes: true, status_reason: true,
        created_at: true, updated_at: true,
        service: { select: { id: true, name: true, duration_minutes: true } },
        client: { select: { id: true, first_name: true, last_name: true, email: true, locale: true } },
        project: { select: { id: true, status: true } },
      },
    });
    return rows.map((b) => ({
      id: b.id,
      status: bookingStatus(b.status),
      start: epochSeconds(b.starts_at),
      end: epochSeconds(b.ends_at),
      service: { id: b.service.id, name: b.service.name, durationMinutes: b.service.duration_minutes },
      client: {
        id: b.client.id,
        firstName: b.client.first_name,
        lastName: b.client.last_name,
        email: b.client.email,
      },
      professionalId: b.professional_id,
      priceCents: Number(b.price_cents),
      depositCents: Number(b.deposit_cents),
      currency: b.currency,
      notes: b.notes,
      statusReason: b.status_reason,
      projectId: b.project ? b.project.id : null,
      projectStatus: projectStatus(b.project?.status),
      createdAt: b.created_at.toISOString(),
      updatedAt: b.updated_at.toISOString(),
    }));
  }
}
