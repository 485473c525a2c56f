/**
 * A milestone plan as a timeline, drawn on the server as SVG so that it is the same in the page, on paper and in a
 * report's PDF: months along the axis, one row per milestone with its title on the left and a mark at its due date,
 * and a dashed line for today. `milestoneTimelineSvg` gives the same drawing as a string for the reports.
 *
 * A mark's state is told by its shape and a word beside it, never by colour alone (WCAG 1.4.1): a square for
 * «forsinket», a triangle for «i risiko», a circle for done (with «færdig for sent» written when late), a diamond for an
 * open milestone on track (hollow when not started) and a hollow circle for «udgået». The legend above says so. The
 * drawing is one image to assistive technology (role="img"), named by its title and described by a Danish summary;
 * the page's table beside it carries every milestone in words.
 */
import { render } from 'preact-render-to-string';
import { parseIsoDate } from '../time/copenhagen.js';
import { daysBetween } from '../time/working-days.js';
import type { MilestoneFlag, MilestoneStatus } from './milestones.js';

export interface TimelineMilestone {
  title: string;
  /** ISO date. */
  dueDate: string;
  status: MilestoneStatus;
  flag: MilestoneFlag | null;
}

export interface MilestoneTimelineProps {
  /** Unique on the page: the SVG's id, and the start of its title's and description's ids. */
  id: string;
  /** The accessible name, e.g. «Milepælsplan for Beskæftigelse». */
  title: string;
  /** ISO date of today, drawn as a dashed line when within the axis. */
  today: string;
  milestones: readonly TimelineMilestone[];
  /** Drawing width in user units (default 760); the drawing fills its container's width. */
  width?: number;
}

/** How a milestone is drawn: shape, colours and the word written beside it (null: the shape says it all). */
export type MarkKind = 'forsinket' | 'i risiko' | 'færdig for sent' | 'færdig' | 'udgået' | 'i gang' | 'ikke startet';

interface MarkStyle {
  shape: 'square' | 'triangle' | 'circle' | 'diamond';
  fill: string;
  stroke: string;
  word: string | null;
  legend: string;
}

// Colours with at least 4.5:1 contrast against white, so marks and words read on screen and in greyscale print alike.
const MARKS: Record<MarkKind, MarkStyle> = {
  forsinket: { shape: 'square', fill: '#B51F24', stroke: '#B51F24', word: 'forsinket', legend: 'Forsinket' },
  'i risiko': { shape: 'triangle', fill: '#A04A00', stroke: '#A04A00', word: 'i risiko', legend: 'I risiko' },
  'færdig for sent': { shape: 'circle', fill: '#1E6B30', stroke: '#A04A00', word: 'færdig for sent', legend: 'Færdig for sent' },
  færdig: { shape: 'circle', fill: '#1E6B30', stroke: '#1E6B30', word: null, legend: 'Færdig' },
  udgået: { shape: 'circle', fill: '#FFFFFF', stroke: '#595959', word: 'udgået', legend: 'Udgået' },
  'i gang': { shape: 'diamond', fill: '#004993', stroke: '#004993', word: null, legend: 'I gang' },
  'ikke startet': { shape: 'diamond', fill: '#FFFFFF', stroke: '#004993', word: null, legend: 'Ikke startet' },
};

const LEGEND_ORDER: MarkKind[] = ['forsinket', 'i risiko', 'ikke startet', 'i gang', 'færdig', 'færdig for sent', 'udgået'];

const DEFAULT_WIDTH = 760;
const FONT = 13;
const SMALL_FONT = 12;
const ROW = 26;
const LEGEND_HEIGHT = 30;
const AXIS_HEIGHT = 26;
const LABEL_WIDTH = 290;
const RIGHT_MARGIN = 110;
const MARK = 6;
const TEXT = '#1A1A1A';
const GRID = '#D9D9D9';
const TODAY_COLOUR = '#595959';

const monthLabel = new Intl.DateTimeFormat('da-DK', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const danishDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const r1 = (n: number) => Math.round(n * 10) / 10;
/** An estimate, since the server cannot measure the reader's font: generous for IBM Plex Sans and Georgia (print). */
const textWidth = (text: string, size = FONT) => text.length * size * 0.58;

/** The mark a milestone gets: its flag when it has one, else its status. */
export function markKindOf(m: Pick<TimelineMilestone, 'status' | 'flag'>): MarkKind {
  return m.flag ?? m.status;
}

const utc = (iso: string) => {
  const d = parseIsoDate(iso)!;
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
};
const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The months the axis spans: from the first of the month of the earliest date (today included) to the first of the
 * month after the latest, as ISO dates of each month's first day.
 */
export function timelineMonths(dates: readonly string[]): string[] {
  const valid = dates.filter((d) => parseIsoDate(d) !== null).sort();
  if (valid.length === 0) return [];
  const first = utc(valid[0]!);
  const last = utc(valid[valid.length - 1]!);
  const months: string[] = [];
  const cursor = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
  const end = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1));
  while (cursor <= end) {
    months.push(isoOf(cursor));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** Shortens a title to fit `width`, ending it with «…» when cut. */
function fit(text: string, width: number, size = FONT): string {
  if (textWidth(text, size) <= width) return text;
  const chars = Math.max(1, Math.floor(width / (size * 0.58)) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

function Mark({ kind, x, y }: { kind: MarkKind; x: number; y: number }) {
  const s = MARKS[kind];
  const common = { fill: s.fill, stroke: s.stroke, 'stroke-width': 2, class: `helhed-timeline-mark helhed-timeline-${s.shape}` };
  switch (s.shape) {
    case 'square':
      return <rect x={r1(x - MARK)} y={r1(y - MARK)} width={MARK * 2} height={MARK * 2} {...common} />;
    case 'triangle':
      return <path d={`M${r1(x)} ${r1(y - MARK - 1)}L${r1(x + MARK + 1)} ${r1(y + MARK)}L${r1(x - MARK - 1)} ${r1(y + MARK)}Z`} {...common} />;
    case 'diamond':
      return <path d={`M${r1(x)} ${r1(y - MARK - 1)}L${r1(x + MARK + 1)} ${r1(y)}L${r1(x)} ${r1(y + MARK + 1)}L${r1(x - MARK - 1)} ${r1(y)}Z`} {...common} />;
    default:
      return <circle cx={r1(x)} cy={r1(y)} r={MARK} {...common} />;
  }
}

/** The timeline's description in words: the span and how many milestones carry each state. */
export function describeTimeline(props: Pick<MilestoneTimelineProps, 'milestones' | 'today'>): string {
  const n = props.milestones.length;
  if (n === 0) return 'Planen har ingen milepæle endnu.';
  const dates = props.milestones.map((m) => m.dueDate).sort();
  const counts = new Map<MarkKind, number>();
  for (const m of props.milestones) counts.set(markKindOf(m), (counts.get(markKindOf(m)) ?? 0) + 1);
  const parts = LEGEND_ORDER.filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${MARKS[k].legend.toLowerCase()}`);
  return `${n === 1 ? '1 milepæl' : `${n} milepæle`} med frister fra ${danishDate.format(utc(dates[0]!))} til ${danishDate.format(utc(dates[n - 1]!))}: ${parts.join(', ')}. I dag er ${danishDate.format(utc(props.today))}.`;
}

/** The timeline as an SVG element (see the module's comment). */
export function MilestoneTimeline(props: MilestoneTimelineProps) {
  const width = props.width ?? DEFAULT_WIDTH;
  const rows = [...props.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, 'da'));
  const months = timelineMonths([...rows.map((m) => m.dueDate), props.today]);
  const height = LEGEND_HEIGHT + AXIS_HEIGHT + Math.max(rows.length, 1) * ROW + 8;
  const x0 = LABEL_WIDTH;
  const x1 = width - RIGHT_MARGIN;
  const start = months[0];
  const end = months[months.length - 1];
  const span = start && end ? Math.max(1, daysBetween(start, end)) : 1;
  const xOf = (iso: string) => x0 + ((x1 - x0) * daysBetween(start!, iso)) / span;
  const top = LEGEND_HEIGHT + AXIS_HEIGHT;
  // Label every month while there is room, else every second, third … month, so labels never overlap.
  const step = Math.max(1, Math.ceil((months.length * 52) / Math.max(1, x1 - x0)));

  let legendX = 0;
  const legend = LEGEND_ORDER.map((kind) => {
    const x = legendX;
    legendX += MARK * 2 + 8 + textWidth(MARKS[kind].legend, SMALL_FONT) + 16;
    return (
      <g class="helhed-timeline-legend-item">
        <Mark kind={kind} x={x + MARK + 1} y={LEGEND_HEIGHT / 2 - 2} />
        <text x={r1(x + MARK * 2 + 8)} y={LEGEND_HEIGHT / 2 + 2} font-size={SMALL_FONT}>
          {MARKS[kind].legend}
        </text>
      </g>
    );
  });

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      id={props.id}
      class="helhed-chart helhed-timeline"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      font-size={FONT}
      fill={TEXT}
      font-family="IBM Plex Sans, Arial, sans-serif"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{describeTimeline(props)}</desc>
      <g aria-hidden="true">
        <g class="helhed-timeline-legend">{legend}</g>
        {months.map((m, i) => (
          <g class="helhed-timeline-month">
            <line x1={r1(xOf(m))} x2={r1(xOf(m))} y1={top - 6} y2={height - 8} stroke={GRID} stroke-width={1} />
            {i % step === 0 && i < months.length - 1 ? (
              <text x={r1(xOf(m) + 3)} y={top - 10} font-size={SMALL_FONT}>
                {monthLabel.format(utc(m))}
              </text>
            ) : null}
          </g>
        ))}
        {rows.length === 0 ? (
          <text x={x0} y={top + ROW / 2 + 4}>
            Ingen milepæle endnu
          </text>
        ) : (
          rows.map((m, i) => {
            const y = top + i * ROW + ROW / 2;
            const kind = markKindOf(m);
            const x = xOf(m.dueDate);
            const word = MARKS[kind].word;
            return (
              <g class="helhed-timeline-row" data-kind={kind}>
                <title>{`${m.title}: frist ${danishDate.format(utc(m.dueDate))}, ${m.status}${m.flag ? `, ${m.flag}` : ''}`}</title>
                {i % 2 === 0 ? <rect x={0} y={r1(y - ROW / 2)} width={width} height={ROW} fill="#F5F5F5" /> : null}
                <text x={0} y={r1(y + 4)} class="helhed-timeline-label" text-decoration={m.status === 'udgået' ? 'line-through' : undefined}>
                  {fit(m.title, LABEL_WIDTH - 12)}
                </text>
                <Mark kind={kind} x={x} y={y} />
                {word ? (
                  <text x={r1(x + MARK + 5)} y={r1(y + 4)} font-size={SMALL_FONT} fill={MARKS[kind].stroke} font-weight={kind === 'forsinket' || kind === 'i risiko' ? 'bold' : undefined}>
                    {word}
                  </text>
                ) : null}
              </g>
            );
          })
        )}
        {/* Drawn after the rows, so that their stripes never hide it. */}
        {start && end && props.today >= start && props.today <= end ? (
          <g class="helhed-timeline-today">
            <line x1={r1(xOf(props.today))} x2={r1(xOf(props.today))} y1={top - 6} y2={height - 8} stroke={TODAY_COLOUR} stroke-width={1.5} stroke-dasharray="4 3" />
            <text x={r1(xOf(props.today) + 3)} y={height - 1} font-size={SMALL_FONT} fill={TODAY_COLOUR}>
              I dag
            </text>
          </g>
        ) : null}
      </g>
    </svg>
  );
}

/** The timeline as a standalone SVG string, for reports (PDF and XLSX renderers) and anything else outside a page. */
export function milestoneTimelineSvg(props: MilestoneTimelineProps): string {
  return render(<MilestoneTimeline {...props} />);
}
