import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { invalidateFor } from '../../lib/live';
import { queryRoots } from '../../lib/queryKeys';

// ---------------------------------------------------------------------------------------
// What the server sends.

/** A stretch of text with one style; a "\n" in `text` is a line break. */
export interface Run {
  text: string;
  bold?: true;
  italic?: true;
}

/** A rendered document, block by block (never HTML). */
export type Block =
  | { type: 'heading'; level: 1 | 2; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'bullets' | 'numbers'; items: Run[][] };

export interface ContractTemplate {
  id: string;
  name: string;
  /** The Markdown subset of the editor, with `{{placeholders}}`. */
  body: string;
  createdAt: string;
  updatedAt: string;
}

export type ContractStatus = 'DRAFT' | 'SENT' | 'SIGNED' | 'VOID';

export interface Signature {
  fullName: string;
  signedAt: string;
  ip: string;
  userAgent: string;
  documentSha256: string;
  /** The client also drew a signature (printed on the PDF). */
  drawn: boolean;
}

/** A contract as lists give it (no body, blocks or versions). */
export interface ContractSummary {
  id: string;
  projectId: string;
  templateId: string | null;
  /** 1, then 2… for each reissue after a void. */
  version: number;
  previousId: string | null;
  title: string;
  status: ContractStatus;
  /** The SHA-256 of the text as sent, the text the client signs (null while DRAFT). */
  documentSha256: string | null;
  /** The SHA-256 of the latest PDF issued (null before the first). */
  pdfSha256?: string | null;
  client: { id: string; firstName: string; lastName: string; email: string };
  service: { id: string; name: string } | null;
  booking: { id: string; start: string } | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  signature: Signature | null;
  countersignature: { at: string; by: { id: string; firstName: string; lastName: string } } | null;
  voided: { at: string; reason: string } | null;
  /** A signed link to the PDF, valid 15 minutes (null until the client has signed). */
  pdfUrl: string | null;
}

export interface Contract extends ContractSummary {
  /** The Markdown subset, placeholders already filled in. */
  body: string;
  blocks: Block[];
  /** Every version of this contract's chain, oldest first. */
  versions: { id: string; version: number; status: ContractStatus; createdAt: string }[];
}

export type TrailType = 'created' | 'edited' | 'sent' | 'opened' | 'signed' | 'countersigned' | 'voided';

export interface TrailEvent {
  id: number | string;
  type: TrailType;
  at: string;
  /** Who acted; the role SYSTEM (id null) when the studio itself did (a draft on confirmation…). */
  actor: { id: string | null; name: string; role: string } | null;
  ip: string | null;
  userAgent: string | null;
  documentSha256: string | null;
}

/** What anyone may learn of a contract (GET /api/contracts/{id}/verify). */
export interface ContractCheck {
  id: string;
  title: string;
  status: ContractStatus;
  studioName: string;
  documentSha256: string | null;
  pdfSha256: string | null;
  signedAt: string | null;
  countersignedAt: string | null;
}

/** POST /api/contracts/verify: whether a PDF is one the studio issued, unaltered; `sha256` is the file's. */
export type PdfCheck = { match: true; sha256: string; contract: ContractCheck } | { match: false; sha256: string };

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ContractFilter {
  projectId?: string;
  status?: ContractStatus;
}

// ---------------------------------------------------------------------------------------
// Cache keys: contracts under their root (refreshed by `contract.updated`), templates under theirs.

export const contractKeys = {
  list: (filter: ContractFilter) => [...queryRoots.contracts, 'list', filter] as const,
  one: (id: string) => [...queryRoots.contracts, 'one', id] as const,
  trail: (id: string) => [...queryRoots.contracts, 'trail', id] as const,
  check: (id: string) => [...queryRoots.contracts, 'check', id] as const,
  templates: [...queryRoots.contractTemplates, 'list'] as const,
  template: (id: string) => [...queryRoots.contractTemplates, 'one', id] as const,
  placeholders: [...queryRoots.contractTemplates, 'placeholders'] as const,
  preview: (body: string, projectId: string | null) => [...queryRoots.contractTemplates, 'preview', projectId, body] as const,
};

/** The server's limit on a contract's or a template's title. */
export const TITLE_MAX = 120;

const contractPath = (id: string) => `/api/contracts/${encodeURIComponent(id)}`;
const templatePath = (id: string) => `/api/contract-templates/${encodeURIComponent(id)}`;

/** A contract's links are signed for a short while: a page left open gets fresh ones. */
const LINK_REFRESH_MS = 10 * 60_000;

// ---------------------------------------------------------------------------------------
// Templates (staff).

export function useTemplates() {
  return useQuery({
    queryKey: contractKeys.templates,
    queryFn: async () => (await api.get<Page<ContractTemplate>>('/api/contract-templates')).items,
  });
}

export function useTemplate(id: string) {
  return useQuery({ queryKey: contractKeys.template(id), queryFn: () => api.get<ContractTemplate>(templatePath(id)) });
}

/** The placeholder keys the server fills in ("client.fullName"…); they do not change. */
export function usePlaceholders() {
  return useQuery({
    queryKey: contractKeys.placeholders,
    queryFn: async () => (await api.get<{ items: { key: string }[] }>('/api/contract-templates/placeholders')).items.map((p) => p.key),
    staleTime: Infinity,
  });
}

export type TemplateInput = Pick<ContractTemplate, 'name' | 'body'>;

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, template }: { id: string | null; template: TemplateInput }) =>
      id ? api.patch<ContractTemplate>(templatePath(id), template) : api.post<ContractTemplate>('/api/contract-templates', template),
    onSuccess: (saved) => {
      client.setQueryData(contractKeys.template(saved.id), saved);
      return client.invalidateQueries({ queryKey: contractKeys.templates });
    },
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(templatePath(id)),
    onSuccess: () => client.invalidateQueries({ queryKey: contractKeys.templates }),
  });
}

/**
 * The document `body` renders to, with the values of `projectId` (sample values without one).
 * The caller debounces `body`; the last preview stays on screen while the next one comes.
 */
export function usePreview(body: string, projectId: string | null) {
  return useQuery({
    queryKey: contractKeys.preview(body, projectId),
    queryFn: async ({ signal }) =>
      (await api.post<{ blocks: Block[] }>('/api/contract-templates/preview', { body, ...(projectId ? { projectId } : {}) }, { signal })).blocks,
    enabled: body.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}

// ---------------------------------------------------------------------------------------
// Contracts.

/** Staff: every contract (of a project, of a status); a client: theirs, never drafts. */
export function useContracts(filter: ContractFilter = {}) {
  return useInfiniteQuery({
    queryKey: contractKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ContractSummary>>('/api/contracts', { query: { ...filter, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: LINK_REFRESH_MS,
  });
}

/** The newest contract of a list (the highest version, then the latest created). */
export function latestContract<T extends ContractSummary>(items: readonly T[]): T | null {
  return [...items].sort((a, b) => b.version - a.version || b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

/** One contract with its document; a client's opening is recorded by the server. */
export function useContract(id: string) {
  return useQuery({ queryKey: contractKeys.one(id), queryFn: () => api.get<Contract>(contractPath(id)), refetchInterval: LINK_REFRESH_MS });
}

export function useTrail(id: string, enabled = true) {
  return useQuery({
    queryKey: contractKeys.trail(id),
    queryFn: async () => (await api.get<{ items: TrailEvent[] }>(`${contractPath(id)}/trail`)).items,
    enabled,
  });
}

/** The contract an action answered with goes into the cache; every list and trail is refetched. */
function settle(client: QueryClient, contract: Contract): Promise<void> {
  client.setQueryData(contractKeys.one(contract.id), contract);
  return invalidateFor(client, 'contract.updated');
}

export function useCreateContract() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { projectId: string; templateId: string }) => api.post<Contract>('/api/contracts', input),
    onSuccess: (contract) => void settle(client, contract),
  });
}

export function useUpdateContract(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: { title?: string; body?: string }) => api.patch<Contract>(contractPath(id), patch),
    onSuccess: (contract) => void settle(client, contract),
  });
}

/** What staff do to a contract: send a draft, countersign, void (with a reason), reissue a void one. */
export type ContractAction = 'send' | 'countersign' | 'void' | 'reissue';

export function useContractAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: ContractAction; reason?: string }) =>
      api.post<Contract>(`${contractPath(id)}/${action}`, action === 'void' ? { reason } : {}),
    onSuccess: (contract) => void settle(client, contract),
  });
}

export interface SignInput {
  fullName: string;
  consent: true;
  /** A drawn signature, `data:image/png;base64,…`. */
  signature?: string;
}

/** The contract's client signs it. */
export function useSignContract(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInput) => api.post<Contract>(`${contractPath(id)}/sign`, input),
    onSuccess: (contract) => void settle(client, contract),
  });
}

// ---------------------------------------------------------------------------------------
// Verification (anyone, no account needed).

export function useContractCheck(id: string | null) {
  return useQuery({
    queryKey: contractKeys.check(id ?? ''),
    queryFn: () => api.get<ContractCheck>(`${contractPath(id ?? '')}/verify`),
    enabled: !!id,
    retry: false,
  });
}

/** The server's limit on a PDF to verify (20 MiB). */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

export function useVerifyPdf() {
  return useMutation({
    mutationFn: (file: File) => api.upload<PdfCheck>('/api/contracts/verify', file, { headers: { 'Content-Type': 'application/pdf' } }),
  });
}
