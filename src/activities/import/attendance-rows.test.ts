import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AttendanceIndex, createAttendanceRowReader, SeenAttendance } from './attendance-rows.js';

const header = (cells: string[]) => ({ row: 1, cells });

describe('reading an attendance sheet', () => {
  it('names every missing column in the header at once', () => {
    const reader = createAttendanceRowReader(header(['forløb', 'navn']));
    assert.equal(reader.readable, false);
    assert.deepEqual(reader.headerProblems.map((p) => p.column), ['deltagerkode', 'status', 'mødegang']);
  });

  it('accepts the headers with capitals, without Danish letters and in any order', () => {
    const reader = createAttendanceRowReader(header(['Status', 'Deltagerkode', 'Forloeb', 'Moedegang']));
    assert.equal(reader.readable, true);
    const result = reader.read({ row: 2, cells: ['Afbud', 'p-1', 'brand-2025e', '3'] });
    assert.deepEqual(result, { kind: 'ok', line: { courseCode: 'BRAND-2025E', sessionNumber: 3, date: null, participantCode: 'P-1', status: 'afbud' } });
  });

  it('reports each problem of a row by its column', () => {
    const reader = createAttendanceRowReader(header(['forløb', 'mødegang', 'dato', 'deltagerkode', 'status']));
    const result = reader.read({ row: 7, cells: ['', 'tre', '31-02-2025', '', 'måske'] });
    assert.equal(result.kind, 'problems');
    assert.deepEqual(result.kind === 'problems' ? result.problems.map((p) => `${p.row}:${p.column}`) : [], ['7:forløb', '7:mødegang', '7:dato', '7:deltagerkode', '7:status']);
  });

  it('skips a blank row', () => {
    const reader = createAttendanceRowReader(header(['forløb', 'dato', 'deltagerkode', 'status']));
    assert.deepEqual(reader.read({ row: 3, cells: ['', '', '', ''] }), { kind: 'blank' });
  });
});

describe('resolving rows against courses and rosters', () => {
  const index = new AttendanceIndex(
    [{ id: 'c1', code: 'BRAND-2025E' }],
    [
      { id: 's1', course_id: 'c1', number: 1, held_on: '2025-09-03', cancelled: 0 },
      { id: 's2', course_id: 'c1', number: 2, held_on: '2025-09-10', cancelled: 1 },
    ],
    [{ course_id: 'c1', participant_id: 'p1', code: 'P-A' }],
  );
  const line = (over: object) => ({ courseCode: 'BRAND-2025E', sessionNumber: 1, date: null, participantCode: 'P-A', status: 'mødt' as const, ...over });

  it('finds a session by number or by date', () => {
    const byNumber = index.resolve(2, line({}));
    const byDate = index.resolve(3, line({ sessionNumber: null, date: '2025-09-03' }));
    assert.equal(byNumber.kind, 'ok');
    assert.deepEqual(byDate, byNumber);
  });

  it('names the sessions a course has when the number is unknown', () => {
    const result = index.resolve(2, line({ sessionNumber: 9 }));
    assert.equal(result.kind, 'problem');
    assert.match(result.kind === 'problem' ? result.problem.message : '', /mødegang 1-2/);
  });

  it('refuses a cancelled session and a number whose date differs', () => {
    assert.equal(index.resolve(2, line({ sessionNumber: 2 })).kind, 'problem');
    const mismatch = index.resolve(2, line({ date: '2025-09-04' }));
    assert.match(mismatch.kind === 'problem' ? mismatch.problem.message : '', /03-09-2025, ikke den 04-09-2025/);
  });

  it('leaves a participant off the roster for the database to tell unknown from not placed', () => {
    assert.deepEqual(index.resolve(2, line({ participantCode: 'P-B' })), { kind: 'unplaced', participantCode: 'P-B', courseCode: 'BRAND-2025E' });
  });
});

describe('finding repeated rows', () => {
  it('answers the first row of a key seen before, across growth of the table', () => {
    const seen = new SeenAttendance();
    for (let i = 0; i < 100_000; i++) assert.equal(seen.firstRowOf(i * 2 ** 24 + (i % 7), i + 2), null);
    assert.equal(seen.firstRowOf(5 * 2 ** 24 + 5, 999_999), 7);
    assert.equal(seen.count, 100_000);
  });
});
