import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  communicationInputErrors,
  decisionRefusal,
  editRefusal,
  pressContactErrors,
  rejectionErrors,
  ruleOf,
  sendRefusal,
  statusAfterEdit,
  submitRefusal,
  suggestCommunicationPlan,
  type CommunicationContent,
  type CommunicationInput,
  type SuggestionMember,
} from './communication.js';
import { COMMUNICATION_RULES, PRESS_CONTACT_SEEDS } from './content/communication.js';

const roster: SuggestionMember[] = [
  { id: 'ssp', role: 'SSP-konsulent', organisation: 'Randers Ungdomsskole', name: 'Claus Hansen', substituteFor: null },
  { id: 'pol', role: 'Politikommissær', organisation: 'Østjyllands Politi', name: 'Lasse Bonde', substituteFor: null },
  { id: 'pol-sup', role: 'Politikommissær', organisation: 'Østjyllands Politi', name: 'Allan Aarslev', substituteFor: 'pol' },
  { id: 'chef', role: 'Chef for bystrategisk udvikling', organisation: 'Bysekretariatet', name: 'Louise Hou Kragh', substituteFor: null },
  { id: 'rb', role: 'Inspektør', organisation: 'RandersBolig/driften', name: 'Peter Pedersen', substituteFor: null },
  { id: 'lb', role: 'Lokalinspektør', organisation: 'Lejerbo', name: 'Jørgen Lajer', substituteFor: null },
];
const facts = { situation: 'ildspåsættelse', area: 'Gl. Jennumparken', level: 'rødt niveau' };

const content = (over: Partial<CommunicationContent> = {}): CommunicationContent => ({
  audience: 'beboere',
  audienceDetail: null,
  responsibleMemberId: 'chef',
  responsibleLabel: 'Louise Hou Kragh',
  message: 'Kære beboere',
  channel: 'opslag',
  plannedAt: null,
  ...over,
});

const input = (over: Partial<CommunicationInput> = {}): CommunicationInput => ({
  audience: 'beboere',
  audienceDetail: '',
  responsibleMemberId: 'chef',
  responsibleName: '',
  message: 'Kære beboere',
  channel: 'sms',
  plannedAt: '',
  ...over,
});

describe('the approval of a communication item', () => {
  it('refuses to mark an item as sent unless it is approved', () => {
    for (const status of ['kladde', 'til_godkendelse', 'afvist'] as const) {
      assert.match(sendRefusal({ status, submittedByUserId: 'u1' }) ?? '', /før det er godkendt/);
    }
    assert.equal(sendRefusal({ status: 'godkendt', submittedByUserId: 'u1' }), null);
    assert.match(sendRefusal({ status: 'udsendt', submittedByUserId: 'u1' }) ?? '', /allerede/);
  });

  it('refuses the submitter as approver (four eyes) but lets anyone else decide', () => {
    const item = { status: 'til_godkendelse' as const, submittedByUserId: 'u1' };
    assert.match(decisionRefusal(item, 'u1') ?? '', /fire øjne/);
    assert.equal(decisionRefusal(item, 'u2'), null);
  });

  it('lets anyone decide an item submitted by the system', () => {
    assert.equal(decisionRefusal({ status: 'til_godkendelse', submittedByUserId: null }, 'u1'), null);
  });

  it('decides only items awaiting approval', () => {
    assert.match(decisionRefusal({ status: 'kladde', submittedByUserId: null }, 'u2') ?? '', /sendes til godkendelse/);
    assert.match(decisionRefusal({ status: 'godkendt', submittedByUserId: null }, 'u2') ?? '', /allerede godkendt/);
  });

  it('submits drafts and rejected items, nothing else', () => {
    assert.equal(submitRefusal({ status: 'kladde', submittedByUserId: null }), null);
    assert.equal(submitRefusal({ status: 'afvist', submittedByUserId: 'u1' }), null);
    assert.notEqual(submitRefusal({ status: 'godkendt', submittedByUserId: 'u1' }), null);
    assert.notEqual(submitRefusal({ status: 'udsendt', submittedByUserId: 'u1' }), null);
  });

  it('puts an approved item back to draft when its message changes', () => {
    assert.equal(statusAfterEdit('godkendt', content(), content({ message: 'Kære beboere i Vangdalen' })), 'kladde');
    assert.equal(statusAfterEdit('til_godkendelse', content(), content({ channel: 'sms' })), 'kladde');
  });

  it('keeps the approval when only the planned time moves', () => {
    assert.equal(statusAfterEdit('godkendt', content(), content({ plannedAt: '2026-03-01T10:00:00.000Z' })), 'godkendt');
  });

  it('never edits a sent item', () => {
    assert.notEqual(editRefusal({ status: 'udsendt', submittedByUserId: null }), null);
    assert.equal(editRefusal({ status: 'godkendt', submittedByUserId: null }), null);
  });

  it('requires a reason to reject', () => {
    assert.deepEqual(rejectionErrors('  ').map((e) => e.field), ['reason']);
    assert.deepEqual(rejectionErrors('Navnet på skolen skal ud'), []);
  });
});

describe('checking an item', () => {
  it('names each wrong field in Danish', () => {
    const errors = communicationInputErrors(input({ audience: 'naboer', channel: 'brevdue', message: ' ', responsibleMemberId: '', responsibleName: '' }));
    assert.deepEqual(errors.map((e) => e.field).sort(), ['audience', 'channel', 'message', 'responsibleMemberId']);
    assert.match(errors.find((e) => e.field === 'channel')!.message, /Opslag i opgangen/);
  });

  it('asks who «andre» are', () => {
    assert.deepEqual(communicationInputErrors(input({ audience: 'andre' })).map((e) => e.field), ['audienceDetail']);
    assert.deepEqual(communicationInputErrors(input({ audience: 'andre', audienceDetail: 'Skolen' })), []);
  });

  it('accepts a named person instead of a member', () => {
    assert.deepEqual(communicationInputErrors(input({ responsibleMemberId: '', responsibleName: 'Kommunikationschef, RandersBolig' })), []);
  });
});

describe('the plan suggested from the beredskabsplan', () => {
  const plan = suggestCommunicationPlan(roster, facts, new Set());

  it('makes the head of strategic urban development responsible for residents and boards', () => {
    for (const key of ['beboere', 'afdelingsbestyrelser', 'boligsociale-medarbejdere']) {
      const item = plan.find((i) => i.suggestionKey === key)!;
      assert.equal(item.responsibleMemberId, 'chef', key);
    }
    const residents = plan.find((i) => i.suggestionKey === 'beboere')!;
    assert.equal(residents.planRef, '3516-3518');
    assert.match(residents.message, /Gl\. Jennumparken/);
    assert.match(residents.message, /ildspåsættelse/);
  });

  it('leaves the press to police and municipality with their communication departments', () => {
    const press = plan.find((i) => i.audience === 'presse')!;
    assert.equal(press.responsibleMemberId, null);
    assert.match(press.responsibleLabel, /Politi og Randers Kommune/);
    assert.equal(press.planRef, '3520-3522');
  });

  it('has each housing organisation inform its own staff', () => {
    assert.equal(plan.find((i) => i.suggestionKey === 'medarbejdere-randersbolig')!.responsibleMemberId, 'rb');
    assert.equal(plan.find((i) => i.suggestionKey === 'medarbejdere-lejerbo')!.responsibleMemberId, 'lb');
  });

  it('has every other principal member inform their own organisation, not the substitutes', () => {
    const own = plan.filter((i) => i.suggestionKey.startsWith('egen-organisation:')).map((i) => i.responsibleMemberId);
    assert.deepEqual(own.sort(), ['pol', 'ssp']);
    assert.match(plan.find((i) => i.suggestionKey === 'egen-organisation:pol')!.audienceDetail!, /Østjyllands Politi/);
  });

  it('names the role when no member holds it any longer', () => {
    const without = suggestCommunicationPlan(roster.filter((m) => m.id !== 'chef'), facts, new Set());
    const residents = without.find((i) => i.suggestionKey === 'beboere')!;
    assert.equal(residents.responsibleMemberId, null);
    assert.equal(residents.responsibleLabel, 'Chef for bystrategisk udvikling, Bysekretariatet');
  });

  it('adds nothing the plan already holds', () => {
    const again = suggestCommunicationPlan(roster, facts, new Set(plan.map((i) => i.suggestionKey)));
    assert.deepEqual(again, []);
  });

  it('finds the rule behind a member-specific suggestion', () => {
    assert.equal(ruleOf('egen-organisation:pol')?.key, 'egen-organisation');
    assert.equal(ruleOf(null), undefined);
  });

  it('refers every rule and press contact to lines of the beredskabsplan', () => {
    for (const r of [...COMMUNICATION_RULES, ...PRESS_CONTACT_SEEDS['randers-2025-29']!]) {
      assert.ok(r.ref.lines[0] >= 3395 && r.ref.lines[1] <= 3545 && r.ref.lines[0] <= r.ref.lines[1], JSON.stringify(r.ref));
    }
  });
});

describe('checking a press contact', () => {
  const contact = { organisation: 'Østjyllands Politi', position: 'Vicepolitiinspektør', name: 'Mads F. Villesen', phone: '93 50 01 70', email: '' };

  it('accepts the plan’s own contacts, phone numbers written as the plan writes them', () => {
    assert.deepEqual(pressContactErrors(contact), []);
    assert.deepEqual(pressContactErrors({ ...contact, phone: '+45 38121466', email: 'presse@politi.dk' }), []);
  });

  it('requires organisation and position, and refuses a phone number that is not digits', () => {
    const errors = pressContactErrors({ organisation: ' ', position: '', name: '', phone: 'ring i morgen', email: 'politi' });
    assert.deepEqual(errors.map((e) => e.field), ['organisation', 'position', 'phone', 'email']);
    assert.match(errors[2]!.message, /«ring i morgen»/);
  });
});
