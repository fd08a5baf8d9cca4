import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type User = Schema<'UserDto'>;
export type UserFilters = {
  q?: string;
  organisation?: User['organisation'];
  unitId?: string;
  role?: User['roles'][number];
  active?: boolean;
  offset?: number;
};

export const USERS_PAGE_SIZE = 100;

/** A page of users matching the filters (administrators only; every listed user is an audited read). */
export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: queryKeys.users.list(filters),
    queryFn: () =>
      unwrap(
        api.GET('/api/users', { params: { query: { ...filters, q: filters.q || undefined, limit: USERS_PAGE_SIZE } } }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: queryKeys.organisations,
    queryFn: () => unwrap(api.GET('/api/organisations')),
    staleTime: Infinity,
  });
}

function useUsersMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

export function useCreateUser() {
  return useUsersMutation((body: Schema<'CreateUserDto'>) => unwrap(api.POST('/api/users', { body })));
}

export function useUpdateUser() {
  return useUsersMutation(({ id, ...body }: Schema<'UpdateUserDto'> & { id: string }) =>
    unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
  );
}

export function useDeactivateUser() {
  return useUsersMutation((id: string) => unwrap(api.POST('/api/users/{id}/deactivate', { params: { path: { id } } })));
}

export function useResetPassword() {
  return useUsersMutation(({ id, password }: { id: string; password: string }) =>
    unwrap(api.PUT('/api/users/{id}/password', { params: { path: { id } }, body: { password } })),
  );
}

/** Forget every cached user list: after a 409 the page shows what is stored now. */
export function useReloadUsers(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
}
