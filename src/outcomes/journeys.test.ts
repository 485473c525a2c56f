import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { journeys, referralFlows, type JourneyEnrolment } from './journeys.js';

const YEAR = { label: 'planår 2025/26', start: '2025-08-01', end: '2026-07-31' };
const WHOLE = { label: 'Hele planperioden', start: '2025-08-01', end: '2029-07-31' };

const enrolment = (participantId: string, activity: string, overrides: Partial<JourneyEnrolment> = {}): JourneyEnrolment => ({
  participantId, householdId: null, activity, startDate: '2025-09-01', endDate: null, status: 'aktiv', referralKind: 'selv', referredFromActivity: null, referredBy: null, ...overrides,
});

const shownValues = (cells: { shown: boolean; value?: number }[]) => cells.map((c) => (c.shown ? c.value : null));

describe('journeys across activities', () => {
  it('counts families in two activities through their members, and hides small counts', () => {
    const list: JourneyEnrolment[] = [];
    // Six families, each with one child in Trivsel i skolen and a sibling in Brandkadet.
    for (let f = 0; f < 6; f++) {
      list.push(enrolment(`a${f}`, 'trivsel-i-skolen', { householdId: `h${f}` }), enrolment(`b${f}`, 'brandkadet', { householdId: `h${f}` }));
    }
    // Seven participants in one activity only, without a household.
    for (let i = 0; i < 7; i++) list.push(enrolment(`c${i}`, 'lommepengejobs'));
    const result = journeys(list, [YEAR], WHOLE, 5);
    assert.deepEqual(shownValues(result.families[0]!.cells as never), [7, 6, 0]);
    assert.deepEqual(shownValues(result.participants[0]!.cells as never), [19, 0, 0]);
    assert.deepEqual(result.pairs, [{ a: 'brandkadet', b: 'trivsel-i-skolen', families: 6 }]);
  });

  it('does not list a pair shared by fewer than five families, but says how many were left out', () => {
    const list = [0, 1, 2].flatMap((f) => [enrolment(`a${f}`, 'familiedage', { householdId: `h${f}` }), enrolment(`b${f}`, 'npu', { householdId: `h${f}` })]);
    const result = journeys(list, [YEAR], WHOLE, 5);
    assert.deepEqual(result.pairs, []);
    assert.equal(result.pairsNotShown, 1);
  });

  it('leaves out waiting-list enrolments and those outside the plan year', () => {
    const list = [
      enrolment('p1', 'brandkadet'), enrolment('p1', 'npu', { status: 'venteliste' }), enrolment('p1', 'lommepengejobs', { startDate: '2026-09-01' }),
    ];
    const result = journeys(list, [YEAR], WHOLE, 1);
    assert.deepEqual(shownValues(result.participants[0]!.cells as never), [1, 0, 0]);
    assert.deepEqual(shownValues(result.participants[1]!.cells as never), [0, 1, 0]);
  });

  it('puts referrals from activities and from partners in a from × to table with totals', () => {
    const list = [
      ...Array.from({ length: 6 }, (_, i) => enrolment(`x${i}`, 'brandkadet', { referralKind: 'aktivitet', referredFromActivity: 'lommepengejobs' })),
      ...Array.from({ length: 5 }, (_, i) => enrolment(`y${i}`, 'brandkadet', { referralKind: 'partner', referredBy: i % 2 ? 'UUR' : 'uur ' })),
      enrolment('z', 'teenagegrupper', { referralKind: 'selv' }),
    ];
    const flows = referralFlows(list, 5);
    assert.deepEqual(flows.from, ['lommepengejobs', 'partner:uur']);
    assert.deepEqual(flows.to, ['brandkadet']);
    assert.equal(flows.partnerNames['partner:uur'], 'uur');
    assert.deepEqual(flows.table.cells.map((r) => r.map((c) => (c.shown ? c.value : null))), [[6], [5]]);
    assert.deepEqual(flows.table.grandTotal, { shown: true, value: 11 });
  });

  it('hides a small flow and another cell so that it cannot be worked out from the totals', () => {
    const list = [
      ...Array.from({ length: 3 }, (_, i) => enrolment(`x${i}`, 'brandkadet', { referralKind: 'aktivitet', referredFromActivity: 'lommepengejobs' })),
      ...Array.from({ length: 9 }, (_, i) => enrolment(`y${i}`, 'teenagegrupper', { referralKind: 'aktivitet', referredFromActivity: 'lommepengejobs' })),
      ...Array.from({ length: 8 }, (_, i) => enrolment(`z${i}`, 'brandkadet', { referralKind: 'aktivitet', referredFromActivity: 'teenagegrupper' })),
    ];
    const flows = referralFlows(list, 5);
    const hidden = flows.table.cells.flat().filter((c) => !c.shown).length + [...(flows.table.rowTotals ?? []), ...(flows.table.columnTotals ?? [])].filter((c) => !c.shown).length;
    assert.ok(hidden >= 2, 'the small cell and at least one more are hidden');
    assert.deepEqual(flows.table.cells[0]![0], { shown: false, reason: 'small' });
  });
});
