import { AUTHORIZATION_MATRIX } from '@test/authorization/matrix';
import { ALL_ROLES, mayOpen, PAGES, pagesFor } from '../../web/src/app/access';

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
    expect(pagesFor(['MATCHER']).map((page) => page.path)).toEqual([
      '/',
      '/vacatures',
      '/kandidaten',
      '/kandidaten/max-ww',
      '/rapportage/dashboard',
      '/nazorg/weer-oppakken',
    ]);
    expect(pagesFor(['ADMIN']).map((page) => page.path)).toEqual([
      '/',
      '/vacatures',
      '/kandidaten',
      '/kandidaten/max-ww',
      '/kandidaten/nieuw',
      '/kandidaten/inbox',
      '/kandidaten/import',
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

  it('gives a manager targets and the register, an adviser the candidates and the register, and the wall board no menu entry', () => {
    expect(pagesFor(['MANAGER']).map((page) => page.path)).toEqual([
      '/',
      '/vacatures',
      '/rapportage/dashboard',
      '/rapportage/doelen',
      '/rapportage/plaatsingen',
    ]);
    expect(pagesFor(['ADVISER']).map((page) => page.path)).toEqual([
      '/',
      '/kandidaten',
      '/kandidaten/max-ww',
      '/kandidaten/nieuw',
      '/kandidaten/inbox',
      '/kandidaten/import',
      '/rapportage/dashboard',
      '/rapportage/plaatsingen',
      '/nazorg/weer-oppakken',
    ]);
    const wallBoard = PAGES.find((page) => page.path === '/muurbord/:unitId')!;
    expect(mayOpen(['SALES'], wallBoard)).toBe(true);
  });

  it('opens a candidate’s own page (:id) from a list only, to the roles of the API call', () => {
    const candidatePage = PAGES.find((page) => page.path === '/kandidaten/:id')!;
    expect(mayOpen(['ADVISER'], candidatePage)).toBe(true);
    expect(mayOpen(['MATCHER'], candidatePage)).toBe(true);
    expect(mayOpen(['AFTERSALES'], candidatePage)).toBe(false);
    expect(pagesFor(['ADVISER', 'MATCHER', 'MANAGER', 'ADMIN']).some((page) => page.path.includes(':'))).toBe(false);
  });
});
