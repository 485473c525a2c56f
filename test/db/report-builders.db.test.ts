import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR, type Actor } from '../../src/audit/audit.service.js';
import type { Principal } from '../../src/auth/principal.js';
import { staffHourServiceFor } from '../../src/activities/staff-hours.service.js';
import { deliveryServiceFor } from '../../src/governance/deliveries.service.js';
import { meetingServiceFor, type Meeting } from '../../src/governance/meetings.service.js';
import type { ReportDocument } from '../../src/reports/report-document.js';
import { REPORT_DEFINITIONS } from '../../src/reports/builders/index.js';
import { reportServiceFor } from '../../src/reports/reports.service.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** In plan year 2025/26, before the steering group's spring meeting. */
const NOW = new Date('2026-03-10T10:00:00Z');

/** Every text of a document, so a test can ask whether a narrative or a figure is in it. */
function textOf(document: ReportDocument): string {
  return JSON.stringify(document.sections);
}

function partner(organisationId: string, organisationName: string, email: string): Principal {
  return { userId: '', email, name: email, plan: null, roles: ['partner'], organisationId, organisationName, via: 'session' };
}

const SECRETARIAT: Principal = { userId: '', email: 'sekretariat@helhed.test', name: 'Sekretariatet', plan: null, roles: ['sekretariat'], organisationId: null, organisationName: null, via: 'session' };
const actorOf = (p: Principal, planId: string): Actor => ({ ...SYSTEM_ACTOR, label: p.email, planId });

for (const engine of testEngines()) {
  describe(`the report builders on ${engine}`, () => {
    let app: TestApp;
    let meeting: Meeting;
    const organisations: { id: string; name: string; principal: Principal; requestId: string; line: string; activity: string }[] = [];

    before(async () => {
      app = await startTestApp(engine, { clock: () => NOW });
      const { services, planId } = app;
      meeting = await meetingServiceFor(services).create(actorOf(SECRETARIAT, planId), planId, {
        body: 'styregruppe', kind: 'forår', title: 'Styregruppemøde (forår)', date: '2026-04-21', startsAt: '14:00', durationMinutes: 120, location: null,
      });
      // Two of the plan's organisations with agreed hours for an activity, each with a partner user.
      const { lines } = await staffHourServiceFor(services).agreed(planId);
      const chosen: typeof lines = [];
      for (const l of lines) if (l.activitySlug !== '' && l.hoursPerYear !== null && !chosen.some((c) => c.organisation === l.organisation) && chosen.length < 2) chosen.push(l);
      assert.equal(chosen.length, 2, 'the plan has two organisations with agreed hours for an activity');
      for (const [i, line] of chosen.entries()) await app.userSession({ email: `partner${i}@helhed.test`, roles: ['partner'], organisation: line.organisation });
      const deliveries = deliveryServiceFor(services);
      const overview = await deliveries.overview(planId, meeting.id);
      const ids = chosen.map((l) => overview.organisations.find((o) => o.name === l.organisation)!.id);
      await deliveries.request(actorOf(SECRETARIAT, planId), planId, meeting.id, { organisationIds: ids, deadline: '2026-04-07' });
      const requests = (await deliveries.forMeeting(planId, meeting.id)).requests;
      for (const [i, line] of chosen.entries()) {
        const p = partner(ids[i]!, line.organisation, `partner${i}@helhed.test`);
        organisations.push({ id: ids[i]!, name: line.organisation, principal: p, requestId: requests.find((r) => r.organisationId === ids[i])!.id, line: line.key, activity: line.activitySlug });
      }
    });
    after(() => app.close());

    /** The partner reports hours for February, writes a narrative for each of its activities and delivers. */
    async function deliver(o: (typeof organisations)[number], hours: number, narrative: string) {
      const { services, planId } = app;
      await staffHourServiceFor(services).report(o.principal, actorOf(o.principal, planId), planId, { line: o.line, month: '2026-02', hours, note: null });
      const deliveries = deliveryServiceFor(services);
      const detail = await deliveries.detail(o.principal, planId, o.requestId);
      for (const a of detail.activities) await deliveries.saveItem(o.principal, actorOf(o.principal, planId), planId, o.requestId, a.slug, `${narrative} (${a.slug})`);
      await deliveries.deliver(o.principal, actorOf(o.principal, planId), planId, o.requestId);
    }

    it('offers the steering group\u2019s meetings as the progress report\u2019s subjects', async () => {
      const subjects = await REPORT_DEFINITIONS.fremdrift.subjects(app.services, app.planId);
      assert.ok(subjects.some((s) => s.key === meeting.id && /Styregruppemøde/.test(s.label)));
    });

    it('shows who has not delivered, and their lack, before anyone delivers', async () => {
      const { document } = await reportServiceFor(app.services).draft(app.planId, 'fremdrift', meeting.id);
      const attention = document.sections.find((s) => s.key === 'opmaerksomhed')!;
      for (const o of organisations) assert.match(JSON.stringify(attention), new RegExp(`${o.name.replace(/[()]/g, '.')} har ikke leveret`));
      assert.match(textOf(document), /0 af 2 organisationer har leveret/);
    });

    it('assembles a progress report from two partners\u2019 deliveries, freezes it, and keeps it unchanged after a correction', async () => {
      const { services, planId } = app;
      const reports = reportServiceFor(services);
      await deliver(organisations[0]!, 40, 'Første partner: forløbet kører som planlagt');
      await deliver(organisations[1]!, 25, 'Anden partner: vi er lidt bagud');

      const draft = (await reports.draft(planId, 'fremdrift', meeting.id)).document;
      assert.match(textOf(draft), /2 af 2 organisationer har leveret/);
      assert.match(textOf(draft), /Første partner: forløbet kører som planlagt/);
      assert.match(textOf(draft), /Anden partner: vi er lidt bagud/);
      // The delivered hours, marked as delivered.
      const hoursRows = draft.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'table' && /medarbejdertimer/.test(b.caption) ? b.rows : []));
      assert.ok(hoursRows.some((r) => r[0] === organisations[0]!.name && r[4] === 40 && /^leveret/.test(String(r[6]))), JSON.stringify(hoursRows));
      assert.ok(hoursRows.some((r) => r[0] === organisations[1]!.name && r[4] === 25 && /^leveret/.test(String(r[6]))));

      const frozen = await reports.freeze(SECRETARIAT, actorOf(SECRETARIAT, planId), planId, 'fremdrift', meeting.id, { cutoffDate: '2026-03-10', note: 'Til mødet' });
      const asFrozen = JSON.stringify((await reports.edition(planId, frozen.id)).document);

      // Corrections: the first partner reports more hours for February; the second's delivery is reopened and changed.
      const [first, second] = organisations as [(typeof organisations)[number], (typeof organisations)[number]];
      await staffHourServiceFor(services).report(first.principal, actorOf(first.principal, planId), planId, { line: first.line, month: '2026-02', hours: 55, note: 'rettet' });
      await deliveryServiceFor(services).reopen(SECRETARIAT, actorOf(SECRETARIAT, planId), planId, second.requestId);
      await deliver(second, 25, 'Anden partner: rettet fortælling');

      const edition = await reports.edition(planId, frozen.id);
      assert.equal(JSON.stringify(edition.document), asFrozen, 'the frozen edition is byte for byte what was frozen');
      assert.equal(edition.sha256, frozen.sha256);
      assert.match(asFrozen, /Anden partner: vi er lidt bagud/);
      assert.doesNotMatch(asFrozen, /rettet fortælling/);

      const corrected = (await reports.draft(planId, 'fremdrift', meeting.id)).document;
      assert.match(textOf(corrected), /Anden partner: rettet fortælling/);
      assert.doesNotMatch(textOf(corrected), /Anden partner: vi er lidt bagud/);
      assert.match(textOf(corrected), new RegExp(`${first.name.replace(/[()]/g, '.')} har rettet sine timer efter leveringen: 55 timer`));

      const second_ = await reports.freeze(SECRETARIAT, actorOf(SECRETARIAT, planId), planId, 'fremdrift', meeting.id, { cutoffDate: '2026-03-10', note: 'Rettet' });
      assert.equal(second_.edition, 2);
      const changes = await reports.changes(planId, second_.id);
      assert.ok(changes.comparison && !changes.comparison.unchanged);
      const changed = JSON.stringify(changes.comparison.sections);
      assert.match(changed, /rettet fortælling/);
      assert.match(changed, /har rettet sine timer/);
      assert.equal(JSON.stringify((await reports.edition(planId, frozen.id)).document), asFrozen);
    });

    it('builds the annual data report for a calendar year with its sections, its sources and what the cut-off cannot cover', async () => {
      const subjects = await REPORT_DEFINITIONS.datarapport.subjects(app.services, app.planId);
      assert.ok(subjects.some((s) => s.key === '2025'));
      const { document } = await reportServiceFor(app.services).draft(app.planId, 'datarapport', '2025', '2026-03-10');
      const keys = document.sections.map((s) => s.key);
      assert.ok(keys.includes('maal-lbf') && keys.includes('statens-kriterier') && keys.includes('datakomplethed') && keys.includes('datakvalitet') && keys.includes('skaeringsdato'), keys.join(', '));
      assert.match(textOf(document), /rettelse af en ældre værdi/);
    });

    it('builds the annual report for a plan year with key figures, goals, outputs, economy, milestones and governance', async () => {
      const subjects = await REPORT_DEFINITIONS.aarsrapport.subjects(app.services, app.planId);
      assert.ok(subjects.some((s) => s.key === '2025-26'));
      const { document } = await reportServiceFor(app.services).draft(app.planId, 'aarsrapport', '2025-26', '2026-03-10');
      assert.deepEqual(
        document.sections.map((s) => s.key),
        ['planen', 'noegletal', 'maal', 'output', 'oekonomi', 'milepaele', 'styring', 'skaeringsdato'],
      );
      assert.equal(document.title, 'Årsrapport 2025/26');
    });
  });
}
