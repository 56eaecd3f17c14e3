import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryRoots } from '../../lib/queryKeys';
import type { Booking, Project, Role, User } from '../../types/api';

export interface UserPage {
  items: User[];
  nextCursor: string | null;
}

export interface NewUser {
  email: string;
  firstName: string;
  lastName: string;
  phone?: string;
  role: Role;
  locale?: string;
}

export type UserPatch = Partial<Pick<User, 'firstName' | 'lastName' | 'phone' | 'address' | 'notes' | 'role' | 'disabled'>>;

const PAGE_SIZE = 25;

export const userKeys = {
  all: queryRoots.users,
  lists: [...queryRoots.users, 'list'] as const,
  list: (role: Role | null, q: string) => [...queryRoots.users, 'list', role, q] as const,
  one: (id: string) => [...queryRoots.users, 'one', id] as const,
  overview: (id: string) => [...queryRoots.userOverviews, id] as const,
};

export function useUserList(role: Role | null, q: string) {
  return useInfiniteQuery({
    queryKey: userKeys.list(role, q),
    queryFn: ({ pageParam, signal }) =>
      api.get<UserPage>('/api/users', { query: { role, q, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: userKeys.one(id), queryFn: () => api.get<User>(`/api/users/${encodeURIComponent(id)}`) });
}

export interface Overview {
  user: User;
  bookings: Booking[];
  projects: Project[];
  /** The contracts of the client's projects, newest first (what the client page lists of them). */
  contracts?: { id: string; projectId: string; title: string; status: string; version: number; updatedAt: string }[];
}

/** One client's account with their bookings and projects (staff). */
export function useOverview(id: string) {
  return useQuery({
    queryKey: userKeys.overview(id),
    queryFn: () => api.get<Overview>(`/api/users/${encodeURIComponent(id)}/overview`),
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => api.post<User>('/api/users', user),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: UserPatch) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, patch),
    onSuccess: (user) => {
      client.setQueryData(userKeys.one(id), user);
      return client.invalidateQueries({ queryKey: userKeys.lists });
    },
  });
}
