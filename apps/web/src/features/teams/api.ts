'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  TeamSchema,
  type CreateTeamRequest,
  type TeamGroupLinkRequest,
  type UpdateTeamRequest,
} from '@wheelhouse/shared';
import { invalidateAccess, TEAMS_KEY, teamsQuery } from '@/kit/queries';
import { apiCommand, apiRequest } from '@/lib/api-client';
import { toQueryString } from '@/lib/query-string';

const id = (value: string) => encodeURIComponent(value);

export function useTeams(enabled = true) {
  return useQuery({ ...teamsQuery, enabled });
}

/** Team changes move permissions too (members inherit the team's bindings): refresh both. */
function useTeamMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: TEAMS_KEY }), invalidateAccess(queryClient)]),
  });
}

export function useCreateTeam() {
  return useTeamMutation((body: CreateTeamRequest) => apiRequest('/api/teams', TeamSchema, { method: 'POST', body }));
}

export function useUpdateTeam() {
  return useTeamMutation(({ teamId, body }: { teamId: string; body: UpdateTeamRequest }) =>
    apiRequest(`/api/teams/${id(teamId)}`, TeamSchema, { method: 'PATCH', body }),
  );
}

export function useDeleteTeam() {
  return useTeamMutation((teamId: string) => apiCommand(`/api/teams/${id(teamId)}`, { method: 'DELETE' }));
}

export function useAddMember() {
  return useTeamMutation(({ teamId, userId }: { teamId: string; userId: string }) =>
    apiRequest(`/api/teams/${id(teamId)}/members`, TeamSchema, { method: 'POST', body: { userId } }),
  );
}

export function useRemoveMember() {
  return useTeamMutation(({ teamId, userId }: { teamId: string; userId: string }) =>
    apiRequest(`/api/teams/${id(teamId)}/members/${id(userId)}`, TeamSchema, { method: 'DELETE' }),
  );
}

export function useLinkGroup() {
  return useTeamMutation(({ teamId, link }: { teamId: string; link: TeamGroupLinkRequest }) =>
    apiRequest(`/api/teams/${id(teamId)}/group-links`, TeamSchema, { method: 'POST', body: link }),
  );
}

export function useUnlinkGroup() {
  return useTeamMutation(({ teamId, link }: { teamId: string; link: TeamGroupLinkRequest }) =>
    apiRequest(`/api/teams/${id(teamId)}/group-links${toQueryString(link)}`, TeamSchema, { method: 'DELETE' }),
  );
}
