import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkActivation, checkLevelChange, checkPolice, describePolice, meetingAfterDeadline, parseContactTime, localInputValue, type ActivationInput } from './incidents.js';

/** Saturday 28 March 2026, 20:30 in Copenhagen (winter time, +01:00). */
const NOW = new Date('2026-03-28T19:30:00Z');
const AREAS = ['vangdalen', 'gl-jennumparken'];
const context = { areaSlugs: AREAS, memberIds: ['m1', 'm2'], now: NOW, maySpeakForOthers: false, isMember: true };

const anActivation = (overrides: Partial<ActivationInput> = {}): ActivationInput => ({
  areaSlug: 'vangdalen',
  level: 'roed',
  situationType: 'ildspaasaettelse',
  description: 'Brand i en kælder.',
  police: { status: 'vurderet', contact: 'Lasse Bonde', contactedAt: '2026-03-28T20:10', assessedLevel: 'roed' },
  ...overrides,
});

describe('activation rules', () => {
  it('accepts a red activation while the police assessment is pending', () => {
    const { errors, value } = checkActivation(anActivation({ police: { status: 'afventer' } }), context);
    assert.deepEqual(errors, []);
    assert.deepEqual(value?.police, { status: 'afventer', contact: null, contactedAt: null, assessedLevel: null });
  });

  it('refuses a yellow activation without a recorded police consultation, in Danish on the police status', () => {
    const { errors, value } = checkActivation(anActivation({ level: 'gul', situationType: 'gruppekonflikt', police: { status: 'afventer' } }), context);
    assert.equal(value, null);
    assert.equal(errors[0]?.field, 'police.status');
    assert.match(errors[0]!.message, /Ved gult niveau skal politiet kontaktes før aktivering/);
  });

  it('accepts a yellow activation after the duty officer on 114 was called without an assessment', () => {
    const { errors, value } = checkActivation(
      anActivation({ level: 'gul', situationType: 'haervaerk', police: { status: 'vagtchef', contact: 'Vagtchefen', contactedAt: '2026-03-28T19:00:00+01:00' } }),
      context,
    );
    assert.deepEqual(errors, []);
    assert.equal(value?.police.contactedAt, '2026-03-28T18:00:00.000Z');
    assert.equal(value?.police.assessedLevel, null);
  });

  it('names every missing field of an empty form', () => {
    const { errors } = checkActivation({ areaSlug: '', level: '', situationType: '', description: '', police: { status: 'vurderet' } }, context);
    assert.deepEqual(errors.map((e) => e.field), ['areaSlug', 'level', 'situationType', 'description', 'police.contact', 'police.contactedAt', 'police.assessedLevel']);
  });

  it('takes «flere» or null as several areas, stored as no area, and refuses an area the plan does not have', () => {
    assert.equal(checkActivation(anActivation({ areaSlug: 'flere' }), context).value?.areaSlug, null);
    assert.equal(checkActivation(anActivation({ areaSlug: null }), context).value?.areaSlug, null);
    const { errors } = checkActivation(anActivation({ areaSlug: 'aarhus-v' }), context);
    assert.match(errors[0]!.message, /Området «aarhus-v» findes ikke i planen/);
  });

  it('refuses a police contact after now and one more than 30 days back', () => {
    const later = checkPolice({ status: 'vurderet', contact: 'Lasse Bonde', contactedAt: '2026-03-28T21:00', assessedLevel: 'roed' }, { level: 'roed', now: NOW });
    assert.match(later.errors[0]!.message, /kan ikke ligge efter nu/);
    const old = checkPolice({ status: 'vurderet', contact: 'Lasse Bonde', contactedAt: '2026-02-01T10:00', assessedLevel: 'roed' }, { level: 'roed', now: NOW });
    assert.match(old.errors[0]!.message, /mere end 30 dage tilbage/);
  });

  it('does not take «afventer» when recording an assessment afterwards', () => {
    const { errors } = checkPolice({ status: 'afventer' }, { level: 'roed', now: NOW, afterwards: true });
    assert.equal(errors[0]?.field, 'police.status');
  });

  it('lets only the secretariat activate on behalf of another, and makes one without a member row name whom', () => {
    const member = checkActivation(anActivation({ onBehalfOf: { name: 'Vicevært Hans' } }), context);
    assert.match(member.errors[0]!.message, /Kun sekretariatet/);
    const secretariat = { ...context, maySpeakForOthers: true, isMember: false };
    assert.match(checkActivation(anActivation(), secretariat).errors[0]!.message, /vælg det medlem eller skriv navnet/);
    assert.deepEqual(checkActivation(anActivation({ onBehalfOf: { memberId: 'm2' } }), secretariat).value?.onBehalfOf, { memberId: 'm2' });
    assert.match(checkActivation(anActivation({ onBehalfOf: { memberId: 'x' } }), secretariat).errors[0]!.message, /findes ikke i beredskabsgruppen/);
  });
});

describe('level changes', () => {
  it('refuses the current level and a missing reason', () => {
    const { errors } = checkLevelChange('roed', { level: 'roed', reason: ' ' });
    assert.deepEqual(errors.map((e) => e.field), ['level', 'reason']);
    assert.match(errors[0]!.message, /allerede på rødt niveau/);
  });
  it('accepts the other level with a reason', () => {
    assert.equal(checkLevelChange('gul', { level: 'roed', reason: 'Skud affyret' }).level, 'roed');
  });
});

describe('times and texts', () => {
  it('reads a phone date-time field as Copenhagen time, also in summer', () => {
    assert.equal(parseContactTime('2026-03-29T20:30')?.toISOString(), '2026-03-29T18:30:00.000Z');
    assert.equal(parseContactTime('2026-02-30T20:30'), null);
    assert.equal(localInputValue(new Date('2026-03-29T18:30:00Z')), '2026-03-29T20:30');
  });
  it('describes the duty-officer call with 114 and whether an assessment was given', () => {
    const text = describePolice({ status: 'vagtchef', contact: 'Vagtchef Jensen', contactedAt: '2026-03-28T19:15:00.000Z', assessedLevel: null });
    assert.match(text, /vagtchefen er ringet op på 114: Vagtchef Jensen svarede lørdag den 28\. marts 2026 kl\. 20\.15 og gav ingen vurdering/);
  });
  it('warns only when the planned meeting lies after the deadline', () => {
    assert.equal(meetingAfterDeadline({ meetingPlannedAt: '2026-03-30T10:00:00Z', deadlineAt: '2026-03-29T19:30:00Z' }), true);
    assert.equal(meetingAfterDeadline({ meetingPlannedAt: '2026-03-29T10:00:00Z', deadlineAt: '2026-03-29T19:30:00Z' }), false);
    assert.equal(meetingAfterDeadline({ meetingPlannedAt: null, deadlineAt: '2026-03-29T19:30:00Z' }), false);
  });
});
