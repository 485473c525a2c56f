import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createEnrolmentRowReader, enrolmentTemplateCsv } from './enrolment-rows.js';

const activities = [
  { slug: 'brandkadet', name: 'Brandkadet' },
  { slug: 'trivsel-i-skolen', name: 'Trivsel i skolen' },
];
const header = (cells: string[]) => ({ row: 1, cells });
const row = (n: number, cells: string[]) => ({ row: n, cells });

describe('reading an enrolment spreadsheet', () => {
  it('finds the columns by name in any order, forgiving case, spaces and Danish spelling', () => {
    const reader = createEnrolmentRowReader(header(['Status', 'Start dato', 'Aktivitet', 'Deltagerkode', 'Henvist fra']), activities);
    assert.deepEqual(reader.headerProblems, []);
    const result = reader.read(row(2, ['', '01-09-2025', 'brandkadet', 'P-7K3P9Q2M-X', 'Trivsel i skolen']));
    assert.equal(result.kind, 'ok');
    assert.deepEqual(result.kind === 'ok' && result.input, {
      activity: 'brandkadet', startDate: '2025-09-01', endDate: '', status: 'aktiv', referralKind: 'aktivitet', referredFromActivity: 'trivsel-i-skolen', referredBy: '', overrideReason: '',
    });
  });

  it('reports a missing required column and an unknown one', () => {
    const reader = createEnrolmentRowReader(header(['deltagerkode', 'start', 'farve']), activities);
    assert.equal(reader.readable, false);
    assert.deepEqual(reader.headerProblems.map((p) => p.column).sort(), ['aktivitet', 'farve']);
  });

  it('reads a referral that names no activity as a partner, and «selv» as coming on their own', () => {
    const reader = createEnrolmentRowReader(header(['deltagerkode', 'aktivitet', 'start', 'henvist_fra']), activities);
    const partner = reader.read(row(2, ['P-7K3P9Q2M-X', 'Brandkadet', '2025-09-01', 'SSP Randers']));
    assert.deepEqual(partner.kind === 'ok' && [partner.input.referralKind, partner.input.referredBy], ['partner', 'SSP Randers']);
    const self = reader.read(row(3, ['P-7K3P9Q2M-X', 'Brandkadet', '2025-09-01', 'Selv']));
    assert.equal(self.kind === 'ok' && self.input.referralKind, 'selv');
  });

  it('takes an end date without a status as a finished enrolment', () => {
    const reader = createEnrolmentRowReader(header(['deltagerkode', 'aktivitet', 'start', 'slut']), activities);
    const result = reader.read(row(2, ['P-7K3P9Q2M-X', 'Brandkadet', '2025-09-01', '2025-12-01']));
    assert.equal(result.kind === 'ok' && result.input.status, 'afsluttet');
  });

  it('reports every problem of a row by column, an unreadable date once', () => {
    const reader = createEnrolmentRowReader(header(['deltagerkode', 'aktivitet', 'start', 'slut', 'status']), activities);
    const result = reader.read(row(7, ['', 'Svømning', '31-09-2025', '', 'måske']));
    assert.equal(result.kind, 'problems');
    const columns = result.kind === 'problems' ? result.problems.map((p) => `${p.row}:${p.column}`) : [];
    assert.deepEqual(columns, ['7:deltagerkode', '7:aktivitet', '7:start', '7:status']);
  });

  it('reports an end before the start under slut', () => {
    const reader = createEnrolmentRowReader(header(['deltagerkode', 'aktivitet', 'start', 'slut']), activities);
    const result = reader.read(row(4, ['P-7K3P9Q2M-X', 'Brandkadet', '2025-09-01', '2025-08-01']));
    assert.deepEqual(result.kind === 'problems' && result.problems.map((p) => p.column), ['slut']);
  });

  it('skips a blank row', () => {
    const reader = createEnrolmentRowReader(header(['deltagerkode', 'aktivitet', 'start']), activities);
    assert.equal(reader.read(row(5, ['', ' ', ''])).kind, 'blank');
  });

  it('writes a template whose header the reader accepts', () => {
    const [first] = enrolmentTemplateCsv().replace(/^\uFEFF/, '').split('\r\n');
    const reader = createEnrolmentRowReader(header(first!.split(';')), activities);
    assert.deepEqual(reader.headerProblems, []);
  });
});
