import { Controller, Get, Header, Inject, Injectable, Param, Query, Req, UseGuards } from '@nestjs/common';
import { IdentifyGuard, Principal, SignedInGuard } from './auth';
import { config } from './config';
import { Problem } from './http-common';
import { REPO, Repo, bookingJson, decodeCursor, encodeCursor, isBookingStatus } from './repo';

// Déclic's ServicesService::public_catalogue: one small read of services_version per
// request; the list is read and serialized again only when that number changed. Per
// process, like Déclic's (each cluster worker keeps its own copy).
@Injectable()
export class CatalogueService {
  private cached: { version: string; json: string } | null = null;

  constructor(@Inject(REPO) private readonly repo: Repo) {}

  async publicJson(): Promise<string> {
    const version = await this.repo.catalogueVersion();
    if (this.cached && this.cached.version === version) return this.cached.json;
    const items = await this.repo.listServices(false);
    const json = JSON.stringify({ items, nextCursor: null });
    this.cached = { version, json };
    return json;
  }
}

@Controller('api/services')
export class ServicesController {
  constructor(
    @Inject(REPO) private readonly repo: Repo,
    @Inject(CatalogueService) private readonly catalogue: CatalogueService,
  ) {}

  @Get()
  @UseGuards(IdentifyGuard)
  @Header('Content-Type', 'application/json')
  async list(@Req() req: { principal?: Principal }, @Query('includeArchived') archived?: string) {
    if (archived !== undefined && archived !== 'true' && archived !== 'false')
      throw new Problem(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'includeArchived', code: 'invalid', message: 'true or false.' },
      ]);
    if (archived !== 'true') {
      if (config.catalogueCache) return this.catalogue.publicJson();
      // Without the cache: every request reads the rows and serializes them (the framework
      // does the JSON.stringify, as for any returned object).
      return { items: await this.repo.listServices(false), nextCursor: null };
    }
    if (!req.principal?.isStaff) throw Problem.forbidden();
    return { items: await this.repo.listServices(true), nextCursor: null };
  }
}

@Controller('api/me')
export class MeController {
  @Get()
  @UseGuards(SignedInGuard)
  @Header('Content-Type', 'application/json')
  me(@Req() req: { principal: Principal }) {
    return req.principal.user;
  }
}

@Controller('api/projects')
export class ProjectsController {
  constructor(@Inject(REPO) private readonly repo: Repo) {}

  // Clients see their own projects; anyone else's is a 404 (ProjectsService::get).
  @Get(':id')
  @UseGuards(SignedInGuard)
  @Header('Content-Type', 'application/json')
  async get(@Req() req: { principal: Principal }, @Param('id') id: string) {
    const project = await this.repo.findProject(id);
    const me = req.principal;
    if (!project || (!me.isStaff && project.client.id !== me.user.id)) throw Problem.notFound('project');
    return project;
  }
}

// The first value of a query parameter, as Déclic's Request::query_param reads it ("" for a
// key without a value); undefined when absent.
function queryParam(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  if (Array.isArray(v)) return v.length ? String(v[0]) : undefined;
  return v === undefined ? undefined : String(v);
}

@Controller('api/bookings')
export class BookingsController {
  constructor(@Inject(REPO) private readonly repo: Repo) {}

  // BookingsController::list and BookingsService::list: clients see their own bookings, staff
  // everyone's, by start time; `limit` (default 100, at most 200), `status` and `cursor` read
  // and checked as Déclic does (http::read_list_query). `from` and `to` (dates are turned into
  // times in the studio's zone) are not served by the peers: refused.
  @Get()
  @UseGuards(SignedInGuard)
  @Header('Content-Type', 'application/json')
  async list(@Req() req: { principal: Principal }, @Query() query: Record<string, unknown>) {
    if (queryParam(query, 'from') || queryParam(query, 'to'))
      throw new Problem(400, 'bad_request', 'The peers do not serve from and to.');
    const errors: Array<{ field: string; code: string; message: string }> = [];
    const status = queryParam(query, 'status') || null;
    if (status !== null && !isBookingStatus(status))
      errors.push({ field: 'status', code: 'invalid', message: 'Unknown status.' });
    // read_limit: std::from_chars into an int, the whole text, at least 1; capped at 200.
    let limit = 100;
    const limitText = queryParam(query, 'limit');
    if (limitText !== undefined) {
      const n = /^-?[0-9]+$/.test(limitText) ? Number(limitText) : NaN;
      if (n >= 1 && n <= 2147483647) limit = Math.min(n, 200);
      else errors.push({ field: 'limit', code: 'invalid', message: 'A positive integer.' });
    }
    const cursorText = queryParam(query, 'cursor');
    const cursor = cursorText ? decodeCursor(cursorText) : null;
    if (cursorText && !cursor) errors.push({ field: 'cursor', code: 'invalid', message: 'Unknown cursor.' });
    if (errors.length) throw new Problem(422, 'validation_failed', 'Some fields are invalid.', errors);

    const me = req.principal;
    const rows = await this.repo.listBookings({
      clientId: me.isStaff ? null : me.user.id,
      status,
      cursor,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const now = Math.floor(Date.now() / 1000);
    return {
      items: page.map((b) => bookingJson(b, me.isStaff, now)),
      nextCursor: rows.length > limit ? encodeCursor(last.start, last.id) : null,
    };
  }
}
