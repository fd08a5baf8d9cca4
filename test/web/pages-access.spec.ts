import { AUTHORIZATION_MATRIX } from '@test/authorization/matrix';
import { ALL_ROLES, mayOpen, navigationFor, PAGES, pagesFor } from '../../web/src/app/access';

describe('the web app’s pages × roles', () => {
  it.each(PAGES.map((page) => [page.path, page] as const))(
    '%s is open to exactly the roles the API allows for the call it stands on',
    (_path, page) => {
      const row = AUTHORIZATION_MATRIX.find((entry) => `${entry.method} ${entry.path}` === page.endpoint);
      expect(row).toBeDefined();
      const allowed = row!.access === 'public' ? ALL_ROLES : row!.access;
      expect([...page.roles].sort()).toEqual([...allowed].sort());
    },
  );

  it('shows a matcher no administration, and an administrator both administration pages', () => {
    expect(navigationFor(['MATCHER']).map((page) => page.path)).toEqual([
      '/',
      '/werkgevers',
      '/vacatures',
      '/rapportage/dashboard',
      '/nazorg/weer-oppakken',
    ]);
    expect(navigationFor(['ADMIN']).map((page) => page.path)).toEqual([
      '/',
      '/werkgevers',
      '/vacatures',
      '/vacatures/nieuw',
      '/rapportage/dashboard',
      '/rapportage/doelen',
      '/rapportage/plaatsingen',
      '/nazorg/bellijst',
      '/nazorg/bellen',
      '/nazorg/weer-oppakken',
      '/beheer/eenheden',
      '/beheer/gebruikers',
    ]);
    const users = PAGES.find((page) => page.path === '/beheer/gebruikers')!;
    expect(mayOpen(['SALES', 'ADMIN'], users)).toBe(true);
    expect(mayOpen(['SALES'], users)).toBe(false);
  });

  it('gives a manager targets and the register, an adviser the register only, and the wall board no menu entry', () => {
    expect(navigationFor(['MANAGER']).map((page) => page.path)).toEqual([
      '/',
      '/werkgevers',
      '/vacatures',
      '/rapportage/dashboard',
      '/rapportage/doelen',
      '/rapportage/plaatsingen',
    ]);
    expect(navigationFor(['ADVISER']).map((page) => page.path)).toEqual([
      '/',
      '/rapportage/dashboard',
      '/rapportage/plaatsingen',
      '/nazorg/weer-oppakken',
    ]);
    const wallBoard = PAGES.find((page) => page.path === '/muurbord/:unitId')!;
    expect(mayOpen(['SALES'], wallBoard)).toBe(true);
    expect(pagesFor(['SALES']).map((page) => page.path)).not.toContain('/muurbord/:unitId');
  });

  it('keeps the pages of one record (an employer, a vacancy) out of the navigation but open to their roles', () => {
    expect(pagesFor(['SALES']).map((page) => page.path)).toContain('/werkgevers/:id');
    expect(navigationFor(['SALES']).map((page) => page.path)).toEqual([
      '/',
      '/werkgevers',
      '/vacatures',
      '/vacatures/nieuw',
      '/rapportage/dashboard',
    ]);
  });
});
