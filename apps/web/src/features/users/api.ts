'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  UserListSchema,
  UserSchema,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type UpdateUserRequest,
} from '@wheelhouse/shared';
import { invalidateAccess } from '@/features/rbac/api';
import { apiCommand, apiRequest } from '@/lib/api-client';

const USERS_KEY = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => apiRequest('/api/users', UserListSchema, { signal }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => apiRequest('/api/users', UserSchema, { method: 'POST', body }),
    // New users get baseline bindings (and maybe console-admin): binding lists and counts change too.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: USERS_KEY }), invalidateAccess(queryClient)]),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) =>
      apiRequest(`/api/users/${encodeURIComponent(id)}`, UserSchema, { method: 'PATCH', body }),
    // isAdmin is a console-admin binding underneath.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: USERS_KEY }), invalidateAccess(queryClient)]),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResetPasswordRequest }) =>
      apiCommand(`/api/users/${encodeURIComponent(id)}/password`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
