import { Button } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRouteError } from 'react-router';
import { MessagePage } from '@app/pages/MessagePage';
import { describeError } from './messages';

function CrashPage({ error }: { error: unknown }) {
  return (
    <MessagePage
      title="Er ging iets mis"
      action={
        <div>
          <Button onClick={() => window.location.reload()}>Pagina opnieuw laden</Button>
        </div>
      }
    >
      {describeError(error)} Je gegevens zijn niet kwijt: wat al was opgeslagen, staat in de service.
    </MessagePage>
  );
}

/** The router's error element: a page that threw while rendering or loading. */
export function RouteErrorPage() {
  return <CrashPage error={useRouteError()} />;
}

/** Outside the router (providers, the layout itself): never a white screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <CrashPage error={this.state.error} /> : this.props.children;
  }
}
