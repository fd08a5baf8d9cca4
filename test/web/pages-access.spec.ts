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
    expect(navigationFor(['MATCHER']).map((page) => page.path)).toEqual(['/', '/werkgevers', '/vacatures']);
    expect(navigationFor(['ADVISER']).map((page) => page.path)).toEqual(['/']);
    expect(navigationFor(['ADMIN']).map((page) => page.path)).toEqual([
      '/',
      '/werkgevers',
      '/vacatures',
      '/vacatures/nieuw',
      '/beheer/eenheden',
      '/beheer/gebruikers',
    ]);
    const gebruikers = PAGES.find((page) => page.path === '/beheer/gebruikers')!;
    expect(mayOpen(['SALES', 'ADMIN'], gebruikers)).toBe(true);
    expect(mayOpen(['SALES'], gebruikers)).toBe(false);
  });

  it('keeps the pages of one record (an employer, a vacancy) out of the navigation but open to their roles', () => {
    expect(pagesFor(['SALES']).map((page) => page.path)).toContain('/werkgevers/:id');
    expect(navigationFor(['SALES']).map((page) => page.path)).toEqual([
      '/',
      '/werkgevers',
      '/vacatures',
      '/vacatures/nieuw',
    ]);
  });
});
