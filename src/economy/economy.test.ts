import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assessAgainst,
  assessLine,
  DEVIATION_TOLERANCE_PERCENT,
  deviationText,
  expectedByNow,
  formatAmountInput,
  formatKroner,
  MAX_AMOUNT_ORE,
  parseKroner,
  parseMonth,
  sharesPermille,
  splitByWeights,
  wholeKroner,
} from './economy.js';

describe('amounts in kroner', () => {
  it('reads «1.234.567,50» as 123,456,750 øre', () => {
    assert.equal(parseKroner('1.234.567,50'), 123_456_750);
  });

  it('reads «1234567,5», «1.234.568 kr.» and «0,29» exactly, with no float error', () => {
    assert.equal(parseKroner('1234567,5'), 123_456_750);
    assert.equal(parseKroner('1.234.568 kr.'), 123_456_800);
    assert.equal(parseKroner('0,29'), 29);
    assert.equal(parseKroner('1,005', { decimal: '.' }), 100_500);
  });

  it('rejects a third decimal, a negative budget, text and an empty cell with Danish messages', () => {
    assert.match((parseKroner('12,345') as { error: string }).error, /to decimaler|ikke et beløb/);
    assert.match((parseKroner('1,005') as { error: string }).error, /to decimaler/);
    assert.match((parseKroner('-2.500') as { error: string }).error, /negativt/);
    assert.match((parseKroner('mange') as { error: string }).error, /ikke et beløb/);
    assert.match((parseKroner('') as { error: string }).error, /Skriv et beløb/);
  });

  it('accepts a negative actual (a credit note) when asked to', () => {
    assert.equal(parseKroner('-2.500', { negative: true }), -250_000);
  });

  it('rejects more than 100 mia. kr.', () => {
    assert.equal(parseKroner('100.000.000.000'), MAX_AMOUNT_ORE);
    assert.match((parseKroner('100.000.000.000,01') as { error: string }).error, /højst/);
  });

  it('shows whole kroner rounded half away from zero, Danish style', () => {
    assert.equal(formatKroner(123_456_750), '1.234.568 kr.');
    assert.equal(formatKroner(123_456_749), '1.234.567 kr.');
    assert.equal(formatKroner(-150), '-2 kr.');
    assert.equal(wholeKroner(49), 0);
    assert.equal(formatAmountInput(123_456_750), '1.234.567,50');
    assert.equal(formatAmountInput(500_000), '5.000');
  });
});

describe('expected by now', () => {
  it('spreads a year\u2019s budget evenly over the months that have ended', () => {
    assert.equal(expectedByNow(1_200_000, 0), 0);
    assert.equal(expectedByNow(1_200_000, 5), 500_000);
    assert.equal(expectedByNow(1_200_000, 12), 1_200_000);
  });

  it('rounds a third of an øre to the nearest øre', () => {
    assert.equal(expectedByNow(100, 1), 8); // 8.33
    assert.equal(expectedByNow(100, 2), 17); // 16.67
    assert.equal(expectedByNow(6, 1), 1); // 0.5 rounds up
  });

  it('stays exact at the largest amount, where budget × months passes 2^53 in floats', () => {
    assert.equal(expectedByNow(MAX_AMOUNT_ORE, 7), Math.round((MAX_AMOUNT_ORE / 12) * 7));
    assert.equal(expectedByNow(MAX_AMOUNT_ORE - 1, 12), MAX_AMOUNT_ORE - 1);
  });
});

describe('deviations', () => {
  it('flags a line spending more than 10 % above its pace as «over»', () => {
    const a = assessLine(1_200_000, 561_000, 5);
    assert.equal(a.expectedOre, 500_000);
    assert.equal(a.deviationOre, 61_000);
    assert.equal(a.deviationPercent, 12.2);
    assert.equal(a.flag, 'over');
  });

  it('does not flag exactly the tolerance', () => {
    assert.equal(DEVIATION_TOLERANCE_PERCENT, 10);
    assert.equal(assessLine(1_200_000, 550_000, 5).flag, null);
    assert.equal(assessLine(1_200_000, 450_000, 5).flag, null);
  });

  it('flags a line spending more than 10 % below its pace as «under»', () => {
    const a = assessLine(1_200_000, 449_999, 5);
    assert.equal(a.flag, 'under');
    assert.equal(a.deviationPercent, -10);
  });

  it('flags spending on a line without a budget, and no percentage for it', () => {
    const a = assessLine(0, 10_000, 3);
    assert.equal(a.flag, 'over');
    assert.equal(a.deviationPercent, null);
  });

  it('before a month has ended flags only spending beyond the whole budget', () => {
    assert.equal(assessLine(1_200_000, 300_000, 0).flag, null);
    assert.equal(assessLine(1_200_000, 1_200_001, 0).flag, 'over');
  });

  it('assesses a total against the sum of its lines\u2019 rounded expectations', () => {
    const a = assessAgainst(200, 34, 17);
    assert.equal(a.deviationOre, 17);
    assert.equal(a.deviationPercent, 100);
  });

  it('says what a flagged line is in kroner and per cent', () => {
    const text = deviationText('Løn', assessLine(120_000_000, 67_500_000, 5), '2025/26');
    assert.equal(text, 'Løn: forbrug 675.000 kr. er 175.000 kr. (35,0 %) over det forventede 500.000 kr. (budget 1.200.000 kr. for 2025/26).');
  });
});

describe('shares of the total', () => {
  it('gives each funder its share in tenths of a per cent, adding up to exactly 100 %', () => {
    assert.deepEqual(sharesPermille([2_400_000_000, 800_000_000, 400_000_000]), [667, 222, 111]);
    assert.deepEqual(sharesPermille([1, 1, 1]), [334, 333, 333]);
    assert.deepEqual(sharesPermille([0, 0]), [0, 0]);
  });

  it('splits spending between funders in whole øre that add up to the spending exactly', () => {
    const parts = splitByWeights(100_001, [1, 1, 1]);
    assert.deepEqual(parts, [33_334, 33_334, 33_333]);
    assert.equal(parts.reduce((s, p) => s + p, 0), 100_001);
  });

  it('splits exactly where total × weight passes 2^53', () => {
    const parts = splitByWeights(MAX_AMOUNT_ORE - 1, [MAX_AMOUNT_ORE, 3 * MAX_AMOUNT_ORE]);
    assert.equal(parts[0]! + parts[1]!, MAX_AMOUNT_ORE - 1);
    assert.equal(parts[0], 2_500_000_000_000);
  });

  it('splits a negative total (a refund) with the same signs', () => {
    assert.deepEqual(splitByWeights(-10, [1, 1]), [-5, -5]);
  });
});

describe('months as spreadsheets write them', () => {
  it('reads ISO, Danish numeric, month names and dates', () => {
    assert.equal(parseMonth('2025-09'), '2025-09');
    assert.equal(parseMonth('09-2025'), '2025-09');
    assert.equal(parseMonth('9/2025'), '2025-09');
    assert.equal(parseMonth('September 2025'), '2025-09');
    assert.equal(parseMonth('okt. 2025'), '2025-10');
    assert.equal(parseMonth('30-09-2025'), '2025-09');
    assert.equal(parseMonth('2025-09-30'), '2025-09');
  });

  it('reads no month in «2025-13», «sep» or «i går»', () => {
    assert.equal(parseMonth('2025-13'), null);
    assert.equal(parseMonth('sep'), null);
    assert.equal(parseMonth('i går'), null);
  });
});
