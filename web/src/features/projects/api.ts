import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { invalidateFor } from '../../lib/live';
import { queryRoots } from '../../lib/queryKeys';
import type { Project, ProjectStatus } from '../../types/api';

/**
 * The order statuses are shown in (timeline, board columns, the ADMIN's forced moves).
 * Which moves are allowed is the server's answer: `project.nextStatuses`.
 */
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['CONFIRMED', 'SHOT', 'EDITING', 'DELIVERED', 'CLOSED', 'CANCELLED'];

export const projectKeys = {
  list: [...queryRoots.projects, 'list'] as const,
  one: (id: string) => [...queryRoots.projects, 'one', id] as const,
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
  /** ADMIN only: a move the server would not offer (outside `nextStatuses`). */
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
      // Not awaited: the page's form remounts with the new status, and a caller's onSuccess
      // (its toast) must run before that, not after the refetches.
      void invalidateFor(client, 'project.updated');
    },
  });
}
