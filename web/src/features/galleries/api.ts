import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { invalidateFor } from '../../lib/live';
import { ApiError } from '../../lib/problem';
import { queryRoots } from '../../lib/queryKeys';
import { steadyLinks, LINK_REFRESH_MS, type Linked } from './links';

// ---------------------------------------------------------------------------------------
// What the server sends.

export type GalleryStatus = 'DRAFT' | 'PUBLISHED';
export type Downloads = 'NONE' | 'PREVIEWS' | 'ORIGINALS';
export type SelectionStatus = 'OPEN' | 'SUBMITTED';

export interface Gallery {
  id: string;
  projectId: string;
  title: string;
  status: GalleryStatus;
  publishedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
  watermark: boolean;
  downloads: Downloads;
  selectionMax: number | null;
  /** `count`: the client's favourites. */
  selection: { status: SelectionStatus; submittedAt: string | null; count: number };
  fileCount: number;
  readyCount: number;
  sizeBytes: number;
  coverFileId: string | null;
  /** Signed links, valid about 15 minutes. */
  coverUrl: string | null;
  archiveUrl: string | null;
  favoritesArchiveUrl: string | null;
  client: { id: string; name: string };
  createdAt: string;
}

export type FileStatus = 'PROCESSING' | 'READY' | 'FAILED';

export interface GalleryFile {
  id: string;
  name: string;
  sizeBytes: number;
  mimeType: string;
  width: number | null;
  height: number | null;
  status: FileStatus;
  /** A tiny data: URL for the blur-up while the thumbnail loads. */
  placeholder: string | null;
  /** Signed links, valid about 15 minutes. */
  thumbnailUrl: string | null;
  previewUrl: string | null;
  downloadUrl: string | null;
  favorite: boolean;
  comment: string | null;
  position: number;
}

export interface Selection {
  status: SelectionStatus;
  submittedAt: string | null;
  files: { id: string; name: string; comment: string | null }[];
  /** "DSC_0012 OR DSC_0040", to paste into Lightroom's filter. */
  lightroomFilter: string;
}

export type DownloadKind = 'ARCHIVE' | 'FAVORITES' | 'FILE';

export interface DownloadEntry {
  id: number;
  at: string;
  user: { id: string; name: string } | null;
  kind: DownloadKind;
  fileName: string | null;
  ip: string;
}

/** A guest link of a gallery (staff see the live ones; a revoked link is gone from the list). */
export interface Share {
  id: string;
  /** The studio's address + /share/<token>: what the guests open. */
  url: string;
  downloads: boolean;
  expiresAt: string | null;
  createdAt: string;
}

export interface ShareInput {
  /** 4 to 8 digits; only its hash is kept, so it is never shown again. */
  pin: string;
  downloads: boolean;
  expiresAt: string | null;
}

/** What a guest sees once the PIN is right: the gallery, nothing of the client's, and its ready photos. */
export interface SharedGallery {
  gallery: {
    id: string;
    title: string;
    studioName: string;
    expiresAt: string | null;
    fileCount: number;
    coverUrl: string | null;
    archiveUrl: string | null;
  };
  files: GalleryFile[];
}

export interface StorageUsage {
  usedBytes: number;
  quotaBytes: number;
  galleryQuotaBytes: number;
}

/** What staff set on a gallery (POST body; PATCH takes any part, null clears). */
export interface GalleryInput {
  title: string;
  expiresAt: string | null;
  watermark: boolean;
  downloads: Downloads;
  selectionMax: number | null;
}

export type GalleryPatch = Partial<GalleryInput> & { coverFileId?: string };

/** Every list comes in the app-wide envelope; a gallery's lists are whole (no next page). */
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------
// Cache keys, all under the galleries root (refreshed by `gallery.published` and `gallery.updated`).

export const galleryKeys = {
  list: (projectId: string | null) => [...queryRoots.galleries, 'list', projectId] as const,
  one: (id: string) => [...queryRoots.galleries, 'one', id] as const,
  files: (id: string) => [...queryRoots.galleries, 'files', id] as const,
  selection: (id: string) => [...queryRoots.galleries, 'selection', id] as const,
  downloads: (id: string) => [...queryRoots.galleries, 'downloads', id] as const,
  usage: [...queryRoots.galleries, 'usage'] as const,
  shares: (id: string) => [...queryRoots.galleries, 'shares', id] as const,
  /** A guest's view, by link and by the session its PIN opened. */
  shared: (token: string, session: string) => [...queryRoots.galleries, 'shared', token, session] as const,
};

const galleryPath = (id: string) => `/api/galleries/${encodeURIComponent(id)}`;
const filePath = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/** While a photo is being processed, its thumbnail is asked for this often. */
const PROCESSING_POLL_MS = 2_000;

// ---------------------------------------------------------------------------------------
// Galleries.

/** Staff: every gallery (of a project); a client: the published ones of their projects. */
export function useGalleries(projectId: string | null = null) {
  return useQuery({
    queryKey: galleryKeys.list(projectId),
    queryFn: async ({ signal }) => (await api.get<Page<Gallery>>('/api/galleries', { query: { projectId }, signal })).items,
    staleTime: LINK_REFRESH_MS / 2,
    refetchInterval: LINK_REFRESH_MS,
  });
}

export function useGallery(id: string) {
  return useQuery({
    queryKey: galleryKeys.one(id),
    queryFn: () => api.get<Gallery>(galleryPath(id)),
    staleTime: LINK_REFRESH_MS / 2,
    refetchInterval: LINK_REFRESH_MS,
  });
}

/** A gallery as an action answered: into its own cache entry, and every list is refetched. */
function settle(client: QueryClient, gallery: Gallery): Promise<void> {
  client.setQueryData(galleryKeys.one(gallery.id), gallery);
  return client.invalidateQueries({ queryKey: [...queryRoots.galleries, 'list'] });
}

export function useCreateGallery(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: GalleryInput) => api.post<Gallery>(`/api/projects/${encodeURIComponent(projectId)}/galleries`, input),
    onSuccess: (gallery) => void settle(client, gallery),
  });
}

export function useUpdateGallery(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: GalleryPatch) => api.patch<Gallery>(galleryPath(id), patch),
    onSuccess: (gallery) => void settle(client, gallery),
  });
}

export function usePublishGallery(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Gallery>(`${galleryPath(id)}/publish`),
    onSuccess: (gallery) => void settle(client, gallery),
  });
}

export function useDeleteGallery(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(galleryPath(id)),
    onSuccess: () => {
      client.removeQueries({ queryKey: galleryKeys.one(id) });
      void invalidateFor(client, 'gallery.updated');
    },
  });
}

/** Staff: the studio's storage, used and allowed. */
export function useStorageUsage() {
  return useQuery({ queryKey: galleryKeys.usage, queryFn: () => api.get<StorageUsage>('/api/galleries/usage') });
}

// ---------------------------------------------------------------------------------------
// Photos.

/** An expired gallery's photos answer 410: nothing to ask again. */
export function isGone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 410;
}

/**
 * The photos in display order. Signed links are kept while still fresh (a poll every 2 s
 * while some photo is processing must not reload every thumbnail), renewed past LINK_REFRESH_MS.
 */
export function useGalleryFiles(id: string, enabled = true) {
  const client = useQueryClient();
  const key = galleryKeys.files(id);
  return useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const fresh = (await api.get<Page<GalleryFile>>(`${galleryPath(id)}/files`, { signal })).items;
      return steadyLinks(client.getQueryData<Linked<GalleryFile>[]>(key), fresh, Date.now());
    },
    enabled,
    staleTime: LINK_REFRESH_MS / 2,
    refetchInterval: (query) => (query.state.data?.some((f) => f.status === 'PROCESSING') ? PROCESSING_POLL_MS : LINK_REFRESH_MS),
    retry: (count, error) => !isGone(error) && !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Changes the cached photos at once; what the server then says is fetched again. */
function editFiles(client: QueryClient, galleryId: string, change: (files: Linked<GalleryFile>[]) => Linked<GalleryFile>[]) {
  client.setQueryData<Linked<GalleryFile>[]>(galleryKeys.files(galleryId), (files) => (files ? change(files) : files));
}

/** Staff: the whole gallery in its new order; the list shows it before the server answers. */
export function useReorder(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fileIds: string[]) => api.put<void>(`${galleryPath(galleryId)}/order`, { fileIds }),
    onMutate: (fileIds) => {
      const before = client.getQueryData<Linked<GalleryFile>[]>(galleryKeys.files(galleryId));
      editFiles(client, galleryId, (files) => fileIds.flatMap((fid) => files.filter((f) => f.id === fid)));
      return { before };
    },
    onError: (_e, _ids, context) => client.setQueryData(galleryKeys.files(galleryId), context?.before),
    onSettled: () => client.invalidateQueries({ queryKey: galleryKeys.files(galleryId) }),
  });
}

export function useDeleteFile(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api.delete<void>(filePath(fileId)),
    onSuccess: (_v, fileId) => {
      editFiles(client, galleryId, (files) => files.filter((f) => f.id !== fileId));
      void invalidateFor(client, 'gallery.updated');
    },
  });
}

// ---------------------------------------------------------------------------------------
// The client's selection.

/** The client marks a photo (or no longer): shown at once, undone if the server refuses. */
export function useFavorite(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, favorite }: { fileId: string; favorite: boolean }) =>
      favorite ? api.put<void>(`${filePath(fileId)}/favorite`) : api.delete<void>(`${filePath(fileId)}/favorite`),
    onMutate: ({ fileId, favorite }) => {
      editFiles(client, galleryId, (files) => files.map((f) => (f.id === fileId ? { ...f, favorite } : f)));
      client.setQueryData<Gallery>(galleryKeys.one(galleryId), (g) =>
        g ? { ...g, selection: { ...g.selection, count: Math.max(0, g.selection.count + (favorite ? 1 : -1)) } } : g,
      );
    },
    onError: (_e, { fileId, favorite }) => {
      editFiles(client, galleryId, (files) => files.map((f) => (f.id === fileId ? { ...f, favorite: !favorite } : f)));
      void client.invalidateQueries({ queryKey: galleryKeys.one(galleryId) });
    },
  });
}

export function useComment(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, comment }: { fileId: string; comment: string }) => api.put<void>(`${filePath(fileId)}/comment`, { comment }),
    onSuccess: (_v, { fileId, comment }) => editFiles(client, galleryId, (files) => files.map((f) => (f.id === fileId ? { ...f, comment: comment || null } : f))),
  });
}

export function useSubmitSelection(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Gallery>(`${galleryPath(galleryId)}/selection`),
    onSuccess: (gallery) => void settle(client, gallery),
  });
}

/** Staff: the client's favourites, their comments, and the filter for Lightroom. */
export function useSelection(galleryId: string) {
  return useQuery({ queryKey: galleryKeys.selection(galleryId), queryFn: () => api.get<Selection>(`${galleryPath(galleryId)}/selection`) });
}

export function useReopenSelection(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Gallery>(`${galleryPath(galleryId)}/selection/reopen`),
    onSuccess: (gallery) => {
      void settle(client, gallery);
      void client.invalidateQueries({ queryKey: galleryKeys.selection(galleryId) });
    },
  });
}

/** Staff: who downloaded what, newest first. */
export function useDownloads(galleryId: string) {
  return useQuery({
    queryKey: galleryKeys.downloads(galleryId),
    queryFn: async ({ signal }) => (await api.get<Page<DownloadEntry>>(`${galleryPath(galleryId)}/downloads`, { signal })).items,
  });
}

// ---------------------------------------------------------------------------------------
// Guest links: staff make and revoke them; a guest opens one with its PIN (no account).

export function useShares(galleryId: string) {
  return useQuery({
    queryKey: galleryKeys.shares(galleryId),
    queryFn: async ({ signal }) => (await api.get<Page<Share>>(`${galleryPath(galleryId)}/shares`, { signal })).items,
  });
}

export function useCreateShare(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ShareInput) => api.post<Share>(`${galleryPath(galleryId)}/shares`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: galleryKeys.shares(galleryId) }),
  });
}

export function useRevokeShare(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (shareId: string) => api.delete<void>(`${galleryPath(galleryId)}/shares/${encodeURIComponent(shareId)}`),
    onSuccess: (_v, shareId) => {
      client.setQueryData<Share[]>(galleryKeys.shares(galleryId), (shares) => shares?.filter((s) => s.id !== shareId));
      void client.invalidateQueries({ queryKey: galleryKeys.shares(galleryId) });
    },
  });
}

const sharePath = (token: string) => `/api/shares/${encodeURIComponent(token)}`;

/** A guest's PIN for a link: the session that opens it (a 403 when wrong, 429 once locked). */
export function useUnlockShare(token: string) {
  return useMutation({
    mutationFn: async (pin: string) => (await api.post<{ session: string }>(`${sharePath(token)}/unlock`, { pin })).session,
  });
}

/**
 * The shared gallery as its guest sees it. Its photos' signed links are kept while fresh (as
 * for a client), renewed past LINK_REFRESH_MS; a refusal (401, 404, 410, 429) is not asked again.
 */
export function useSharedGallery(token: string, session: string | null) {
  const client = useQueryClient();
  const key = galleryKeys.shared(token, session ?? '');
  return useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const fresh = await api.get<SharedGallery>(sharePath(token), { headers: { 'Share-Session': session ?? '' }, signal });
      const before = client.getQueryData<SharedGallery & { files: Linked<GalleryFile>[] }>(key);
      return { ...fresh, files: steadyLinks(before?.files, fresh.files, Date.now()) };
    },
    enabled: session !== null,
    staleTime: LINK_REFRESH_MS / 2,
    refetchInterval: LINK_REFRESH_MS,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}
