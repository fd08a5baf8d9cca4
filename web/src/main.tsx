import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { Alert, createTheme, MantineProvider, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from '@app/errors/api-error';
import { ErrorBoundary } from '@app/errors/ErrorBoundary';
import { router } from '@app/routes';
import { SessionProvider } from '@app/session';

const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades than the defaults: white text on them passes WCAG AA contrast.
  primaryShade: 8,
  defaultRadius: 'sm',
  // People who ask their system for less motion get none (WCAG 2.3.3): dialogs and notifications appear at once.
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // An alert's coloured title on its tint falls below AA contrast: the title in the text colour.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Venster sluiten' } } }),
    // Notifications: a named close button, and body text dark enough for AA contrast.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Melding sluiten' } },
      styles: { description: { color: 'var(--mantine-color-gray-8)' } },
    }),
  },
});

/**
 * WCAG AA contrast: Mantine's dimmed grey (gray.6) and the text of its "light" variants (shade 6 on a
 * pale tint) and its error red (red.6) fall below 4.5:1 on white; descriptions use gray.7, errors, light
 * buttons and badges shade 9.
 */
const LIGHT_VARIANT_COLORS = ['blue', 'red', 'teal', 'orange', 'gray', 'green', 'yellow'];
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
    // The hover tint of a light variant (an active menu item under the mouse) was blue.2: 4.0:1 with blue.9.
    '--mantine-primary-color-light-hover': 'var(--mantine-color-blue-1)',
    ...Object.fromEntries(
      LIGHT_VARIANT_COLORS.map((color) => [`--mantine-color-${color}-light-color`, `var(--mantine-color-${color}-9)`]),
    ),
    // Hovered light variants (an active NavLink under the mouse) on shade 2 fall to 4.0:1; shade 1 keeps AA.
    ...Object.fromEntries(
      LIGHT_VARIANT_COLORS.map((color) => [`--mantine-color-${color}-light-hover`, `var(--mantine-color-${color}-1)`]),
    ),
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; a network hiccup might.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </MantineProvider>
  </StrictMode>,
);
