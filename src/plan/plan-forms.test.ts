import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityTarget, StaffHours } from './content/types.js';
import { changedFields, decisionFormErrors, errorsOnRows, newTargetCode, parseFormNumber, readDecision, readStaffHoursRows, readTargetRows } from './plan-forms.js';
import { targetFigure } from './plan.labels.js';

const brandkadet: ActivityTarget[] = [
  { code: 'brandkadet-deltagere', measure: 'unge', kind: 'minimum', min: 12, per: 'plan-year', printed: 'Minimum 12 unge', ref: { lines: [2497, 2497] } },
  { code: 'brandkadet-undervisningsgange', measure: 'undervisningsgange', kind: 'range', min: 10, max: 12, per: 'course', printed: '10-12 undervisningsgange', ref: { lines: [2495, 2495] } },
];

/** The form as the browser sends it for the targets above, plus an empty row for a new target. */
function targetForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    targetRows: '3',
    'targets[0].code': 'brandkadet-deltagere', 'targets[0].measure': 'unge', 'targets[0].kind': 'minimum', 'targets[0].min': '12', 'targets[0].max': '', 'targets[0].value': '', 'targets[0].per': 'plan-year', 'targets[0].printed': 'Minimum 12 unge',
    'targets[1].code': 'brandkadet-undervisningsgange', 'targets[1].measure': 'undervisningsgange', 'targets[1].kind': 'range', 'targets[1].min': '10', 'targets[1].max': '12', 'targets[1].value': '', 'targets[1].per': 'course', 'targets[1].printed': '10-12 undervisningsgange',
    'targets[2].code': '', 'targets[2].measure': '', 'targets[2].kind': 'minimum', 'targets[2].min': '', 'targets[2].max': '', 'targets[2].value': '', 'targets[2].per': 'plan-year', 'targets[2].printed': '',
    ...overrides,
  };
}

describe('reading the plan’s edit forms', () => {
  it('reads numbers as Danes type them and refuses what is not a number', () => {
    assert.equal(parseFormNumber('12'), 12);
    assert.equal(parseFormNumber(' 12,5 '), 12.5);
    assert.equal(parseFormNumber('1.234'), 1234);
    assert.equal(parseFormNumber(''), undefined);
    assert.equal(parseFormNumber('tolv'), null);
    assert.equal(parseFormNumber('-3'), null);
  });

  it('gives back the current targets unchanged, with their references, when nothing was edited', () => {
    const read = readTargetRows(targetForm(), 'brandkadet', brandkadet);
    assert.deepEqual(read.errors, []);
    assert.deepEqual(read.targets, brandkadet);
    assert.deepEqual(changedFields({ targets: brandkadet }, { targets: read.targets }), {});
  });

  it('changes one target, removes another and adds a new one with a code made from what it counts', () => {
    const read = readTargetRows(
      targetForm({
        'targets[0].min': '14', 'targets[1].remove': '1',
        'targets[2].measure': 'unge på førstehjælpskursus', 'targets[2].kind': 'approximate', 'targets[2].value': '10', 'targets[2].printed': 'ca. 10 unge på kursus',
      }),
      'brandkadet',
      brandkadet,
    );
    assert.deepEqual(read.errors, []);
    assert.deepEqual(read.targets.map((t) => [t.code, targetFigure(t)]), [['brandkadet-deltagere', 'mindst 14'], ['brandkadet-unge-paa-foerstehjaelpskursus', 'ca. 10']]);
    assert.deepEqual(read.targets[0]!.ref, brandkadet[0]!.ref, 'the reference to the plan is kept');
    assert.deepEqual(read.rowOf, [0, 2]);
  });

  it('reports each problem of a target row on its own field, in Danish', () => {
    const read = readTargetRows(targetForm({ 'targets[0].min': 'tolv', 'targets[1].max': '8', 'targets[2].measure': 'nyt', 'targets[2].kind': 'exact' }), 'brandkadet', brandkadet);
    assert.deepEqual(read.errors.map((e) => e.field), ['targets[0].min', 'targets[1].max', 'targets[2].value', 'targets[2].printed']);
    assert.match(read.errors[0]!.message, /^Mål 1: «tolv» er ikke et tal/);
    assert.match(read.errors[1]!.message, /«højst» må ikke være mindre end «mindst»/);
  });

  it('makes a new target code unique among the activity’s codes', () => {
    assert.equal(newTargetCode('npu', 'Forløb', new Set(['npu-forloeb'])), 'npu-forloeb-2');
  });

  it('reads staff hours, keeping what the form does not show, and refuses an unknown activity', () => {
    const current: StaffHours[] = [{ organisation: 'Ungdomsskolen', activity: 'brandkadet', hoursPerYear: 276, hoursInPeriod: 1104, printed: 'Årligt 276 timer', ref: { lines: [1, 1] } }];
    const body = {
      staffRows: '2',
      'staffHours[0].source': '0', 'staffHours[0].organisation': 'Ungdomsskolen', 'staffHours[0].activity': 'brandkadet', 'staffHours[0].hoursPerYear': '300', 'staffHours[0].printed': 'Årligt 300 timer',
      'staffHours[1].source': '', 'staffHours[1].organisation': 'Falck', 'staffHours[1].activity': 'ukendt', 'staffHours[1].hoursPerYear': '', 'staffHours[1].printed': 'Efter behov',
    };
    const read = readStaffHoursRows(body, current, new Set(['brandkadet']));
    assert.deepEqual(read.staffHours, [{ organisation: 'Ungdomsskolen', activity: 'brandkadet', hoursPerYear: 300, hoursInPeriod: 1104, printed: 'Årligt 300 timer', ref: { lines: [1, 1] } }]);
    assert.deepEqual(read.errors.map((e) => e.field), ['staffHours[1].activity']);
  });

  it('treats CRLF from a text area and an empty optional text as no change', () => {
    assert.deepEqual(changedFields({ content: 'a\n\nb', resources: undefined }, { content: 'a\n\nb', resources: '' }), {});
  });

  it('puts the service’s message for a target on the form row it came from', () => {
    const moved = errorsOnRows([{ field: 'targets[1].min', message: 'x' }, { field: 'targets[0]', message: 'y' }, { field: 'reason', message: 'z' }], 'targets', [0, 3], ['measure', 'min']);
    assert.deepEqual(moved.map((e) => e.field), ['targets[3].min', 'targets[0].measure', 'reason']);
  });

  it('asks for the board’s answer, the date and a reference at once', () => {
    const form = readDecision({ decisionDate: '2026-02-30', note: ' ' }, 'consensus');
    assert.deepEqual(decisionFormErrors(form, 'consensus').map((e) => e.field), ['consensus', 'decisionDate', 'note']);
    assert.deepEqual(decisionFormErrors(readDecision({ consensus: 'ja' }, 'consensus'), 'consensus'), [], 'with an answer, the service checks the rest');
  });
});
