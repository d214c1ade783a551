'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  UserSchema,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type UpdateUserRequest,
} from '@wheelhouse/shared';
import { invalidateAccess, USERS_KEY, usersQuery } from '@/kit/queries';
import { apiCommand, apiRequest } from '@/lib/api-client';

export function useUsers() {
  return useQuery(usersQuery);
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
