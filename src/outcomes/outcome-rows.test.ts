import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createOutcomeRowReader, normaliseCode } from './outcome-rows.js';

const options = { today: '2027-03-01', decimal: ',' as const };
const header = (cells: string[]) => ({ row: 1, cells });

describe('reading an outcome file’s rows', () => {
  it('finds the columns by their titles or common variants, in any order', () => {
    const reader = createOutcomeRowReader(header(['Kilde', 'Værdi', 'Periode', 'Maal', 'Deltager']), options);
    assert.equal(reader.readable, true);
    const result = reader.read({ row: 2, cells: ['Skolen', '7,5', '1. skolehalvår 2025/26', 'skolefravaer', ' p-abc '] });
    assert.equal(result.kind, 'ok');
    if (result.kind === 'ok') {
      assert.equal(result.input.code, 'P-ABC');
      assert.deepEqual(result.input.value, { value: 7.5, valueText: null });
      assert.equal(result.input.period.start, '2025-08-01');
    }
  });

  it('names every missing column in the header', () => {
    const reader = createOutcomeRowReader(header(['deltagerkode', 'periode']), options);
    assert.equal(reader.readable, false);
    assert.deepEqual(reader.headerProblems.map((p) => p.column), ['mål', 'værdi', 'kilde']);
  });

  it('skips a row with nothing in it', () => {
    const reader = createOutcomeRowReader(header(['deltagerkode', 'mål', 'periode', 'værdi', 'kilde']), options);
    assert.deepEqual(reader.read({ row: 3, cells: ['', ' ', '', '', ''] }), { kind: 'empty' });
  });

  it('reports each wrong cell of a row under its column', () => {
    const reader = createOutcomeRowReader(header(['deltagerkode', 'mål', 'periode', 'værdi', 'kilde']), options);
    const result = reader.read({ row: 4, cells: ['', 'sprogvurdering', '32-01-2025', 'god', ''] });
    assert.equal(result.kind, 'problems');
    if (result.kind === 'problems') assert.deepEqual(result.problems.map((p) => p.column), ['deltagerkode', 'periode', 'værdi', 'kilde']);
  });

  it('writes codes the way they are stored', () => {
    assert.equal(normaliseCode(' p-7k2m 9q4x-5 '), 'P-7K2M9Q4X-5');
  });
});
