/**
 * How the lines of a chart look. Each series differs from the others in three ways: colour, dash pattern and point
 * marker, so that a reader who does not see colour, or holds a black-and-white print, still tells them apart (WCAG
 * 1.4.1). Every colour has at least 3:1 contrast against white (WCAG 1.4.11); most have far more.
 */
import { r1 } from './chart-scales.js';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross';

export interface SeriesStyle {
  colour: string;
  /** An SVG stroke-dasharray, or null for a solid line. */
  dash: string | null;
  marker: MarkerShape;
  /** Line width in user units. */
  width: number;
}

/**
 * The styles in the order series get them. The first is the primary series' (DKFDS's blue, solid, the widest line),
 * the second the comparison's (dark grey, dashed). Colours and their contrast against white: #0059B3 6,8:1,
 * #3D3D3D 10,9:1, #B3401E 5,7:1, #6A3D9A 7,6:1, #00756F 5,6:1, #8A5A00 5,9:1.
 */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#0059B3', dash: null, marker: 'circle', width: 3 },
  { colour: '#3D3D3D', dash: '8 4', marker: 'square', width: 2 },
  { colour: '#B3401E', dash: '2 4', marker: 'triangle', width: 2 },
  { colour: '#6A3D9A', dash: '10 3 2 3', marker: 'diamond', width: 2 },
  { colour: '#00756F', dash: '16 4', marker: 'triangle-down', width: 2 },
  { colour: '#8A5A00', dash: '10 3 2 3 2 3', marker: 'cross', width: 2 },
];

const PRIMARY = 0;
const COMPARISON = 1;

/**
 * A style per series, in the series' order: a primary series gets the primary style and a comparison series the
 * comparison style when still free; every other series the first style not yet taken. Beyond six series the styles
 * repeat (a chart with that many lines is not readable anyway; a table is the better choice).
 */
export function assignStyles(series: readonly { emphasis?: 'primary' | 'comparison' | undefined }[]): SeriesStyle[] {
  const taken = new Set<number>();
  const chosen: (number | undefined)[] = series.map(() => undefined);
  const claim = (i: number, wanted: number) => {
    if (!taken.has(wanted)) {
      taken.add(wanted);
      chosen[i] = wanted;
    }
  };
  series.forEach((s, i) => {
    if (s.emphasis === 'primary') claim(i, PRIMARY);
  });
  series.forEach((s, i) => {
    if (s.emphasis === 'comparison') claim(i, COMPARISON);
  });
  let next = 0;
  return series.map((_, i) => {
    let index = chosen[i];
    if (index === undefined) {
      while (taken.has(next % SERIES_STYLES.length) && taken.size < SERIES_STYLES.length) next++;
      index = next % SERIES_STYLES.length;
      taken.add(index);
      next++;
    }
    return SERIES_STYLES[index] as SeriesStyle;
  });
}

/**
 * An SVG path for a marker centred on (x, y), about 2 × size across. Shapes with corners are drawn a little larger
 * than the circle so that they look the same size.
 */
export function markerPath(shape: Exclude<MarkerShape, 'circle'>, x: number, y: number, size: number): string {
  const p = (dx: number, dy: number) => `${r1(x + dx)} ${r1(y + dy)}`;
  const s = size;
  switch (shape) {
    case 'square':
      return `M${p(-s * 0.9, -s * 0.9)}H${r1(x + s * 0.9)}V${r1(y + s * 0.9)}H${r1(x - s * 0.9)}Z`;
    case 'triangle':
      return `M${p(0, -s * 1.2)}L${p(s * 1.1, s * 0.8)}L${p(-s * 1.1, s * 0.8)}Z`;
    case 'triangle-down':
      return `M${p(0, s * 1.2)}L${p(s * 1.1, -s * 0.8)}L${p(-s * 1.1, -s * 0.8)}Z`;
    case 'diamond':
      return `M${p(0, -s * 1.25)}L${p(s * 1.1, 0)}L${p(0, s * 1.25)}L${p(-s * 1.1, 0)}Z`;
    case 'cross': {
      const a = s * 0.35;
      const b = s * 1.1;
      return `M${p(-a, -b)}H${r1(x + a)}V${r1(y - a)}H${r1(x + b)}V${r1(y + a)}H${r1(x + a)}V${r1(y + b)}H${r1(x - a)}V${r1(y + a)}H${r1(x - b)}V${r1(y - a)}H${r1(x - a)}Z`;
    }
  }
}
