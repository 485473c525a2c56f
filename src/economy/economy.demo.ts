/**
 * Invented demo amounts for the economy (README: HELHED_DEMO_DATA=1). The plan text states no amounts at all, so every
 * figure here is made up to show the follow-up working: LBF's grant, two co-financing parties, a budget for each plan
 * year so far, and monthly actuals up to last month with one line visibly over its pace. Every row says it is demo
 * data in its reference or note.
 */
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { planYearsOf } from '../activities/outputs.present.js';
import { monthsOf } from '../activities/staff-hours.js';
import { danishDateOf } from '../time/copenhagen.js';
import { lineKey } from './economy.js';
import * as repo from './economy.repository.js';

export const DEMO_NOTE = 'Demodata: opdigtet beløb, ikke fra planen.';
const DEMO_LABEL = 'demodata';

/** Kroner as øre, to keep the invented figures readable. */
const kr = (kroner: number) => kroner * 100;

export const DEMO_FUNDING = [
  { funder: 'Landsbyggefonden', isLbfGrant: true, amountOre: kr(24_000_000), reference: 'DEMO-LBF-2025-001', committedOn: '2025-06-20' },
  { funder: 'Randers Kommune', isLbfGrant: false, amountOre: kr(8_000_000), reference: 'DEMO-RK-2025', committedOn: '2025-06-25' },
  { funder: 'Boligorganisationerne', isLbfGrant: false, amountOre: kr(4_000_000), reference: 'DEMO-BO-2025', committedOn: '2025-06-25' },
] as const;

/** A year's budget lines with how fast each spends against its pace (1 = on budget); one runs 35 % over. */
export const DEMO_BUDGET = [
  { line: 'Løn, boligsociale medarbejdere', area: '', amountOre: kr(5_400_000), pace: 0.99 },
  { line: 'Uddannelse og livschancer, aktiviteter', area: 'uddannelse-og-livschancer', amountOre: kr(1_200_000), pace: 0.96 },
  { line: 'Beskæftigelse, aktiviteter', area: 'beskaeftigelse', amountOre: kr(800_000), pace: 1.03 },
  { line: 'Kriminalitetsforebyggelse, aktiviteter', area: 'kriminalitetsforebyggelse', amountOre: kr(600_000), pace: 0.98 },
  { line: 'Sammenhængskraft og medborgerskab, aktiviteter', area: 'sammenhaengskraft-og-medborgerskab', amountOre: kr(900_000), pace: 1.35 },
  { line: 'Administration og kommunikation', area: '', amountOre: kr(350_000), pace: 1.0 },
] as const;

/**
 * Adds the demo economy to a plan; safe to call on every start: funding is added only when the plan has none, and a
 * budget line or month's actual only where none exists, so nothing entered since is touched.
 */
export async function seedDemoEconomy(database: Db, planId: string, clock: () => Date): Promise<{ funding: number; budgetLines: number; actuals: number }> {
  const today = danishDateOf(clock());
  const at = nowIso(clock);
  const period = (await repo.planPeriod(database.db, planId)) ?? { start: '2025-08-01', end: '2029-07-31' };
  const years = planYearsOf(period.start, period.end).filter((y) => y.start <= today);
  const created = { funding: 0, budgetLines: 0, actuals: 0 };
  await database.db.transaction().execute(async (trx) => {
    if ((await repo.fundingCommitments(trx, planId)).length === 0) {
      for (const f of DEMO_FUNDING) {
        await repo.insertFunding(trx, {
          id: newId(),
          plan_id: planId,
          funder: f.funder,
          is_lbf_grant: f.isLbfGrant ? 1 : 0,
          amount_ore: f.amountOre,
          reference: f.reference,
          committed_on: f.committedOn,
          note: DEMO_NOTE,
          updated_at: at,
          updated_by_label: DEMO_LABEL,
        });
        created.funding++;
      }
    }
    const budget = await repo.budgetLines(trx, planId);
    const existing = await repo.actuals(trx, planId, period.start.slice(0, 7), period.end.slice(0, 7));
    const hasActual = new Set(existing.map((a) => `${lineKey(a.line)}\u0001${a.month}`));
    for (const year of years) {
      for (const [index, b] of DEMO_BUDGET.entries()) {
        if (!budget.some((l) => l.planYear === year.label && lineKey(l.line) === lineKey(b.line))) {
          await repo.insertBudgetLine(trx, { id: newId(), plan_id: planId, plan_year: year.label, line: b.line, intervention_area_slug: b.area, amount_ore: b.amountOre, updated_at: at, updated_by_label: DEMO_LABEL });
          created.budgetLines++;
        }
        for (const [m, month] of monthsOf(year).entries()) {
          const key = month.start.slice(0, 7);
          // Up to last month: the running month's invoices are not booked yet.
          if (month.end >= today) continue;
          if (hasActual.has(`${lineKey(b.line)}\u0001${key}`)) continue;
          // A month's spending wobbles around the pace (deterministically, so that every start gives the same figures).
          const wobble = 1 + (((index * 7 + m * 5) % 9) - 4) / 100;
          const amountOre = Math.round((b.amountOre / 12) * b.pace * wobble);
          await repo.insertActual(trx, { id: newId(), plan_id: planId, line: b.line, month: key, amount_ore: amountOre, note: DEMO_NOTE, import_id: null, updated_at: at, updated_by_label: DEMO_LABEL });
          created.actuals++;
        }
      }
    }
  });
  return created;
}
