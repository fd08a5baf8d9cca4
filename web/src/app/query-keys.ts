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
  employers: {
    all: ['employers'] as const,
    list: (filters: Record<string, unknown>) => ['employers', 'list', filters] as const,
    one: (id: string) => ['employers', 'one', id] as const,
    placements: (id: string) => ['employers', 'placements', id] as const,
  },
  vacancies: {
    all: ['vacancies'] as const,
    list: (filters: Record<string, unknown>) => ['vacancies', 'list', filters] as const,
    open: ['vacancies', 'open'] as const,
    one: (id: string) => ['vacancies', 'one', id] as const,
  },
  supplyPreview: (profile: unknown) => ['supply-preview', profile] as const,
  places: { postcode: (postcode: string) => ['places', postcode] as const },
  certificates: ['certificates'] as const,
  occupationSuggestions: (title: string) => ['occupation-suggestions', title] as const,
  skills: { search: (q: string) => ['skills', 'search', q] as const },
  followUps: {
    all: ['follow-ups'] as const,
    list: (assignee: 'me' | 'unit') => ['follow-ups', 'list', assignee] as const,
    detail: (id: string) => ['follow-ups', 'detail', id] as const,
    callers: ['follow-ups', 'callers'] as const,
  },
  pickUps: { all: ['pick-ups'] as const },
  reports: {
    all: ['reports'] as const,
    dashboard: (filters: Record<string, unknown>) => ['reports', 'dashboard', filters] as const,
    wallBoard: (unitId: string) => ['reports', 'wall-board', unitId] as const,
    targets: (period: string) => ['reports', 'targets', period] as const,
    register: (filters: Record<string, unknown>) => ['reports', 'register', filters] as const,
  },
  setup: {
    status: ['setup', 'status'] as const,
    job: (kind: 'esco' | 'places' | 'demo', id: string) => ['setup', kind, id] as const,
  },
};
