'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AccessDecisionSchema,
  RoleBindingSchema,
  RoleSchema,
  type CreateRoleBindingRequest,
  type CreateRoleRequest,
  type RoleScope,
  type SubjectKind,
  type UpdateRoleRequest,
} from '@wheelhouse/shared';
import { z } from 'zod';
import { BINDINGS_KEY, EXPLAIN_KEY, invalidateAccess, ROLES_KEY } from '@/kit/queries';
import { apiCommand, apiRequest } from '@/lib/api-client';
import { toQueryString } from '@/lib/query-string';

const RoleListSchema = z.object({ items: z.array(RoleSchema) });
const BindingListSchema = z.object({ items: z.array(RoleBindingSchema) });

/** Filters of `GET /api/rolebindings`; a subject filter needs both kind and id (for groups: provider too). */
export type BindingFilter = {
  roleId?: string;
  subjectKind?: SubjectKind;
  subjectId?: string;
  provider?: string;
  scope?: RoleScope;
  cluster?: string;
  namespace?: string;
};

const id = (value: string) => encodeURIComponent(value);

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: ({ signal }) => apiRequest('/api/roles', RoleListSchema, { signal }),
    enabled,
  });
}

function useAccessMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateAccess(queryClient) });
}

export function useCreateRole() {
  return useAccessMutation((body: CreateRoleRequest) => apiRequest('/api/roles', RoleSchema, { method: 'POST', body }));
}

export function useUpdateRole() {
  return useAccessMutation(({ roleId, body }: { roleId: string; body: UpdateRoleRequest }) =>
    apiRequest(`/api/roles/${id(roleId)}`, RoleSchema, { method: 'PATCH', body }),
  );
}

export function useCloneRole() {
  return useAccessMutation(({ roleId, name }: { roleId: string; name: string }) =>
    apiRequest(`/api/roles/${id(roleId)}/clone`, RoleSchema, { method: 'POST', body: { name } }),
  );
}

export function useDeleteRole() {
  return useAccessMutation(({ roleId, force }: { roleId: string; force: boolean }) =>
    apiCommand(`/api/roles/${id(roleId)}${toQueryString({ force: force ? 'true' : undefined })}`, {
      method: 'DELETE',
    }),
  );
}

export function useBindings(filter: BindingFilter, enabled = true) {
  return useQuery({
    queryKey: [...BINDINGS_KEY, 'list', filter],
    queryFn: ({ signal }) => apiRequest(`/api/rolebindings${toQueryString(filter)}`, BindingListSchema, { signal }),
    enabled,
  });
}

/** Effective bindings of one user: direct, through teams and through identity-provider groups. */
export function useUserBindings(userId: string | null) {
  return useQuery({
    queryKey: [...BINDINGS_KEY, 'user', userId],
    queryFn: ({ signal }) => apiRequest(`/api/users/${id(userId ?? '')}/bindings`, BindingListSchema, { signal }),
    enabled: userId !== null,
  });
}

export function useCreateBinding() {
  return useAccessMutation((body: CreateRoleBindingRequest) =>
    apiRequest('/api/rolebindings', RoleBindingSchema, { method: 'POST', body }),
  );
}

export function useDeleteBinding() {
  return useAccessMutation((bindingId: string) =>
    apiCommand(`/api/rolebindings/${id(bindingId)}`, { method: 'DELETE' }),
  );
}

/** `GET /api/rbac/explain`; `group` is always sent because the API defaults a missing one to the console group. */
export type ExplainParams = {
  user?: string;
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  name?: string;
  cluster?: string;
  namespace?: string;
};

export function useExplain(params: ExplainParams | null) {
  return useQuery({
    queryKey: [...EXPLAIN_KEY, params],
    queryFn: ({ signal }) =>
      apiRequest(`/api/rbac/explain${toQueryString(params ?? {})}`, AccessDecisionSchema, { signal }),
    enabled: params !== null,
    staleTime: 0,
  });
}
