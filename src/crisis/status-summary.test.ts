import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStatusSummary, deadlineOutcome, isStaleContact, NO_AREA, type SummaryIncident, type SummaryInput } from './status-summary.js';

/** 1 December 2026, the morning of a status meeting. */
const NOW = new Date('2026-12-01T09:00:00Z');

let next = 1;
function anIncident(overrides: Partial<SummaryIncident> = {}): SummaryIncident {
  const number = next++;
  return {
    id: `i${number}`,
    number,
    level: 'gul',
    areaSlug: 'vangdalen',
    situationType: 'haervaerk',
    activatedAt: '2026-03-02T10:00:00Z',
    deadlineAt: '2026-03-05T22:59:59Z',
    meetingHeldAt: '2026-03-04T13:00:00Z',
    stoodDownAt: '2026-03-20T12:00:00Z',
    evaluation: 'udfoert',
    ...overrides,
  };
}

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    year: 2026,
    now: NOW,
    incidents: [],
    levelChanges: [],
    members: [],
    staleAfterMonths: 12,
    openTasks: [],
    areaNames: { 'gl-jennumparken': 'Gl. Jennumparken', vangdalen: 'Vangdalen' },
    ...overrides,
  };
}

describe('whether the crisis group met by the deadline', () => {
  const deadline = '2026-03-08T19:30:00.000Z';

  it('counts a meeting held at exactly the deadline as met', () => {
    assert.equal(deadlineOutcome(deadline, deadline, NOW), 'overholdt');
  });

  it('counts a meeting held one second after the deadline as missed', () => {
    assert.equal(deadlineOutcome(deadline, '2026-03-08T19:30:01.000Z', NOW), 'overskredet');
  });

  it('counts no meeting registered as missed once the deadline has passed', () => {
    assert.equal(deadlineOutcome(deadline, null, new Date('2026-03-08T19:30:00.001Z')), 'overskredet');
  });

  it('counts no meeting registered as «ikke registreret» while the deadline has not passed, also at the deadline itself', () => {
    assert.equal(deadlineOutcome(deadline, null, new Date(deadline)), 'ikke registreret');
    assert.equal(deadlineOutcome(deadline, null, new Date('2026-03-07T12:00:00Z')), 'ikke registreret');
  });

  it('compares instants, not the text: a meeting written with an offset before the deadline is met', () => {
    assert.equal(deadlineOutcome('2026-03-08T19:30:00Z', '2026-03-08T20:15:00+01:00', NOW), 'overholdt');
  });
});

describe('stale contact data', () => {
  it('treats contact data never confirmed as stale', () => {
    assert.equal(isStaleContact(null, NOW, 12), true);
  });

  it('treats data as current until the same Danish date twelve months on, and stale from that date', () => {
    assert.equal(isStaleContact('2025-12-02T09:00:00.000Z', NOW, 12), false);
    assert.equal(isStaleContact('2025-12-01T23:30:00.000Z', NOW, 12), false);
    assert.equal(isStaleContact('2025-12-01T09:00:00.000Z', NOW, 12), true);
  });
});

describe('the summary of a year for the annual status meeting', () => {
  it('counts activations by level, area (the plan\'s order) and situation type (the plan\'s order)', () => {
    const summary = buildStatusSummary(
      input({
        incidents: [
          anIncident({ level: 'roed', areaSlug: 'vangdalen', situationType: 'skyderi' }),
          anIncident({ level: 'gul', areaSlug: 'gl-jennumparken', situationType: 'narkotikahandel' }),
          anIncident({ level: 'gul', areaSlug: null, situationType: 'narkotikahandel' }),
          anIncident({ level: 'gul', areaSlug: 'vangdalen', situationType: 'gruppekonflikt' }),
        ],
      }),
    );
    assert.equal(summary.activations.total, 4);
    assert.deepEqual(summary.activations.byLevel.map((l) => [l.level, l.count]), [['gul', 3], ['roed', 1]]);
    assert.deepEqual(summary.activations.byArea.map((a) => [a.label, a.count]), [['Gl. Jennumparken', 1], ['Vangdalen', 2], ['Flere områder', 1]]);
    assert.equal(summary.activations.byArea[2]!.key, NO_AREA);
    assert.deepEqual(summary.activations.bySituation.map((s) => [s.label, s.count]), [
      ['Uro og konflikt mellem grupperinger', 1],
      ['Øget handel med narkotika', 2],
      ['Skyderi', 1],
    ]);
  });

  it('lists each incident with its deadline outcome and counts met, missed and not registered', () => {
    const met = anIncident({ deadlineAt: '2026-05-01T10:00:00.000Z', meetingHeldAt: '2026-05-01T10:00:00.000Z' });
    const late = anIncident({ deadlineAt: '2026-05-01T10:00:00.000Z', meetingHeldAt: '2026-05-02T08:00:00.000Z' });
    const never = anIncident({ deadlineAt: '2026-06-01T10:00:00.000Z', meetingHeldAt: null });
    const open = anIncident({ deadlineAt: '2026-12-02T22:59:59.000Z', meetingHeldAt: null, stoodDownAt: null, evaluation: null });
    const summary = buildStatusSummary(input({ incidents: [open, never, late, met] }));
    assert.deepEqual(
      { met: summary.deadlines.met, missed: summary.deadlines.missed, notRecorded: summary.deadlines.notRecorded },
      { met: 1, missed: 2, notRecorded: 1 },
    );
    assert.deepEqual(summary.deadlines.incidents.map((i) => [i.number, i.outcome]), [
      [met.number, 'overholdt'],
      [late.number, 'overskredet'],
      [never.number, 'overskredet'],
      [open.number, 'ikke registreret'],
    ]);
  });

  it('counts evaluations done, pending (also with none stored), not needed and not stood down, and flags those past fourteen days', () => {
    const summary = buildStatusSummary(
      input({
        incidents: [
          anIncident({ evaluation: 'udfoert' }),
          anIncident({ evaluation: null, stoodDownAt: '2026-11-25T12:00:00Z' }),
          anIncident({ evaluation: 'evalueres', stoodDownAt: '2026-11-01T12:00:00Z' }),
          anIncident({ evaluation: 'ikke_noedvendig', stoodDownAt: '2026-01-10T12:00:00Z' }),
          anIncident({ evaluation: null, stoodDownAt: null }),
        ],
      }),
    );
    const e = summary.evaluations;
    assert.deepEqual({ done: e.done, pending: e.pending, notNeeded: e.notNeeded, notStoodDown: e.notStoodDown, overdue: e.overdue }, { done: 1, pending: 2, notNeeded: 1, notStoodDown: 1, overdue: 1 });
    assert.deepEqual(e.incidents.map((i) => [i.label, i.overdue]), [
      ['Evalueret', false],
      ['Afventer beslutning', false],
      ['Evalueres', true],
      ['Ikke nødvendig', false],
      ['Ikke afmeldt endnu', false],
    ]);
  });

  it('lists members whose contact data is unconfirmed or older than the settings allow, and no one else', () => {
    const summary = buildStatusSummary(
      input({
        staleAfterMonths: 6,
        members: [
          { role: 'SSP-konsulent', organisation: 'Randers Ungdomsskole', name: 'A', substitute: false, contactConfirmedAt: '2026-09-01T10:00:00Z' },
          { role: 'Politikommissær', organisation: 'Østjyllands Politi', name: 'B', substitute: false, contactConfirmedAt: '2026-05-31T10:00:00Z' },
          { role: 'Politikommissær', organisation: 'Østjyllands Politi', name: 'C', substitute: true, contactConfirmedAt: null },
        ],
      }),
    );
    assert.equal(summary.staleContacts.total, 2);
    assert.deepEqual(summary.staleContacts.members.map((m) => m.name), ['B', 'C']);
    assert.equal(summary.staleContacts.staleAfterMonths, 6);
  });

  it('keeps only counts and incident facts: no description or log text can enter it', () => {
    const summary = buildStatusSummary(input({ incidents: [anIncident()] }));
    const text = JSON.stringify(summary);
    assert.doesNotMatch(text, /description|text/);
    assert.equal(summary.year, 2026);
    assert.equal(summary.generatedAt, NOW.toISOString());
  });

  it('orders level changes by time and open tasks by incident and deadline, undated last', () => {
    const summary = buildStatusSummary(
      input({
        levelChanges: [
          { incidentId: 'b', incidentNumber: 2, at: '2026-07-01T10:00:00Z', from: 'gul', to: 'roed' },
          { incidentId: 'a', incidentNumber: 1, at: '2026-04-01T10:00:00Z', from: 'roed', to: 'gul' },
        ],
        openTasks: [
          { incidentId: 'a', incidentNumber: 1, title: 'Uden frist', ownerLabel: 'SSP', deadlineAt: null, status: 'aaben' },
          { incidentId: 'a', incidentNumber: 1, title: 'Med frist', ownerLabel: 'SSP', deadlineAt: '2026-05-01T10:00:00Z', status: 'i_gang' },
        ],
      }),
    );
    assert.deepEqual(summary.levelChanges.changes.map((c) => c.incidentNumber), [1, 2]);
    assert.deepEqual(summary.openTasks.tasks.map((t) => t.title), ['Med frist', 'Uden frist']);
    assert.equal(summary.openTasks.total, 2);
  });
});
