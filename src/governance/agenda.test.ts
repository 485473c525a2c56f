import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FIXED_AGENDA, isOverdue, reseedAgenda, seedAgenda, type AttentionFacts } from './agenda.js';

const nothing: AttentionFacts = {
  worseningIndicators: [], outputsBehind: [], milestones: [], missingDeliveries: [], openActions: [], budgetDeviations: [], pendingRecommendations: [], hoursBehind: [],
};

describe('agendas seeded with what needs attention', () => {
  it('keeps the plan\'s fixed items of the board in order, after the follow-up of action items', () => {
    assert.deepEqual(seedAgenda('bestyrelse', nothing).map((i) => i.title), [
      'Opfølgning på aktionspunkter', 'Fremdriftsafrapportering', 'Monitorering', 'Ledelsesrapportering', 'Økonomiopfølgning',
    ]);
  });

  it('keeps the plan\'s fixed items of the steering group, with recommendations to the board last', () => {
    assert.deepEqual(seedAgenda('styregruppe', nothing).map((i) => i.key), ['aktionspunkter', 'fremdrift', 'nyt-fra-deltagerne', 'koordinering', 'indstillinger']);
  });

  it('leaves every fixed item on the agenda with an empty list when nothing needs attention', () => {
    for (const body of ['bestyrelse', 'styregruppe'] as const) {
      const agenda = seedAgenda(body, nothing);
      assert.equal(agenda.length, FIXED_AGENDA[body].length);
      assert.ok(agenda.every((i) => i.attention.length === 0));
    }
  });

  it('puts outputs behind pace, milestones, hours and missing deliveries under progress, and worsening indicators under monitoring', () => {
    const agenda = seedAgenda('bestyrelse', {
      ...nothing,
      outputsBehind: [{ activityName: 'Brandkadet', target: 'mindst 12', text: 'med det nuværende tempo: 9 af 12 inden 31. juli 2026' }],
      milestones: [{ title: 'Fraværsteams på alle fire skoler', flag: 'forsinket', reason: 'frist 1. marts 2026' }],
      hoursBehind: [{ organisation: 'Randers Ungdomsskole', text: '120 af 180 timer' }],
      missingDeliveries: [{ organisation: 'Jobcenter Randers', deadline: '2026-04-21' }],
      worseningIndicators: [{ code: 'lbf-2b', name: 'Beskæftigelse', scopeLabel: 'Gl. Jennumparken' }],
      budgetDeviations: [{ line: 'Lønninger 2026', text: '12 % over budget' }],
    });
    const of = (key: string) => agenda.find((i) => i.key === key)!.attention;
    assert.deepEqual(of('fremdrift'), [
      'Brandkadet: mindst 12 – med det nuværende tempo: 9 af 12 inden 31. juli 2026',
      'Milepæl forsinket: Fraværsteams på alle fire skoler (frist 1. marts 2026)',
      'Timer bagud: Randers Ungdomsskole – 120 af 180 timer',
      'Mangler leverance fra Jobcenter Randers (frist 21. april 2026)',
    ]);
    assert.deepEqual(of('monitorering'), ['lbf-2b Beskæftigelse, Gl. Jennumparken: går den forkerte vej']);
    assert.deepEqual(of('oekonomi'), ['Lønninger 2026: 12 % over budget']);
  });

  it('lists open action items first, marking those past their deadline', () => {
    const agenda = seedAgenda('styregruppe', {
      ...nothing,
      openActions: [
        { title: 'Aftale med UUR om henvisninger', owner: 'Bysekretariatet', deadline: '2026-03-01', overdue: true },
        { title: 'Plan for sommeraktiviteter', owner: 'Kultur og Fritid', deadline: '2026-06-01', overdue: false },
      ],
      pendingRecommendations: [{ title: 'Indstilling om flytning af timer til Brandkadet' }],
    });
    assert.deepEqual(agenda[0]!.attention, [
      'Aftale med UUR om henvisninger – Bysekretariatet, frist 1. marts 2026 (overskredet)',
      'Plan for sommeraktiviteter – Kultur og Fritid, frist 1. juni 2026',
    ]);
    assert.deepEqual(agenda.at(-1)!.attention, ['Indstilling om flytning af timer til Brandkadet']);
  });

  it('gives the board an item for the steering group\'s recommendations only when some are put to it', () => {
    const agenda = seedAgenda('bestyrelse', { ...nothing, pendingRecommendations: [{ title: 'Flere pladser i Brandkadet' }] });
    assert.deepEqual(agenda.at(-1), { key: 'indstillinger', title: 'Indstillinger fra styregruppen', attention: ['Flere pladser i Brandkadet'] });
  });
});

describe('an agenda seeded again', () => {
  const seeded = seedAgenda('styregruppe', { ...nothing, openActions: [{ title: 'Plan', owner: 'UUR', deadline: '2026-06-01', overdue: false }] });

  it('stores every fixed item in order the first time', () => {
    const changes = reseedAgenda([], seeded);
    assert.deepEqual(changes.update, []);
    assert.deepEqual(changes.insert.map((i) => [i.position, i.key]), [[1, 'aktionspunkter'], [2, 'fremdrift'], [3, 'nyt-fra-deltagerne'], [4, 'koordinering'], [5, 'indstillinger']]);
  });

  it('refreshes only the attention lines of stored items, leaving added items alone and adding a fixed item that was missing after them', () => {
    const stored = [
      { id: 'a', key: 'aktionspunkter', position: 2 },
      { id: 'x', key: 'ekstra', position: 1 },
      { id: 'f', key: 'fremdrift', position: 3 },
      { id: 'n', key: 'nyt-fra-deltagerne', position: 4 },
      { id: 'k', key: 'koordinering', position: 5 },
    ];
    const changes = reseedAgenda(stored, seeded);
    assert.deepEqual(changes.update.map((u) => u.id), ['a', 'f', 'n', 'k']);
    assert.deepEqual(changes.update[0]!.attention, ['Plan – UUR, frist 1. juni 2026']);
    assert.deepEqual(changes.insert.map((i) => [i.position, i.key]), [[6, 'indstillinger']]);
  });
});

describe('action items past their deadline', () => {
  it('are overdue from the day after the deadline while open', () => {
    assert.equal(isOverdue('2026-05-20', 'åben', '2026-05-20'), false);
    assert.equal(isOverdue('2026-05-20', 'åben', '2026-05-21'), true);
    assert.equal(isOverdue('2026-05-20', 'udført', '2026-06-01'), false);
  });
});
