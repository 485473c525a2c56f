import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readActuals, type ActualsContext } from './actual-rows.js';

const context: ActualsContext = {
  budgetLines: [
    { planYear: '2025/26', line: 'Løn, medarbejdere' },
    { planYear: '2025/26', line: 'Aktiviteter' },
    { planYear: '2026/27', line: 'Aktiviteter' },
  ],
  periodStart: '2025-08-01',
  periodEnd: '2029-07-31',
  today: '2026-01-29',
  decimal: ',',
};
const sheet = (...rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));

describe('reading a file of actuals', () => {
  it('reads rows into the budget\u2019s own spelling of the line, amounts in øre', () => {
    const { lines, problems } = readActuals(sheet(['Linje', 'Måned', 'Beløb', 'Note'], ['løn,  medarbejdere', 'september 2025', '12.345,67', 'Løn sep.'], ['', '', '', '']), context);
    assert.deepEqual(problems, []);
    assert.deepEqual(lines, [{ row: 2, line: 'Løn, medarbejdere', month: '2025-09', amountOre: 1_234_567, note: 'Løn sep.' }]);
  });

  it('names a missing column in row 1 and reads no rows', () => {
    const { lines, problems } = readActuals(sheet(['linje', 'måned'], ['Aktiviteter', '2025-09']), context);
    assert.deepEqual(lines, []);
    assert.deepEqual(problems.map((p) => [p.row, p.column]), [[1, 'beløb']]);
  });

  it('reports every problem of every row at once, and gives no lines when there is one', () => {
    const { lines, problems } = readActuals(
      sheet(
        ['linje', 'måned', 'beløb'],
        ['Aktiviteter', '2025-09', '100'],
        ['Husleje', '2025-09', '100'],
        ['Aktiviteter', '2030-01', 'x'],
        ['Aktiviteter', '2025-09', '200'],
        ['', '', '5'],
      ),
      context,
    );
    assert.deepEqual(lines, []);
    assert.deepEqual(
      problems.map((p) => [p.row, p.column]),
      [
        [3, 'linje'],
        [4, 'måned'],
        [4, 'beløb'],
        [5, 'måned'],
        [6, 'måned'],
        [6, 'linje'],
      ],
    );
  });

  it('knows a line only in the plan years whose budget has it', () => {
    const { problems } = readActuals(sheet(['linje', 'måned', 'beløb'], ['Løn, medarbejdere', '2026-09', '1']), { ...context, today: '2026-10-01' });
    assert.match(problems[0]!.message, /findes ikke i budgettet for 2026\/27\. Budgettets linjer: Aktiviteter\./);
  });

  it('reads a dot-decimal XLSX amount as such', () => {
    const { lines } = readActuals(sheet(['linje', 'måned', 'beløb'], ['Aktiviteter', '2025-09', '7500.5']), { ...context, decimal: '.' });
    assert.equal(lines[0]!.amountOre, 750_050);
  });
});
