/**
 * Every TanStack Query key of the app, from one place, so an invalidation after a change names
 * exactly what it makes stale: `queryClient.invalidateQueries({ queryKey: queryKeys.users.all })`.
 */
export const queryKeys = {
  units: { all: ['units'] as const },
  users: {
    all: ['users'] as const,
    list: (filters: Record<string, unknown>) => ['users', 'list', filters] as const,
  },
  organisations: ['organisations'] as const,
  certificates: ['certificates'] as const,
  occupations: { search: (q: string) => ['occupations', 'search', q] as const },
  vacancies: {
    all: ['vacancies'] as const,
    open: (filters: Record<string, unknown>) => ['vacancies', 'open', filters] as const,
    standUpCounts: (unitId: string | null) => ['vacancies', 'open', 'counts', unitId] as const,
    one: (id: string) => ['vacancies', 'one', id] as const,
    matches: (id: string, pools: string) => ['vacancies', 'matches', id, pools] as const,
    proposals: (id: string) => ['vacancies', 'proposals', id] as const,
  },
  candidates: {
    one: (id: string) => ['candidates', 'one', id] as const,
    proposals: (id: string) => ['candidates', 'proposals', id] as const,
    matches: (id: string) => ['candidates', 'matches', id] as const,
  },
  placements: {
    options: (terms: Record<string, unknown>) => ['placements', 'options', terms] as const,
  },
  setup: {
    status: ['setup', 'status'] as const,
    job: (kind: 'esco' | 'places' | 'demo', id: string) => ['setup', kind, id] as const,
  },
};
