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
    const paths = (roles: string[]) => pagesFor(roles).map((page) => page.path);
    expect(paths(['MATCHER'])).not.toContain('/beheer/eenheden');
    expect(paths(['ADMIN'])).toEqual(expect.arrayContaining(['/', '/beheer/eenheden', '/beheer/gebruikers']));
    const units = PAGES.find((page) => page.path === '/beheer/eenheden')!;
    expect(mayOpen(['SALES', 'ADMIN'], units)).toBe(true);
    expect(mayOpen(['SALES'], units)).toBe(false);
  });

  it('offers an adviser the candidate lists, intake, inbox and import, and no page of one record', () => {
    const adviser = pagesFor(['ADVISER']).map((page) => page.path);
    expect(adviser).toEqual(
      expect.arrayContaining([
        '/kandidaten',
        '/kandidaten/max-ww',
        '/kandidaten/nieuw',
        '/kandidaten/inbox',
        '/kandidaten/import',
      ]),
    );
    expect(adviser.some((path) => path.includes(':'))).toBe(false);
    const candidatePage = PAGES.find((page) => page.path === '/kandidaten/:id')!;
    expect(mayOpen(['ADVISER'], candidatePage)).toBe(true);
    expect(mayOpen(['AFTERSALES'], candidatePage)).toBe(false);
    expect(pagesFor(['MATCHER']).map((page) => page.path)).not.toContain('/kandidaten/nieuw');
  });
});
