/**
 * Communication (issue 7, part 5) on both engines: the press contacts seeded once from the beredskabsplan (deletions
 * stick), kept by the secretariat and hidden from the board; the communication plan suggested from the plan's rules;
 * the approval flow — nothing is marked as sent before it is approved, the submitter cannot approve (four eyes), an
 * edited message needs approval again, a rejection needs a reason — each step in the incident's log with an intact
 * chain; the forms without JavaScript; the demo data; and the API in the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { communicationServiceFor } from '../../src/crisis/communication.service.js';
import { seedDemoCommunication } from '../../src/crisis/communication.demo.js';
import { crisisLogFor } from '../../src/crisis/crisis-log.service.js';
import type { Incident } from '../../src/crisis/incident.js';
import { seedDemoIncidents } from '../../src/crisis/incidents.demo.js';
import { pressContactsOf } from '../../src/crisis/press-contacts.js';
import { crisisMemberSession, insertIncident } from '../fixtures/crisis/index.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

/** Tuesday 10 March 2026, 14.00 in Copenhagen. */
const NOW = new Date('2026-03-10T13:00:00Z');

interface ItemJson {
  id: string;
  status: string;
  statusName: string;
  message: string;
  responsible: string;
  responsibleMemberId: string | null;
  audience: string;
  submittedBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  sentBy: string | null;
  rejectionReason: string | null;
  plannedAt: string | null;
  fromPlan: { rule: string; lines: string } | null;
}

for (const engine of testEngines()) {
  describe(`communication on ${engine}`, () => {
    let app: TestApp;
    let police: Session & { memberId: string; userId: string };
    let housing: Session & { memberId: string; userId: string };
    let secretariat: Session;
    let board: Session;
    let incident: Incident;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      police = await crisisMemberSession(app, { email: 'politi.kom@helhed.test', authority: true, role: 'Politikommissær' });
      housing = await crisisMemberSession(app, { email: 'lejerbo.kom@helhed.test', authority: false, role: 'Lokalinspektør' });
      secretariat = await app.sessionFor('sekretariat');
      board = await app.sessionFor('bestyrelse');
      incident = await insertIncident(app, { level: 'roed', activatedAt: new Date('2026-03-10T08:00:00Z'), situationType: 'ildspaasaettelse', description: 'Brand i kældre' });
    });
    after(() => app.close());

    const db = () => app.db.database.db;
    const cookies = (s: Session) => ({ helhed_session: s.cookie });
    const get = (url: string, s: Session) => app.request({ method: 'GET', url, cookies: cookies(s) });
    const api = (method: 'POST' | 'PUT' | 'DELETE', url: string, s: Session, payload?: object) =>
      app.request({ method, url, ...(payload ? { payload } : {}), headers: { 'x-csrf-token': s.csrf }, cookies: cookies(s) });
    const form = (url: string, s: Session, fields: Record<string, string>) =>
      app.request({
        method: 'POST',
        url,
        payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: cookies(s),
      });
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
    const base = () => `/api/v1/beredskab/haendelser/${incident.id}/kommunikation`;
    const logTexts = async (id = incident.id) =>
      (await db().selectFrom('crisis_log_entries').select(['kind', 'text']).where('incident_id', '=', id).orderBy('seq').execute()).filter((e) => e.kind === 'kommunikation').map((e) => e.text);
    async function createItem(s: Session, overrides: object = {}): Promise<ItemJson> {
      const response = await api('POST', base(), s, { audience: 'beboere', responsibleMemberId: housing.memberId, message: 'Kære beboere i Gl. Jennumparken. Der har været brand.', channel: 'opslag', ...overrides });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as ItemJson;
    }
    const step = (s: Session, id: string, action: string, payload?: object) => api('POST', `${base()}/${id}/${action}`, s, payload ?? {});

    describe('press contacts', () => {
      it('seeds the four press contacts of the beredskabsplan once, in the plan order', async () => {
        const response = await get('/api/v1/beredskab/pressekontakter', police);
        assert.equal(response.statusCode, 200, response.body);
        const contacts = (response.json() as { pressContacts: { name: string; phone: string; organisation: string }[] }).pressContacts;
        assert.deepEqual(contacts.map((c) => c.name), ['Jens Heslop', 'Mads F. Villesen', 'Pia Hesselvig', 'Kenneth Hansen']);
        assert.equal(contacts[1]!.organisation, 'Østjyllands Politi');
        assert.equal(contacts[0]!.phone, '29 13 69 59');
        const seedAudits = await db().selectFrom('audit_log').select('summary').where('entity_type', '=', 'crisis_press_contact').where('action', '=', 'create').execute();
        assert.equal(seedAudits.filter((a) => a.summary.includes('fra beredskabsplanen')).length, 1);
      });

      it('keeps a deleted press contact deleted when the contacts are read again', async () => {
        const contacts = await pressContactsOf(app.db.database, app.services.clock, app.planId);
        const kenneth = contacts.find((c) => c.name === 'Kenneth Hansen')!;
        const response = await api('DELETE', `/api/v1/beredskab/pressekontakter/${kenneth.id}`, secretariat);
        assert.equal(response.statusCode, 204, response.body);
        const again = await pressContactsOf(app.db.database, app.services.clock, app.planId);
        assert.equal(again.length, 3);
        assert.ok(!again.some((c) => c.name === 'Kenneth Hansen'));
        const audit = await db().selectFrom('audit_log').select('summary').where('entity_id', '=', kenneth.id).where('action', '=', 'delete').execute();
        assert.equal(audit.length, 1);
      });

      it('lets the secretariat add and change a press contact, and refuses a wrong phone number in Danish', async () => {
        const bad = await api('POST', '/api/v1/beredskab/pressekontakter', secretariat, { organisation: 'RandersBolig', position: 'Kommunikationschef', phone: 'ring til mig' });
        assert.equal(bad.statusCode, 400);
        const error = (bad.json() as { error: { fields: { field: string; message: string }[] } }).error;
        assert.equal(error.fields[0]!.field, 'phone');
        assert.match(error.fields[0]!.message, /Telefonnummeret/);
        const created = await api('POST', '/api/v1/beredskab/pressekontakter', secretariat, { organisation: 'RandersBolig', position: 'Kommunikationschef', name: 'Kamma Kommunikation', phone: '+45 11 22 33 44' });
        assert.equal(created.statusCode, 201, created.body);
        const id = (created.json() as { id: string; sortOrder: number }).id;
        const changed = await api('PUT', `/api/v1/beredskab/pressekontakter/${id}`, secretariat, { organisation: 'RandersBolig', position: 'Kommunikationschef', name: 'Kamma Kommunikation', email: 'kamma@randersbolig.example' });
        assert.equal(changed.statusCode, 200, changed.body);
        assert.equal((changed.json() as { phone: string | null; email: string }).phone, null);
        const page = text((await get('/beredskab/presse', secretariat)).body);
        assert.match(page, /Kamma Kommunikation/);
        assert.match(page, /kamma@randersbolig\.example/);
      });

      it('lets a crisis-group member read but not change the press contacts', async () => {
        const response = await api('POST', '/api/v1/beredskab/pressekontakter', police, { organisation: 'X', position: 'Y' });
        assert.equal(response.statusCode, 403);
        const page = await get('/beredskab/presse', police);
        assert.equal(page.statusCode, 200);
        assert.doesNotMatch(page.body, /Tilføj pressekontakt/);
        assert.match(text(page.body), /Mads F\. Villesen/);
      });

      it('never shows the press contacts to the board', async () => {
        assert.equal((await get('/api/v1/beredskab/pressekontakter', board)).statusCode, 403);
        assert.equal((await get('/beredskab/presse', board)).statusCode, 403);
      });

      it('adds a press contact by the form without JavaScript, and keeps the values when one is wrong', async () => {
        const refused = await form('/beredskab/presse/ny', secretariat, { organisation: '', position: 'Pressechef', name: 'Pelle Presse', phone: '', email: 'ikke-en-adresse' });
        assert.equal(refused.statusCode, 400);
        assert.match(refused.body, /<title>Fejl: /);
        assert.match(refused.body, /href="#felt-organisation"/);
        assert.match(refused.body, /href="#felt-email"/);
        assert.match(refused.body, /value="Pelle Presse"/);
        const ok = await form('/beredskab/presse/ny', secretariat, { organisation: 'Randers Kommune', position: 'Pressechef', name: 'Pelle Presse', phone: '', email: '' });
        assert.equal(ok.statusCode, 303);
        assert.equal(ok.headers.location, '/beredskab/presse');
      });
    });

    describe('the suggested plan', () => {
      it('suggests the beredskabsplan’s items once, each marked with its lines, and logs it', async () => {
        const first = await api('POST', `${base()}/forslag`, police);
        assert.equal(first.statusCode, 200, first.body);
        const added = (first.json() as { added: ItemJson[] }).added;
        assert.ok(added.length >= 8, String(added.length));
        assert.ok(added.every((i) => i.status === 'kladde' && i.fromPlan !== null));
        const residents = added.find((i) => i.fromPlan?.rule === 'beboere')!;
        assert.match(residents.responsible, /Louise Hou Kragh \(Chef for bystrategisk udvikling, Bysekretariatet\)/);
        assert.equal(residents.fromPlan!.lines, '3516-3518');
        assert.match(residents.message, /ildspåsættelse/);
        assert.match(residents.message, /Gl\. Jennumparken/);
        const press = added.find((i) => i.audience === 'presse')!;
        assert.equal(press.responsibleMemberId, null);
        const lejerbo = added.find((i) => i.fromPlan?.rule === 'medarbejdere-lejerbo')!;
        assert.equal(lejerbo.responsibleMemberId, housing.memberId);

        const second = await api('POST', `${base()}/forslag`, police);
        assert.deepEqual((second.json() as { added: ItemJson[] }).added, []);
        const log = await logTexts();
        assert.equal(log.filter((t) => t.startsWith('Kommunikationsplan foreslået efter beredskabsplanen')).length, 1);
      });

      it('shows the press contacts beside a press item and the plan’s lines on the page', async () => {
        const page = await get(`/beredskab/haendelser/${incident.id}/kommunikation`, housing);
        assert.equal(page.statusCode, 200);
        const body = text(page.body);
        assert.match(body, /Ved kontakt til pressen inddrages/);
        assert.match(body, /Mads F\. Villesen/);
        assert.match(body, /Efter beredskabsplanen, linje 3520-3522/);
        assert.match(body, /Alle beredskabsplanens forslag er med i planen/);
        assert.match(page.body, /aria-current="page"[^>]*>\s*<strong>Kommunikation/);
      });
    });

    describe('approval before anything goes out', () => {
      it('refuses to mark an item as sent before it is approved, in Danish', async () => {
        const item = await createItem(housing);
        const draft = await step(housing, item.id, 'udsendt');
        assert.equal(draft.statusCode, 409);
        assert.match((draft.json() as { error: { message: string } }).error.message, /kan ikke markeres som udsendt, før det er godkendt/);
        assert.equal((await step(housing, item.id, 'til-godkendelse')).statusCode, 200);
        const waiting = await step(police, item.id, 'udsendt');
        assert.equal(waiting.statusCode, 409);
        assert.match((waiting.json() as { error: { message: string } }).error.message, /Til godkendelse/);
        const stored = await db().selectFrom('crisis_communications').select(['status', 'sent_at']).where('id', '=', item.id).executeTakeFirstOrThrow();
        assert.deepEqual(stored, { status: 'til_godkendelse', sent_at: null });
      });

      it('does not let the submitter approve their own item (four eyes), but another member may, and then it can be sent', async () => {
        const item = await createItem(housing, { message: 'Fire øjne: kære beboere, der holdes beboermøde i aften.', channel: 'beboermoede' });
        await step(housing, item.id, 'til-godkendelse');
        const own = await step(housing, item.id, 'godkend');
        assert.equal(own.statusCode, 409);
        assert.match((own.json() as { error: { message: string } }).error.message, /fire øjne/);
        const approved = await step(police, item.id, 'godkend');
        assert.equal(approved.statusCode, 200, approved.body);
        const a = approved.json() as ItemJson;
        assert.equal(a.status, 'godkendt');
        assert.equal(a.approvedBy, 'politi.kom@helhed.test');
        assert.equal(a.submittedBy, 'lejerbo.kom@helhed.test');
        const sent = await step(housing, item.id, 'udsendt');
        assert.equal(sent.statusCode, 200, sent.body);
        assert.equal((sent.json() as ItemJson).status, 'udsendt');
        assert.equal((sent.json() as ItemJson).sentBy, 'lejerbo.kom@helhed.test');
        assert.equal((await step(police, item.id, 'udsendt')).statusCode, 409);
        const edit = await api('PUT', `${base()}/${item.id}`, housing, { audience: 'beboere', responsibleMemberId: housing.memberId, message: 'Ændret bagefter', channel: 'opslag' });
        assert.equal(edit.statusCode, 409);
        assert.equal((await api('DELETE', `${base()}/${item.id}`, police)).statusCode, 409);
      });

      it('lets the secretariat approve what a member submitted', async () => {
        const item = await createItem(police, { audience: 'presse', responsibleMemberId: null, responsibleName: 'Østjyllands Politis kommunikationsafdeling', message: 'Sekretariatet godkender pressemeddelelsen.', channel: 'pressemeddelelse' });
        await step(police, item.id, 'til-godkendelse');
        const approved = await step(secretariat, item.id, 'godkend');
        assert.equal(approved.statusCode, 200, approved.body);
        assert.equal((approved.json() as ItemJson).responsible, 'Østjyllands Politis kommunikationsafdeling');
      });

      it('puts an approved item back to draft when its message is changed, but not when only its time moves', async () => {
        const item = await createItem(housing, { message: 'Før ændringen.' });
        await step(housing, item.id, 'til-godkendelse');
        await step(police, item.id, 'godkend');
        const moved = await api('PUT', `${base()}/${item.id}`, housing, { audience: 'beboere', responsibleMemberId: housing.memberId, message: 'Før ændringen.', channel: 'opslag', plannedAt: '2026-03-10T18:00:00+01:00' });
        assert.equal(moved.statusCode, 200, moved.body);
        assert.equal((moved.json() as ItemJson).status, 'godkendt');
        assert.equal((moved.json() as ItemJson).plannedAt, '2026-03-10T18:00:00+01:00');
        const changed = await api('PUT', `${base()}/${item.id}`, housing, { audience: 'beboere', responsibleMemberId: housing.memberId, message: 'Efter ændringen.', channel: 'opslag', plannedAt: '2026-03-10T18:00:00+01:00' });
        const c = changed.json() as ItemJson;
        assert.equal(c.status, 'kladde');
        assert.equal(c.approvedBy, null);
        assert.equal((await step(police, item.id, 'udsendt')).statusCode, 409);
        const log = await logTexts();
        assert.ok(log.some((t) => t.includes('(budskab)') && t.includes('tilbage til kladde')), log.join('\n'));
      });

      it('requires a reason to reject, and shows it', async () => {
        const item = await createItem(housing, { message: 'Afvises: for mange detaljer om de mistænkte.' });
        await step(housing, item.id, 'til-godkendelse');
        const without = await step(police, item.id, 'afvis', { reason: '  ' });
        assert.equal(without.statusCode, 400);
        assert.equal((without.json() as { error: { fields: { field: string }[] } }).error.fields[0]!.field, 'reason');
        const rejected = await step(police, item.id, 'afvis', { reason: 'Nævn ikke de mistænkte.' });
        assert.equal(rejected.statusCode, 200, rejected.body);
        assert.equal((rejected.json() as ItemJson).status, 'afvist');
        assert.equal((rejected.json() as ItemJson).rejectionReason, 'Nævn ikke de mistænkte.');
        assert.equal((await step(police, item.id, 'udsendt')).statusCode, 409);
        const page = text((await get(`/beredskab/haendelser/${incident.id}/kommunikation`, housing)).body);
        assert.match(page, /Begrundelse: Nævn ikke de mistænkte\./);
        // Resubmitted after the rejection, it can be approved.
        assert.equal((await step(housing, item.id, 'til-godkendelse')).statusCode, 200);
        assert.equal((await step(police, item.id, 'godkend')).statusCode, 200);
      });

      it('writes every step in the incident log with an intact chain, and in the audit log', async () => {
        const item = await createItem(housing, { message: 'Logges: hvert trin.' });
        await step(housing, item.id, 'til-godkendelse');
        await step(police, item.id, 'godkend');
        await step(police, item.id, 'udsendt');
        const entries = await db().selectFrom('crisis_log_entries').select(['text', 'data', 'actor_label']).where('incident_id', '=', incident.id).where('kind', '=', 'kommunikation').execute();
        const mine = entries.filter((e) => e.data?.includes(item.id));
        assert.deepEqual(
          mine.map((e) => e.text.replace(/^Kommunikation til beboere \(Opslag i opgangen\) /, '').split(' ')[0]),
          ['oprettet', 'sendt', 'godkendt', 'udsendt,'],
        );
        assert.match(mine[3]!.data!, /Logges: hvert trin\./);
        assert.equal(mine[2]!.actor_label, 'politi.kom@helhed.test');
        const report = await crisisLogFor(app.services).verify(app.planId, incident.id);
        assert.equal(report.intact, true, JSON.stringify(report.problems));
        const audits = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'crisis_communication').where('entity_id', '=', item.id).execute();
        assert.equal(audits.length, 4);
      });

      it('refuses bad input with Danish messages naming the fields', async () => {
        const response = await api('POST', base(), housing, { audience: 'andre', message: '', channel: 'opslag', responsibleMemberId: 'ukendt', plannedAt: 'i morgen' });
        assert.equal(response.statusCode, 400);
        const fields = (response.json() as { error: { fields: { field: string; message: string }[] } }).error.fields;
        assert.deepEqual(fields.map((f) => f.field).sort(), ['audienceDetail', 'message', 'plannedAt', 'responsibleMemberId']);
        const wrongChannel = await api('POST', base(), housing, { audience: 'beboere', message: 'x', channel: 'brevdue' });
        assert.equal(wrongChannel.statusCode, 400);
        const before = await db().selectFrom('crisis_communications').select('id').where('incident_id', '=', incident.id).execute();
        assert.equal((await api('POST', base(), housing, { audience: 'andre', message: '', channel: 'opslag' })).statusCode, 400);
        const afterCount = await db().selectFrom('crisis_communications').select('id').where('incident_id', '=', incident.id).execute();
        assert.equal(afterCount.length, before.length);
      });

      it('answers 404 for an unknown incident or item', async () => {
        assert.equal((await get('/api/v1/beredskab/haendelser/ukendt/kommunikation', police)).statusCode, 404);
        assert.equal((await step(police, 'ukendt', 'godkend')).statusCode, 404);
      });
    });

    describe('the forms without JavaScript', () => {
      it('adds an item by the form, keeps the values on an error, and shows who and when', async () => {
        const url = `/beredskab/haendelser/${incident.id}/kommunikation/ny`;
        const refused = await form(url, housing, { audience: 'beboere', responsibleMemberId: '', responsibleName: '', message: 'Formular uden JS', channel: 'sms', plannedDate: '2026-03-10', plannedTime: '25:00' });
        assert.equal(refused.statusCode, 400);
        assert.match(refused.body, /<title>Fejl: /);
        assert.match(refused.body, /href="#felt-plannedTime"/);
        assert.match(refused.body, /href="#felt-responsibleMemberId"/);
        assert.match(refused.body, /Formular uden JS/);
        const ok = await form(url, housing, { audience: 'beboere', responsibleMemberId: housing.memberId, responsibleName: '', message: 'Formular uden JS', channel: 'sms', plannedDate: '2026-03-10', plannedTime: '17:30' });
        assert.equal(ok.statusCode, 303, ok.body);
        const id = /#felt-punkt-(.+)$/.exec(ok.headers.location as string)![1]!;
        const stored = await db().selectFrom('crisis_communications').select(['planned_at', 'channel']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.deepEqual(stored, { planned_at: '2026-03-10T16:30:00.000Z', channel: 'sms' });

        const early = await form(`/beredskab/haendelser/${incident.id}/kommunikation/${id}/udsendt`, housing, {});
        assert.equal(early.statusCode, 409);
        assert.match(text(early.body), /kan ikke markeres som udsendt, før det er godkendt/);
        assert.match(early.body, new RegExp(`href="#felt-punkt-${id}"`));

        assert.equal((await form(`/beredskab/haendelser/${incident.id}/kommunikation/${id}/til-godkendelse`, housing, {})).statusCode, 303);
        const noReason = await form(`/beredskab/haendelser/${incident.id}/kommunikation/${id}/afvis`, police, { [`reason-${id}`]: '' });
        assert.equal(noReason.statusCode, 400);
        assert.match(noReason.body, new RegExp(`href="#felt-reason-${id}"`));
        assert.equal((await form(`/beredskab/haendelser/${incident.id}/kommunikation/${id}/godkend`, police, {})).statusCode, 303);
        const page = text((await get(`/beredskab/haendelser/${incident.id}/kommunikation`, housing)).body);
        assert.match(page, /Godkendt 10\.03\.2026, 14\.00\.00 af politi\.kom@helhed\.test/);
      });

      it('refuses the board the communication page', async () => {
        assert.equal((await get(`/beredskab/haendelser/${incident.id}/kommunikation`, board)).statusCode, 403);
      });
    });

    describe('demo data and the API document', () => {
      it('suggests a plan for the active demo incident once, one item approved and one awaiting approval', async () => {
        await seedDemoIncidents(app.services, app.planId);
        const added = await seedDemoCommunication(app.services, app.planId);
        assert.ok(added >= 8, String(added));
        assert.equal(await seedDemoCommunication(app.services, app.planId), 0);
        const demo = await db().selectFrom('crisis_incidents').select('id').where('status', '=', 'aktiv').where('description', 'like', '%demodata%').executeTakeFirstOrThrow();
        const items = await communicationServiceFor(app.services).items(app.planId, demo.id);
        assert.equal(items.filter((i) => i.status === 'godkendt').length, 1);
        assert.equal(items.filter((i) => i.status === 'til_godkendelse').length, 1);
        assert.notEqual(items.find((i) => i.status === 'godkendt')!.approvedByLabel, items.find((i) => i.status === 'godkendt')!.submittedByLabel);
      });

      it('lists the communication API in the OpenAPI document', async () => {
        const doc = (await app.request({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
        for (const path of [
          '/api/v1/beredskab/pressekontakter',
          '/api/v1/beredskab/pressekontakter/{contactId}',
          '/api/v1/beredskab/haendelser/{id}/kommunikation',
          '/api/v1/beredskab/haendelser/{id}/kommunikation/forslag',
          '/api/v1/beredskab/haendelser/{id}/kommunikation/{itemId}/godkend',
          '/api/v1/beredskab/haendelser/{id}/kommunikation/{itemId}/udsendt',
        ]) {
          assert.ok(doc.paths[path], path);
          assert.ok(Object.values(doc.paths[path]!).every((op) => op.tags?.includes('beredskab')), path);
        }
      });
    });
  });
}
