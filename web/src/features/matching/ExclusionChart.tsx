import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

/** The exclusion counts as horizontal bars; its own chunk (recharts is large), loaded after the list. */
export default function ExclusionChart({ data }: { data: Array<{ requirement: string; excluded: number }> }) {
  return (
    <BarChart
      h={Math.max(120, data.length * 34)}
      data={data}
      dataKey="requirement"
      orientation="vertical"
      series={[{ name: 'excluded', label: 'Uitgesloten', color: 'blue.8' }]}
      withBarValueLabel
      gridAxis="none"
      yAxisProps={{ width: 110 }}
      xAxisProps={{ allowDecimals: false }}
      // The table beside the chart carries the numbers for screen readers: the chart is hidden from them,
      // so recharts' keyboard layer (a focusable surface) must go too.
      barChartProps={{ accessibilityLayer: false }}
      aria-hidden
    />
  );
}
