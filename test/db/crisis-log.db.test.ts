/**
 * The incident log (issue 7, part 6) on both engines: § 115 entries are read by the authorities' linked members only,
 * by page, API and PDF alike (not by a housing organisation's member, the secretariat or an administrator); notes and
 * corrections; the database refuses to change or delete an entry; and an entry altered or removed directly in the
 * database, by someone who first removes that protection, is shown by number on the log page, in the API and on the
 * check of every log, even when its hash is recomputed without the key.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { crisisLogFor } from '../../src/crisis/crisis-log.service.js';
import type { Incident } from '../../src/crisis/incident.js';
import { crisisMemberSession, insertIncident } from '../fixtures/crisis/index.js';
import { testEngines } from '../support/databases.js';
import { pdfPages } from '../support/pdf-text.js';
import { startTestApp, type Session, type TestApp } from '../support/test-app.js';

/** Saturday 28 March 2026, 20.30 in Copenhagen. */
const NOW = new Date('2026-03-28T19:30:00Z');
const WITHHELD_ONE = '1 indførsel er delt efter retsplejelovens § 115 og vises kun for myndighedernes medlemmer.';
const SECRET = 'Fortroligt fra politiet: den mistænkte er kendt og anholdt i nat';

for (const engine of testEngines()) {
  describe(`the incident log on ${engine}`, () => {
    let app: TestApp;
    let police: Session;
    let housing: Session;
    let secretariat: Session;
    let admin: Session;
    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      police = await crisisMemberSession(app, { email: 'politi.log@helhed.test', authority: true });
      housing = await crisisMemberSession(app, { email: 'boligforening.log@helhed.test', authority: false });
      secretariat = await app.sessionFor('sekretariat');
      admin = await app.sessionFor('administrator');
    });
    after(() => app.close());

    const db = () => app.db.database.db;
    const cookies = (s: Session) => ({ helhed_session: s.cookie });
    const get = (url: string, s: Session) => app.request({ method: 'GET', url, cookies: cookies(s) });
    const api = (url: string, s: Session, payload: object) => app.request({ method: 'POST', url, payload, headers: { 'x-csrf-token': s.csrf }, cookies: cookies(s) });
    const form = (url: string, s: Session, fields: Record<string, string>) =>
      app.request({
        method: 'POST',
        url,
        payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: cookies(s),
      });
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
    const logPage = async (incident: Incident, s: Session) => {
      const response = await get(`/beredskab/haendelser/${incident.id}/log`, s);
      assert.equal(response.statusCode, 200, response.body);
      return text(response.body);
    };
    const logApi = async (incident: Incident, s: Session) => {
      const response = await get(`/api/v1/beredskab/haendelser/${incident.id}/log`, s);
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as {
        entries: { id: string; seq: number; text: string; classification: string; actor: string; correctsSeq: number | null; correctedBy: number[] }[];
        withheld: number;
        withheldText: string | null;
        verification: { intact: boolean; entries: number; problems: { seq: number | null; message: string }[] };
      };
    };
    const logPdf = async (incident: Incident, s: Session) => {
      const response = await get(`/beredskab/haendelser/${incident.id}/log.pdf`, s);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/pdf');
      return pdfPages(response.rawPayload).join(' ');
    };

    /** An incident with a § 115 note by the police and a general note by the housing organisation's member. */
    async function incidentWithSecret(description: string) {
      const incident = await insertIncident(app, { level: 'roed', description });
      const shared = await form(`/beredskab/haendelser/${incident.id}/log/notater`, police, { text: SECRET, classification: 'paragraf115' });
      assert.equal(shared.statusCode, 303, shared.body);
      const general = await api(`/api/v1/beredskab/haendelser/${incident.id}/log/notater`, housing, { text: 'Beboerne i blok 4 er orienteret ved opslag.' });
      assert.equal(general.statusCode, 201, general.body);
      return incident;
    }

    it('shows a § 115 entry to an authority’s member by page, API and PDF', async () => {
      const incident = await incidentWithSecret('Skud affyret ved blok 4 (autoritetstest)');
      const page = await logPage(incident, police);
      assert.ok(page.includes(SECRET));
      assert.ok(page.includes('§ 115 Delt efter retsplejelovens § 115 (kun myndighedernes medlemmer)'), 'the badge with words');
      assert.ok(!page.includes('indførsel er delt efter'));
      assert.match(page, /value="paragraf115"|Delt efter retsplejelovens § 115: kun myndighedernes medlemmer/);
      const json = await logApi(incident, police);
      assert.deepEqual(json.entries.map((e) => e.seq), [1, 2, 3]);
      assert.equal(json.entries[1]!.classification, 'paragraf115');
      assert.equal(json.withheld, 0);
      assert.equal(json.withheldText, null);
      const pdf = await logPdf(incident, police);
      assert.ok(pdf.includes(SECRET), pdf.slice(0, 400));
      assert.ok(pdf.includes('Udskrevet af politi.log'));
      assert.match(pdf, /Side 1 af \d+/);
    });

    for (const [who, session] of [
      ['a housing organisation’s member', () => housing],
      ['the secretariat', () => secretariat],
      ['an administrator', () => admin],
    ] as const) {
      it(`withholds a § 115 entry from ${who} by page, API and PDF, saying only how many there are`, async () => {
        const incident = await incidentWithSecret(`Skud affyret (læses af ${who})`);
        const s = session();
        const page = await logPage(incident, s);
        assert.ok(!page.includes(SECRET) && !page.includes('anholdt'));
        assert.ok(page.includes(WITHHELD_ONE), page);
        // Neither the author nor the badge of the withheld entry: the police member wrote only that one.
        assert.ok(!page.includes('politi.log@helhed.test'));
        assert.ok(!page.includes('§ 115 Delt efter'));
        assert.ok(!page.includes('value="paragraf115"'), 'no § 115 choice is offered');
        const json = await logApi(incident, s);
        assert.deepEqual(json.entries.map((e) => e.seq), [1, 3]);
        assert.ok(!JSON.stringify(json).includes('anholdt') && !JSON.stringify(json).includes('politi.log'));
        assert.equal(json.withheld, 1);
        assert.equal(json.withheldText, WITHHELD_ONE);
        assert.equal(json.verification.entries, 3, 'the whole chain is checked');
        const pdf = await logPdf(incident, s);
        assert.ok(!pdf.includes('anholdt') && !pdf.includes('politi.log'));
        assert.ok(pdf.includes(WITHHELD_ONE));
        assert.ok(pdf.includes('Loggen er ubrudt: 3 indførsler kontrolleret'));
        // Nor can the entry be opened for correction: it is not found.
        const secretId = (await crisisLogFor(app.services).entries(app.planId, incident.id))[1]!.id;
        assert.equal((await get(`/beredskab/haendelser/${incident.id}/log/${secretId}/ret`, s)).statusCode, 404);
        const correction = await api(`/api/v1/beredskab/haendelser/${incident.id}/log/${secretId}/rettelser`, s, { text: 'x', reason: 'y' });
        assert.equal(correction.statusCode, 404, correction.body);
        assert.ok(!correction.body.includes('anholdt'));
      });
    }

    it('refuses § 115 from anyone not linked to an authority’s member with 403 and a Danish message, by form and API, and writes nothing', async () => {
      const incident = await insertIncident(app, { level: 'gul', description: 'Uro ved indkøbscentret (afvisning af § 115)' });
      const byForm = await form(`/beredskab/haendelser/${incident.id}/log/notater`, housing, { text: 'Forsøg på at dele efter 115', classification: 'paragraf115' });
      assert.equal(byForm.statusCode, 403);
      assert.ok(text(byForm.body).includes('Kun brugere, der er knyttet til et medlem fra en myndighed'));
      assert.ok(text(byForm.body).includes('Forsøg på at dele efter 115'), 'the text is kept in the form');
      const byApi = await api(`/api/v1/beredskab/haendelser/${incident.id}/log/notater`, secretariat, { text: 'Også et forsøg', classification: 'paragraf115' });
      assert.equal(byApi.statusCode, 403);
      assert.match(byApi.json().error.message, /retsplejelovens § 115/);
      assert.equal((await crisisLogFor(app.services).entries(app.planId, incident.id)).length, 1);
    });

    it('answers bad notes with 400 and a Danish message naming the field', async () => {
      const incident = await insertIncident(app, { level: 'gul', description: 'Hærværk (forkerte notater)' });
      const empty = await form(`/beredskab/haendelser/${incident.id}/log/notater`, housing, { text: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.ok(text(empty.body).includes('Skriv notatet.'));
      assert.match(empty.body, /<title>Fejl: /);
      const unknown = await api(`/api/v1/beredskab/haendelser/${incident.id}/log/notater`, police, { text: 'x', classification: 'hemmelig' });
      assert.equal(unknown.statusCode, 400);
      const tooLong = await api(`/api/v1/beredskab/haendelser/${incident.id}/log/notater`, police, { text: 'x'.repeat(4001) });
      assert.equal(tooLong.statusCode, 400);
      const noReason = await api(`/api/v1/beredskab/haendelser/${incident.id}/log/${(await logApi(incident, police)).entries[0]!.id}/rettelser`, police, { text: 'Ny tekst', reason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().error.fields[0].field, 'reason');
      assert.equal((await get(`/api/v1/beredskab/haendelser/ukendt/log`, police)).statusCode, 404);
    });

    it('corrects an entry with a new entry pointing to it, leaving the original as it was, linked both ways', async () => {
      const incident = await insertIncident(app, { level: 'gul', description: 'Gruppekonflikt (rettelse)' });
      const note = await api(`/api/v1/beredskab/haendelser/${incident.id}/log/notater`, housing, { text: 'Mødet holdes i beboerhuset kl. 19.' });
      const noteId = (note.json() as { id: string }).id;
      const formPage = await get(`/beredskab/haendelser/${incident.id}/log/${noteId}/ret`, housing);
      assert.equal(formPage.statusCode, 200);
      assert.ok(text(formPage.body).includes('Mødet holdes i beboerhuset kl. 19.'));
      const corrected = await form(`/beredskab/haendelser/${incident.id}/log/${noteId}/ret`, housing, { text: 'Mødet holdes i beboerhuset kl. 20.', reason: 'Tidspunktet var forkert.' });
      assert.equal(corrected.statusCode, 303, corrected.body);
      assert.equal(corrected.headers.location, `/beredskab/haendelser/${incident.id}/log#indfoersel-3`);
      const page = await logPage(incident, police);
      assert.ok(page.includes('Mødet holdes i beboerhuset kl. 19.') && page.includes('Mødet holdes i beboerhuset kl. 20.'));
      assert.ok(page.includes('Rettet ved indførsel 3'));
      assert.ok(page.includes('Retter indførsel 2'));
      assert.ok(page.includes('Begrundelse for rettelsen: Tidspunktet var forkert.'));
      const json = await logApi(incident, housing);
      assert.deepEqual(json.entries[1]!.correctedBy, [3]);
      assert.equal(json.entries[2]!.correctsSeq, 2);
      assert.ok(json.verification.intact);
      const audit = await db().selectFrom('audit_log').select('summary').where('entity_type', '=', 'crisis_log_entry').execute();
      assert.ok(audit.some((a) => a.summary.includes('indførsel 3 retter indførsel 2')));
      assert.ok(audit.every((a) => !a.summary.includes('beboerhuset') && !a.summary.includes('anholdt')), 'the audit trail holds no note text');
    });

    it('makes an authority’s correction of a § 115 entry a § 115 entry too', async () => {
      const incident = await incidentWithSecret('Overfald (rettelse af § 115)');
      const secretId = (await logApi(incident, police)).entries[1]!.id;
      const response = await api(`/api/v1/beredskab/haendelser/${incident.id}/log/${secretId}/rettelser`, police, { text: 'Den mistænkte er løsladt igen.', reason: 'Opdateret af politiet.' });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json().classification, 'paragraf115');
      const housingView = await logApi(incident, housing);
      assert.equal(housingView.withheld, 2);
      assert.ok(!JSON.stringify(housingView).includes('løsladt'));
      assert.ok(housingView.entries.every((e) => e.correctedBy.length === 0), 'no link hints at the withheld correction');
    });

    it('refuses to change or delete a log entry in the database itself', async () => {
      const incident = await insertIncident(app, { level: 'roed', description: 'Ildspåsættelse (trigger)' });
      await assert.rejects(db().updateTable('crisis_log_entries').set({ text: 'Ændret' }).where('incident_id', '=', incident.id).execute(), /kan kun tilføjes til/);
      await assert.rejects(db().deleteFrom('crisis_log_entries').where('incident_id', '=', incident.id).execute(), /kan kun tilføjes til/);
      assert.equal((await crisisLogFor(app.services).entries(app.planId, incident.id))[0]!.text, 'Beredskabet aktiveret på rødt niveau (testdata).');
    });

    /** Runs `change` as an attacker with database rights: the append-only protection removed, then put back. */
    async function asAttacker(change: () => Promise<unknown>) {
      if (engine === 'postgres') {
        await sql`ALTER TABLE crisis_log_entries DISABLE TRIGGER crisis_log_append_only`.execute(db());
        try {
          await change();
        } finally {
          await sql`ALTER TABLE crisis_log_entries ENABLE TRIGGER crisis_log_append_only`.execute(db());
        }
      } else {
        await sql`DROP TRIGGER crisis_log_no_update`.execute(db());
        await sql`DROP TRIGGER crisis_log_no_delete`.execute(db());
        try {
          await change();
        } finally {
          await sql`CREATE TRIGGER crisis_log_no_update BEFORE UPDATE ON crisis_log_entries BEGIN SELECT RAISE(ABORT, 'Beredskabsloggen kan kun tilføjes til; en rettelse er en ny indførsel.'); END`.execute(db());
          await sql`CREATE TRIGGER crisis_log_no_delete BEFORE DELETE ON crisis_log_entries BEGIN SELECT RAISE(ABORT, 'Beredskabsloggen kan kun tilføjes til; en rettelse er en ny indførsel.'); END`.execute(db());
        }
      }
    }

    /** An incident with four general notes (entries 2-5). */
    async function incidentWithNotes(description: string) {
      const incident = await insertIncident(app, { level: 'gul', description });
      for (let i = 1; i <= 4; i++) assert.equal((await api(`/api/v1/beredskab/haendelser/${incident.id}/log/notater`, housing, { text: `Observation ${i} (${description})` })).statusCode, 201);
      return incident;
    }

    /** The log page, the API and the check of every log all name the problem by entry number. */
    async function assertShown(incident: Incident, expected: RegExp, reader: Session = housing) {
      const page = await logPage(incident, reader);
      assert.ok(page.includes('Loggen er ændret uden om Helhed'), page);
      assert.match(page, expected);
      assert.ok(!page.includes('Loggen er ubrudt'));
      const json = await logApi(incident, reader);
      assert.equal(json.verification.intact, false);
      assert.ok(json.verification.problems.some((p) => expected.test(p.message)), JSON.stringify(json.verification.problems));
      const check = await get(`/api/v1/beredskab/haendelser/${incident.id}/log/kontrol`, reader);
      assert.equal(check.json().intact, false);
      const all = await get('/beredskab/logkontrol', reader);
      assert.equal(all.statusCode, 200);
      const allText = text(all.body);
      assert.match(allText, /hændelses log er ændret uden om Helhed|hændelsers logge er ændret uden om Helhed/);
      const row = new RegExp(`Hændelse ${incident.number} [^]*?Brudt[^]*?${expected.source}`);
      assert.match(allText, row);
      // Broken logs come first: no intact one is listed before this one.
      assert.ok(allText.indexOf(`Hændelse ${incident.number} `) < (allText.indexOf('Ubrudt') === -1 ? Infinity : allText.indexOf('Ubrudt')));
      const allApi = (await get('/api/v1/beredskab/logkontrol', reader)).json() as { incidents: { number: number; intact: boolean }[] };
      const firstIntact = allApi.incidents.findIndex((i) => i.intact);
      const mine = allApi.incidents.findIndex((i) => i.number === incident.number);
      assert.ok(mine >= 0 && !allApi.incidents[mine]!.intact && (firstIntact === -1 || mine < firstIntact));
    }

    it('shows an entry whose text was changed directly in the database, by number, on the page, in the API and on the log check', async () => {
      const incident = await incidentWithNotes('Narkotikahandel (ændret tekst)');
      assert.ok((await logPage(incident, housing)).includes('Loggen er ubrudt: 5 indførsler kontrolleret'));
      await asAttacker(() => db().updateTable('crisis_log_entries').set({ text: 'Intet at bemærke' }).where('incident_id', '=', incident.id).where('seq', '=', 3).execute());
      await assertShown(incident, /Indførsel 3 er ændret efter den blev skrevet/);
      const pdf = await logPdf(incident, housing);
      assert.ok(pdf.includes('Indførsel 3 er ændret efter den blev skrevet'));
    });

    it('shows the last entry deleted directly in the database, by number', async () => {
      const incident = await incidentWithNotes('Hærværk (slettet indførsel)');
      await asAttacker(() => db().deleteFrom('crisis_log_entries').where('incident_id', '=', incident.id).where('seq', '=', 5).execute());
      await assertShown(incident, /Indførsel 5 mangler i enden af loggen/);
    });

    it('shows the last entry deleted even when the head is set back to the entry before it', async () => {
      const incident = await incidentWithNotes('Chikane (slettet og hoved flyttet)');
      const fourth = await db().selectFrom('crisis_log_entries').select('hash').where('incident_id', '=', incident.id).where('seq', '=', 4).executeTakeFirstOrThrow();
      await asAttacker(async () => {
        await db().deleteFrom('crisis_log_entries').where('incident_id', '=', incident.id).where('seq', '=', 5).execute();
        await db().updateTable('crisis_incidents').set({ log_length: 4, log_head_hash: fourth.hash }).where('id', '=', incident.id).execute();
      });
      await assertShown(incident, /Loggens afslutning passer ikke til dens sidste indførsel \(nr\. 4\)/);
    });

    it('shows a changed entry even when its hash and the chain after it are recomputed as plain SHA-256, without the key', async () => {
      const incident = await incidentWithNotes('Trusler (genberegnet kontrolsum)');
      await asAttacker(async () => {
        const rows = await db().selectFrom('crisis_log_entries').selectAll().where('incident_id', '=', incident.id).orderBy('seq').execute();
        let previous = rows[1]!.hash;
        for (const row of rows.slice(2)) {
          const textNow = row.seq === 3 ? 'Intet at bemærke' : row.text;
          const hash = createHash('sha256').update(JSON.stringify([row.plan_id, row.incident_id, row.seq, row.recorded_at, row.kind, row.classification, row.actor_label, textNow, row.data, previous])).digest('hex');
          await db().updateTable('crisis_log_entries').set({ text: textNow, prev_hash: previous, hash }).where('id', '=', row.id).execute();
          previous = hash;
        }
        await db().updateTable('crisis_incidents').set({ log_head_hash: previous }).where('id', '=', incident.id).execute();
      });
      await assertShown(incident, /Indførsel 3 er ændret efter den blev skrevet/);
      const problems = (await logApi(incident, housing)).verification.problems.map((p) => p.seq);
      assert.deepEqual(problems, [3, 4, 5, null]);
    });

    it('names a tampered § 115 entry by number only to a reader who may not read it', async () => {
      const incident = await incidentWithSecret('Slåskamp (ændret § 115-indførsel)');
      await asAttacker(() => db().updateTable('crisis_log_entries').set({ text: `${SECRET}, ændret` }).where('incident_id', '=', incident.id).where('seq', '=', 2).execute());
      const page = await logPage(incident, housing);
      assert.ok(page.includes('Indførsel 2 er ændret efter den blev skrevet'));
      assert.ok(!page.includes('anholdt'));
      const all = text((await get('/beredskab/logkontrol', housing)).body);
      assert.ok(!all.includes('anholdt'));
    });

    it('lists the log API in the OpenAPI document under beredskab', async () => {
      const doc = (await app.request({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
      for (const [path, method] of [
        ['/api/v1/beredskab/haendelser/{id}/log', 'get'],
        ['/api/v1/beredskab/haendelser/{id}/log/notater', 'post'],
        ['/api/v1/beredskab/haendelser/{id}/log/{entryId}/rettelser', 'post'],
        ['/api/v1/beredskab/haendelser/{id}/log/kontrol', 'get'],
        ['/api/v1/beredskab/logkontrol', 'get'],
      ] as const) {
        const operation = doc.paths[path]?.[method];
        assert.ok(operation, `${method} ${path}`);
        assert.deepEqual(operation.tags, ['beredskab']);
        assert.ok(operation.summary && /[æøå]|Hændelsens|Skriv|Ret|Kontrollér/.test(operation.summary));
      }
    });
  });
}
