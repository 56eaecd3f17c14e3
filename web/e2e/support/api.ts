// The HTTP API as a test uses it to set the stage or to act for someone who is not the
// browser under test (the photographer on the other server, for instance).
import { inject } from 'vitest';
import { stage } from './stage';

export interface ApiUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} → ${status} ${body.slice(0, 500)}`);
  }
}

export class Api {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
    readonly user: ApiUser,
  ) {}

  /** Signs in with the demo password, on server A unless told another base URL. */
  static async signIn(email: string, baseUrl: string = stage().baseUrl): Promise<Api> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl },
      body: JSON.stringify({ email, password: inject('demoPassword') }),
    });
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, text, `sign-in of ${email}`);
    const body = JSON.parse(text) as { user: ApiUser; accessToken: string };
    return new Api(baseUrl, body.accessToken, body.user);
  }

  /** A new client account (signed up on server A), signed in. */
  static async register(person: { email: string; password: string; firstName: string; lastName: string; locale: 'fr' | 'en' }): Promise<Api> {
    const baseUrl = stage().baseUrl;
    const res = await fetch(`${baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl },
      body: JSON.stringify(person),
    });
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, text, `sign-up of ${person.email}`);
    const body = JSON.parse(text) as { user: ApiUser; accessToken: string };
    return new Api(baseUrl, body.accessToken, body.user);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        Origin: this.baseUrl,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, text, `${method} ${path} as ${this.user.email}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }
  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Staff: a photo into a gallery in one tus request (creation-with-upload); the photo's id. */
  async uploadPhoto(galleryId: string, name: string, bytes: Buffer): Promise<string> {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const res = await fetch(`${this.baseUrl}/api/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${this.token}`,
        Origin: this.baseUrl,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(bytes.length),
        'Upload-Metadata': `galleryId ${b64(galleryId)},filename ${b64(name)},filetype ${b64('image/png')}`,
        'Content-Type': 'application/offset+octet-stream',
      },
      body: new Uint8Array(bytes),
    });
    const id = res.headers.get('Declic-File-Id');
    if (res.status !== 201 || !id) throw new ApiError(res.status, await res.text(), `upload of ${name} as ${this.user.email}`);
    return id;
  }
}

/**
 * A local date (YYYY-MM-DD) in the studio's zone, `days` from today. Built from parts: a
 * locale's own format (en-CA's YYYY-MM-DD) is not there when Node has no data for it, as on a
 * fresh Debian, which then writes 12/1/2026.
 */
function studioDate(days: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(Date.now() + days * 86_400_000));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A confirmed session of `serviceName` for the client, booked by them on the first free slot
 * and confirmed by staff: its project (CONFIRMED) is what a test moves along.
 */
export async function confirmedProject(client: Api, staff: Api, serviceName = 'Portrait en studio'): Promise<{ projectId: string; bookingId: string }> {
  const services = await client.get<{ items: { id: string; name: string }[] }>('/api/services');
  const service = services.items.find((s) => s.name === serviceName);
  if (!service) throw new Error(`no service named ${serviceName}`);
  const { slots } = await client.get<{ slots: { start: string }[] }>(`/api/services/${service.id}/slots?from=${studioDate(0)}&to=${studioDate(60)}`);
  if (slots.length === 0) throw new Error(`no free slot for ${serviceName}`);
  const booking = await client.post<{ id: string }>('/api/bookings', { serviceId: service.id, start: slots[0].start });
  const confirmed = await staff.post<{ projectId: string }>(`/api/bookings/${booking.id}/confirm`);
  return { projectId: confirmed.projectId, bookingId: booking.id };
}

/** The client's conversation with the studio (created when missing). */
export async function conversationOf(client: Api): Promise<string> {
  return (await client.post<{ id: string }>('/api/conversations', {})).id;
}

/**
 * A published gallery of the project, with these photos in it, every one processed (READY):
 * what a client's gallery screens show. Its id.
 */
export async function publishedGallery(staff: Api, projectId: string, title: string, photos: { name: string; bytes: Buffer }[]): Promise<string> {
  const { id } = await staff.post<{ id: string }>(`/api/projects/${projectId}/galleries`, { title });
  for (const p of photos) await staff.uploadPhoto(id, p.name, p.bytes);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { items } = await staff.get<{ items: { status: string }[] }>(`/api/galleries/${id}/files`);
    if (items.length === photos.length && items.every((f) => f.status === 'READY')) break;
    if (Date.now() > deadline) throw new Error(`the photos of ${title} are not ready after 60 s: ${JSON.stringify(items)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  await staff.post(`/api/galleries/${id}/publish`);
  return id;
}

/** A guest link as staff made it: its address and the token at its end. */
export interface GuestShare {
  id: string;
  url: string;
  token: string;
}

/** Staff: a guest link of the gallery, opened with `pin`. */
export async function shareGallery(staff: Api, galleryId: string, pin: string, downloads = true): Promise<GuestShare> {
  const share = await staff.post<{ id: string; url: string }>(`/api/galleries/${galleryId}/shares`, { pin, downloads });
  return { ...share, token: share.url.slice(share.url.lastIndexOf('/') + 1) };
}

/** A guest (no account, no token): the session a right PIN opens for the link. */
export async function unlockShare(token: string, pin: string, baseUrl: string = stage().baseUrl): Promise<string> {
  const res = await fetch(`${baseUrl}/api/shares/${token}/unlock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ pin }),
  });
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, text, `unlocking the guest link ${token}`);
  return (JSON.parse(text) as { session: string }).session;
}
