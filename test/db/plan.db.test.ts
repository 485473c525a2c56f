import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/audit/audit.service.js';
import { randersPlanContent } from '../../src/plan/content/index.js';
import type { Activity, StaffHours } from '../../src/plan/content/types.js';
import type { InterventionAreaData } from '../../src/plan/plan-snapshot.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const secretariat: Actor = { userId: null, label: 'sekretariat@helhed.test', planId: null, ip: null, requestId: null };
const board: Actor = { userId: null, label: 'formand@helhed.test', planId: null, ip: null, requestId: null };

for (const engine of testEngines()) {
  describe(`the plan as versioned data on ${engine}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(engine);
    });
    after(() => app.close());

    it('loads the seven areas, four intervention areas and sixteen activities once', async () => {
      const snapshot = await app.services.plan.snapshot(app.planId);
      assert.equal(snapshot.areas().length, 7);
      assert.equal(snapshot.interventionAreas().length, 4);
      assert.equal(snapshot.activities().length, 16);
      assert.equal(await app.services.plan.loadContent(app.planId, randersPlanContent), false, 'a second load adds nothing');
      assert.equal((await app.services.plan.snapshot(app.planId)).elements.length, snapshot.elements.length);
    });

    it('adds the areas up to the plan’s totals of about 4,100 tenancies and 6,600 residents', async () => {
      const snapshot = await app.services.plan.snapshot(app.planId);
      const tenancies = snapshot.areas().reduce((sum, a) => sum + (a.data.tenancies ?? 0), 0);
      const residents = snapshot.areas().reduce((sum, a) => sum + (a.data.residents ?? 0), 0);
      assert.equal(tenancies, 4161);
      assert.equal(residents, 6815);
      assert.ok(Math.abs(tenancies - 4100) / 4100 < 0.02);
      assert.ok(Math.abs(residents - 6600) / 6600 < 0.04, 'the areas sum to 6,815, about 3 % over the foreword’s «ca. 6.600»');
    });

    it('marks the two areas on the state’s list', async () => {
      const listed = (await app.services.plan.snapshot(app.planId)).areas().filter((a) => a.data.onStateList).map((a) => a.data.name).sort();
      assert.deepEqual(listed, ['Gl. Jennumparken', 'Glarbjergvej-området']);
    });

    it('resolves addresses from the loaded address lists', async () => {
      const resolver = (await app.services.plan.snapshot(app.planId)).resolver();
      assert.equal(resolver.resolve('Husarvej 41').area?.slug, 'gl-jennumparken');
      assert.equal(resolver.resolve('Mariagervej 89').area?.slug, 'energivej-omraadet');
    });

    it('makes a new version at once for a change of an activity’s practical details, keeping the old one', async () => {
      const snapshot = await app.services.plan.snapshot(app.planId);
      const brandkadet = snapshot.find<Activity>('activity', 'brandkadet')!;
      const result = await app.services.plan.changeElement(app.planId, secretariat, brandkadet.id, { resources: 'Brandstation Randers stiller lokaler til rådighed.' }, 'Aftale med Falck om lokaler');
      assert.deepEqual(result, { version: 2, proposal: null });
      const history = await app.services.plan.history(app.planId, brandkadet.id);
      assert.equal(history.versions.length, 2);
      assert.equal(history.versions[1]!.reason, 'Aftale med Falck om lokaler');
      assert.equal(history.versions[1]!.createdBy, 'sekretariat@helhed.test');
      assert.deepEqual(history.table.map((r) => r.path), ['resources']);
      assert.equal((history.versions[0]!.data as Activity).resources, brandkadet.data.resources);
    });

    it('holds a change to a target as a proposal until the board decides it, then applies it and keeps the old version', async () => {
      const brandkadet = (await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'brandkadet')!;
      const targets = brandkadet.data.targets.map((t) => (t.kind === 'minimum' && t.min === 12 ? { ...t, min: 14, printed: 'mindst 14 unge årligt' } : t));
      assert.notDeepEqual(targets, brandkadet.data.targets, 'the plan has a minimum of 12 to change');
      const result = await app.services.plan.changeElement(app.planId, secretariat, brandkadet.id, { targets }, 'Flere pladser fra 2026');
      assert.equal(result.version, null);
      const proposal = result.proposal!;
      assert.equal(proposal.status, 'afventer_bestyrelse');
      assert.equal(proposal.subject, 'sub-agreement');
      const waiting = (await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'brandkadet')!;
      assert.deepEqual(waiting.data.targets, brandkadet.data.targets, 'nothing changes before the decision');
      const decided = await app.services.plan.recordBoardDecision(app.planId, board, proposal.id, true, '2026-03-12', 'Bestyrelsesmøde 12. marts 2026, punkt 4');
      assert.equal(decided.status, 'vedtaget');
      const after = (await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'brandkadet')!;
      assert.ok(after.data.targets.some((t) => t.printed === 'mindst 14 unge årligt'));
      assert.equal(after.data.resources, 'Brandstation Randers stiller lokaler til rådighed.', 'the earlier direct change is kept');
      const history = await app.services.plan.history(app.planId, brandkadet.id);
      assert.equal(history.versions.length, 3);
      assert.equal(history.versions[2]!.proposalId, proposal.id);
      assert.ok(history.versions[1]!.data && (history.versions[1]!.data as Activity).targets.some((t) => t.min === 12));
    });

    it('stores neither the board decision nor the change when a write made alongside it fails', async () => {
      const ia = (await app.services.plan.snapshot(app.planId)).find<InterventionAreaData>('intervention-area', 'beskaeftigelse')!;
      const staffHours: StaffHours[] = ia.data.staffHours.map((h, i) => (i === 0 ? { ...h, hoursPerYear: 2, printed: '2 timer' } : h));
      const { proposal } = (await app.services.plan.changeElement(app.planId, secretariat, ia.id, { staffHours }, 'Færre timer')) as { proposal: { id: string } };
      await assert.rejects(
        app.services.plan.recordBoardDecision(app.planId, board, proposal.id, true, '2026-03-12', 'Punkt 2', async () => {
          throw new Error('indstillingen kunne ikke gemmes');
        }),
        /indstillingen kunne ikke gemmes/,
      );
      assert.equal((await app.services.plan.proposal(app.planId, proposal.id)).status, 'afventer_bestyrelse');
      const after = (await app.services.plan.snapshot(app.planId)).find<InterventionAreaData>('intervention-area', 'beskaeftigelse')!;
      assert.equal(after.version, ia.version);
    });

    it('lets a proposal the board does not agree on leave the plan unchanged', async () => {
      const ia = (await app.services.plan.snapshot(app.planId)).find<InterventionAreaData>('intervention-area', 'kriminalitetsforebyggelse')!;
      const staffHours: StaffHours[] = ia.data.staffHours.map((h, i) => (i === 0 ? { ...h, hoursPerYear: 1, printed: '1 time' } : h));
      const { proposal } = (await app.services.plan.changeElement(app.planId, secretariat, ia.id, { staffHours }, 'Færre timer')) as { proposal: { id: string } };
      const decided = await app.services.plan.recordBoardDecision(app.planId, board, proposal.id, false, '2026-03-12', 'Ikke konsensus; Ungdomsskolen gjorde indsigelse');
      assert.equal(decided.status, 'afvist');
      const after = (await app.services.plan.snapshot(app.planId)).find<InterventionAreaData>('intervention-area', 'kriminalitetsforebyggelse')!;
      assert.deepEqual(after.data.staffHours, ia.data.staffHours);
      assert.equal(after.version, ia.version);
    });

    it('waits for LBF’s approval after the board agrees to change the strategic agreement', async () => {
      const goal = (await app.services.plan.snapshot(app.planId)).ofKind<{ title: string }>('goal')[0]!;
      const { proposal } = (await app.services.plan.changeElement(app.planId, secretariat, goal.id, { title: 'Ny titel' }, 'Præcisering')) as { proposal: { id: string; requiresLbf: boolean } };
      assert.equal(proposal.requiresLbf, true);
      const afterBoard = await app.services.plan.recordBoardDecision(app.planId, board, proposal.id, true, '2026-03-12', 'Punkt 5');
      assert.equal(afterBoard.status, 'afventer_lbf');
      assert.equal((await app.services.plan.snapshot(app.planId)).get(goal.id)!.data, goal.data, 'unchanged until LBF approves');
      const approved = await app.services.plan.recordLbfDecision(app.planId, secretariat, proposal.id, true, '2026-04-20', 'LBF j.nr. 2026-123');
      assert.equal(approved.status, 'vedtaget');
      assert.equal(((await app.services.plan.snapshot(app.planId)).get(goal.id)!.data as { title: string }).title, 'Ny titel');
    });

    it('applies the practical part of a mixed change at once and holds the rest as one proposal, in one step', async () => {
      const npu = (await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'npu')!;
      const targets = npu.data.targets.map((t, i) => (i === 0 ? { ...t, printed: `${t.printed} (præciseret)` } : t));
      const result = await app.services.plan.changeElement(app.planId, secretariat, npu.id, { content: 'Nyt indhold', targets }, 'Præcisering', { expectedVersion: npu.version });
      assert.equal(result.version, npu.version + 1);
      assert.equal(result.proposal?.baseVersion, npu.version + 1);
      assert.deepEqual(Object.keys(result.proposal!.changes), ['targets']);
      const after = (await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'npu')!;
      assert.equal(after.data.content, 'Nyt indhold');
      assert.deepEqual(after.data.targets, npu.data.targets);
    });

    it('refuses a change based on a version someone else has replaced', async () => {
      const npu = (await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'npu')!;
      await assert.rejects(
        app.services.plan.changeElement(app.planId, secretariat, npu.id, { resources: 'x' }, 'Gammel formular', { expectedVersion: npu.version - 1 }),
        /ændret af en anden/,
      );
    });

    it('answers schema problems in Danish', async () => {
      const npu = (await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'npu')!;
      await assert.rejects(app.services.plan.changeElement(app.planId, secretariat, npu.id, { content: '', roles: 'alle' }, 'Test'), (error: { fields: { field: string; message: string }[] }) => {
        assert.deepEqual(error.fields, [
          { field: 'content', message: 'Feltet må ikke være tomt.' },
          { field: 'roles', message: 'Skal være en liste.' },
        ]);
        return true;
      });
    });

    it('refuses a decision on a proposal that is already decided', async () => {
      const [decided] = (await app.services.plan.proposals(app.planId)).filter((p) => p.status === 'vedtaget');
      await assert.rejects(app.services.plan.recordBoardDecision(app.planId, board, decided!.id, true, '2026-05-01', 'Igen'), /afventer ikke/);
    });

    it('reports every problem with a change at once, in Danish, and changes nothing', async () => {
      const snapshot = await app.services.plan.snapshot(app.planId);
      const activity = snapshot.find<Activity>('activity', 'familiedage')!;
      await assert.rejects(
        app.services.plan.changeElement(app.planId, secretariat, activity.id, { slug: 'x', unknown: 1, targets: [{ code: 'x', measure: 'familier', kind: 'range', min: 20, max: 10, per: 'plan-year', printed: '20-10' }] }, ' '),
        (error: { fields: { field: string }[] }) => {
          const fields = error.fields.map((f) => f.field).sort();
          assert.deepEqual(fields, ['reason', 'slug', 'targets[0]', 'unknown']);
          return true;
        },
      );
      assert.equal((await app.services.plan.snapshot(app.planId)).find<Activity>('activity', 'familiedage')!.version, activity.version);
    });
  });
}
