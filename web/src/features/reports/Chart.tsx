import '@mantine/charts/styles.css';
import {
  BarChart,
  CompositeChart,
  LineChart,
  type BarChartProps,
  type CompositeChartProps,
  type LineChartProps,
} from '@mantine/charts';

/** A dashboard chart by kind; its own chunk (recharts is most of the dashboard's weight), see LazyChart. */
export type ChartSpec =
  | ({ kind: 'bar' } & BarChartProps)
  | ({ kind: 'line' } & LineChartProps)
  | ({ kind: 'composite' } & CompositeChartProps);

export default function Chart(spec: ChartSpec) {
  switch (spec.kind) {
    case 'bar': {
      const { kind: _kind, ...props } = spec;
      return <BarChart {...props} />;
    }
    case 'line': {
      const { kind: _kind, ...props } = spec;
      return <LineChart {...props} />;
    }
    case 'composite': {
      const { kind: _kind, ...props } = spec;
      return <CompositeChart {...props} />;
    }
  }
}
