import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import { Sparkline } from './sparkline.js';

const spark = (values: (number | null)[], unit?: 'percent') => render(<Sparkline values={values} label="Gl. Jennumparken" id="s1" unit={unit} />);
const ariaLabel = (markup: string) => /aria-label="([^"]*)"/.exec(markup)?.[1];
const path = (markup: string) => /<path d="([^"]*)"/.exec(markup)?.[1] ?? '';

describe('the sparkline', () => {
  it('is a small image whose Danish name says the first and latest value and the direction', () => {
    const markup = spark([43.7, 41.2, null, 39.1], 'percent');
    assert.match(markup, /<svg [^>]*role="img"/);
    assert.equal(ariaLabel(markup), 'Gl. Jennumparken: fra 43,7 % til 39,1 %, et fald på 4,6 procentpoint (3 målinger)');
  });

  it('draws a later, larger value higher up', () => {
    const [first, second] = path(spark([1, 2])).match(/[\d.]+ ([\d.]+)/g)?.map((pair) => Number(pair.split(' ')[1])) ?? [];
    assert.ok(first !== undefined && second !== undefined && second < first, `${first} then ${second}`);
  });

  it('breaks its line where a value is missing', () => {
    assert.equal(path(spark([1, 2, null, 3, 4])).match(/M/g)?.length, 2);
  });

  it('measures 80 × 20', () => {
    assert.match(spark([1, 2]), /viewBox="0 0 80 20" width="80" height="20"/);
  });

  it('names a single value as one measurement', () => {
    assert.equal(ariaLabel(spark([null, 12])), 'Gl. Jennumparken: 12 (én måling)');
  });

  it('says «Ingen data endnu» when there is no value', () => {
    assert.equal(spark([null, null]), '<span class="helhed-sparkline-empty">Ingen data endnu</span>');
  });

  it('renders the same markup for the same values', () => {
    assert.equal(spark([3, 1, 4, 1, 5]), spark([3, 1, 4, 1, 5]));
  });
});
