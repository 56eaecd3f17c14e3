import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { User } from '../../lib/auth';
import type { Booking } from '../bookings/api';
import type { Service } from '../services/api';

export const PROJECT_FLOW = ['CONFIRMED', 'SHOT', 'EDITING', 'DELIVERED', 'CLOSED'] as const;
export type ProjectStatus = (typeof PROJECT_FLOW)[number] | 'CANCELLED';

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
}

export const projectKeys = {
  all: ['projects'] as const,
  list: ['projects', 'list'] as const,
  one: (id: string) => ['projects', 'one', id] as const,
};

export function useProjects() {
  return useQuery({
    queryKey: projectKeys.list,
    queryFn: async () => (await api.get<{ items: Project[] }>('/api/projects')).items,
  });
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.one(id), queryFn: () => api.get<Project>(`/api/projects/${encodeURIComponent(id)}`) });
}

export interface ProjectPatch {
  status?: ProjectStatus;
  /** ADMIN only: a move outside the normal order. */
  force?: boolean;
  note?: string;
  dueDate?: string | null;
}

export function useUpdateProject(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProjectPatch) => api.patch<Project>(`/api/projects/${encodeURIComponent(id)}`, patch),
    onSuccess: (project) => {
      client.setQueryData(projectKeys.one(id), project);
      return Promise.all([
        client.invalidateQueries({ queryKey: projectKeys.list }),
        client.invalidateQueries({ queryKey: ['users', 'overview'] }),
      ]);
    },
  });
}

/** The next step of the normal flow, if any. */
export function nextStatus(status: ProjectStatus): ProjectStatus | null {
  const i = PROJECT_FLOW.indexOf(status as (typeof PROJECT_FLOW)[number]);
  return i >= 0 && i < PROJECT_FLOW.length - 1 ? PROJECT_FLOW[i + 1] : null;
}
