import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { mayOpen, mayOpenPath, PAGES, type PageAccess, type PagePath } from './access';
import { api } from './api-client';
import { RouteErrorPage } from './errors/ErrorBoundary';
import { AppLayout } from './layout/AppLayout';
import { ForbiddenPage, NotFoundPage } from './pages/MessagePage';
import { PageLoader } from './pages/PageLoader';
import { queryKeys } from './query-keys';
import { useSession } from './session';

/** Each page is its own chunk, loaded when first opened: the first load stays small. */
const PAGE_COMPONENTS: Record<PagePath, LazyExoticComponent<ComponentType>> = {
  '/': lazy(() => import('@features/home/HomePage')),
  '/vacatures': lazy(() => import('@features/matching/OpenVacanciesPage')),
  '/vacatures/nieuw': lazy(() => import('@features/sales/VacancyIntakePage')),
  '/werkgevers': lazy(() => import('@features/sales/EmployersPage')),
  '/werkgevers/:id': lazy(() => import('@features/sales/EmployerPage')),
  '/vacatures/:id': lazy(() => import('@features/matching/VacancyPage')),
  '/vacatures/:id/gegevens': lazy(() => import('@features/sales/VacancyPage')),
  '/kandidaten': lazy(() => import('@features/candidates/CandidatesPage')),
  '/kandidaten/nieuw': lazy(() => import('@features/candidates/CandidateIntakePage')),
  '/kandidaten/inbox': lazy(() => import('@features/candidates/InboxPage')),
  '/kandidaten/import': lazy(() => import('@features/candidates/ImportPage')),
  '/kandidaten/:id': lazy(() => import('@features/candidates/CandidatePage')),
  '/kandidaten/:id/vacatures': lazy(() => import('@features/matching/CandidateVacanciesPage')),
  '/rapportage/dashboard': lazy(() => import('@features/reports/DashboardPage')),
  '/rapportage/doelen': lazy(() => import('@features/reports/TargetsPage')),
  '/rapportage/plaatsingen': lazy(() => import('@features/reports/PlacementsRegisterPage')),
  '/muurbord/:unitId': lazy(() => import('@features/reports/WallBoardPage')),
  '/max-ww/overdrachten': lazy(() => import('@features/maxww/HandoversPage')),
  '/max-ww/overdrachten/:id': lazy(() => import('@features/maxww/HandoverPage')),
  '/rapportage/max-ww': lazy(() => import('@features/maxww/MaxWwCohortsPage')),
  '/beheer/eenheden': lazy(() => import('@features/admin/units/UnitsPage')),
  '/beheer/gebruikers': lazy(() => import('@features/admin/users/UsersPage')),
  '/beheer/geheimhoudingsverklaringen': lazy(
    () => import('@features/admin/confidentiality/ConfidentialityStatementsPage'),
  ),
  '/nazorg/bellijst': lazy(() => import('@features/aftersales/CallListPage')),
  '/nazorg/bellen': lazy(() => import('@features/aftersales/CallPage')),
  '/nazorg/weer-oppakken': lazy(() => import('@features/aftersales/PickUpsPage')),
  '/max-ww': lazy(() => import('@features/maxww/SelectionPage')),
  '/max-ww/bijeenkomsten': lazy(() => import('@features/maxww/MeetingsPage')),
  '/max-ww/bijeenkomsten/:id': lazy(() => import('@features/maxww/MeetingPage')),
  '/max-ww/bemiddeling': lazy(() => import('@features/maxww/MediationsPage')),
  '/max-ww/bemiddeling/:id': lazy(() => import('@features/maxww/MediationPage')),
};
const SignInPage = lazy(() => import('@features/auth/SignInPage'));
const SetupPage = lazy(() => import('@features/setup/SetupPage'));

export const SIGN_IN_PATH = '/aanmelden';
export const SETUP_PATH = '/inrichten';

/** Where a signed-out visitor is sent from a page: back there after signing in. */
export interface ReturnState {
  from?: string;
}

/** True while the first-run set-up is open (no user yet); the API answers 410 once it is done. */
export function useSetupOpen(): boolean | undefined {
  const { data } = useQuery({
    queryKey: queryKeys.setup.status,
    queryFn: async () => (await api.GET('/api/setup')).response.ok,
    staleTime: Infinity,
    retry: 1,
  });
  return data;
}

/** A signed-in page in the app's frame (header, navigation), or full screen without it (the wall board). */
function RequireSession({ framed = true }: { framed?: boolean }) {
  const { state } = useSession();
  const location = useLocation();
  const setupOpen = useSetupOpen();
  if (state.status === 'starting' || (state.status === 'signed-out' && setupOpen === undefined)) return <PageLoader />;
  if (state.status === 'signed-out') {
    if (setupOpen) return <Navigate to={SETUP_PATH} replace />;
    // Back to this page after signing in when the session ended or the visitor came by link; after
    // signing out on purpose the next person starts at the start page.
    const from: ReturnState | null = state.signedOut ? null : { from: location.pathname + location.search };
    return <Navigate to={SIGN_IN_PATH} replace state={from} />;
  }
  if (!framed) {
    return (
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    );
  }
  return <AppLayout />;
}

function Page({ page }: { page: PageAccess }) {
  const { state } = useSession();
  useEffect(() => {
    document.title = `${page.title} · Matching`;
  }, [page.title]);
  if (state.status !== 'signed-in') return null;
  if (!mayOpen(state.user.roles, page, state.user.organisation)) return <ForbiddenPage />;
  const Component = PAGE_COMPONENTS[page.path as PagePath];
  return <Component />;
}

/**
 * The old Max-WW list's address: the team's selection for who may open it; for the others who had the
 * list (matchers, advisers outside the team) the candidates filtered on Max-WW, not "Geen toegang".
 */
function OldMaxWwList() {
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  const toSelection = mayOpenPath(state.user.roles, '/max-ww', state.user.organisation);
  return <Navigate to={toSelection ? '/max-ww' : '/kandidaten?maxWw=ja'} replace />;
}

function Standalone() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );
}

const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <Standalone />,
        children: [
          { path: SIGN_IN_PATH, element: <SignInPage /> },
          { path: SETUP_PATH, element: <SetupPage /> },
        ],
      },
      {
        element: <RequireSession framed={false} />,
        children: PAGES.filter((page: PageAccess) => page.fullScreen).map((page) => ({
          path: page.path,
          element: <Page page={page} />,
        })),
      },
      {
        element: <RequireSession />,
        children: [
          ...PAGES.filter((page: PageAccess) => !page.fullScreen).map((page) => ({
            path: page.path,
            element: <Page page={page} />,
          })),
          // The old fixed-window Max-WW list became the team's selection (issue 17): old links still work.
          { path: '/kandidaten/max-ww', element: <OldMaxWwList /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
