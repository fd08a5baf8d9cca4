import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ChartSpec } from './Chart';

const Chart = lazy(() => import('./Chart'));

/**
 * A chart loaded after the page: the tables beside it (the same numbers) show at once, and the charting
 * library (about 130 kB gzip) stays out of the dashboard's first load (`npm run bench -- web`).
 */
export function LazyChart(spec: ChartSpec) {
  return (
    <Suspense fallback={<Skeleton h={spec.h ?? 280} />}>
      <Chart {...spec} />
    </Suspense>
  );
}
