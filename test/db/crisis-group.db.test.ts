/**
 * The crisis group on both engines: the group by role with its flags, contact data kept from those without access, a
 * principal never removed without a successor (not even from the bodies page), the replacement in one step, members
 * confirming their own data in Helhed and through the e-mailed link (against a local SMTP server), the reminder
 * campaign, and the crisis card as one A4 page with the current contacts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256 } from '../../src/auth/secrets.js';
import { seedDemoCrisisGroup } from '../../src/crisis/crisis-group.demo.js';
import { newId } from '../../src/db/ids.js';
import { crisisMemberSession } from '../fixtures/crisis/index.js';
import { testEngines } from '../support/databases.js';
import { pdfPages } from '../support/pdf-text.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

/** Tuesday 10 March 2026: the March campaign month has begun. */
const START = new Date('2026-03-10T09:00:00Z');

interface ApiMember {
  id: string;
  role: string;
  organisation: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  substituteFor: string | null;
  isRequiredContact: boolean;
  isAuthority: boolean;
  user: { id: string; name: string; email: string } | null;
  contactConfirmedAt: string | null;
  contactConfirmedBy: string | null;
  contactStatus: string;
  stale: boolean;
}

for (const engine of testEngines()) {
  describe(`the crisis group on ${engine}`, () => {
    let app: TestApp;
    let smtp: TestSmtpServer;
    let now = START;
    let secretariat: Session;
    let board: Session;
    let partner: Session;
    before(async () => {
      smtp = await startSmtpServer();
      app = await startTestApp(engine, { clock: () => now, env: { HELHED_SMTP_URL: smtp.url, HELHED_PUBLIC_URL: 'https://helhed.example' } });
      secretariat = await app.sessionFor('sekretariat');
      board = await app.sessionFor('bestyrelse');
      partner = await app.sessionFor('partner');
    });
    after(async () => {
      await app.close();
      await smtp.close();
    });

    const cookies = (s: Session) => ({ helhed_session: s.cookie });
    const get = (url: string, s?: Session) => app.request({ method: 'GET', url, ...(s ? { cookies: cookies(s) } : {}) });
    const api = (method: 'POST' | 'PUT' | 'DELETE', url: string, s: Session, payload?: object) =>
      app.request({ method, url, ...(payload ? { payload } : {}), headers: { 'x-csrf-token': s.csrf }, cookies: cookies(s) });
    const form = (url: string, s: Session | { cookie: string; csrf: string; anonymous: true }, fields: Record<string, string> = {}) => {
      const body = new URLSearchParams({ _csrf: s.csrf, ...fields });
      const jar = 'anonymous' in s ? { helhed_csrf: s.cookie } : cookies(s);
      return app.request({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: jar });
    };
    const members = async (s: Session = secretariat) => {
      const response = await get('/api/v1/beredskab/gruppe', s);
      assert.equal(response.statusCode, 200, response.body);
      return (response.json() as { members: ApiMember[] }).members;
    };
    const byName = async (name: string) => (await members()).find((m) => m.name === name)!;
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');

    it('lists the group by role with the required contact, the police substitute, the fallback 114 and a flag on data never confirmed', async () => {
      const response = await get('/api/v1/beredskab/gruppe', secretariat);
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json() as { members: ApiMember[]; policeFallbackPhone: string; staleAfterMonths: number };
      assert.equal(body.policeFallbackPhone, '114');
      assert.equal(body.staleAfterMonths, 12);
      const required = body.members.filter((m) => m.isRequiredContact);
      assert.deepEqual(required.map((m) => [m.name, m.role]), [['Louise Hou Kragh', 'Chef for bystrategisk udvikling']]);
      const police = body.members.find((m) => m.name === 'Lasse Bonde')!;
      assert.equal(body.members.find((m) => m.name === 'Allan Aarslev')!.substituteFor, police.id);
      assert.ok(body.members.every((m) => m.contactStatus === 'aldrig' && m.stale));

      const page = await get('/beredskab/gruppe', secretariat);
      assert.equal(page.statusCode, 200);
      const shown = text(page.body);
      assert.match(shown, /Påkrævet kontakt: inviterer alle/);
      assert.match(shown, /Østjyllands Politis vagtchef, tlf\. 114/);
      assert.match(shown, /Kan Lasse Bonde eller Allan Aarslev ikke nås/);
      assert.match(shown, /Aldrig bekræftet/);
      assert.match(shown, /Påmindelsen er forfalden.*marts 2026/);
      assert.match(shown, /Myndighedernes medlemmer.*Claus Hansen.*Boligorganisationernes og Bysekretariatets medlemmer.*Jørgen Lajer/);
    });

    it('shows no contact data to the board or a partner, by page, API or crisis card', async () => {
      for (const s of [board, partner]) {
        for (const url of ['/beredskab/gruppe', '/api/v1/beredskab/gruppe', '/beredskab/kort.pdf', '/beredskab/kort', '/beredskab/gruppe/mine-oplysninger']) {
          const response = await get(url, s);
          assert.equal(response.statusCode, 403, `${s.email} ${url}`);
          assert.doesNotMatch(response.body, /25583249|4214 8600/);
        }
        const old = (await get('/api/v1/bodies/beredskabsgruppe/members', s)).json() as { phone: string | null }[];
        assert.ok(old.every((m) => m.phone === null));
      }
    });

    it('refuses to remove a principal without a successor, through this API, the bodies API and the bodies page, and removes a substitute', async () => {
      const gine = await byName('Gine Nerager');
      const mine = await api('DELETE', `/api/v1/beredskab/gruppe/members/${gine.id}`, secretariat);
      assert.equal(mine.statusCode, 409);
      assert.match(mine.json().error.message, /kan ikke fjernes uden en efterfølger/);
      const bodies = await api('DELETE', `/api/v1/bodies/beredskabsgruppe/members/${gine.id}`, secretariat);
      assert.equal(bodies.statusCode, 409);
      assert.match(bodies.json().error.message, /Brug «Udskift»/);
      const page = await form(`/styring/organer/beredskabsgruppe/medlemmer/${gine.id}/fjern`, secretariat);
      assert.equal(page.statusCode, 409);
      assert.match(text(page.body), /kan ikke fjernes uden en efterfølger/);
      assert.ok(await byName('Gine Nerager'));

      const added = await api('POST', '/api/v1/beredskab/gruppe/members', secretariat, { role: gine.role, organisation: gine.organisation, name: 'Sara Vinther', phone: '2020 3030', substituteFor: gine.id });
      assert.equal(added.statusCode, 201, added.body);
      const removed = await form(`/beredskab/gruppe/${added.json().id}/fjern`, secretariat);
      assert.equal(removed.statusCode, 303);
      assert.equal((await members()).some((m) => m.name === 'Sara Vinther'), false);
      const audit = await app.db.database.db.selectFrom('audit_log').select('summary').where('entity_id', '=', added.json().id).where('action', '=', 'delete').execute();
      assert.match(audit[0]!.summary, /Fjernede suppleanten Sara Vinther/);
    });

    it('replaces the police commissioner by a successor in one step: the substitute moves, an incident keeps its copy, audited', async () => {
      const lasse = await byName('Lasse Bonde');
      const incomplete = await api('POST', `/api/v1/beredskab/gruppe/members/${lasse.id}/replace`, secretariat, { name: 'Mette Dahl', phone: '', email: 'mette' });
      assert.equal(incomplete.statusCode, 400);
      assert.deepEqual(incomplete.json().error.fields.map((f: { field: string }) => f.field).sort(), ['email', 'phone']);
      assert.ok(await byName('Lasse Bonde'));

      // A participant row from an earlier incident points at the member; the replacement must not fail on it.
      const incidentId = newId();
      const at = START.toISOString();
      const db = app.db.database.db;
      await db
        .insertInto('crisis_incidents')
        .values({ id: incidentId, plan_id: app.planId, number: 901, area_slug: null, situation_type: 'andet', description: 'Tidligere hændelse', level: 'gul', status: 'afmeldt', activated_at: at, activated_by_user_id: null, activated_by_label: 'test', activated_by_member_id: lasse.id, on_behalf_of: null, police_status: 'vurderet', police_contact: null, police_contacted_at: null, police_assessed_level: null, deadline_at: at, level_set_at: at, meeting_planned_at: null, meeting_location: null, meeting_held_at: null, stood_down_at: at, stood_down_by_label: 'test', stand_down_reason: 'test', log_length: 0, log_head_hash: '', created_at: at, updated_at: at })
        .execute();
      await db
        .insertInto('crisis_participants')
        .values({ id: newId(), plan_id: app.planId, incident_id: incidentId, member_id: lasse.id, name: 'Lasse Bonde', role: 'Politikommissær', organisation: 'Østjyllands Politi', email: null, phone: '25583249', is_authority: 1, ad_hoc: 0, invited_at: at, response: 'kommer', responded_at: at, response_token_hash: null, escalated_at: null, escalated_to_id: null, escalated_from_id: null, created_at: at })
        .execute();

      const replaced = await form(`/beredskab/gruppe/${lasse.id}/udskift`, secretariat, { name: 'Mette Dahl', position: '', phone: '2211 4455', email: 'mette.dahl@politi.example' });
      assert.equal(replaced.statusCode, 303, replaced.body);
      const after = await members();
      assert.equal(after.some((m) => m.name === 'Lasse Bonde'), false);
      const mette = after.find((m) => m.name === 'Mette Dahl')!;
      assert.deepEqual([mette.role, mette.organisation, mette.isAuthority, mette.substituteFor, mette.contactStatus], ['Politikommissær', 'Østjyllands Politi', true, null, 'bekraeftet']);
      assert.equal(after.find((m) => m.name === 'Allan Aarslev')!.substituteFor, mette.id);
      const participant = await db.selectFrom('crisis_participants').select(['member_id', 'name']).where('incident_id', '=', incidentId).executeTakeFirstOrThrow();
      assert.deepEqual(participant, { member_id: null, name: 'Lasse Bonde' });
      const audit = await db.selectFrom('audit_log').select('summary').where('entity_id', '=', mette.id).execute();
      assert.match(audit[0]!.summary, /Udskiftede Lasse Bonde, Politikommissær, Østjyllands Politi med Mette Dahl i beredskabsgruppen; suppleanten står nu for Mette Dahl/);
    });

    it('names every wrong field of a new member on the page and keeps what was typed', async () => {
      const response = await form('/beredskab/gruppe/ny', secretariat, { role: 'Klubleder', organisation: 'Ungdomsskolen', name: '', phone: 'ring mig op', email: '' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /<title>Fejl: /);
      assert.match(response.body, /href="#felt-name"/);
      assert.match(response.body, /href="#felt-phone"/);
      assert.match(response.body, /value="ring mig op"/);
      assert.match(text(response.body), /Telefonnummeret må kun indeholde cifre/);
    });

    it('lets a linked member confirm or correct their own data, never another member\u2019s, and the secretariat record a call', async () => {
      const member = await crisisMemberSession(app, { email: 'ssp.gruppe@helhed.test', authority: true, role: 'SSP-konsulent' });
      const page = await get('/beredskab/gruppe/mine-oplysninger', member);
      assert.equal(page.statusCode, 200);
      assert.match(text(page.body), /SSP-konsulent, Randers Ungdomsskole/);
      assert.match(page.body, /value="40867408"/);
      const wrong = await form('/beredskab/gruppe/mine-oplysninger', member, { memberId: member.memberId, phone: '40867408', email: 'claus@' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /href="#felt-email"/);
      const saved = await form('/beredskab/gruppe/mine-oplysninger', member, { memberId: member.memberId, phone: '4086 7408', email: 'claus.hansen@ungdomsskolen.example' });
      assert.equal(saved.statusCode, 303);
      const claus = await byName('Claus Hansen');
      assert.deepEqual([claus.phone, claus.email, claus.contactStatus], ['4086 7408', 'claus.hansen@ungdomsskolen.example', 'bekraeftet']);
      assert.match(claus.contactConfirmedBy!, /ssp\.gruppe@helhed\.test \(selv, i Helhed\)/);
      assert.equal(claus.user?.email, 'ssp.gruppe@helhed.test');

      const morten = await byName('Morten Strange');
      const other = await form('/beredskab/gruppe/mine-oplysninger', member, { memberId: morten.id, phone: '1', email: '' });
      assert.equal(other.statusCode, 404);
      assert.equal((await api('POST', `/api/v1/beredskab/gruppe/members/${morten.id}/confirm`, member, {})).statusCode, 404);

      const called = await form(`/beredskab/gruppe/${morten.id}/bekraeft`, secretariat);
      assert.equal(called.statusCode, 303);
      const after = await byName('Morten Strange');
      assert.equal(after.contactStatus, 'bekraeftet');
      assert.match(after.contactConfirmedBy!, /sekretariat@helhed\.test \(bekræftet af medlemmet telefonisk\)/);

      // A new phone number typed in by the secretariat, here or on the bodies page, is not confirmed by the member.
      const changed = await api('PUT', `/api/v1/bodies/beredskabsgruppe/members/${claus.id}`, secretariat, { role: claus.role, organisation: claus.organisation, name: 'Claus Hansen', phone: '4086 0000', email: claus.email, isAuthority: true });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal((await byName('Claus Hansen')).contactStatus, 'aldrig');
    });

    it('links a member only to an account with a role in the plan, and one account to one member', async () => {
      const peter = await byName('Peter Pedersen');
      const unknown = await api('PUT', `/api/v1/beredskab/gruppe/members/${peter.id}/user`, secretariat, { userId: 'findes-ikke' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.fields[0].field, 'userId');
      const user = await app.db.database.db.selectFrom('users').select('id').where('email', '=', 'sekretariat@helhed.test').executeTakeFirstOrThrow();
      const linked = await form(`/beredskab/gruppe/${peter.id}/bruger`, secretariat, { userId: user.id });
      assert.equal(linked.statusCode, 303);
      assert.equal((await byName('Peter Pedersen')).user?.email, 'sekretariat@helhed.test');
      const twice = await api('PUT', `/api/v1/beredskab/gruppe/members/${(await byName('Jørgen Lajer')).id}/user`, secretariat, { userId: user.id });
      assert.equal(twice.statusCode, 400);
      assert.match(twice.json().error.fields[0].message, /er allerede knyttet til Peter Pedersen/);
      assert.equal((await api('PUT', `/api/v1/beredskab/gruppe/members/${peter.id}/user`, secretariat, { userId: null })).statusCode, 200);
    });

    it('sends the reminder with a personal link that confirms once, stores only its hash, and lists those to call', async () => {
      const louise = await byName('Louise Hou Kragh');
      const put = await api('PUT', `/api/v1/beredskab/gruppe/members/${louise.id}`, secretariat, { role: louise.role, organisation: louise.organisation, name: 'Louise Hou Kragh', phone: '4214 8600', email: 'louise.kragh@randers.example', isRequiredContact: true });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal((await get('/api/v1/beredskab/gruppe', secretariat)).json().campaignDue, true);
      smtp.clear();
      const sent = await form('/beredskab/gruppe/paamindelse', secretariat);
      assert.equal(sent.statusCode, 303);
      const withEmail = (await members()).filter((m) => m.email);
      assert.deepEqual(smtp.received.flatMap((m) => m.to).sort(), withEmail.map((m) => m.email!).sort());
      const mail = smtp.to('louise.kragh@randers.example')[0]!;
      assert.equal(mail.subject, 'Bekræft dine kontaktoplysninger i beredskabsgruppen');
      const link = /https:\/\/helhed\.example(\/beredskab\/bekraeft\/[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
      assert.ok(link, mail.text);
      const token = link.split('/').at(-1)!;
      const stored = await app.db.database.db.selectFrom('crisis_contact_requests').select('token_hash').where('member_id', '=', louise.id).execute();
      assert.deepEqual(stored.map((r) => r.token_hash), [sha256(token)]);

      const overview = (await get('/api/v1/beredskab/gruppe', secretariat)).json() as { campaignDue: boolean; campaigns: { requests: number; answered: number; mailsSent: number }[] };
      assert.equal(overview.campaignDue, false);
      assert.deepEqual(overview.campaigns.map((c) => [c.requests, c.answered, c.mailsSent]), [[withEmail.length, 0, withEmail.length]]);
      const groupPage = text((await get('/beredskab/gruppe', secretariat)).body);
      assert.doesNotMatch(groupPage, /Påmindelsen er forfalden/);
      assert.match(groupPage, /Jørgen Lajer, Lokalinspektør, Lejerbo: skal kontaktes telefonisk på 30840522/);

      // The link opens without a login and shows the member their own data.
      const opened = await get(link);
      assert.equal(opened.statusCode, 200);
      assert.match(text(opened.body), /Louise Hou Kragh/);
      assert.match(opened.body, /value="4214 8600"/);
      const anon = { cookie: opened.cookies.find((c) => c.name === 'helhed_csrf')!.value, csrf: /name="_csrf" value="([^"]+)"/.exec(opened.body)![1]!, anonymous: true as const };
      const bad = await form(link, anon, { phone: '4214 8600', email: 'louise@' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /<title>Fejl: /);
      now = new Date(START.getTime() + 20 * 60 * 1000);
      const done = await form(link, anon, { phone: '8915 1000', email: 'louise.kragh@randers.example' });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/beredskab/bekraeft/tak');
      const confirmed = await byName('Louise Hou Kragh');
      assert.deepEqual([confirmed.phone, confirmed.contactStatus, confirmed.contactConfirmedAt], ['8915 1000', 'bekraeftet', now.toISOString()]);
      assert.match(confirmed.contactConfirmedBy!, /via link i e-mail/);
      assert.equal((await get(link)).statusCode, 404, 'the link works once');
      assert.equal((await form(link, anon, { phone: '1234 5678', email: '' })).statusCode, 404);
      assert.equal((await get('/beredskab/bekraeft/ikke-et-token')).statusCode, 404);
      assert.equal(((await get('/api/v1/beredskab/gruppe', secretariat)).json() as { campaigns: { answered: number }[] }).campaigns[0]!.answered, 1);

      // Another member's link has expired after 30 days.
      const other = smtp.received.find((m) => !m.to.includes('louise.kragh@randers.example'))!;
      const otherLink = /https:\/\/helhed\.example(\/beredskab\/bekraeft\/[A-Za-z0-9_-]{43})/.exec(other.text)![1]!;
      assert.equal((await get(otherLink)).statusCode, 200);
      now = new Date(START.getTime() + 31 * 24 * 60 * 60 * 1000);
      const expired = await get(otherLink);
      now = START;
      assert.equal(expired.statusCode, 404);
    });

    it('prints the crisis card on one A4 page with the current contacts, the deadlines, 114 and the press contacts', async () => {
      const morten = await byName('Morten Strange');
      assert.equal((await api('POST', `/api/v1/beredskab/gruppe/members/${morten.id}/replace`, secretariat, { name: 'Karin Holm', phone: '8710 2030', email: 'karin.holm@randers.example' })).statusCode, 201);
      const member = await crisisMemberSession(app, { email: 'lejerbo.kort@helhed.test', authority: false, role: 'Lokalinspektør' });
      const response = await get('/beredskab/kort.pdf', member);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      const pages = pdfPages(response.rawPayload);
      assert.equal(pages.length, 1);
      const card = pages[0]!;
      assert.match(response.rawPayload.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
      assert.match(card, /Rødt niveau: inden for 24 timer/);
      assert.match(card, /Gult niveau: inden for 3 arbejdsdage/);
      assert.match(card, /Påkrævet kontakt, inviterer alle: Louise Hou Kragh/);
      assert.match(card, /Østjyllands Politis vagtchef, tlf\. 114/);
      assert.match(card, /Karin Holm 8710 2030/);
      assert.doesNotMatch(card, /Morten Strange/);
      assert.match(card, /Allan Aarslev 22701226/);
      assert.match(card, /Jens Heslop, tlf\. 29 13 69 59/);
      assert.match(card, /Udskrevet tirsdag den 10\. marts 2026 kl\. 10\.00/);
      const printView = await get('/beredskab/kort', member);
      assert.equal(printView.statusCode, 200);
      assert.match(text(printView.body), /Karin Holm/);
    });

    it('describes its API in the OpenAPI document under the tag beredskab, in Danish', async () => {
      const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
      const expected = [
        ['get', '/api/v1/beredskab/gruppe'],
        ['post', '/api/v1/beredskab/gruppe/members'],
        ['put', '/api/v1/beredskab/gruppe/members/{id}'],
        ['delete', '/api/v1/beredskab/gruppe/members/{id}'],
        ['post', '/api/v1/beredskab/gruppe/members/{id}/replace'],
        ['put', '/api/v1/beredskab/gruppe/members/{id}/user'],
        ['post', '/api/v1/beredskab/gruppe/members/{id}/confirm'],
        ['post', '/api/v1/beredskab/gruppe/campaigns'],
      ];
      for (const [method, path] of expected) {
        const operation = doc.paths[path!]?.[method!];
        assert.ok(operation, `${method} ${path}`);
        assert.deepEqual(operation.tags, ['beredskab']);
        assert.match(operation.summary ?? '', /[æøå]|medlem|beredskab/i);
      }
    });

    it('seeds the demo group once with invented addresses, one member never confirmed and one stale', async () => {
      const first = await seedDemoCrisisGroup(app.services, app.planId);
      assert.ok(first > 0);
      assert.equal(await seedDemoCrisisGroup(app.services, app.planId), 0);
      const after = await members();
      assert.ok(after.every((m) => m.email !== null));
      assert.ok(after.some((m) => m.email === 'joergen.lajer@helhed.example'));
      assert.ok(after.some((m) => m.contactStatus === 'aldrig'));
      assert.ok(after.some((m) => m.contactStatus === 'forfalden'));
      assert.ok(after.some((m) => m.contactStatus === 'bekraeftet'));
    });
  });
}
