/**
 * Budget against actual per budget line as a horizontal bar chart, drawn on the server as SVG so that it is the same
 * in the page, on paper and in a PDF (STYLE.md 6). Each line has two bars: its budget for the year (an outlined bar
 * with a dashed mark where spending was expected to be by now) and what it has spent (a solid bar). A flagged line's
 * bar is red and says «over» or «under» in words too, never by colour alone (WCAG 1.4.1). The chart is one image to
 * assistive technology, named by its title and described by a Danish summary; the page's table carries every figure.
 */
import { formatKroner, formatPercent } from './economy.js';
import type { LineFollowUp } from './economy.service.js';

const WIDTH = 720;
const LEFT = 16;
const RIGHT = 200;
const FONT = 14;
const ROW = 74;
const BAR = 18;
const TOP = 44;
const TEXT = '#1A1A1A';
/** Solid bars: #0059B3 and #B3261E both have more than 3:1 contrast against white (WCAG 1.4.11). */
const ACTUAL = '#0059B3';
const FLAGGED = '#B3261E';
const OUTLINE = '#3D3D3D';

function describe(lines: readonly LineFollowUp[], yearLabel: string, monthsEnded: number): string {
  if (lines.length === 0) return `Intet budget for ${yearLabel} endnu.`;
  const parts = [`Budget og forbrug pr. linje for ${yearLabel}; ${monthsEnded} af 12 måneder er afsluttet.`];
  for (const l of lines) {
    const flag = l.flag ? `, ${l.flag === 'over' ? 'over' : 'under'} det forventede${l.deviationPercent !== null ? ` med ${formatPercent(Math.abs(l.deviationPercent))}` : ''}` : '';
    parts.push(`${l.line}: budget ${formatKroner(l.budgetOre)}, forbrug ${formatKroner(l.actualOre)}, forventet ${formatKroner(l.expectedOre)}${flag}.`);
  }
  return parts.join(' ');
}

/** The chart of a plan year's budget lines. `id` must be unique on the page. */
export function BudgetChart({ lines, yearLabel, monthsEnded, id }: { lines: readonly LineFollowUp[]; yearLabel: string; monthsEnded: number; id: string }) {
  const height = TOP + Math.max(1, lines.length) * ROW + 8;
  const max = Math.max(1, ...lines.flatMap((l) => [l.budgetOre, l.actualOre]));
  const scale = (ore: number) => (Math.max(0, ore) / max) * (WIDTH - LEFT - RIGHT);
  const title = `Budget og forbrug pr. linje, ${yearLabel}`;
  return (
    <div class="helhed-chart-frame">
      <svg class="helhed-chart" id={id} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describe(lines, yearLabel, monthsEnded)}</desc>
        <g font-family="IBM Plex Sans, Arial, sans-serif" font-size={FONT} fill={TEXT}>
          <rect x={LEFT} y={8} width={24} height={12} fill="#fff" stroke={OUTLINE} stroke-width={1.5} />
          <text x={LEFT + 30} y={19}>
            Budget
          </text>
          <line x1={LEFT + 100} y1={6} x2={LEFT + 100} y2={22} stroke={TEXT} stroke-width={2} stroke-dasharray="4 2" />
          <text x={LEFT + 108} y={19}>
            Forventet indtil nu
          </text>
          <rect x={LEFT + 260} y={8} width={24} height={12} fill={ACTUAL} />
          <text x={LEFT + 290} y={19}>
            Forbrug
          </text>
          <rect x={LEFT + 360} y={8} width={24} height={12} fill={FLAGGED} />
          <text x={LEFT + 390} y={19}>
            Forbrug uden for tolerancen
          </text>
          {lines.length === 0 ? (
            <text x={LEFT} y={TOP + 24}>
              Intet budget endnu
            </text>
          ) : null}
          {lines.map((l, i) => {
            const y = TOP + i * ROW;
            const expectedX = LEFT + scale(l.expectedOre);
            return (
              <g>
                <text x={LEFT} y={y + FONT} font-weight="600">
                  {l.line}
                </text>
                <rect x={LEFT} y={y + 22} width={Math.max(1, scale(l.budgetOre))} height={BAR} fill="#fff" stroke={OUTLINE} stroke-width={1.5} />
                <text x={LEFT + scale(l.budgetOre) + 8} y={y + 22 + BAR - 4}>
                  {formatKroner(l.budgetOre)}
                </text>
                {monthsEnded > 0 ? <line x1={expectedX} y1={y + 18} x2={expectedX} y2={y + 22 + BAR * 2 + 6} stroke={TEXT} stroke-width={2} stroke-dasharray="4 2" /> : null}
                <rect x={LEFT} y={y + 22 + BAR + 2} width={Math.max(1, scale(l.actualOre))} height={BAR} fill={l.flag ? FLAGGED : ACTUAL} />
                <text x={LEFT + scale(l.actualOre) + 8} y={y + 22 + BAR * 2 - 2}>
                  {formatKroner(l.actualOre)}
                  {l.flag ? ` (${l.flag})` : ''}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
