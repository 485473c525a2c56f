/**
 * Example data for the charts, in each state a reader can meet them: shared by the tests and usable by a review page.
 * The figures are invented; the names are the plan's.
 */
import type { TrendChartProps, TrendSeries } from './trend-chart.js';

/** The areas' employment share against the municipality's, with one hidden value and one missing. */
export const employmentChart: TrendChartProps = {
  id: 'beskaeftigelse',
  title: 'Andel 30-64-årige i beskæftigelse',
  unit: 'percent',
  baseline: { value: 43.7, label: 'Udgangspunkt 2022' },
  municipalityBaseline: { value: 72.4, label: 'Randers Kommune 2022' },
  series: [
    {
      label: 'Gl. Jennumparken',
      emphasis: 'primary',
      points: [
        { label: '2022', start: '2022-01-01', value: 43.7 },
        { label: '2023', start: '2023-01-01', value: 41.2 },
        { label: '2024', start: '2024-01-01', value: 3, suppressed: true },
        { label: '2025', start: '2025-01-01', value: 39.1 },
      ],
    },
    {
      label: 'Randers Kommune',
      emphasis: 'comparison',
      points: [
        { label: '2022', start: '2022-01-01', value: 72.4 },
        { label: '2023', start: '2023-01-01', value: null },
        { label: '2024', start: '2024-01-01', value: 73.1 },
        { label: '2025', start: '2025-01-01', value: 73.9 },
      ],
    },
  ],
};

/** A series of yearly values, one a year from 2022. */
export function yearly(label: string, values: readonly (number | null)[], extra: Partial<TrendSeries> = {}): TrendSeries {
  return {
    label,
    ...extra,
    points: values.map((value, i) => ({ label: String(2022 + i), start: `${2022 + i}-01-01`, value })),
  };
}

/** A count chart with the given series and nothing else. */
export function countChart(...series: TrendSeries[]): TrendChartProps {
  return { id: 'antal', title: 'Antal unge i fritidsjob', unit: 'count', series };
}
