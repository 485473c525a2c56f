import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignStyles, SERIES_STYLES } from './series-styles.js';

/** WCAG 2.1's contrast ratio of a colour (#RRGGBB) against white. */
function contrastAgainstWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe("the series' styles", () => {
  it('give every colour at least 3:1 contrast against white (WCAG 1.4.11)', () => {
    for (const style of SERIES_STYLES) assert.ok(contrastAgainstWhite(style.colour) >= 3, `${style.colour}: ${contrastAgainstWhite(style.colour).toFixed(2)}:1`);
  });

  it('give six series six dash patterns, six markers and six colours', () => {
    const styles = assignStyles([{}, {}, {}, {}, {}, {}]);
    assert.equal(new Set(styles.map((s) => s.dash)).size, 6);
    assert.equal(new Set(styles.map((s) => s.marker)).size, 6);
    assert.equal(new Set(styles.map((s) => s.colour)).size, 6);
  });

  it('give the primary series the blue solid line wherever it stands in the list', () => {
    const [first, second] = assignStyles([{}, { emphasis: 'primary' }]);
    assert.deepEqual([second?.colour, second?.dash], ['#0059B3', null]);
    assert.notEqual(first?.colour, '#0059B3');
  });

  it('give a comparison series the dark grey dashed line', () => {
    const [primary, comparison] = assignStyles([{ emphasis: 'primary' }, { emphasis: 'comparison' }]);
    assert.equal(primary?.colour, '#0059B3');
    assert.deepEqual([comparison?.colour, comparison?.dash], ['#3D3D3D', '8 4']);
  });

  it('give a second comparison series a style of its own', () => {
    const [a, b] = assignStyles([{ emphasis: 'comparison' }, { emphasis: 'comparison' }]);
    assert.notEqual(a?.dash, b?.dash);
  });
});
