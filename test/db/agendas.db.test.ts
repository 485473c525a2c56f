import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { deliveryServiceFor } from '../../src/governance/deliveries.service.js';
import { meetingServiceFor, type Meeting } from '../../src/governance/meetings.service.js';
import type { Activity } from '../../src/plan/content/types.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

/** Monday 1 June 2026: the steering group met in spring and meets again in summer; the board met on 26 May. */
const NOW = new Date('2026-06-01T09:00:00Z');

for (const engine of testEngines()) {
  describe(`agendas, minutes and recommendations on ${engine}`, () => {
    let app: TestApp;
    let secretariat: Session;
    let board: Session;
    let partner: Session;
    let spring: Meeting;
    let summer: Meeting;
    let boardSpring: Meeting;

    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      secretariat = await app.sessionFor('sekretariat');
      board = await app.sessionFor('bestyrelse');
      partner = await app.sessionFor('partner');
      const meetings = await meetingServiceFor(app.services).generate(SYSTEM_ACTOR, app.planId, 2026);
      spring = meetings.find((m) => m.body === 'styregruppe' && m.kind === 'forår')!;
      summer = meetings.find((m) => m.body === 'styregruppe' && m.kind === 'sommer')!;
      boardSpring = meetings.find((m) => m.body === 'bestyrelse' && m.kind === 'forår')!;
      assert.ok(spring.date < '2026-06-01' && summer.date > '2026-06-01', `${spring.date} ${summer.date}`);
    });
    after(() => app.close());

    const headers = (s: Session) => ({ 'x-csrf-token': s.csrf });
    const get = (url: string, s: Session) => app.request({ method: 'GET', url, cookies: { helhed_session: s.cookie } });
    const send = (method: 'POST' | 'PUT', url: string, s: Session, payload: object = {}) => app.request({ method, url, payload, headers: headers(s), cookies: { helhed_session: s.cookie } });
    const json = <T>(response: { statusCode: number; body: string }, status = 200): T => {
      assert.equal(response.statusCode, status, response.body);
      return JSON.parse(response.body) as T;
    };
    type Item = { id: string; key: string; title: string; attention: string[]; minutes: string | null };
    type Action = { id: string; title: string; status: string; completedOn: string | null; followUp: string | null; followedUpMeetingId: string | null; overdue: boolean };
    type Minutes = { items: Item[]; decisions: { text: string; recommendationId: string | null }[]; followUps: Action[]; publishedAt: string | null };
    type Recommendation = { id: string; subject: string; status: string; proposal: { status: string; href: string } | null; decisions: { meetingId: string; text: string }[] };

    let overdueAction: string;
    let notedAction: string;

    it('seeds the steering group’s agenda with its fixed items in order, a missing delivery and an overdue action item', async () => {
      overdueAction = json<Action>(await send('POST', '/api/v1/action-items', secretariat, { meetingId: spring.id, title: 'Aftale med UUR om henvisninger', owner: 'Bysekretariatet', deadline: '2026-05-20' }), 201).id;
      notedAction = json<Action>(await send('POST', '/api/v1/action-items', secretariat, { meetingId: spring.id, title: 'Plan for sommeraktiviteter', owner: 'Kultur og Fritid', deadline: '2026-08-01' }), 201).id;
      const deliveries = deliveryServiceFor(app.services);
      const organisation = (await deliveries.overview(app.planId, summer.id)).organisations.find((o) => o.name === 'Test-organisation')!;
      await deliveries.request(SYSTEM_ACTOR, app.planId, summer.id, { organisationIds: [organisation.id], deadline: '2026-06-09' });

      const seeded = await send('POST', `/styring/moeder/${summer.id}/dagsorden/dan`, secretariat);
      assert.equal(seeded.statusCode, 303, seeded.body);
      const { items } = json<{ items: Item[] }>(await get(`/api/v1/meetings/${summer.id}/agenda`, partner));
      assert.deepEqual(items.map((i) => i.key), ['aktionspunkter', 'fremdrift', 'nyt-fra-deltagerne', 'koordinering', 'indstillinger']);
      assert.deepEqual(items[0]!.attention, [
        'Aftale med UUR om henvisninger – Bysekretariatet, frist 20. maj 2026 (overskredet)',
        'Plan for sommeraktiviteter – Kultur og Fritid, frist 1. august 2026',
      ]);
      assert.ok(items[1]!.attention.includes('Mangler leverance fra Test-organisation (frist 9. juni 2026)'), items[1]!.attention.join('\n'));

      const page = await get(`/styring/moeder/${summer.id}/dagsorden`, partner);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Mangler leverance fra Test-organisation/);
      assert.doesNotMatch(page.body, /Dan dagsorden|Opdatér opmærksomhedspunkter/, 'a partner reads the agenda but does not keep it');
    });

    it('keeps the secretariat’s titles, added items and minutes when the agenda is seeded again', async () => {
      const { items } = json<{ items: Item[] }>(await get(`/api/v1/meetings/${summer.id}/agenda`, secretariat));
      const coordination = items.find((i) => i.key === 'koordinering')!;
      json(await send('PUT', `/api/v1/agenda-items/${coordination.id}`, secretariat, { title: 'Koordinering af sommeren', minutes: 'Drøftet.' }));
      json(await send('POST', `/api/v1/meetings/${summer.id}/agenda-items`, secretariat, { title: 'Eventuelt' }), 201);
      const moved = await send('POST', `/styring/moeder/${summer.id}/dagsorden/punkter/${coordination.id}/flyt`, secretariat, { retning: 'op' });
      assert.equal(moved.statusCode, 303);

      const again = json<{ items: Item[] }>(await send('POST', `/api/v1/meetings/${summer.id}/agenda`, secretariat));
      assert.deepEqual(again.items.map((i) => i.title), ['Opfølgning på aktionspunkter', 'Fremdriftsafrapportering', 'Koordinering af sommeren', 'Nyt fra deltagerne', 'Indstillinger til bestyrelsen', 'Eventuelt']);
      assert.equal(again.items.find((i) => i.key === 'koordinering')!.minutes, 'Drøftet.');
      assert.equal(again.items[0]!.attention.length, 2);
    });

    it('shows the open action items at the steering group’s next meeting and records their follow-up there', async () => {
      const before = json<Minutes>(await get(`/api/v1/meetings/${summer.id}/minutes`, secretariat));
      assert.deepEqual(before.followUps.map((a) => a.id).sort(), [overdueAction, notedAction].sort());

      const done = await send('POST', `/styring/moeder/${summer.id}/referat/opfoelgning/${overdueAction}`, secretariat, { [`done-${overdueAction}`]: 'ja' });
      assert.equal(done.statusCode, 303, done.body);
      const noted = await send('POST', `/styring/moeder/${summer.id}/referat/opfoelgning/${notedAction}`, secretariat, { [`done-${notedAction}`]: 'nej', [`followUp-${notedAction}`]: 'Udkast sendt til høring.' });
      assert.equal(noted.statusCode, 303, noted.body);

      const after = json<Minutes>(await get(`/api/v1/meetings/${summer.id}/minutes`, secretariat));
      const closed = after.followUps.find((a) => a.id === overdueAction)!;
      assert.deepEqual([closed.status, closed.completedOn, closed.followedUpMeetingId], ['udført', '2026-06-01', summer.id]);
      const open = after.followUps.find((a) => a.id === notedAction)!;
      assert.deepEqual([open.status, open.followUp, open.followedUpMeetingId], ['åben', 'Udkast sendt til høring.', summer.id]);
      const list = json<Action[]>(await get('/api/v1/action-items?body=styregruppe', partner));
      assert.deepEqual(list.map((a) => a.id), [notedAction]);
      const page = await get('/styring/aktionspunkter', partner);
      assert.match(page.body, /Plan for sommeraktiviteter/);
      assert.doesNotMatch(page.body, /Aftale med UUR/);
    });

    it('shows the minutes to others only when they are published', async () => {
      assert.equal((await get(`/api/v1/meetings/${summer.id}/minutes`, partner)).statusCode, 404);
      assert.match((await get(`/styring/moeder/${summer.id}/referat`, partner)).body, /Referatet vises her, når sekretariatet har offentliggjort det/);
      assert.equal((await send('POST', `/styring/moeder/${summer.id}/referat/offentliggoer`, secretariat)).statusCode, 303);
      const minutes = json<Minutes>(await get(`/api/v1/meetings/${summer.id}/minutes`, partner));
      assert.ok(minutes.publishedAt);
      assert.equal(minutes.items.find((i) => i.key === 'koordinering')!.minutes, 'Drøftet.');
    });

    it('applies a sub-agreement change when the board adopts the recommendation that carries it, and writes the decision in the board’s minutes', async () => {
      const brandkadet = (await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'brandkadet')!;
      const targets = brandkadet.data.targets.map((t) => (t.kind === 'minimum' && t.min === 12 ? { ...t, min: 14, printed: 'mindst 14 unge årligt' } : t));
      const { proposal } = await app.services.plan.changeElement(app.planId, { ...SYSTEM_ACTOR, label: 'sekretariat' }, brandkadet.id, { targets }, 'Flere pladser i Brandkadet');
      assert.equal(proposal?.subject, 'sub-agreement');

      const created = json<Recommendation>(
        await send('POST', '/api/v1/recommendations', secretariat, { title: 'Flere pladser i Brandkadet', text: 'Styregruppen indstiller 14 pladser.', subject: 'other', steeringMeetingId: spring.id, proposalId: proposal!.id }),
        201,
      );
      assert.equal(created.subject, 'sub-agreement', 'the proposal’s subject rules');
      assert.equal(created.status, 'udkast');
      const early = await send('POST', `/api/v1/recommendations/${created.id}/decision`, board, { verdict: 'vedtaget', date: '2026-05-26' });
      assert.equal(early.statusCode, 409, 'the board decides what has been put to it');
      json(await send('POST', `/api/v1/recommendations/${created.id}/submit`, secretariat, { boardMeetingId: boardSpring.id }));

      const decided = json<Recommendation>(await send('POST', `/api/v1/recommendations/${created.id}/decision`, board, { verdict: 'vedtaget', date: '2026-05-26', note: 'Punkt 4.' }));
      assert.equal(decided.status, 'vedtaget');
      assert.equal(decided.proposal?.status, 'vedtaget');
      assert.equal(decided.proposal?.href, `/planen/forslag/${proposal!.id}`);
      assert.deepEqual(decided.decisions.map((d) => d.meetingId), [boardSpring.id]);
      const after = (await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'brandkadet')!;
      assert.ok(after.data.targets.some((t) => t.printed === 'mindst 14 unge årligt'));
      const minutes = json<Minutes>(await get(`/api/v1/meetings/${boardSpring.id}/minutes`, secretariat));
      assert.deepEqual(minutes.decisions.map((d) => [d.text, d.recommendationId]), [['Bestyrelsen vedtog indstillingen «Flere pladser i Brandkadet». Punkt 4.', created.id]]);
      const page = await get(`/styring/moeder/${boardSpring.id}/referat`, secretariat);
      assert.match(page.body, new RegExp(`<a href="/styring/indstillinger/${created.id}">Flere pladser i Brandkadet</a>`));
    });

    it('leaves a change to the strategic agreement waiting for LBF after the board adopts it', async () => {
      const goal = (await app.services.plan.snapshot(app.planId)).ofKind<{ title: string }>('goal')[0]!;
      const { proposal } = await app.services.plan.changeElement(app.planId, { ...SYSTEM_ACTOR, label: 'sekretariat' }, goal.id, { title: 'Ny titel' }, 'Præcisering af målet');
      const created = json<Recommendation>(await send('POST', '/api/v1/recommendations', secretariat, { title: 'Præcisering af målet', text: 'Se forslaget.', subject: 'other', proposalId: proposal!.id }), 201);
      assert.equal(created.subject, 'strategic-agreement');
      json(await send('POST', `/api/v1/recommendations/${created.id}/submit`, secretariat, { boardMeetingId: boardSpring.id }));
      const decided = await send('POST', `/styring/indstillinger/${created.id}/beslutning`, secretariat, { verdict: 'vedtaget', date: '2026-05-26', note: '' });
      assert.equal(decided.statusCode, 303, decided.body);
      const page = await get(`/styring/indstillinger/${created.id}`, partner);
      assert.match(page.body, /Afventer Landsbyggefondens godkendelse/);
      assert.match(page.body, new RegExp(`href="/planen/forslag/${proposal!.id}"`));
      assert.equal((await app.services.plan.proposal(app.planId, proposal!.id)).status, 'afventer_lbf');
      assert.equal(((await app.services.plan.snapshot(app.planId)).get(goal.id)!.data as { title: string }).title, goal.data.title);
    });

    it('lets a partner read but not change agendas, minutes or recommendations', async () => {
      const { items } = json<{ items: Item[] }>(await get(`/api/v1/meetings/${summer.id}/agenda`, partner));
      assert.equal((await send('POST', `/api/v1/meetings/${summer.id}/agenda`, partner)).statusCode, 403);
      assert.equal((await send('PUT', `/api/v1/agenda-items/${items[0]!.id}`, partner, { title: 'Mit punkt' })).statusCode, 403);
      assert.equal((await send('POST', `/styring/moeder/${summer.id}/referat/aktionspunkter`, partner, { 'action-title': 'x' })).statusCode, 403);
      assert.equal((await send('POST', '/api/v1/recommendations', partner, { title: 'x', text: 'y', subject: 'other' })).statusCode, 403);
      const recommendation = json<Recommendation[]>(await get('/api/v1/recommendations', partner))[0]!;
      assert.equal((await send('POST', `/api/v1/recommendations/${recommendation.id}/decision`, partner, { verdict: 'vedtaget', date: '2026-05-26' })).statusCode, 403);
      assert.equal((await get(`/styring/indstillinger/${recommendation.id}`, partner)).statusCode, 200);
    });

    it('answers bad input with Danish 400s naming the fields', async () => {
      const api = await send('POST', '/api/v1/action-items', secretariat, { meetingId: summer.id, title: ' ', owner: 'UUR', deadline: '31-06-2026' });
      const body = json<{ error: { code: string; fields: { field: string; message: string }[] } }>(api, 400);
      assert.deepEqual(body.error.fields.map((f) => f.field).sort(), ['deadline', 'title']);
      assert.match(body.error.fields.find((f) => f.field === 'deadline')!.message, /ÅÅÅÅ-MM-DD, ikke «31-06-2026»/);

      const page = await send('POST', `/styring/moeder/${summer.id}/referat/aktionspunkter`, secretariat, { 'action-title': '', 'action-owner': 'UUR', 'action-deadline': '2026-13-01' });
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /<title>Fejl: Referat/);
      assert.match(page.body, /href="#felt-action-title"/);
      assert.match(page.body, /Fristen skal være en dato som ÅÅÅÅ-MM-DD/);

      const recommendation = json<Recommendation>(await send('POST', '/api/v1/recommendations', secretariat, { title: 'Ny', text: 'Tekst', subject: 'noget' }), 400);
      assert.ok(recommendation);
      const empty = await send('POST', '/styring/indstillinger', secretariat, { title: '', text: '', subject: 'other' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Skriv en titel/);
      const { items } = json<{ items: Item[] }>(await get(`/api/v1/meetings/${summer.id}/agenda`, secretariat));
      const long = await send('POST', `/styring/moeder/${summer.id}/referat`, secretariat, { [`minutes-${items[1]!.id}`]: 'x'.repeat(20_001), [`minutes-${items[2]!.id}`]: 'Gemmes ikke.' });
      assert.equal(long.statusCode, 400);
      assert.match(long.body, /Referatet af «Fremdriftsafrapportering» må højst være 20\.000 tegn/);
      assert.equal(json<{ items: Item[] }>(await get(`/api/v1/meetings/${summer.id}/agenda`, secretariat)).items[2]!.minutes, items[2]!.minutes, 'nothing is saved when one text is wrong');
      const unknown = await get('/api/v1/meetings/findes-ikke/agenda', secretariat);
      assert.equal(unknown.statusCode, 404);
    });
  });
}
