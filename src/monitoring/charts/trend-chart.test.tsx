import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import { countChart, employmentChart, yearly } from './chart-examples.js';
import { ChartDataTable, TrendChart, type TrendChartProps } from './trend-chart.js';

const chart = (props: TrendChartProps) => render(<TrendChart {...props} />);
const table = (props: TrendChartProps) => render(<ChartDataTable {...props} />);

/** The attributes of every element with the given class, in document order. */
function elementsWithClass(markup: string, cls: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const [tag] of markup.matchAll(new RegExp(`<[a-z]+ [^>]*class="${cls}"[^>]*>`, 'g'))) {
    found.push(Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string])));
  }
  return found;
}

const pointYs = (markup: string) => elementsWithClass(markup, 'helhed-chart-point').map((a) => Number(a.cy));
const pointXs = (markup: string) => elementsWithClass(markup, 'helhed-chart-point').map((a) => Number(a.cx));
const lines = (markup: string) => elementsWithClass(markup, 'helhed-chart-line');
const svgText = (markup: string) => [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the trend chart', () => {
  it('draws a later point with a larger value higher up, with a smaller y coordinate', () => {
    const [first, second] = pointYs(chart(countChart(yearly('Unge', [10, 30]))));
    assert.ok(first !== undefined && second !== undefined && second < first, `y ${first} then ${second}`);
  });

  it("places points by their period's start date, so that years and months mix", () => {
    const markup = chart(
      countChart({
        label: 'Unge',
        points: [
          { label: '2022', start: '2022-01-01', value: 5 },
          { label: 'juli 2023', start: '2023-07-01', value: 6 },
          { label: '2024', start: '2024-01-01', value: 7 },
        ],
      }),
    );
    const [x2022, xJuly2023, x2024] = pointXs(markup) as [number, number, number];
    // 1 July 2023 is 546 of the 730 days from 2022 to 2024; evenly spaced points would put it halfway.
    const share = (xJuly2023 - x2022) / (x2024 - x2022);
    assert.ok(share > 0.72 && share < 0.78, String(share));
  });

  it('breaks the line where a value is missing', () => {
    const [line] = lines(chart(countChart(yearly('Unge', [10, 12, null, 15, 16]))));
    assert.equal(line?.d?.match(/M/g)?.length, 2, line?.d);
  });

  it('leaves a hidden value out of the line', () => {
    const props = countChart({ label: 'Unge', points: [...yearly('', [10, 12]).points, { label: '2024', start: '2024-01-01', value: 3, suppressed: true }] });
    const [line] = lines(chart(props));
    assert.equal(line?.d?.split('L').length, 2, line?.d);
  });

  it('never writes a hidden value anywhere in the markup', () => {
    const props = countChart({ label: 'Unge', points: [...yearly('', [10, 12]).points, { label: '2024', start: '2024-01-01', value: 3.14159, suppressed: true }] });
    const markup = chart(props) + table(props);
    assert.doesNotMatch(markup, /3[,.]14/);
  });

  it('does not let a hidden value widen the value axis', () => {
    const props = countChart({ label: 'Unge', points: [...yearly('', [10, 12]).points, { label: '2024', start: '2024-01-01', value: 900, suppressed: true }] });
    const axis = /<g class="helhed-chart-value-axis">(.*?)<\/g><g class="helhed-chart-time-axis">/.exec(chart(props))?.[1] ?? '';
    const ticks = svgText(axis).map(Number);
    assert.ok(Math.max(...ticks) < 100, `ticks ${ticks.join(', ')}`);
  });

  it('marks a hidden value with a hollow marker and «<5» on the time axis', () => {
    const markup = chart(employmentChart);
    const group = /<g class="helhed-chart-suppressed">(.*?)<\/g>/.exec(markup)?.[1] ?? '';
    assert.match(group, /fill="#FFFFFF"/);
    assert.match(group, />&lt;5<\/text>/);
  });

  it('names the first and latest value of every series in its description', () => {
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(chart(employmentChart))?.[1] ?? '';
    assert.match(desc, /Gl\. Jennumparken: fra 43,7 % \(2022\) til 39,1 % \(2025\)/);
    assert.match(desc, /Randers Kommune: fra 72,4 % \(2022\) til 73,9 % \(2025\)/);
  });

  it('says in its description which way a series went, a share in percentage points', () => {
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(chart(employmentChart))?.[1] ?? '';
    assert.match(desc, /39,1 % \(2025\), et fald på 4,6 procentpoint\./);
    assert.match(desc, /73,9 % \(2025\), en stigning på 1,5 procentpoint\./);
  });

  it('is one image named by its title and described by its summary', () => {
    const markup = chart(employmentChart);
    assert.match(markup, /<svg [^>]*role="img"[^>]*aria-labelledby="beskaeftigelse-title beskaeftigelse-desc"/);
    assert.match(markup, /<title id="beskaeftigelse-title">Andel 30-64-årige i beskæftigelse<\/title>/);
    assert.match(markup, /<desc id="beskaeftigelse-desc">/);
  });

  it('lists every series in the legend', () => {
    const legend = /<g class="helhed-chart-legend">(.*?)<\/g><g class="helhed-chart-value-axis">/.exec(chart(employmentChart))?.[1] ?? '';
    for (const s of employmentChart.series) assert.ok(svgText(legend).includes(s.label), `${s.label} is missing from the legend`);
  });

  it('gives every series its own dash pattern', () => {
    const markup = chart(countChart(yearly('A', [1, 2]), yearly('B', [2, 3]), yearly('C', [3, 4]), yearly('D', [4, 5])));
    const dashes = lines(markup).map((l) => l['stroke-dasharray'] ?? 'solid');
    assert.equal(new Set(dashes).size, 4, dashes.join(' | '));
  });

  it('draws the primary series solid and a comparison series dashed', () => {
    const [comparison, primary] = lines(chart(employmentChart));
    assert.equal(primary?.stroke, '#0059B3');
    assert.equal(primary?.['stroke-dasharray'], undefined);
    assert.ok(comparison?.['stroke-dasharray'], 'the comparison line is solid');
  });

  it('draws the baseline as a horizontal line labelled with its name and value', () => {
    const reference = /<g class="helhed-chart-reference">(.*?)<\/g>/.exec(chart(employmentChart))?.[1] ?? '';
    const line = /<line x1="[^"]*" y1="([^"]*)" x2="[^"]*" y2="([^"]*)"/.exec(reference);
    assert.ok(line && line[1] === line[2], 'the baseline is not horizontal');
    assert.deepEqual(svgText(reference), ['Udgangspunkt 2022: 43,7 %']);
  });

  it('writes the value axis in Danish, with a decimal comma and « %» for shares', () => {
    const props: TrendChartProps = { ...employmentChart, baseline: undefined, municipalityBaseline: undefined, series: [yearly('A', [12.2, 12.3, 12.45], { emphasis: 'primary' })] };
    const ticks = svgText(chart(props)).filter((t) => / %$/.test(t ?? ''));
    assert.ok(ticks.includes('12,2 %'), ticks.join(' | '));
  });

  it('keeps every text at least 12 units high', () => {
    const markup = chart(employmentChart);
    const sizes = [...markup.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.ok(sizes.length > 0 && sizes.every((s) => s >= 12), sizes.join(', '));
  });

  it('scales with its container through a viewBox, a width of 100 % and a preserved aspect ratio', () => {
    const svg = /<svg [^>]*>/.exec(chart(employmentChart))?.[0] ?? '';
    assert.match(svg, /viewBox="0 0 640 [\d.]+"/);
    assert.match(svg, /width="100%"/);
    assert.match(svg, /preserveAspectRatio="xMidYMid meet"/);
    assert.doesNotMatch(svg, / height=/);
  });

  it('holds no script, no link and no font of its own', () => {
    const markup = chart(employmentChart);
    assert.doesNotMatch(markup, /<script|href=|font-family|<style|on[a-z]+=/i);
  });

  it('rounds coordinates to one decimal', () => {
    const wrappedLegend = countChart(yearly('Gl. Jennumparken', [1, 2.345]), yearly('Årligt gennemsnit for hele kommunen i alt', [3, 4.5678]), yearly('Landsgennemsnit', [2, 3]));
    const numbers = (chart(employmentChart) + chart(wrappedLegend)).match(/\d+\.\d+/g) ?? [];
    assert.ok(numbers.length > 0);
    assert.deepEqual(numbers.filter((n) => !/\.\d$/.test(n)), []);
  });

  it('renders the same markup for the same data', () => {
    assert.equal(chart(employmentChart), chart(structuredClone(employmentChart)));
  });

  it('says «Ingen data endnu» instead of drawing an empty chart', () => {
    for (const series of [[], [{ label: 'Unge', points: [] }], [yearly('Unge', [null, null])]]) {
      assert.equal(chart(countChart(...series)), '<p class="helhed-chart-empty">Ingen data endnu</p>');
    }
  });

  it('refuses a point whose start is not an ISO date, naming the value', () => {
    assert.throws(() => chart(countChart({ label: 'Unge', points: [{ label: '2024', start: '2024', value: 1 }] })), /"2024"/);
  });
});

describe("the chart's data table", () => {
  it('shows a row per period and a column per series under a caption', () => {
    const markup = table(employmentChart);
    assert.match(markup, /<table class="table table--compact"><caption>Andel 30-64-årige i beskæftigelse<\/caption>/);
    assert.match(markup, /<th scope="col">Periode<\/th><th scope="col" class="align-text-right">Gl\. Jennumparken<\/th><th scope="col" class="align-text-right">Randers Kommune<\/th>/);
    assert.match(markup, /<th scope="row">2022<\/th><td class="align-text-right">43,7 %<\/td><td class="align-text-right">72,4 %<\/td>/);
  });

  it('shows «<5» for a hidden value and «–» for a missing one', () => {
    const markup = table(employmentChart);
    assert.match(markup, /<th scope="row">2023<\/th><td class="align-text-right">41,2 %<\/td><td class="align-text-right">–<\/td>/);
    assert.match(markup, /<th scope="row">2024<\/th><td class="align-text-right">&lt;5<\/td>/);
  });

  it('keeps a year and its first month apart as two rows, though both start on 1 January', () => {
    const markup = table(countChart(yearly('Årligt', [5]), { label: 'Månedligt', points: [{ label: 'januar 2022', start: '2022-01-01', value: 1 }] }));
    assert.equal(markup.match(/<th scope="row">/g)?.length, 2);
  });

  it('lists the reference lines in its footer', () => {
    const footer = /<tfoot>(.*)<\/tfoot>/.exec(table(employmentChart))?.[1] ?? '';
    assert.match(footer, /<th scope="row">Udgangspunkt 2022<\/th><td colspan="2">43,7 %<\/td>/);
    assert.match(footer, /<th scope="row">Randers Kommune 2022<\/th><td colspan="2">72,4 %<\/td>/);
  });

  it('says «Ingen data endnu» when there is nothing to show', () => {
    assert.equal(table(countChart()), '<p class="helhed-chart-empty">Ingen data endnu</p>');
  });
});
