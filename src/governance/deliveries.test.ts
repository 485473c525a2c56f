import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { danishDate, deadlineProblems, defaultDeadline, deliveryStatus, narrativeProblems, parseFigures, reminderMail, requestMail, subtractWorkingDays } from './deliveries.js';

describe('delivery status', () => {
  it('is «afventer» until the deadline has passed, the deadline day included', () => {
    assert.equal(deliveryStatus('2026-04-21', null, '2026-04-20'), 'afventer');
    assert.equal(deliveryStatus('2026-04-21', null, '2026-04-21'), 'afventer');
  });

  it('is «overskredet» from the day after the deadline when nothing is delivered', () => {
    assert.equal(deliveryStatus('2026-04-21', null, '2026-04-22'), 'overskredet');
  });

  it('is «leveret» when delivered on the deadline day, and stays so after it', () => {
    assert.equal(deliveryStatus('2026-04-21', '2026-04-21', '2026-05-01'), 'leveret');
  });

  it('is «leveret for sent» when delivered after the deadline', () => {
    assert.equal(deliveryStatus('2026-04-21', '2026-04-23', '2026-04-23'), 'leveret for sent');
  });
});

describe('deadlines', () => {
  it('offers 10 working days before the meeting, skipping weekends and Easter', () => {
    // Tuesday 14 April 2026 follows Easter (2-6 April: skærtorsdag, langfredag, 2. påskedag).
    assert.equal(subtractWorkingDays('2026-04-14', 10), '2026-03-26');
    assert.equal(defaultDeadline('2026-04-14', '2026-03-01'), '2026-03-26');
  });

  it('offers today when 10 working days before the meeting have already passed', () => {
    assert.equal(defaultDeadline('2026-04-14', '2026-04-08'), '2026-04-08');
  });

  it('refuses a deadline in the past, naming today', () => {
    const [problem] = deadlineProblems('2026-03-01', '2026-04-14', '2026-03-10');
    assert.match(problem!.message, /er overskredet allerede.*10\. marts 2026/);
  });

  it('refuses a deadline on or after the meeting day', () => {
    assert.match(deadlineProblems('2026-04-14', '2026-04-14', '2026-03-10')[0]!.message, /før mødet 14\. april 2026/);
    assert.equal(deadlineProblems('2026-04-20', '2026-04-14', '2026-03-10').length, 1);
  });

  it('refuses a deadline that is not a date, and accepts one between today and the meeting', () => {
    assert.match(deadlineProblems('21/4', '2026-04-14', '2026-03-10')[0]!.message, /ÅÅÅÅ-MM-DD/);
    assert.deepEqual(deadlineProblems('2026-03-10', '2026-04-14', '2026-03-10'), []);
  });
});

describe('narratives and figures', () => {
  it('refuses a narrative over 2,000 characters with its length', () => {
    assert.deepEqual(narrativeProblems('x'.repeat(2000)), []);
    assert.match(narrativeProblems('x'.repeat(2001))[0]!.message, /højst være 2\.000 tegn; den er 2\.001/);
  });

  it('reads stored figures back, and nothing from text that is not figures', () => {
    const figures = { capturedAt: '2026-04-01T10:00:00.000Z', planYear: '2025/26', hours: [], outputs: [], milestones: [] };
    assert.deepEqual(parseFigures(JSON.stringify(figures)), figures);
    assert.equal(parseFigures('{"hours":3}'), null);
    assert.equal(parseFigures('ikke json'), null);
    assert.equal(parseFigures(null), null);
  });
});

describe('e-mails', () => {
  const facts = { organisation: 'UUR', meeting: 'Styregruppemøde (forår) 14. april 2026', deadline: '2026-03-27', link: 'https://helhed.example/styring/leverancer/1' };

  it('asks for the delivery with the deadline in Danish and the link', () => {
    const mail = requestMail(facts);
    assert.equal(mail.subject, 'Leverance til Styregruppemøde (forår) 14. april 2026: frist 27. marts 2026');
    assert.match(mail.text, /UUR om at levere status .* senest 27\. marts 2026/);
    assert.match(mail.text, /Aflever her: https:\/\/helhed\.example\/styring\/leverancer\/1/);
  });

  it('reminds before the deadline and says the deadline has passed after it', () => {
    assert.match(reminderMail({ ...facts, today: '2026-03-20' }).text, /Husk at aflevere UURs leverance .* senest 27\. marts 2026/);
    assert.match(reminderMail({ ...facts, today: '2026-03-30' }).text, /Fristen for UURs leverance .* var 27\. marts 2026, og vi har ikke modtaget den/);
  });

  it('writes dates in Danish words', () => {
    assert.equal(danishDate('2026-12-01'), '1. december 2026');
  });
});
