import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateYearCalendar } from './meeting-calendar.js';
import { defaultTitle, mayManage, maySeeContacts, meetingLabel, warningsOf, type Meeting } from './meetings.service.js';

/** Randers' 2026 calendar as the service stores it. */
function stored2026(): Meeting[] {
  return generateYearCalendar(2026).map((p, i) => ({
    id: `m${i}`,
    body: p.body,
    kind: p.kind,
    title: defaultTitle(p.body, p.kind),
    date: p.date,
    startsAt: p.startsAt,
    durationMinutes: 120,
    location: null,
    status: 'planlagt',
    icsSequence: 0,
    minutesPublishedAt: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedByLabel: 'test',
  }));
}

describe('meetings as pages and other parts name them', () => {
  it('labels a meeting by its title and Danish date, «Styregruppemøde (forår) 5. maj 2026»', () => {
    const spring = stored2026().find((m) => m.body === 'styregruppe' && m.kind === 'forår')!;
    assert.equal(meetingLabel(spring), 'Styregruppemøde (forår) 5. maj 2026');
    assert.equal(defaultTitle('bestyrelse', 'strategisk'), 'Bestyrelsesmøde (strategisk)');
    assert.equal(defaultTitle('styregruppe', 'ekstra'), 'Styregruppemøde (ekstra)');
  });

  it('ties a cadence warning to the stored meeting it is about', () => {
    const meetings = stored2026().map((m) => (m.body === 'styregruppe' && m.kind === 'forår' ? { ...m, date: '2026-05-19' } : m));
    const warnings = warningsOf(2026, meetings);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.meetingId, meetings.find((m) => m.date === '2026-05-19')!.id);
    assert.match(warnings[0]!.message, /kun 7 dage/);
  });

  it('leaves extra meetings out of the cadence, and counts a cancelled fixed meeting as missing', () => {
    const extra: Meeting = { ...stored2026()[0]!, id: 'x', kind: 'ekstra', date: '2026-05-25' };
    assert.deepEqual(warningsOf(2026, [...stored2026(), extra]), []);
    const cancelled = stored2026().map((m) => (m.body === 'bestyrelse' && m.kind === 'efterår' ? { ...m, status: 'aflyst' as const } : m));
    const warnings = warningsOf(2026, cancelled);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /Bestyrelsens faste efterårsmøde 2026 mangler/);
    assert.equal(warnings[0]!.meetingId, null);
  });

  it('shows contact details to the secretariat, to the crisis group only for its own members, and to no one else', () => {
    assert.equal(maySeeContacts({ roles: ['sekretariat'] }, 'bestyrelse'), true);
    assert.equal(maySeeContacts({ roles: ['administrator'] }, 'styregruppe'), true);
    assert.equal(maySeeContacts({ roles: ['bestyrelse'] }, 'bestyrelse'), false);
    assert.equal(maySeeContacts({ roles: ['beredskab'] }, 'beredskabsgruppe'), true);
    assert.equal(maySeeContacts({ roles: ['beredskab'] }, 'styregruppe'), false);
    assert.equal(maySeeContacts({ roles: ['partner'] }, 'beredskabsgruppe'), false);
    assert.equal(mayManage({ roles: ['partner', 'bestyrelse'] }), false);
    assert.equal(mayManage({ roles: ['sekretariat'] }), true);
  });
});
