/**
 * An indicator's development over time as a line chart, drawn on the server as SVG so that it is the same in the page,
 * on paper and in a PDF, with the same figures as an accessible table beside it (ChartDataTable).
 *
 * The chart is one image to assistive technology (role="img"), named by its title and described by a Danish summary
 * of each series' first and latest value; the table carries every value. Series differ in colour, dash pattern and
 * marker (see series-styles.ts). A value hidden as a small number is never drawn nor written, nor does it widen the
 * value axis; a hollow marker on the time axis with «<5» says that there was one.
 */
import { displayCount, DEFAULT_THRESHOLD } from '../small-numbers.js';
import { dayNumber, describeChange, formatValue, r1, valueAxis, type ChartUnit } from './chart-scales.js';
import { assignStyles, markerPath, type SeriesStyle } from './series-styles.js';

export type { ChartUnit } from './chart-scales.js';

export interface TrendPoint {
  /** The period as shown, e.g. `2024`, `2023/24`, `marts 2025`. */
  label: string;
  /** The period's first day, ISO date: the point's place on the time axis, so that years and months mix correctly. */
  start: string;
  value: number | null;
  /** Hidden as a small number: drawn as «<5» on the time axis, its value never shown. */
  suppressed?: boolean;
}

export interface TrendSeries {
  label: string;
  /** `primary`: the areas' own figures, drawn widest in blue. `comparison`: the municipality or the country. */
  emphasis?: 'primary' | 'comparison';
  points: readonly TrendPoint[];
}

/** A horizontal line at a fixed value, such as the plan's baseline. */
export interface ReferenceLine {
  value: number;
  label: string;
}

export interface TrendChartProps {
  /** The chart's accessible name, e.g. «Andel 30-64-årige i beskæftigelse». Not drawn: the page's heading shows it. */
  title: string;
  /** Said before the generated summary in the chart's description. */
  description?: string;
  unit: ChartUnit;
  series: readonly TrendSeries[];
  baseline?: ReferenceLine;
  municipalityBaseline?: ReferenceLine;
  /** The drawing's width in user units (default 640). The chart always fills its container's width; this sets its proportions. */
  width?: number;
  /** The drawing's height below the legend in user units (default 320); the legend adds its rows above. */
  height?: number;
  /** Unique on the page: the SVG's id, and the start of its title's and description's ids. */
  id: string;
  /** The small-number threshold whose «<5» marks a hidden value; 5 by default (PRODUCT.md "Small numbers"). */
  smallNumberThreshold?: number;
}

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 320;
/** Text size in user units. At the default width the stylesheet never lets the chart be drawn so narrow that this falls under 12 px. */
const FONT = 14;
const SMALL_FONT = 12;
const TEXT_COLOUR = '#1A1A1A';
const GRID_COLOUR = '#D9D9D9';
/** Reference lines: #595959 has 7:1 contrast against white. */
const REFERENCE_COLOUR = '#595959';
const MARKER_SIZE = 4.5;
const HIDDEN_VALUE_STYLE: SeriesStyle = { colour: '#3D3D3D', dash: null, marker: 'circle', width: 2 };
const LEGEND_ROW = 24;
const EMPTY_TEXT = 'Ingen data endnu';

/** An estimate of a text's width, since the server cannot measure the reader's font; generous for IBM Plex Sans and Georgia (print). */
const textWidth = (text: string, size = FONT) => text.length * size * 0.6;

interface PreparedPoint {
  label: string;
  t: number;
  /** Null both for a missing value and for a hidden one: a hidden value goes no further than this. */
  value: number | null;
  suppressed: boolean;
}

interface PreparedSeries {
  label: string;
  emphasis: TrendSeries['emphasis'];
  style: SeriesStyle;
  points: PreparedPoint[];
}

function prepare(series: readonly TrendSeries[]): PreparedSeries[] {
  const styles = assignStyles(series);
  return series.map((s, i) => ({
    label: s.label,
    emphasis: s.emphasis,
    style: styles[i] as SeriesStyle,
    points: s.points
      // A value that is no number (NaN from a failed division upstream) is drawn as missing rather than breaking the chart.
      .map((p) => ({ label: p.label, t: dayNumber(p.start), value: p.suppressed || !Number.isFinite(p.value) ? null : p.value, suppressed: p.suppressed === true }))
      .sort((a, b) => a.t - b.t),
  }));
}

/** Whether there is anything to draw: a value, or a value hidden as a small number (which still says that data exist). */
function hasData(series: readonly PreparedSeries[]): boolean {
  return series.some((s) => s.points.some((p) => p.value !== null || p.suppressed));
}

/** A series in words: «Gl. Jennumparken: fra 43,7 % (2022) til 39,1 % (2025), et fald på 4,6 procentpoint.» */
function summariseSeries(s: PreparedSeries, unit: ChartUnit): string {
  const shown = s.points.filter((p) => p.value !== null) as (PreparedPoint & { value: number })[];
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (!first || !last) return `${s.label}: ingen viste værdier.`;
  const at = (p: PreparedPoint & { value: number }) => `${formatValue(p.value, unit)} (${p.label})`;
  if (first === last) return `${s.label}: ${at(first)}, kun én måling.`;
  return `${s.label}: fra ${at(first)} til ${at(last)}, ${describeChange(first.value, last.value, unit)}.`;
}

function describeChart(props: TrendChartProps, series: readonly PreparedSeries[]): string {
  const parts: string[] = [];
  if (props.description) parts.push(props.description.trim());
  for (const s of series) parts.push(summariseSeries(s, props.unit));
  const references = [props.baseline, props.municipalityBaseline].filter((r): r is ReferenceLine => r !== undefined);
  if (references.length > 0) {
    parts.push(`Vandret linje for ${references.map((r) => `${r.label}: ${formatValue(r.value, props.unit)}`).join(' og ')}.`);
  }
  const hidden = series.reduce((n, s) => n + s.points.filter((p) => p.suppressed).length, 0);
  if (hidden > 0) {
    const threshold = displayCount({ shown: false, reason: 'small' }, props.smallNumberThreshold ?? DEFAULT_THRESHOLD);
    parts.push(`${hidden === 1 ? '1 værdi vises' : `${hidden} værdier vises`} ikke af hensyn til små tal (${threshold}).`);
  }
  return parts.join(' ');
}

interface LegendItem {
  text: string;
  style: SeriesStyle;
  hollow: boolean;
  x: number;
  row: number;
}

/** Legend items left to right, wrapping onto a new row when the next would not fit. */
function layoutLegend(entries: readonly { text: string; style: SeriesStyle; hollow: boolean }[], left: number, right: number): { items: LegendItem[]; rows: number } {
  const items: LegendItem[] = [];
  let x = left;
  let row = 0;
  for (const e of entries) {
    const w = 36 + textWidth(e.text);
    if (x > left && x + w > right) {
      row++;
      x = left;
    }
    items.push({ ...e, x: r1(x), row });
    x += w + 20;
  }
  return { items, rows: row + 1 };
}

function Marker(props: { style: SeriesStyle; x: number; y: number; hollow?: boolean; class?: string }) {
  const { style, hollow } = props;
  const paint = hollow
    ? { fill: '#FFFFFF', stroke: style.colour, 'stroke-width': 2 }
    : { fill: style.colour, stroke: '#FFFFFF', 'stroke-width': 1 };
  const size = style.width > 2 ? MARKER_SIZE + 0.5 : MARKER_SIZE;
  if (style.marker === 'circle') return <circle class={props.class} cx={r1(props.x)} cy={r1(props.y)} r={size} {...paint} />;
  return <path class={props.class} d={markerPath(style.marker, props.x, props.y, size)} {...paint} />;
}

/** Text with a white halo, so that it stays legible where it crosses a line or a grid line. */
const HALO = { stroke: '#FFFFFF', 'stroke-width': 4, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;

/** Which of the time axis' labels to write: every k-th counted back from the latest, with k as small as fits. */
function chooseTimeLabels(labels: readonly { x: number; text: string }[], minX: number, maxX: number): { x: number; text: string }[] {
  const placed = labels.map((l) => {
    const w = textWidth(l.text);
    const x = Math.min(Math.max(l.x, minX + w / 2), maxX - w / 2);
    return { x, text: l.text, w };
  });
  for (let k = 1; k <= placed.length; k++) {
    const chosen = placed.filter((_, i) => (placed.length - 1 - i) % k === 0);
    const fits = chosen.every((l, i) => {
      const next = chosen[i + 1];
      return next === undefined || l.x + l.w / 2 + 8 <= next.x - next.w / 2;
    });
    if (fits) return chosen;
  }
  return placed.slice(-1);
}

/**
 * The chart. With no values at all it says «Ingen data endnu» instead. The SVG fills its container's width and keeps
 * its proportions; put it inside the page's flow, with ChartDataTable (in a <details> element, if space is short).
 */
export function TrendChart(props: TrendChartProps) {
  const series = prepare(props.series);
  if (!hasData(series)) return <p class="helhed-chart-empty">{EMPTY_TEXT}</p>;

  const width = props.width ?? DEFAULT_WIDTH;
  const drawingHeight = props.height ?? DEFAULT_HEIGHT;
  const { unit } = props;
  const threshold = displayCount({ shown: false, reason: 'small' }, props.smallNumberThreshold ?? DEFAULT_THRESHOLD);
  const references = [props.baseline, props.municipalityBaseline].filter((r): r is ReferenceLine => r !== undefined);
  const anySuppressed = series.some((s) => s.points.some((p) => p.suppressed));

  // Legend, across the top.
  const legendEntries = series.map((s) => ({ text: s.label, style: s.style, hollow: false }));
  // A hollow marker without a line: what a hidden value looks like on the time axis.
  if (anySuppressed) legendEntries.push({ text: `${threshold}: skjult (små tal)`, style: HIDDEN_VALUE_STYLE, hollow: true });
  const legend = layoutLegend(legendEntries, 8, width - 8);
  const legendHeight = legend.rows * LEGEND_ROW + 8;
  const totalHeight = legendHeight + drawingHeight;

  // Value axis: shown values and reference lines only; hidden values are already null.
  const values = series.flatMap((s) => s.points.flatMap((p) => (p.value === null ? [] : [p.value])));
  const axis = valueAxis([...values, ...references.map((r) => r.value)], unit);
  const tickLabels = axis.ticks.map((t) => formatValue(t, unit));
  const plotLeft = Math.max(40, Math.max(...tickLabels.map((t) => textWidth(t))) + 16);
  const plotRight = width - 12;
  const plotTop = legendHeight + 14;
  const plotBottom = totalHeight - 40;
  const y = (v: number) => plotBottom - ((v - axis.min) / (axis.max - axis.min)) * (plotBottom - plotTop);

  // Time axis: every period of every series (also those without a value), placed by its first day.
  const firstLabelAt = new Map<number, string>();
  const byEmphasis = [...series].sort((a, b) => Number(b.emphasis === 'primary') - Number(a.emphasis === 'primary'));
  for (const s of byEmphasis) for (const p of s.points) if (!firstLabelAt.has(p.t)) firstLabelAt.set(p.t, p.label);
  const times = [...firstLabelAt.keys()].sort((a, b) => a - b);
  const tMin = times[0] as number;
  const tMax = times[times.length - 1] as number;
  const inset = 20;
  const x = (t: number) => (tMax === tMin ? (plotLeft + plotRight) / 2 : plotLeft + inset + ((t - tMin) / (tMax - tMin)) * (plotRight - plotLeft - 2 * inset));
  const timeLabels = chooseTimeLabels(
    times.map((t) => ({ x: x(t), text: firstLabelAt.get(t) as string })),
    0,
    width,
  );

  // Hidden values: stacked upwards from the time axis where several series hide a value for the same period.
  const suppressedAt = new Map<number, SeriesStyle[]>();
  for (const s of series) for (const p of s.points) if (p.suppressed) suppressedAt.set(p.t, [...(suppressedAt.get(p.t) ?? []), s.style]);

  // Reference lines are labelled on the line itself, where the label covers no point (see placeReferenceLabels).
  const obstacles: Box[] = [];
  for (const s of series) for (const p of s.points) if (p.value !== null) obstacles.push(around(x(p.t), y(p.value), MARKER_SIZE + 3));
  for (const [t, hidden] of suppressedAt) obstacles.push({ left: x(t) - 12, top: plotBottom - (hidden.length - 1) * 14 - 24, right: x(t) + 12, bottom: plotBottom + 8 });
  const referenceYs = references.map((r) => y(r.value));
  const referenceLabels = placeReferenceLabels(
    references.map((r, i) => ({ text: `${r.label}: ${formatValue(r.value, unit)}`, y: referenceYs[i] as number })),
    plotLeft,
    plotRight,
    obstacles,
  );

  // The primary series is drawn last, on top of the others.
  const drawOrder = [...series].sort((a, b) => Number(a.emphasis === 'primary') - Number(b.emphasis === 'primary'));

  return (
    // The frame scrolls on a narrow screen (see helhed.css) and so takes keyboard focus, as DKFDS's table does (WCAG 2.1.1).
    <div class="helhed-chart-frame" tabIndex={0}>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        id={props.id}
        class="helhed-chart"
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        viewBox={`0 0 ${width} ${r1(totalHeight)}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        font-size={FONT}
        fill={TEXT_COLOUR}
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{describeChart(props, series)}</desc>
        <g class="helhed-chart-legend">
          {legend.items.map((item) => {
            const cy = 8 + item.row * LEGEND_ROW + LEGEND_ROW / 2;
            return (
              <g>
                {!item.hollow ? (
                  <line x1={item.x} y1={cy} x2={r1(item.x + 28)} y2={cy} stroke={item.style.colour} stroke-width={item.style.width} stroke-dasharray={item.style.dash ?? undefined} />
                ) : null}
                <Marker style={item.style} x={item.x + 14} y={cy} hollow={item.hollow} />
                <text x={r1(item.x + 36)} y={cy + 5}>
                  {item.text}
                </text>
              </g>
            );
          })}
        </g>
        <g class="helhed-chart-value-axis">
          {axis.ticks.map((tick, i) => (
            <g>
              <line x1={plotLeft} y1={r1(y(tick))} x2={plotRight} y2={r1(y(tick))} stroke={GRID_COLOUR} stroke-width={1} />
              <text x={plotLeft - 8} y={r1(y(tick) + 5)} text-anchor="end">
                {tickLabels[i]}
              </text>
            </g>
          ))}
        </g>
        <g class="helhed-chart-time-axis">
          <line x1={plotLeft} y1={r1(plotBottom)} x2={plotRight} y2={r1(plotBottom)} stroke={TEXT_COLOUR} stroke-width={1} />
          <path d={times.map((t) => `M${r1(x(t))} ${r1(plotBottom)}v5`).join('')} stroke={TEXT_COLOUR} stroke-width={1} />
          {timeLabels.map((l) => (
            <text x={r1(l.x)} y={r1(plotBottom + 24)} text-anchor="middle">
              {l.text}
            </text>
          ))}
        </g>
        {references.map((r, i) => (
          <g class="helhed-chart-reference">
            <line
              x1={plotLeft}
              y1={r1(referenceYs[i] as number)}
              x2={plotRight}
              y2={r1(referenceYs[i] as number)}
              stroke={REFERENCE_COLOUR}
              stroke-width={1.5}
              stroke-dasharray={i === 1 ? '6 2 2 2' : undefined}
            />
            <text x={r1((referenceLabels[i] as PlacedLabel).x)} y={r1((referenceLabels[i] as PlacedLabel).y)} text-anchor={(referenceLabels[i] as PlacedLabel).anchor} {...HALO}>
              {(referenceLabels[i] as PlacedLabel).text}
            </text>
          </g>
        ))}
        {drawOrder.map((s) => (
          <g class="helhed-chart-series">
            <path
              class="helhed-chart-line"
              d={linePath(s.points, x, y)}
              fill="none"
              stroke={s.style.colour}
              stroke-width={s.style.width}
              stroke-dasharray={s.style.dash ?? undefined}
              stroke-linejoin="round"
            />
            {s.points.map((p) => (p.value === null ? null : <Marker class="helhed-chart-point" style={s.style} x={x(p.t)} y={y(p.value)} />))}
          </g>
        ))}
        {[...suppressedAt].map(([t, hidden]) => (
          <g class="helhed-chart-suppressed">
            {hidden.map((h, k) => (
              <Marker style={h} x={x(t)} y={plotBottom - k * 14} hollow />
            ))}
            <text x={r1(x(t))} y={r1(plotBottom - (hidden.length - 1) * 14 - 10)} text-anchor="middle" font-size={SMALL_FONT} {...HALO}>
              {threshold}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const around = (cx: number, cy: number, r: number): Box => ({ left: cx - r, top: cy - r, right: cx + r, bottom: cy + r });
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Where each reference line's label goes: the first place along the line (right, left, middle, quarters; above, then
 * below it) where it covers no point, no other label and no other reference line, which would make it unclear which
 * line it names. A baseline often equals the first value, so no one place is
 * always free. When none is, the place covering fewest points and never another label if it can; a line through a
 * label stays legible thanks to the halo.
 */
function placeReferenceLabels(labels: readonly { text: string; y: number }[], left: number, right: number, points: readonly Box[]): PlacedLabel[] {
  const placed: Box[] = [];
  return labels.map((l) => {
    const w = textWidth(l.text);
    const candidates: PlacedLabel[] = [];
    for (const [x, anchor] of [
      [right - 4, 'end'],
      [left + 4, 'start'],
      [(left + right) / 2, 'middle'],
      [left + (right - left) / 4, 'middle'],
      [left + ((right - left) * 3) / 4, 'middle'],
    ] as const) {
      candidates.push({ text: l.text, x, anchor, y: l.y - 6 }, { text: l.text, x, anchor, y: l.y + FONT + 2 });
    }
    const box = (c: PlacedLabel): Box => {
      const start = c.anchor === 'end' ? c.x - w : c.anchor === 'middle' ? c.x - w / 2 : c.x;
      return { left: start, top: c.y - FONT * 0.8, right: start + w, bottom: c.y + FONT * 0.25 };
    };
    const cost = (c: PlacedLabel) => {
      const b = box(c);
      const crossed = labels.filter((o) => o !== l && o.y > b.top - 2 && o.y < b.bottom + 2).length;
      return 100 * placed.filter((o) => overlaps(b, o)).length + 50 * crossed + points.filter((o) => overlaps(b, o)).length;
    };
    let best = candidates[0] as PlacedLabel;
    let bestCost = cost(best);
    for (const c of candidates.slice(1)) {
      if (bestCost === 0) break;
      const k = cost(c);
      if (k < bestCost) [best, bestCost] = [c, k];
    }
    placed.push(box(best));
    return best;
  });
}

/** A line through the values, broken where a value is missing or hidden. */
function linePath(points: readonly PreparedPoint[], x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let run: string[] = [];
  // A value alone between gaps is its marker only: a segment needs two ends.
  const flush = () => {
    if (run.length > 1) d += `M${run.join('L')}`;
    run = [];
  };
  for (const p of points) {
    if (p.value === null) flush();
    else run.push(`${r1(x(p.t))} ${r1(y(p.value))}`);
  }
  flush();
  return d;
}

export type ChartDataTableProps = Pick<TrendChartProps, 'title' | 'unit' | 'series' | 'baseline' | 'municipalityBaseline' | 'smallNumberThreshold'> & {
  /** The scroll box's id; TrendChart's props can be passed as they are (its id then gets «-tabel»). */
  id?: string;
};

/**
 * The chart's figures as a DKFDS table: a row per period, a column per series, reference lines in the footer. Hidden
 * values show «<5», missing ones «–». Like DKFDS's table macro, the scroll box takes keyboard focus so that a table
 * wider than a phone can be scrolled without a mouse (WCAG 2.1.1).
 */
export function ChartDataTable(props: ChartDataTableProps) {
  const series = prepare(props.series);
  if (!hasData(series)) return <p class="helhed-chart-empty">{EMPTY_TEXT}</p>;
  const threshold = displayCount({ shown: false, reason: 'small' }, props.smallNumberThreshold ?? DEFAULT_THRESHOLD);
  // A period is its first day and its label: a year and its January both start on 1 January and are different rows.
  const rows = new Map<string, { label: string; t: number }>();
  for (const s of series) for (const p of s.points) if (!rows.has(`${p.t}|${p.label}`)) rows.set(`${p.t}|${p.label}`, { label: p.label, t: p.t });
  const periods = [...rows.values()].sort((a, b) => a.t - b.t);
  const cell = (s: PreparedSeries, period: { label: string; t: number }) => {
    const p = s.points.find((q) => q.t === period.t && q.label === period.label);
    if (!p) return '–';
    if (p.suppressed) return threshold;
    return p.value === null ? '–' : formatValue(p.value, props.unit);
  };
  const references = [props.baseline, props.municipalityBaseline].filter((r): r is ReferenceLine => r !== undefined);
  return (
    <div class="table--responsive-scroll" tabIndex={0} id={props.id === undefined ? undefined : `${props.id}-tabel`}>
      <table class="table table--compact">
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">Periode</th>
            {series.map((s) => (
              <th scope="col" class="align-text-right">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => (
            <tr>
              <th scope="row">{period.label}</th>
              {series.map((s) => (
                <td class="align-text-right">{cell(s, period)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {references.length > 0 ? (
          <tfoot>
            {references.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td colSpan={series.length}>{formatValue(r.value, props.unit)}</td>
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
