import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataReportYear, missingText, reportValue } from './annual-data-report.js';
import { annualReportKey, annualReportYear } from './annual-report.js';

describe('the annual data report\u2019s completeness', () => {
  it('names the scopes that lack the same years together, and says «alle» when every scope lacks them', () => {
    const missing = [
      { label: 'Vangdalen', periods: ['2024', '2025'] },
      { label: 'Energivej-området', periods: ['2025'] },
      { label: 'Kommunen', periods: ['2025'] },
    ];
    assert.equal(missingText(missing, 4), 'Vangdalen (2024, 2025); Energivej-området, Kommunen (2025)');
    assert.equal(missingText([{ label: 'A', periods: ['2025'] }, { label: 'B', periods: ['2025'] }], 2), 'alle områder og kommunen (2025)');
    assert.equal(missingText([], 9), 'ingen');
  });
});

describe('the yearly reports’ subjects', () => {
  it('reads a calendar year for the data report and refuses anything else', () => {
    assert.equal(dataReportYear('2025'), 2025);
    assert.equal(dataReportYear('2025-26'), null);
  });

  it('writes a plan year as 2025-26 in an address and reads it back', () => {
    const year = annualReportYear('2025-26');
    assert.deepEqual(year, { start: '2025-08-01', end: '2026-07-31', label: '2025/26' });
    assert.equal(annualReportKey(year!), '2025-26');
    assert.equal(annualReportYear('2025-27'), null);
  });
});

describe('a value in the annual data report', () => {
  it('shows a hidden value as its «<5» or «–», never the figure', () => {
    assert.equal(reportValue({ kind: 'hidden', text: '<5', why: 'et lille antal' }), '<5');
    assert.equal(reportValue({ kind: 'value', text: '23,5 %', numerator: 47, denominator: 200, hiddenForOthers: null }), '23,5 %');
    assert.equal(reportValue({ kind: 'awaiting' }), 'afventer forklaring');
    assert.equal(reportValue({ kind: 'none' }), null);
  });
});
