import { AUTHORIZATION_MATRIX } from '@test/authorization/matrix';
import { ALL_ROLES, mayOpen, navigationFor, PAGES, pagesFor } from '../../web/src/app/access';

const pathsOf = (pages: Array<{ path: string }>) => pages.map((page) => page.path);

describe('the web app’s pages × roles', () => {
  it.each(PAGES.map((page) => [page.path, page] as const))(
    '%s is open to exactly the roles the API allows for the call it stands on',
    (_path, page) => {
      const row = AUTHORIZATION_MATRIX.find((entry) => `${entry.method} ${entry.path}` === page.endpoint);
      expect(row).toBeDefined();
      const allowed = row!.access === 'public' ? ALL_ROLES : row!.access;
      expect([...page.roles].sort()).toEqual([...allowed].sort());
      expect((page as { organisations?: unknown }).organisations).toEqual(row!.organisations);
    },
  );

  it('offers the selection and the meetings to the team’s advisers (UWV, staffing firm), not to a municipal adviser', () => {
    const meetings = (organisation: string) =>
      pathsOf(navigationFor(['ADVISER'], organisation)).filter((path) =>
        ['/max-ww', '/max-ww/bijeenkomsten'].includes(path),
      );
    expect(meetings('UWV')).toEqual(['/max-ww', '/max-ww/bijeenkomsten']);
    expect(meetings('STAFFING_FIRM')).toEqual(['/max-ww', '/max-ww/bijeenkomsten']);
    expect(meetings('MUNICIPALITY')).toEqual([]);
    expect(pathsOf(navigationFor(['ADMIN'], 'MUNICIPALITY'))).toContain('/max-ww');
    expect(pathsOf(navigationFor(['ADVISER'], 'MUNICIPALITY'))).toContain('/kandidaten');
  });

  it('shows a matcher no administration, and an administrator the administration pages', () => {
    expect(pathsOf(navigationFor(['MATCHER']))).toEqual([
      '/',
      '/vacatures',
      '/werkgevers',
      '/kandidaten',
      '/rapportage/dashboard',
      '/nazorg/weer-oppakken',
    ]);
    expect(pathsOf(navigationFor(['ADMIN']))).toEqual([
      '/',
      '/vacatures',
      '/vacatures/nieuw',
      '/werkgevers',
      '/kandidaten',
      '/kandidaten/nieuw',
      '/kandidaten/inbox',
      '/kandidaten/import',
      '/max-ww',
      '/max-ww/bijeenkomsten',
      '/max-ww/bemiddeling',
      '/max-ww/overdrachten',
      '/rapportage/dashboard',
      '/rapportage/doelen',
      '/rapportage/plaatsingen',
      '/rapportage/max-ww',
      '/nazorg/bellijst',
      '/nazorg/bellen',
      '/nazorg/weer-oppakken',
      '/beheer/eenheden',
      '/beheer/gebruikers',
      '/beheer/geheimhoudingsverklaringen',
    ]);
    const users = PAGES.find((page) => page.path === '/beheer/gebruikers')!;
    expect(mayOpen(['SALES', 'ADMIN'], users)).toBe(true);
    expect(mayOpen(['SALES'], users)).toBe(false);
  });

  it('gives a manager targets and the register, an adviser the candidates and the register, and the wall board no menu entry', () => {
    expect(pathsOf(navigationFor(['MANAGER']))).toEqual([
      '/',
      '/vacatures',
      '/werkgevers',
      '/max-ww/bemiddeling',
      '/rapportage/dashboard',
      '/rapportage/doelen',
      '/rapportage/plaatsingen',
      '/rapportage/max-ww',
    ]);
    expect(pathsOf(navigationFor(['ADVISER']))).toEqual([
      '/',
      '/kandidaten',
      '/kandidaten/nieuw',
      '/kandidaten/inbox',
      '/kandidaten/import',
      '/max-ww/overdrachten',
      '/rapportage/dashboard',
      '/rapportage/plaatsingen',
      '/rapportage/max-ww',
      '/nazorg/weer-oppakken',
    ]);
    // The Max-WW team: advisers of UWV and the staffing firm, not the municipality's.
    expect(pathsOf(navigationFor(['ADVISER'], 'UWV'))).toContain('/max-ww/bemiddeling');
    expect(pathsOf(navigationFor(['ADVISER'], 'STAFFING_FIRM'))).toContain('/max-ww/bemiddeling');
    expect(pathsOf(navigationFor(['ADVISER'], 'MUNICIPALITY'))).not.toContain('/max-ww/bemiddeling');
    const wallBoard = PAGES.find((page) => page.path === '/muurbord/:unitId')!;
    expect(mayOpen(['SALES'], wallBoard)).toBe(true);
    expect(pathsOf(pagesFor(['SALES']))).not.toContain('/muurbord/:unitId');
  });

  it('keeps the pages of one record (an employer, a vacancy, a candidate) out of the navigation but open to their roles', () => {
    expect(pathsOf(pagesFor(['SALES']))).toEqual(
      expect.arrayContaining(['/werkgevers/:id', '/vacatures/:id', '/vacatures/:id/gegevens']),
    );
    expect(pathsOf(navigationFor(['SALES']))).toEqual([
      '/',
      '/vacatures',
      '/vacatures/nieuw',
      '/werkgevers',
      '/rapportage/dashboard',
    ]);
    const candidatePage = PAGES.find((page) => page.path === '/kandidaten/:id')!;
    expect(mayOpen(['ADVISER'], candidatePage)).toBe(true);
    expect(mayOpen(['MATCHER'], candidatePage)).toBe(true);
    expect(mayOpen(['AFTERSALES'], candidatePage)).toBe(false);
    expect(navigationFor(['ADVISER', 'MATCHER', 'MANAGER', 'ADMIN']).some((page) => page.path.includes(':'))).toBe(
      false,
    );
  });
});
