/**
 * A word-sized line for a dashboard cell: the shape of a development, with its figures said in the accessible name.
 * Values are spaced evenly (a sparkline shows the order of measurements, not their dates) and scaled to their own
 * range, so that a small change is visible; the cell beside it should show the latest value itself.
 */
import { describeChange, formatValue, r1, type ChartUnit } from './chart-scales.js';
import { SERIES_STYLES } from './series-styles.js';

export interface SparklineProps {
  /** In time order; null where a period has no value (or a hidden one), which breaks the line. */
  values: readonly (number | null)[];
  /** What the values are, e.g. «Gl. Jennumparken, beskæftigelse»; starts the accessible name. */
  label: string;
  id: string;
  /** How values are written in the accessible name; without it, plain numbers. */
  unit?: ChartUnit;
}

const WIDTH = 80;
const HEIGHT = 20;
/** Room for the end dot and the line's width, so that neither is cut at the edge. */
const PAD = 2.5;
const COLOUR = (SERIES_STYLES[0] as { colour: string }).colour;

/** «Gl. Jennumparken: fra 43,7 % til 39,1 %, et fald på 4,6 procentpoint (4 målinger)». */
function sparklineLabel(label: string, shown: readonly number[], unit: ChartUnit | undefined): string {
  // Without a unit, values are plain numbers, written as counts are.
  const as = unit ?? 'count';
  const first = shown[0] as number;
  const last = shown[shown.length - 1] as number;
  if (shown.length === 1) return `${label}: ${formatValue(first, as)} (én måling)`;
  return `${label}: fra ${formatValue(first, as)} til ${formatValue(last, as)}, ${describeChange(first, last, as)} (${shown.length} målinger)`;
}

/** The sparkline, or «Ingen data endnu» when there is no value. */
export function Sparkline(props: SparklineProps) {
  const shown: number[] = [];
  let low = Infinity;
  let high = -Infinity;
  let lastIndex = -1;
  props.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    shown.push(v);
    if (v < low) low = v;
    if (v > high) high = v;
    lastIndex = i;
  });
  if (shown.length === 0) return <span class="helhed-sparkline-empty">Ingen data endnu</span>;

  const n = props.values.length;
  const x = (i: number) => r1(n === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (n - 1));
  const y = (v: number) => r1(high === low ? HEIGHT / 2 : HEIGHT - PAD - ((v - low) / (high - low)) * (HEIGHT - 2 * PAD));
  let d = '';
  let run: string[] = [];
  // A value alone between gaps is a dot: a zero-length segment with round caps.
  const flush = () => {
    if (run.length === 1) d += `M${run[0]}h0`;
    else if (run.length > 1) d += `M${run.join('L')}`;
    run = [];
  };
  props.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) flush();
    else run.push(`${x(i)} ${y(v)}`);
  });
  flush();
  const last = props.values[lastIndex] as number;

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      id={props.id}
      class="helhed-sparkline"
      role="img"
      aria-label={sparklineLabel(props.label, shown, props.unit)}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      preserveAspectRatio="xMidYMid meet"
    >
      {d ? <path d={d} fill="none" stroke={COLOUR} stroke-width={1.5} stroke-linejoin="round" stroke-linecap="round" /> : null}
      <circle cx={x(lastIndex)} cy={y(last)} r={2.5} fill={COLOUR} />
    </svg>
  );
}
