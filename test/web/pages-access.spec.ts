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
    const administration = (roles: string[]) =>
      pagesFor(roles)
        .filter((page) => page.section === 'Beheer')
        .map((page) => page.path);
    expect(administration(['MATCHER'])).toEqual([]);
    expect(administration(['ADMIN'])).toEqual(['/beheer/eenheden', '/beheer/gebruikers']);
    expect(mayOpen(['SALES', 'ADMIN'], PAGES[2])).toBe(true);
  });
});
