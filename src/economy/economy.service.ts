/**
 * The economy (issue 6, item 7): LBF's grant (tilsagn) and the co-financing commitments, the budget per plan year and
 * line, the actuals per line and month (entered or imported), and the follow-up the board owes (plan line 3259):
 * budget against actuals with the deviations, the whole period against the grant, and each funder's share.
 *
 * Actuals are kept by line name and month; the month's plan year tells which year's budget line they belong to, so a
 * line is only known for a month when that year's budget has it. A budget line with actuals cannot be removed (its
 * actuals would lose their line); its amount can be set to 0.
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { ValidationError, type FieldError } from '../errors/errors.js';
import { planYearOf, type PlanYear } from '../activities/output-targets.js';
import { planYearFromLabel, planYearsOf } from '../activities/outputs.present.js';
import { monthPeriod, monthsEnded as monthsEndedOf, monthsOf } from '../activities/staff-hours.js';
import { openSpreadsheet } from '../monitoring/import/open-spreadsheet.js';
import { SpreadsheetError, type ByteSource, type SheetRow } from '../monitoring/import/spreadsheet.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import { assessAgainst, assessLine, deviationText, lineKey, MAX_AMOUNT_ORE, sharesPermille, splitByWeights, type LineAssessment } from './economy.js';
import * as repo from './economy.repository.js';
import { MAX_NOTE_LENGTH, readActuals, type ImportProblem } from './import/actual-rows.js';

export type { BudgetLine, EconomyActual, FundingCommitment } from './economy.repository.js';
export { seedDemoEconomy } from './economy.demo.js';

/** The funder name LBF's grant is shown under. */
export const LBF_NAME = 'Landsbyggefonden';

/** The longest funder and budget line name. */
const MAX_NAME_LENGTH = 120;

/** A funder with its commitment and its share of all commitments and of what has been spent. */
export interface FunderShare {
  id: string;
  funder: string;
  isLbfGrant: boolean;
  amountOre: number;
  reference: string | null;
  committedOn: string | null;
  note: string | null;
  /** Share of the total commitments in tenths of a per cent; the funders' shares add up to exactly 1000. */
  sharePermille: number;
  /** The funder's share of everything spent in the whole period, in øre; the funders' parts add up to it exactly. */
  actualShareOre: number;
  /** The funder's share of what has been spent in the plan year followed up. */
  yearActualShareOre: number;
}

/** A budget line of the plan year: its budget against what it has spent. */
export interface LineFollowUp extends LineAssessment {
  line: string;
  interventionAreaSlug: string;
  interventionAreaName: string | null;
  /** Months of the year with an actual on this line. */
  monthsWithActuals: number;
}

export interface EconomyFollowUp {
  year: PlanYear;
  /** The plan years of the plan period (and the year followed up, if outside it). */
  years: PlanYear[];
  today: string;
  /** Months of the year ended by today (0-12): what «expected by now» is pro rata over. */
  monthsEnded: number;
  funders: FunderShare[];
  /** LBF's grant, or null when not entered yet. */
  grant: FunderShare | null;
  commitmentsOre: number;
  lines: LineFollowUp[];
  totals: LineAssessment;
  /** Months of the year with any actual, in order, with what was spent in each. */
  months: { month: string; label: string; actualOre: number }[];
  /** The whole plan period: budgeted and spent in all years against LBF's grant and the total commitments. */
  period: {
    start: string;
    end: string;
    budgetOre: number;
    actualOre: number;
    grantOre: number;
    commitmentsOre: number;
    /** Commitments − budget: negative when more is budgeted than committed. */
    unbudgetedOre: number;
    /** Commitments − spent. */
    remainingOre: number;
  };
  /** When any amount of the economy was last changed, and by whom. */
  lastChange: { at: string; by: string } | null;
}

export interface FundingInput {
  grant: { amountOre: number; reference: string | null; committedOn: string | null; note: string | null } | null;
  cofinancing: { funder: string; amountOre: number; reference: string | null; committedOn: string | null; note: string | null }[];
}

export interface BudgetLineInput {
  line: string;
  interventionAreaSlug: string;
  amountOre: number;
}

export interface ActualInput {
  line: string;
  month: string;
  amountOre: number;
  note: string | null;
}

export type ActualsImportOutcome =
  | { status: 'imported'; importId: string; imported: number; unchanged: number; rows: number }
  | { status: 'rejected'; problemCount: number; problems: ImportProblem[] };

/** The most problems an import reports; the count covers all of them. */
const PROBLEM_LIMIT = 1000;

const validAmount = (n: number, negative: boolean) => Number.isSafeInteger(n) && Math.abs(n) <= MAX_AMOUNT_ORE && (negative || n >= 0);
const amountMessage = (negative: boolean) =>
  `Beløbet skal være et helt antal øre${negative ? '' : ', ikke negativt,'} og højst ${(MAX_AMOUNT_ORE / 100).toLocaleString('da-DK')} kr.`;

export class EconomyService {
  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly clock: () => Date,
  ) {}

  private get db() {
    return this.database.db;
  }

  today(): string {
    return danishDateOf(this.clock());
  }

  /** The plan year a label names (2025/26, or 2025-26 as a path allows), or today's; a bad label is a Danish 400. */
  yearOf(label: string | undefined, field = 'aar'): PlanYear {
    if (label === undefined || label.trim() === '') return planYearOf(this.today());
    const year = planYearFromLabel(label.trim().replace('-', '/'));
    if (!year) throw new ValidationError([{ field, message: `Planåret skal skrives som fx 2025/26, ikke «${label}».` }]);
    return year;
  }

  /** The plan period and its plan years. */
  async period(planId: string): Promise<{ start: string; end: string; years: PlanYear[] }> {
    const period = (await repo.planPeriod(this.db, planId)) ?? { start: '2025-08-01', end: '2029-07-31' };
    return { ...period, years: planYearsOf(period.start, period.end) };
  }

  /** The intervention areas a budget line may be tied to. */
  async interventionAreas(planId: string): Promise<{ slug: string; name: string }[]> {
    const snapshot = await this.plans.snapshot(planId);
    return snapshot.interventionAreas().map((ia) => ({ slug: ia.data.slug, name: ia.data.name }));
  }

  /** The follow-up the board owes for a plan year (today's when none is given). */
  async followUp(planId: string, planYearLabel?: string): Promise<EconomyFollowUp> {
    const year = this.yearOf(planYearLabel);
    const today = this.today();
    const [period, funding, allBudget, yearActuals, totalActualOre, areas] = await Promise.all([
      this.period(planId),
      repo.fundingCommitments(this.db, planId),
      repo.budgetLines(this.db, planId),
      repo.actuals(this.db, planId, year.start.slice(0, 7), year.end.slice(0, 7)),
      repo.totalActuals(this.db, planId),
      this.interventionAreas(planId),
    ]);
    const ended = monthsEndedOf(year, today);
    const budget = allBudget.filter((b) => b.planYear === year.label);
    const areaName = new Map(areas.map((a) => [a.slug, a.name]));

    const byLine = new Map<string, { actualOre: number; months: number }>();
    for (const a of yearActuals) {
      const key = lineKey(a.line);
      const sum = byLine.get(key) ?? { actualOre: 0, months: 0 };
      sum.actualOre += a.amountOre;
      sum.months += 1;
      byLine.set(key, sum);
    }
    const lines: LineFollowUp[] = budget.map((b) => {
      const spent = byLine.get(lineKey(b.line));
      byLine.delete(lineKey(b.line));
      return {
        line: b.line,
        interventionAreaSlug: b.interventionAreaSlug,
        interventionAreaName: areaName.get(b.interventionAreaSlug) ?? null,
        monthsWithActuals: spent?.months ?? 0,
        ...assessLine(b.amountOre, spent?.actualOre ?? 0, ended),
      };
    });
    // Actuals whose line is no longer in the year's budget (renamed since) are shown, not hidden: as unbudgeted.
    for (const a of yearActuals) {
      const spent = byLine.get(lineKey(a.line));
      if (!spent) continue;
      byLine.delete(lineKey(a.line));
      lines.push({ line: a.line, interventionAreaSlug: '', interventionAreaName: null, monthsWithActuals: spent.months, ...assessLine(0, spent.actualOre, ended) });
    }
    const budgetTotal = lines.reduce((s, l) => s + l.budgetOre, 0);
    const actualTotal = lines.reduce((s, l) => s + l.actualOre, 0);
    const totals = assessAgainst(budgetTotal, actualTotal, lines.reduce((s, l) => s + l.expectedOre, 0));

    const months = monthsOf(year)
      .map((m) => {
        const key = m.start.slice(0, 7);
        const ofMonth = yearActuals.filter((a) => a.month === key);
        return { month: key, label: m.label, actualOre: ofMonth.reduce((s, a) => s + a.amountOre, 0), count: ofMonth.length };
      })
      .filter((m) => m.count > 0)
      .map(({ count: _count, ...m }) => m);

    const amounts = funding.map((f) => f.amountOre);
    const shares = sharesPermille(amounts);
    const actualShares = splitByWeights(totalActualOre, amounts);
    const yearShares = splitByWeights(actualTotal, amounts);
    const funders: FunderShare[] = funding.map((f, i) => ({
      id: f.id,
      funder: f.funder,
      isLbfGrant: f.isLbfGrant,
      amountOre: f.amountOre,
      reference: f.reference,
      committedOn: f.committedOn,
      note: f.note,
      sharePermille: shares[i]!,
      actualShareOre: actualShares[i]!,
      yearActualShareOre: yearShares[i]!,
    }));
    const commitmentsOre = amounts.reduce((s, a) => s + a, 0);
    const grant = funders.find((f) => f.isLbfGrant) ?? null;
    const periodBudget = allBudget.reduce((s, b) => s + b.amountOre, 0);
    const changes = [...funding, ...allBudget, ...yearActuals].map((r) => ({ at: r.updatedAt, by: r.updatedByLabel }));
    const lastChange = changes.reduce<{ at: string; by: string } | null>((last, c) => (last === null || c.at > last.at ? c : last), null);
    return {
      year,
      years: period.years.some((y) => y.label === year.label) ? period.years : [...period.years, year].sort((a, b) => a.start.localeCompare(b.start)),
      today,
      monthsEnded: ended,
      funders,
      grant,
      commitmentsOre,
      lines,
      totals,
      months,
      period: {
        start: period.start,
        end: period.end,
        budgetOre: periodBudget,
        actualOre: totalActualOre,
        grantOre: grant?.amountOre ?? 0,
        commitmentsOre,
        unbudgetedOre: commitmentsOre - periodBudget,
        remainingOre: commitmentsOre - totalActualOre,
      },
      lastChange,
    };
  }

  /** The lines beyond the tolerance, each with what it says to the board (for the board's agenda and the reports). */
  async deviations(planId: string, planYearLabel?: string): Promise<{ line: string; text: string }[]> {
    return deviationsOf(await this.followUp(planId, planYearLabel));
  }

  /** LBF's grant and the co-financing commitments. */
  async funding(planId: string): Promise<repo.FundingCommitment[]> {
    return repo.fundingCommitments(this.db, planId);
  }

  /** Replaces LBF's grant and the co-financing with what is given (a funder is kept by name); audited. */
  async saveFunding(actor: Actor, planId: string, input: FundingInput): Promise<void> {
    const errors: FieldError[] = [];
    const checkCommon = (prefix: string, c: { amountOre: number; reference: string | null; committedOn: string | null; note: string | null }) => {
      if (!validAmount(c.amountOre, false)) errors.push({ field: `${prefix}amount`, message: amountMessage(false) });
      if (c.reference !== null && c.reference.length > MAX_NAME_LENGTH) errors.push({ field: `${prefix}reference`, message: `Referencen må højst være ${MAX_NAME_LENGTH} tegn.` });
      if (c.committedOn !== null && !isDate(c.committedOn)) errors.push({ field: `${prefix}committedOn`, message: `Datoen skal være en rigtig dato på formen ÅÅÅÅ-MM-DD, ikke «${c.committedOn}».` });
      if (c.note !== null && c.note.length > MAX_NOTE_LENGTH) errors.push({ field: `${prefix}note`, message: `Bemærkningen må højst være ${MAX_NOTE_LENGTH} tegn.` });
    };
    if (input.grant) checkCommon('grant.', input.grant);
    const seen = new Map<string, number>();
    input.cofinancing.forEach((c, i) => {
      const name = c.funder.trim();
      if (name === '') errors.push({ field: `cofinancing[${i}].funder`, message: `Medfinansiering ${i + 1}: skriv hvem der medfinansierer.` });
      else if (name.length > MAX_NAME_LENGTH) errors.push({ field: `cofinancing[${i}].funder`, message: `Navnet må højst være ${MAX_NAME_LENGTH} tegn.` });
      else if (lineKey(name) === lineKey(LBF_NAME)) errors.push({ field: `cofinancing[${i}].funder`, message: 'Landsbyggefondens tilsagn skrives i feltet for tilsagnet, ikke som medfinansiering.' });
      else if (seen.has(lineKey(name))) errors.push({ field: `cofinancing[${i}].funder`, message: `«${name}» står to gange. Skriv hver medfinansierings part én gang.` });
      seen.set(lineKey(name), i);
      checkCommon(`cofinancing[${i}].`, c);
    });
    if (errors.length > 0) throw new ValidationError(errors);

    const wanted = [
      ...(input.grant ? [{ funder: LBF_NAME, isLbfGrant: true, ...input.grant }] : []),
      ...input.cofinancing.map((c) => ({ ...c, funder: c.funder.trim(), isLbfGrant: false })),
    ];
    const at = nowIso(this.clock);
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.fundingCommitments(trx, planId);
      const matched = new Set<string>();
      for (const w of wanted) {
        const existing = before.find((b) => !matched.has(b.id) && b.isLbfGrant === w.isLbfGrant && (w.isLbfGrant || lineKey(b.funder) === lineKey(w.funder)));
        const values = { funder: w.funder, is_lbf_grant: w.isLbfGrant ? 1 : 0, amount_ore: w.amountOre, reference: w.reference, committed_on: w.committedOn, note: w.note, updated_at: at, updated_by_label: actor.label };
        if (existing) {
          matched.add(existing.id);
          const same = existing.funder === w.funder && existing.amountOre === w.amountOre && existing.reference === w.reference && existing.committedOn === w.committedOn && existing.note === w.note;
          if (!same) await repo.updateFunding(trx, existing.id, values);
        } else await repo.insertFunding(trx, { id: newId(), plan_id: planId, ...values });
      }
      const removed = before.filter((b) => !matched.has(b.id));
      await repo.deleteFunding(trx, removed.map((r) => r.id));
      const after = await repo.fundingCommitments(trx, planId);
      const summaryOf = (rows: repo.FundingCommitment[]) => rows.map((r) => ({ funder: r.funder, lbf: r.isLbfGrant, amountOre: r.amountOre, reference: r.reference, committedOn: r.committedOn, note: r.note }));
      if (JSON.stringify(summaryOf(before)) === JSON.stringify(summaryOf(after))) return;
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'funding_commitments',
        summary: `Ændrede finansieringen: ${after.length} tilsagn og medfinansieringer`,
        before: summaryOf(before),
        after: summaryOf(after),
        planId,
      });
    });
  }

  /** The budget lines of a plan year. */
  async budget(planId: string, planYearLabel?: string): Promise<{ year: PlanYear; lines: repo.BudgetLine[] }> {
    const year = this.yearOf(planYearLabel);
    return { year, lines: await repo.budgetLines(this.db, planId, year.label) };
  }

  /**
   * Replaces a plan year's budget with the lines given, all at once: a line is kept by its name (case and spacing
   * ignored), a line left out is removed unless it has actuals in the year. Audited as one change.
   */
  async saveBudget(actor: Actor, planId: string, planYearLabel: string, input: readonly BudgetLineInput[]): Promise<{ year: PlanYear }> {
    const year = this.yearOf(planYearLabel, 'year');
    const [period, areas] = await Promise.all([this.period(planId), this.interventionAreas(planId)]);
    const errors: FieldError[] = [];
    if (!period.years.some((y) => y.label === year.label)) {
      errors.push({ field: 'year', message: `Planåret ${year.label} ligger uden for planperioden (${period.years.map((y) => y.label).join(', ')}).` });
    }
    const seen = new Map<string, number>();
    input.forEach((l, i) => {
      const name = l.line.trim().replace(/\s+/g, ' ');
      if (name === '') errors.push({ field: `lines[${i}].line`, message: `Linje ${i + 1}: skriv linjens navn.` });
      else if (name.length > MAX_NAME_LENGTH) errors.push({ field: `lines[${i}].line`, message: `Linje ${i + 1}: navnet må højst være ${MAX_NAME_LENGTH} tegn.` });
      else if (seen.has(lineKey(name))) errors.push({ field: `lines[${i}].line`, message: `Linje ${i + 1}: «${name}» står også som linje ${seen.get(lineKey(name))! + 1}. Hver linje må kun stå én gang.` });
      else seen.set(lineKey(name), i);
      if (l.interventionAreaSlug !== '' && !areas.some((a) => a.slug === l.interventionAreaSlug)) {
        errors.push({ field: `lines[${i}].interventionAreaSlug`, message: `Linje ${i + 1}: indsatsområdet «${l.interventionAreaSlug}» findes ikke i planen.` });
      }
      if (!validAmount(l.amountOre, false)) errors.push({ field: `lines[${i}].amount`, message: `Linje ${i + 1}: ${amountMessage(false)}` });
    });
    if (errors.length > 0) throw new ValidationError(errors);

    const at = nowIso(this.clock);
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.budgetLines(trx, planId, year.label);
      const spent = new Set((await repo.actuals(trx, planId, year.start.slice(0, 7), year.end.slice(0, 7))).map((a) => lineKey(a.line)));
      const kept = new Set<string>();
      let changed = false;
      for (const l of input) {
        const name = l.line.trim().replace(/\s+/g, ' ');
        const existing = before.find((b) => lineKey(b.line) === lineKey(name));
        if (existing) {
          kept.add(existing.id);
          if (existing.line === name && existing.amountOre === l.amountOre && existing.interventionAreaSlug === l.interventionAreaSlug) continue;
          // Renaming a line with actuals would strand them; only spelling (case, spacing) can change, as the key is the same.
          await repo.updateBudgetLine(trx, existing.id, { line: name, intervention_area_slug: l.interventionAreaSlug, amount_ore: l.amountOre, updated_at: at, updated_by_label: actor.label });
        } else {
          await repo.insertBudgetLine(trx, { id: newId(), plan_id: planId, plan_year: year.label, line: name, intervention_area_slug: l.interventionAreaSlug, amount_ore: l.amountOre, updated_at: at, updated_by_label: actor.label });
        }
        changed = true;
      }
      const removed = before.filter((b) => !kept.has(b.id));
      const stranded = removed.filter((r) => spent.has(lineKey(r.line)));
      if (stranded.length > 0) {
        throw new ValidationError(
          stranded.map((r) => ({ field: 'lines', message: `Linjen «${r.line}» har forbrug i ${year.label} og kan ikke fjernes. Sæt dens budget til 0 i stedet.` })),
        );
      }
      await repo.deleteBudgetLines(trx, removed.map((r) => r.id));
      if (!changed && removed.length === 0) return;
      const summaryOf = (rows: readonly { line: string; amountOre: number; interventionAreaSlug: string }[]) => rows.map((r) => ({ line: r.line, amountOre: r.amountOre, area: r.interventionAreaSlug }));
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'budget',
        entityId: year.label,
        summary: `Ændrede budgettet for ${year.label}: ${input.length} linjer`,
        before: summaryOf(before),
        after: summaryOf(input.map((l) => ({ ...l, line: l.line.trim().replace(/\s+/g, ' ') }))),
        planId,
      });
    });
    return { year };
  }

  /** The actuals of a plan year, by month and line. */
  async actuals(planId: string, planYearLabel?: string): Promise<{ year: PlanYear; actuals: repo.EconomyActual[] }> {
    const year = this.yearOf(planYearLabel);
    return { year, actuals: await repo.actuals(this.db, planId, year.start.slice(0, 7), year.end.slice(0, 7)) };
  }

  /** The months of a plan year that actuals may be entered for by today: those that have begun and lie in the plan. */
  async enterableMonths(planId: string, year: PlanYear): Promise<{ month: string; label: string }[]> {
    const [today, period] = [this.today(), await this.period(planId)];
    return monthsOf(year)
      .filter((m) => m.start <= today && m.end >= period.start && m.start <= period.end)
      .map((m) => ({ month: m.start.slice(0, 7), label: m.label }));
  }

  private async context(planId: string, decimal: ',' | '.') {
    const [period, budgetLines] = await Promise.all([this.period(planId), repo.budgetLines(this.db, planId)]);
    return { budgetLines, periodStart: period.start, periodEnd: period.end, today: this.today(), decimal };
  }

  /** Enters one line's actual for a month, replacing what was entered for it before; audited. */
  async saveActual(actor: Actor, planId: string, input: ActualInput): Promise<{ changed: boolean }> {
    const errors: FieldError[] = [];
    if (!validAmount(input.amountOre, true)) errors.push({ field: 'amount', message: amountMessage(true) });
    // The form's checks are the import's, on a one-row sheet, so that both say the same about the same mistake.
    const context = await this.context(planId, ',');
    const { lines, problems } = readActuals(
      [
        { row: 1, cells: ['linje', 'måned', 'beløb', 'note'] },
        { row: 2, cells: [input.line, input.month, '0', input.note ?? ''] },
      ],
      context,
    );
    const fieldOf: Record<string, string> = { linje: 'line', måned: 'month', beløb: 'amount', note: 'note' };
    for (const p of problems) errors.push({ field: fieldOf[p.column] ?? 'line', message: p.message });
    if (errors.length > 0 || !lines[0]) throw new ValidationError(errors);
    const line = { ...lines[0], amountOre: input.amountOre };
    const result = await this.db.transaction().execute((trx) => this.upsertActuals(trx, actor, planId, [line], null));
    return { changed: result.imported > 0 };
  }

  /**
   * Imports actuals from a CSV or XLSX file (linje; måned; beløb; note): every problem by row and column, and nothing
   * stored when there is one. Each line and month replaces what was there, so the same file again changes nothing.
   */
  async importActuals(actor: Actor, planId: string, input: ByteSource, meta: { fileName?: string; contentType?: string | undefined } = {}): Promise<ActualsImportOutcome> {
    const sheet = await openSpreadsheet(input, meta);
    if ('error' in sheet) return { status: 'rejected', problemCount: 1, problems: [{ row: 0, column: '', message: sheet.error }] };
    const rows: SheetRow[] = [];
    try {
      for await (const batch of sheet.rows) rows.push(...batch);
    } catch (error) {
      if (!(error instanceof SpreadsheetError)) throw error;
      return { status: 'rejected', problemCount: 1, problems: [{ row: rows.length + 1, column: '', message: error.message }] };
    }
    const { lines, problems } = readActuals(rows, await this.context(planId, sheet.decimal));
    if (problems.length > 0) return { status: 'rejected', problemCount: problems.length, problems: problems.slice(0, PROBLEM_LIMIT) };
    if (lines.length === 0) return { status: 'rejected', problemCount: 1, problems: [{ row: 2, column: '', message: 'Filen har ingen rækker med forbrug under overskriften.' }] };
    const importId = newId();
    const result = await this.db.transaction().execute((trx) => this.upsertActuals(trx, actor, planId, lines, { importId, fileName: meta.fileName ?? 'fil' }));
    return { status: 'imported', importId, imported: result.imported, unchanged: result.unchanged, rows: lines.length };
  }

  private async upsertActuals(
    trx: Parameters<typeof repo.findActual>[0],
    actor: Actor,
    planId: string,
    lines: readonly { line: string; month: string; amountOre: number; note: string | null }[],
    from: { importId: string; fileName: string } | null,
  ): Promise<{ imported: number; unchanged: number }> {
    const at = nowIso(this.clock);
    const months = lines.map((l) => l.month).sort();
    const existing = months.length === 0 ? [] : await repo.actuals(trx, planId, months[0]!, months[months.length - 1]!);
    const byKey = new Map(existing.map((e) => [`${lineKey(e.line)}\u0001${e.month}`, e]));
    const changes: { line: string; month: string; before: number | null; after: number }[] = [];
    for (const l of lines) {
      const before = byKey.get(`${lineKey(l.line)}\u0001${l.month}`);
      if (before && before.amountOre === l.amountOre && before.note === l.note) continue;
      if (before) {
        await repo.updateActual(trx, before.id, { amount_ore: l.amountOre, note: l.note, import_id: from?.importId ?? null, updated_at: at, updated_by_label: actor.label });
      } else {
        await repo.insertActual(trx, { id: newId(), plan_id: planId, line: l.line, month: l.month, amount_ore: l.amountOre, note: l.note, import_id: from?.importId ?? null, updated_at: at, updated_by_label: actor.label });
      }
      changes.push({ line: l.line, month: l.month, before: before?.amountOre ?? null, after: l.amountOre });
    }
    if (changes.length > 0) {
      const one = changes[0]!;
      await recordAudit(trx, actor, {
        action: from ? 'create' : changes[0]!.before === null ? 'create' : 'update',
        entityType: 'economy_actuals',
        entityId: from?.importId ?? null,
        summary: from
          ? `Importerede forbrug fra «${from.fileName}»: ${changes.length} ændrede af ${lines.length} rækker`
          : `Registrerede forbrug for ${one.line}, ${monthPeriod(one.month)?.label ?? one.month}`,
        before: changes.map((c) => ({ line: c.line, month: c.month, amountOre: c.before })),
        after: changes.map((c) => ({ line: c.line, month: c.month, amountOre: c.after })),
        planId,
      });
    }
    return { imported: changes.length, unchanged: lines.length - changes.length };
  }
}

/** The lines of a follow-up beyond the tolerance, each with what it says to the board. */
export function deviationsOf(followUp: EconomyFollowUp): { line: string; text: string }[] {
  return followUp.lines.filter((l) => l.flag !== null).map((l) => ({ line: l.line, text: deviationText(l.line, l, followUp.year.label) }));
}

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const services = new WeakMap<object, EconomyService>();

/** One EconomyService per app, shared by its pages, its API and the other parts of issue 6. */
export function economyServiceFor(app: { database: Db; plan: PlanService; clock: () => Date }): EconomyService {
  let service = services.get(app);
  if (!service) {
    service = new EconomyService(app.database, app.plan, app.clock);
    services.set(app, service);
  }
  return service;
}
