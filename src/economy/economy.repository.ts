/**
 * All SQL of the economy: LBF's grant and the co-financing commitments, the budget per plan year and line, and the
 * actuals per line and month. Amounts are whole øre in a 64-bit integer; PostgreSQL returns bigint (and sums) as
 * strings, so every amount is made a number here (exact: amounts stay far below 2^53, see MAX_AMOUNT_ORE).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { BudgetLineRow, EconomyActualRow, FundingCommitmentRow } from '../governance/governance.table.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface FundingCommitment {
  id: string;
  funder: string;
  isLbfGrant: boolean;
  amountOre: number;
  reference: string | null;
  committedOn: string | null;
  note: string | null;
  updatedAt: string;
  updatedByLabel: string;
}

export interface BudgetLine {
  id: string;
  planYear: string;
  line: string;
  interventionAreaSlug: string;
  amountOre: number;
  updatedAt: string;
  updatedByLabel: string;
}

export interface EconomyActual {
  id: string;
  line: string;
  month: string;
  amountOre: number;
  note: string | null;
  importId: string | null;
  updatedAt: string;
  updatedByLabel: string;
}

const funding = (r: FundingCommitmentRow): FundingCommitment => ({
  id: r.id,
  funder: r.funder,
  isLbfGrant: Number(r.is_lbf_grant) === 1,
  amountOre: Number(r.amount_ore),
  reference: r.reference,
  committedOn: r.committed_on,
  note: r.note,
  updatedAt: r.updated_at,
  updatedByLabel: r.updated_by_label,
});

const budget = (r: BudgetLineRow): BudgetLine => ({
  id: r.id,
  planYear: r.plan_year,
  line: r.line,
  interventionAreaSlug: r.intervention_area_slug,
  amountOre: Number(r.amount_ore),
  updatedAt: r.updated_at,
  updatedByLabel: r.updated_by_label,
});

const actual = (r: EconomyActualRow): EconomyActual => ({
  id: r.id,
  line: r.line,
  month: r.month,
  amountOre: Number(r.amount_ore),
  note: r.note,
  importId: r.import_id,
  updatedAt: r.updated_at,
  updatedByLabel: r.updated_by_label,
});

/** The plan's period, from the plan itself. */
export async function planPeriod(db: Q, planId: string): Promise<{ start: string; end: string } | undefined> {
  const row = await db.selectFrom('plans').select(['period_start', 'period_end']).where('id', '=', planId).executeTakeFirst();
  return row ? { start: row.period_start, end: row.period_end } : undefined;
}

/** LBF's grant first, then the co-financing in the order entered (by funder's name on a tie). */
export async function fundingCommitments(db: Q, planId: string): Promise<FundingCommitment[]> {
  const rows = await db.selectFrom('funding_commitments').selectAll().where('plan_id', '=', planId).orderBy('is_lbf_grant', 'desc').orderBy('funder').execute();
  return rows.map(funding);
}

export async function insertFunding(db: Q, row: FundingCommitmentRow): Promise<void> {
  await db.insertInto('funding_commitments').values(row).execute();
}

export async function updateFunding(db: Q, id: string, changes: Omit<FundingCommitmentRow, 'id' | 'plan_id'>): Promise<void> {
  await db.updateTable('funding_commitments').set(changes).where('id', '=', id).execute();
}

export async function deleteFunding(db: Q, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('funding_commitments').where('id', 'in', ids).execute();
}

/** The budget lines of one plan year, or of every year when none is given, by year and line. */
export async function budgetLines(db: Q, planId: string, planYear?: string): Promise<BudgetLine[]> {
  let query = db.selectFrom('budget_lines').selectAll().where('plan_id', '=', planId);
  if (planYear !== undefined) query = query.where('plan_year', '=', planYear);
  const rows = await query.orderBy('plan_year').orderBy('line').execute();
  return rows.map(budget);
}

export async function insertBudgetLine(db: Q, row: BudgetLineRow): Promise<void> {
  await db.insertInto('budget_lines').values(row).execute();
}

export async function updateBudgetLine(db: Q, id: string, changes: Pick<BudgetLineRow, 'line' | 'intervention_area_slug' | 'amount_ore' | 'updated_at' | 'updated_by_label'>): Promise<void> {
  await db.updateTable('budget_lines').set(changes).where('id', '=', id).execute();
}

export async function deleteBudgetLines(db: Q, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('budget_lines').where('id', 'in', ids).execute();
}

/** Actuals of months within [fromMonth, toMonth] (both `YYYY-MM`), by month and line. */
export async function actuals(db: Q, planId: string, fromMonth: string, toMonth: string): Promise<EconomyActual[]> {
  const rows = await db
    .selectFrom('economy_actuals')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .orderBy('month')
    .orderBy('line')
    .execute();
  return rows.map(actual);
}

/** The sum of every actual of the plan, whatever its month. */
export async function totalActuals(db: Q, planId: string): Promise<number> {
  const row = await db
    .selectFrom('economy_actuals')
    .select((eb) => eb.fn.sum<string | number | null>('amount_ore').as('total'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

export async function insertActual(db: Q, row: EconomyActualRow): Promise<void> {
  await db.insertInto('economy_actuals').values(row).execute();
}

export async function updateActual(db: Q, id: string, changes: Pick<EconomyActualRow, 'amount_ore' | 'note' | 'import_id' | 'updated_at' | 'updated_by_label'>): Promise<void> {
  await db.updateTable('economy_actuals').set(changes).where('id', '=', id).execute();
}

/** The actual of one line and month, if any. */
export async function findActual(db: Q, planId: string, line: string, month: string): Promise<EconomyActual | undefined> {
  const row = await db.selectFrom('economy_actuals').selectAll().where('plan_id', '=', planId).where('line', '=', line).where('month', '=', month).executeTakeFirst();
  return row ? actual(row) : undefined;
}
