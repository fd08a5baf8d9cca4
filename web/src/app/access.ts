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

export type Organisation = 'UWV' | 'MUNICIPALITY' | 'STAFFING_FIRM';

export interface PageAccess {
  /** Route path as React Router reads it. */
  path: string;
  /** The page's name in the navigation and the window title. */
  title: string;
  /** Navigation group; undefined: the top group (e.g. the start page). A path with a parameter is never in it. */
  section?: 'Vacatures' | 'Kandidaten' | 'Max-WW' | 'Rapportage' | 'Nazorg' | 'Beheer';
  /** Full screen: no header or navigation around it, and not in the navigation (the wall board). */
  fullScreen?: boolean;
  roles: readonly Role[];
  /** A role that only some organisations may use here (as `organisations` in the API's matrix). */
  organisations?: Partial<Record<Role, readonly Organisation[]>>;
  /** `METHOD /path` of the API call the page stands on, as in the authorization matrix. */
  endpoint: string;
}

/** The Max-WW team: advisers of UWV and the staffing firm (as the API's matrix narrows ADVISER). */
const MAX_WW_TEAM = { ADVISER: ['UWV', 'STAFFING_FIRM'] } as const satisfies PageAccess['organisations'];

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
    roles: ['SALES', 'MATCHER', 'MANAGER', 'ADVISER', 'ADMIN'],
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
  // The Max-WW team's programme (features/maxww): advisers of UWV and the staffing firm.
  {
    path: '/max-ww',
    title: 'Selectie',
    section: 'Max-WW',
    roles: ['ADVISER', 'ADMIN'],
    organisations: MAX_WW_TEAM,
    endpoint: 'GET /api/max-ww/selection',
  },
  {
    path: '/max-ww/bijeenkomsten',
    title: 'Bijeenkomsten',
    section: 'Max-WW',
    roles: ['ADVISER', 'ADMIN'],
    organisations: MAX_WW_TEAM,
    endpoint: 'GET /api/max-ww/meetings',
  },
  {
    path: '/max-ww/bijeenkomsten/:id',
    title: 'Bijeenkomst',
    roles: ['ADVISER', 'ADMIN'],
    organisations: MAX_WW_TEAM,
    endpoint: 'GET /api/max-ww/meetings/{id}',
  },
  // The Max-WW team's mediation (features/maxww).
  {
    path: '/max-ww/bemiddeling',
    title: 'Mijn bemiddeling',
    section: 'Max-WW',
    roles: ['ADVISER', 'MANAGER', 'ADMIN'],
    organisations: MAX_WW_TEAM,
    endpoint: 'GET /api/max-ww/mediations',
  },
  {
    path: '/max-ww/bemiddeling/:id',
    title: 'Bemiddeling',
    roles: ['ADVISER', 'ADMIN'],
    organisations: MAX_WW_TEAM,
    endpoint: 'GET /api/max-ww/mediations/{id}',
  },
  // Max-WW's route out (features/maxww): the hand-overs at the WW's end.
  {
    path: '/max-ww/overdrachten',
    title: 'Overdrachten',
    section: 'Max-WW',
    roles: ['ADVISER', 'ADMIN'],
    endpoint: 'GET /api/max-ww/handovers',
  },
  {
    path: '/max-ww/overdrachten/:id',
    title: 'Overdracht',
    roles: ['ADVISER', 'ADMIN'],
    endpoint: 'GET /api/max-ww/handovers/{id}',
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
    path: '/rapportage/max-ww',
    title: 'Max-WW cohorten',
    section: 'Rapportage',
    roles: ['MANAGER', 'ADVISER', 'ADMIN'],
    endpoint: 'GET /api/reports/max-ww-cohorts',
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

/** A role narrowed to some organisations counts only for a user of one of them (`organisation` given). */
export function mayOpen(roles: readonly string[], page: PageAccess, organisation?: string): boolean {
  return page.roles.some((role) => {
    if (!roles.includes(role)) return false;
    const only = page.organisations?.[role];
    return only === undefined || (organisation !== undefined && only.includes(organisation as Organisation));
  });
}

/** The pages this user may open inside the layout, in table order (full-screen pages are opened by link). */
export function pagesFor(roles: readonly string[], organisation?: string): PageAccess[] {
  return PAGES.filter((page: PageAccess) => !page.fullScreen && mayOpen(roles, page, organisation));
}

/** Whether this user may open the page at `path` (a PAGES path, e.g. '/vacatures/:id'): links show only then. */
export function mayOpenPath(roles: readonly string[], path: PagePath, organisation?: string): boolean {
  const page = PAGES.find((candidate) => candidate.path === path);
  return page !== undefined && mayOpen(roles, page, organisation);
}

/** The navigation: the pages this user may open, without those of one record (`/werkgevers/:id`). */
export function navigationFor(roles: readonly string[], organisation?: string): PageAccess[] {
  return pagesFor(roles, organisation).filter((page) => !page.path.includes(':'));
}
