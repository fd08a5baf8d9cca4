/**
 * Which pages each role may open: the one table that the router (which pages exist), the navigation
 * (what a user sees) and the "Geen toegang" page read. Each page names the API call it is built on,
 * and access.spec.ts checks that its roles are exactly those the API's authorization matrix
 * (test/authorization/matrix.ts) allows for that call, so the app never offers what the API refuses.
 * A new page adds its row here, its component in routes.tsx.
 */
export type Role = 'SALES' | 'MATCHER' | 'AFTERSALES' | 'ADVISER' | 'MANAGER' | 'ADMIN';

export const ALL_ROLES: readonly Role[] = ['SALES', 'MATCHER', 'AFTERSALES', 'ADVISER', 'MANAGER', 'ADMIN'];

export const ROLE_LABELS: Record<Role, string> = {
  SALES: 'Sales',
  MATCHER: 'Matcher',
  AFTERSALES: 'Aftersales',
  ADVISER: 'Klantregisseur',
  MANAGER: 'Manager',
  ADMIN: 'Beheerder',
};

export interface PageAccess {
  /** Route path as React Router reads it. */
  path: string;
  /** The page's name in the navigation and the window title. */
  title: string;
  /** Navigation group; undefined: the top group (e.g. the start page). A path with a parameter is never in it. */
  section?: 'Vacatures' | 'Kandidaten' | 'Rapportage' | 'Nazorg' | 'Beheer';
  /** Full screen: no header or navigation around it, and not in the navigation (the wall board). */
  fullScreen?: boolean;
  roles: readonly Role[];
  /** `METHOD /path` of the API call the page stands on, as in the authorization matrix. */
  endpoint: string;
}

export const PAGES = [
  { path: '/', title: 'Start', roles: ALL_ROLES, endpoint: 'GET /api/auth/me' },
  // The stand-up list and a vacancy's ranked list (features/matching); intake, the vacancy's own page
  // and employers (features/sales). Pages with an id are reached from a list, not the navigation.
  {
    path: '/vacatures',
    title: 'Open vacatures',
    section: 'Vacatures',
    roles: ['SALES', 'MATCHER', 'MANAGER', 'ADMIN'],
    endpoint: 'GET /api/vacancies/open',
  },
  {
    path: '/vacatures/nieuw',
    title: 'Nieuwe vacature',
    section: 'Vacatures',
    roles: ['SALES', 'ADMIN'],
    endpoint: 'POST /api/vacancies',
  },
  {
    path: '/werkgevers',
    title: 'Werkgevers',
    section: 'Vacatures',
    roles: ['SALES', 'MATCHER', 'MANAGER', 'ADMIN'],
    endpoint: 'GET /api/employers',
  },
  {
    path: '/werkgevers/:id',
    title: 'Werkgever',
    roles: ['SALES', 'MATCHER', 'MANAGER', 'ADMIN'],
    endpoint: 'GET /api/employers/{id}',
  },
  {
    path: '/vacatures/:id',
    title: 'Ranglijst',
    roles: ['MATCHER', 'SALES', 'MANAGER'],
    endpoint: 'GET /api/vacancies/{id}/matches',
  },
  {
    path: '/vacatures/:id/gegevens',
    title: 'Vacature',
    roles: ['SALES', 'MATCHER', 'MANAGER', 'ADMIN'],
    endpoint: 'GET /api/vacancies/{id}',
  },
  // The adviser's (klantregisseur's) screens: features/candidates.
  {
    path: '/kandidaten',
    title: 'Kandidaten',
    section: 'Kandidaten',
    roles: ['MATCHER', 'ADVISER', 'ADMIN'],
    endpoint: 'GET /api/candidates',
  },
  {
    path: '/kandidaten/max-ww',
    title: 'Max-WW',
    section: 'Kandidaten',
    roles: ['MATCHER', 'ADVISER', 'ADMIN'],
    endpoint: 'GET /api/candidates/max-ww',
  },
  {
    path: '/kandidaten/nieuw',
    title: 'Nieuwe kandidaat',
    section: 'Kandidaten',
    roles: ['ADVISER', 'ADMIN'],
    endpoint: 'POST /api/candidates',
  },
  {
    path: '/kandidaten/inbox',
    title: 'Inbox',
    section: 'Kandidaten',
    roles: ['ADVISER', 'ADMIN'],
    endpoint: 'GET /api/advisers/me/mismatches',
  },
  {
    path: '/kandidaten/import',
    title: 'Importeren',
    section: 'Kandidaten',
    roles: ['ADVISER', 'ADMIN'],
    endpoint: 'POST /api/candidates/imports',
  },
  {
    path: '/kandidaten/:id',
    title: 'Kandidaat',
    roles: ['MATCHER', 'ADVISER', 'ADMIN'],
    endpoint: 'GET /api/candidates/{id}',
  },
  {
    path: '/kandidaten/:id/vacatures',
    title: 'Vacatures voor kandidaat',
    roles: ['MATCHER', 'ADVISER', 'MANAGER'],
    endpoint: 'GET /api/candidates/{id}/matches',
  },
  {
    path: '/rapportage/dashboard',
    title: 'Dashboard',
    section: 'Rapportage',
    roles: ALL_ROLES,
    endpoint: 'GET /api/reports/dashboard',
  },
  {
    path: '/rapportage/doelen',
    title: 'Doelen',
    section: 'Rapportage',
    roles: ['MANAGER', 'ADMIN'],
    endpoint: 'PUT /api/targets/{unitId}/{period}',
  },
  {
    path: '/rapportage/plaatsingen',
    title: 'Plaatsingenregister',
    section: 'Rapportage',
    roles: ['MANAGER', 'ADVISER', 'ADMIN'],
    endpoint: 'GET /api/placements',
  },
  {
    path: '/muurbord/:unitId',
    title: 'Muurbord',
    fullScreen: true,
    roles: ALL_ROLES,
    endpoint: 'GET /api/reports/wall-board/{unitId}',
  },
  {
    path: '/nazorg/bellijst',
    title: 'Bellijst',
    section: 'Nazorg',
    roles: ['AFTERSALES', 'ADMIN'],
    endpoint: 'GET /api/follow-ups',
  },
  {
    path: '/nazorg/bellen',
    title: 'Bellen',
    section: 'Nazorg',
    roles: ['AFTERSALES', 'ADMIN'],
    endpoint: 'GET /api/follow-ups/{id}',
  },
  {
    path: '/nazorg/weer-oppakken',
    title: 'Weer oppakken',
    section: 'Nazorg',
    roles: ['MATCHER', 'ADVISER', 'ADMIN'],
    endpoint: 'GET /api/pick-ups',
  },
  { path: '/beheer/eenheden', title: 'Eenheden', section: 'Beheer', roles: ['ADMIN'], endpoint: 'POST /api/units' },
  { path: '/beheer/gebruikers', title: 'Gebruikers', section: 'Beheer', roles: ['ADMIN'], endpoint: 'GET /api/users' },
  {
    path: '/beheer/geheimhoudingsverklaringen',
    title: 'Geheimhoudingsverklaringen',
    section: 'Beheer',
    roles: ['ADMIN'],
    endpoint: 'GET /api/confidentiality-statements',
  },
] as const satisfies readonly PageAccess[];

export type PagePath = (typeof PAGES)[number]['path'];

export function mayOpen(roles: readonly string[], page: PageAccess): boolean {
  return page.roles.some((role) => roles.includes(role));
}

/** The pages this user may open inside the layout, in table order (full-screen pages are opened by link). */
export function pagesFor(roles: readonly string[]): PageAccess[] {
  return PAGES.filter((page: PageAccess) => !page.fullScreen && mayOpen(roles, page));
}

/** Whether this user may open the page at `path` (a PAGES path, e.g. '/vacatures/:id'): links show only then. */
export function mayOpenPath(roles: readonly string[], path: PagePath): boolean {
  const page = PAGES.find((candidate) => candidate.path === path);
  return page !== undefined && mayOpen(roles, page);
}

/** The navigation: the pages this user may open, without those of one record (`/werkgevers/:id`). */
export function navigationFor(roles: readonly string[]): PageAccess[] {
  return pagesFor(roles).filter((page) => !page.path.includes(':'));
}
