import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type Unit = Schema<'UnitDto'>;

/** Every unit, by name (any signed-in user may read them). */
export function useUnits() {
  return useQuery({ queryKey: queryKeys.units.all, queryFn: () => unwrap(api.GET('/api/units')) });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'CreateUnitDto'>) => unwrap(api.POST('/api/units', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.units.all }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Schema<'UpdateUnitDto'> & { id: string }) =>
      unwrap(api.PATCH('/api/units/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.units.all }),
  });
}
