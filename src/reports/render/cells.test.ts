import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentHeader, chartSvg, formatCell, safeFileName } from './cells.js';

describe('writing a report\u2019s cells the Danish way', () => {
  it('writes integers with a dot between thousands', () => {
    assert.equal(formatCell(1234567, 'integer'), '1.234.567');
    assert.equal(formatCell(12.6, 'integer'), '13');
  });

  it('writes per cent with one decimal and a space before the sign', () => {
    assert.equal(formatCell(43.7, 'percent1'), '43,7 %');
    assert.equal(formatCell(88, 'percent1'), '88,0 %');
  });

  it('writes kroner in whole kroner with «kr.»', () => {
    assert.equal(formatCell(1_250_000.4, 'dkk'), '1.250.000 kr.');
  });

  it('writes one decimal with a comma', () => {
    assert.equal(formatCell(8.25, 'decimal1'), '8,3');
  });

  it('writes ISO dates in words and leaves a suppressed count as it is', () => {
    assert.equal(formatCell('2026-02-24', 'date'), '24. februar 2026');
    assert.equal(formatCell('<5', 'integer'), '<5');
    assert.equal(formatCell(null, 'dkk'), '');
  });
});

describe('download file names', () => {
  it('writes æ, ø and å out and keeps the extension', () => {
    assert.equal(safeFileName('Årsrapport 2025/26 – udgave 2.pdf'), 'aarsrapport-2025-26-udgave-2.pdf');
    assert.equal(safeFileName('Fremdrift: Søndergårdsparken.xlsx'), 'fremdrift-soendergaardsparken.xlsx');
  });

  it('gives the UTF-8 name beside the ASCII one', () => {
    assert.equal(attachmentHeader('Årsrapport.pdf'), `attachment; filename="aarsrapport.pdf"; filename*=UTF-8''%C3%85rsrapport.pdf`);
  });
});

describe('a chart\u2019s SVG in a page or a PDF', () => {
  it('keeps the drawing and drops scripts, event handlers and javascript links', () => {
    const svg = chartSvg('<div><svg viewBox="0 0 10 10" onload="x()"><script>alert(1)</script><a href="javascript:x()"><text>Hej</text></a></svg></div>');
    assert.equal(svg, '<svg viewBox="0 0 10 10"><a href="#"><text>Hej</text></a></svg>');
  });
});
