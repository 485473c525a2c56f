/**
 * Demo milestone plans (README: HELHED_DEMO_DATA=1): one believable plan for each of Randers' four sub-agreements,
 * INVENTED for trying Helhed, not taken from the plan, which states no milestones. Dates are set relative to the clock
 * so that every plan always has milestones done, one overdue («forsinket») and one at risk («i risiko»), whenever the
 * demo is started. Each milestone's note says it is demo data.
 */
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { danishDateOf } from '../time/copenhagen.js';
import { addDays } from '../time/working-days.js';
import { validateMilestonePlan, type Milestone, type MilestoneStatus } from './milestones.js';
import * as repo from './milestones.repository.js';

const DEMO_ACTOR = { ...SYSTEM_ACTOR, label: 'demodata' };
const DEMO_NOTE = 'Opfundet eksempel (demodata), ikke fra helhedsplanen.';

interface DemoMilestone {
  key: string;
  title: string;
  activity?: string;
  owner: string;
  /** Days from today to the due date. */
  due: number;
  status: MilestoneStatus;
  /** Days from today to the completion date, for «færdig». */
  done?: number;
  after?: string[];
}

/**
 * Per sub-agreement. In each, the milestone due 10-20 days ago and still «i gang» is the overdue one; the one «ikke
 * startet» and due within two weeks is at risk; nothing open waits for the overdue one, so it flags only itself.
 */
const DEMO_PLANS: Record<string, DemoMilestone[]> = {
  'uddannelse-og-livschancer': [
    { key: 'aftale', title: 'Samarbejdsaftaler med skolerne underskrevet', owner: 'Bysekretariatet', due: -150, status: 'færdig', done: -155 },
    { key: 'npu-rekruttering', title: 'NPU: frivillige lektiehjælpere rekrutteret', activity: 'npu', owner: 'Bysekretariatet', due: -110, status: 'færdig', done: -104, after: ['aftale'] },
    { key: 'sprog-screening', title: 'Sprogindsats: sprogvurdering af første hold', activity: 'sprogindsats', owner: 'Dagtilbud Randers', due: -60, status: 'færdig', done: -62, after: ['aftale'] },
    { key: 'fremmoede-teams', title: 'Fremmøde i skolen: fraværsteams etableret på alle skoler', activity: 'fremmoede-i-skolen', owner: 'Skoleafdelingen', due: -14, status: 'i gang', after: ['aftale'] },
    { key: 'trivsel-hold', title: 'Trivsel i skolen: første hold startet', activity: 'trivsel-i-skolen', owner: 'PPR', due: 9, status: 'ikke startet', after: ['aftale'] },
    { key: 'familiedage-1', title: 'Familiedage: første forløb afholdt', activity: 'familiedage', owner: 'Bysekretariatet', due: 40, status: 'i gang', after: ['aftale'] },
    { key: 'vejledning', title: 'Uddannelsesvejledning: 15 forløb i gang', activity: 'familieorienteret-uddannelsesvejledning', owner: 'UU Randers', due: 75, status: 'i gang', after: ['aftale'] },
    { key: 'trivselsforloeb', title: 'Trivselsforløb for familier: tre forløb planlagt', activity: 'trivselsforloeb-for-familier', owner: 'Familieafdelingen', due: 95, status: 'ikke startet', after: ['familiedage-1'] },
    { key: 'midtvejs', title: 'Midtvejsstatus på delaftalen til styregruppen', owner: 'Bysekretariatet', due: 130, status: 'ikke startet', after: ['trivsel-hold', 'vejledning'] },
  ],
  beskaeftigelse: [
    { key: 'jobcenter-aftale', title: 'Aftale med Jobcenter Randers om fremskudt indsats', owner: 'Jobcenter Randers', due: -170, status: 'færdig', done: -175 },
    { key: 'lokaler', title: 'Lokaler til fremskudt beskæftigelse klar i boligområderne', activity: 'fremskudt-beskaeftigelsesindsats', owner: 'Boligorganisationerne', due: -130, status: 'færdig', done: -120, after: ['jobcenter-aftale'] },
    { key: 'medarbejdere', title: 'Fremskudte jobkonsulenter ansat', activity: 'fremskudt-beskaeftigelsesindsats', owner: 'Jobcenter Randers', due: -100, status: 'færdig', done: -101, after: ['jobcenter-aftale'] },
    { key: 'aabent-hus', title: 'Åbent hus-arrangementer i alle områder', activity: 'fremskudt-beskaeftigelsesindsats', owner: 'Jobcenter Randers', due: -18, status: 'i gang', after: ['lokaler', 'medarbejdere'] },
    { key: 'mor-rekruttering', title: 'Job til mor: de første 15 mødre rekrutteret', activity: 'job-til-mor', owner: 'Jobcenter Randers', due: 12, status: 'ikke startet', after: ['medarbejdere'] },
    { key: 'mor-virksomheder', title: 'Job til mor: fem virksomhedspartnere fundet', activity: 'job-til-mor', owner: 'Bysekretariatet', due: 45, status: 'i gang', after: ['jobcenter-aftale'] },
    { key: 'mor-praktik', title: 'Job til mor: første praktikforløb startet', activity: 'job-til-mor', owner: 'Jobcenter Randers', due: 80, status: 'ikke startet', after: ['mor-rekruttering', 'mor-virksomheder'] },
    { key: 'opfoelgning', title: 'Opfølgning på beskæftigelsesmål til styregruppen', owner: 'Bysekretariatet', due: 140, status: 'ikke startet', after: ['mor-praktik'] },
  ],
  kriminalitetsforebyggelse: [
    { key: 'partnerskab', title: 'Partnerskab med Østjyllands Brandvæsen og Ungdomsskolen', owner: 'Bysekretariatet', due: -160, status: 'færdig', done: -158 },
    { key: 'brandkadet-hold', title: 'Brandkadet: første hold på 12 unge startet', activity: 'brandkadet', owner: 'Østjyllands Brandvæsen', due: -90, status: 'færdig', done: -97, after: ['partnerskab'] },
    { key: 'lommepenge', title: 'Lommepengejobs: ti jobs hos boligorganisationerne', activity: 'lommepengejobs', owner: 'Boligorganisationerne', due: -45, status: 'færdig', done: -40 },
    { key: 'teenage', title: 'Teenagegrupper: gruppeledere uddannet', activity: 'teenagegrupper', owner: 'Ungdomsskolen', due: -11, status: 'i gang', after: ['partnerskab'] },
    { key: 'forening', title: 'Brobygning: aftaler med fem foreninger', activity: 'brobygning-til-foreningslivet', owner: 'Kultur og Fritid', due: 6, status: 'ikke startet', after: ['partnerskab'] },
    { key: 'ferie-plan', title: 'Fritids- og ferieaktiviteter: program for sommerferien', activity: 'fritids-og-ferieaktiviteter', owner: 'Kultur og Fritid', due: 55, status: 'i gang' },
    { key: 'staycation', title: 'To staycations i sommerferien booket', activity: 'fritids-og-ferieaktiviteter', owner: 'Bysekretariatet', due: 85, status: 'ikke startet', after: ['ferie-plan'] },
    { key: 'brandkadet-2', title: 'Brandkadet: andet hold rekrutteret', activity: 'brandkadet', owner: 'Østjyllands Brandvæsen', due: 110, status: 'ikke startet', after: ['brandkadet-hold'] },
    { key: 'evaluering', title: 'Evaluering af første år med SSP', owner: 'SSP Randers', due: 150, status: 'ikke startet', after: ['brandkadet-2', 'staycation'] },
  ],
  'sammenhaengskraft-og-medborgerskab': [
    { key: 'vicevaert-ansat', title: 'Social vicevært ansat', activity: 'social-vicevaert', owner: 'Boligorganisationerne', due: -140, status: 'færdig', done: -150 },
    { key: 'beboerdemokrati', title: 'Møde med afdelingsbestyrelserne om delaftalen', owner: 'Bysekretariatet', due: -120, status: 'færdig', done: -119 },
    { key: 'vicevaert-kontor', title: 'Social vicevært: fast kontortid i alle områder', activity: 'social-vicevaert', owner: 'Boligorganisationerne', due: -75, status: 'færdig', done: -70, after: ['vicevaert-ansat'] },
    { key: 'frivillige', title: 'Frivilligkoordinering: kortlægning af foreninger', owner: 'Bysekretariatet', due: -20, status: 'i gang', after: ['beboerdemokrati'] },
    { key: 'henvisning', title: 'Social vicevært: henvisningsveje aftalt med kommunen', activity: 'social-vicevaert', owner: 'Socialafdelingen', due: 10, status: 'ikke startet', after: ['vicevaert-kontor'] },
    { key: 'nabofest', title: 'Nabofester i tre områder', owner: 'Boligorganisationerne', due: 60, status: 'ikke startet', after: ['beboerdemokrati'] },
    { key: 'forloeb-40', title: 'Social vicevært: 40 rådgivningsforløb i gang', activity: 'social-vicevaert', owner: 'Boligorganisationerne', due: 100, status: 'i gang', after: ['henvisning'] },
    { key: 'konference', title: 'Årskonference for beboere og partnere', owner: 'Bysekretariatet', due: 160, status: 'ikke startet', after: ['nabofest', 'forloeb-40'] },
  ],
};

/**
 * Seeds the demo milestone plans for the sub-agreements the plan has, once: a plan that already holds milestones is
 * left alone, so corrections made in the demo survive a restart. Returns how many milestones were added. A demo plan
 * refused by `validateMilestonePlan` is a bug here and throws.
 */
export async function seedDemoMilestones(database: Db, planId: string, clock: () => Date = () => new Date()): Promise<number> {
  if ((await repo.countMilestones(database.db, planId)) > 0) return 0;
  const areas = await repo.interventionAreaSlugs(database.db, planId);
  const today = danishDateOf(clock());
  const now = nowIso(clock);
  let added = 0;
  await database.db.transaction().execute(async (trx) => {
    for (const [area, demos] of Object.entries(DEMO_PLANS)) {
      const activities = areas.get(area);
      if (!activities) continue;
      const ids = new Map(demos.map((d) => [d.key, newId()]));
      const milestones: Milestone[] = demos.map((d) => ({
        id: ids.get(d.key)!,
        title: d.title,
        dueDate: addDays(today, d.due),
        owner: d.owner,
        status: d.status,
        ...(d.done !== undefined ? { completedOn: addDays(today, d.done) } : {}),
        dependsOn: (d.after ?? []).map((k) => ids.get(k)!),
        interventionArea: area,
        // Another plan may lack one of Randers' activities: the milestone is then the sub-agreement's own.
        ...(d.activity && activities.has(d.activity) ? { activity: d.activity } : {}),
        note: DEMO_NOTE,
      }));
      const problems = validateMilestonePlan(milestones);
      if (problems.length > 0) throw new Error(`Demo-milepælsplanen for ${area} er ugyldig: ${problems.map((p) => p.message).join(' ')}`);
      for (const m of milestones) {
        await repo.saveMilestone(
          trx,
          {
            id: m.id,
            plan_id: planId,
            intervention_area_slug: area,
            activity_slug: m.activity ?? '',
            title: m.title,
            due_date: m.dueDate,
            owner: m.owner,
            status: m.status,
            completed_on: m.completedOn ?? null,
            note: DEMO_NOTE,
            created_at: now,
            updated_at: now,
            updated_by_label: DEMO_ACTOR.label,
          },
          [],
          true,
        );
      }
      // Dependencies after every milestone of the plan exists, since they reference each other.
      for (const m of milestones) if (m.dependsOn.length > 0) await repo.addDependencies(trx, m.id, m.dependsOn);
      added += milestones.length;
    }
    if (added > 0) {
      await recordAudit(trx, DEMO_ACTOR, { action: 'create', entityType: 'milestone', summary: `Oprettede ${added} demo-milepæle i fire milepælsplaner`, planId });
    }
  });
  return added;
}
