/**
 * Staff hours (issue 5): the plan's agreed hours per organisation and activity against the hours each partner reports
 * per month for its own organisation, with shortfalls for the steering group.
 *
 * Partner organisations are made by name when a partner user is created, so they are matched to the plan's
 * organisation names by `organisationMatches` (case, spacing, punctuation and a bracketed remark ignored). A partner
 * whose organisation matches none of the plan's names is told so, with the plan's names, and the administrator sees
 * the unmatched organisations on the hours page, to rename them. The secretariat reports Bysekretariatet's hours; an
 * administrator may report for any line (on the organisation's behalf, audited under their own name).
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import type { Activity } from '../plan/content/types.js';
import type { InterventionAreaData } from '../plan/plan-snapshot.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import { planYearOf, type PlanYear } from './output-targets.js';
import { planYearFromLabel, planYearsOf } from './outputs.present.js';
import * as repo from './staff-hours.repository.js';
import { agreedHoursOf, assessHours, monthPeriod, monthsOf, organisationMatches, type AgreedHours, type HoursAssessment, type MonthPeriod } from './staff-hours.js';

/** The secretariat's name in the plan's staff hours; the sekretariat role reports for it. */
export const SECRETARIAT_ORGANISATION = 'Bysekretariatet';

/** More than this in one month for one line is surely a typing error (a year has 8,760 hours). */
const MAX_HOURS_PER_MONTH = 20_000;

export interface HoursLine extends AgreedHours {
  delivered: number;
  monthsReported: number;
  assessment: HoursAssessment;
}

export interface HoursOverview {
  year: PlanYear;
  years: PlanYear[];
  today: string;
  lines: HoursLine[];
  /** Lines behind the agreed pace, largest shortfall first. */
  shortfalls: HoursLine[];
  /** Organisations of the plan whose names match no line of agreed hours. */
  unmatched: string[];
}

export interface HoursReportInput {
  line: string;
  month: string;
  hours: number;
  note: string | null;
}

export class StaffHourService {
  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly clock: () => Date,
  ) {}

  private today(): string {
    return danishDateOf(this.clock());
  }

  yearOf(label: string | undefined): PlanYear {
    if (label === undefined || label.trim() === '') return planYearOf(this.today());
    const year = planYearFromLabel(label);
    if (!year) throw new ValidationError([{ field: 'aar', message: `Planåret skal skrives som fx 2025/26, ikke «${label}».` }]);
    return year;
  }

  /** The plan's agreed hours, line by line. */
  async agreed(planId: string): Promise<{ lines: AgreedHours[]; periodStart: string; periodEnd: string }> {
    const snapshot = await this.plans.snapshot(planId);
    const sa = snapshot.strategicAgreement()?.data;
    const periodStart = sa?.periodStart ?? '2025-08-01';
    const periodEnd = sa?.periodEnd ?? '2029-07-31';
    const years = Math.max(1, planYearsOf(periodStart, periodEnd).length);
    const areas = snapshot.interventionAreas().map((ia) => ({
      ...(ia.data as InterventionAreaData),
      activities: snapshot.childrenOf<Activity>(ia.id, 'activity').map((a) => a.data),
    }));
    return { lines: agreedHoursOf(areas, years), periodStart, periodEnd };
  }

  /** Every line of agreed hours with the hours delivered in the plan year so far and what was expected by now. */
  async overview(planId: string, yearLabel?: string): Promise<HoursOverview> {
    const year = this.yearOf(yearLabel);
    const today = this.today();
    const [{ lines, periodStart, periodEnd }, delivered, organisations] = await Promise.all([
      this.agreed(planId),
      repo.deliveredHours(this.database.db, planId, year.start, year.end),
      repo.organisationsOfPlan(this.database.db, planId),
    ]);
    const nameOf = new Map(organisations.map((o) => [o.id, o.name]));
    const rows = lines.map((line) => {
      const mine = delivered.filter(
        (d) => d.interventionAreaSlug === line.interventionAreaSlug && d.activitySlug === line.activitySlug && organisationMatches(nameOf.get(d.organisationId) ?? '', line.organisation),
      );
      const hours = mine.reduce((sum, d) => sum + d.hours, 0);
      return { ...line, delivered: hours, monthsReported: mine.reduce((n, d) => Math.max(n, d.months), 0), assessment: assessHours(line.hoursPerYear, hours, year, today) };
    });
    const years = planYearsOf(periodStart, periodEnd);
    return {
      year,
      years: years.some((y) => y.label === year.label) ? years : [...years, year],
      today,
      lines: rows,
      shortfalls: rows.filter((r) => r.assessment.status === 'bagud').sort((a, b) => b.assessment.shortfall - a.assessment.shortfall),
      unmatched: organisations.filter((o) => !lines.some((l) => organisationMatches(o.name, l.organisation))).map((o) => o.name),
    };
  }

  /** The lines the principal may report hours for: their organisation's (partner), the secretariat's, or all (administrator). */
  async reportableLines(principal: Principal, planId: string): Promise<AgreedHours[]> {
    const { lines } = await this.agreed(planId);
    return lines.filter((l) => this.mayReport(principal, l));
  }

  private mayReport(principal: Principal, line: AgreedHours): boolean {
    if (principal.roles.includes('administrator')) return true;
    if (principal.roles.includes('sekretariat') && organisationMatches(SECRETARIAT_ORGANISATION, line.organisation)) return true;
    return principal.roles.includes('partner') && principal.organisationName !== null && organisationMatches(principal.organisationName, line.organisation);
  }

  /** Why a partner has no lines to report for, in Danish, or null when they have some. */
  async noLinesReason(principal: Principal, planId: string): Promise<string | null> {
    if ((await this.reportableLines(principal, planId)).length > 0) return null;
    const { lines } = await this.agreed(planId);
    const names = [...new Set(lines.map((l) => l.organisation))].join(', ');
    if (principal.roles.includes('partner')) {
      return `Din organisation «${principal.organisationName ?? ''}» står ikke blandt planens organisationer med aftalte timer (${names}). Bed en administrator om at give organisationen det navn, planen bruger.`;
    }
    return 'Du kan ikke indberette timer: det gør partnerne for deres egen organisation og sekretariatet for Bysekretariatet.';
  }

  /** The months of the plan year that may be reported for by today: those that have begun. */
  reportableMonths(year: PlanYear): MonthPeriod[] {
    const today = this.today();
    return monthsOf(year).filter((m) => m.start <= today);
  }

  /** The principal's own organisation's reports in the plan year (the secretariat's for sekretariat). */
  async ownReports(principal: Principal, planId: string, year: PlanYear) {
    const organisationId = principal.roles.includes('partner') ? principal.organisationId : null;
    if (!organisationId) return [];
    return repo.hourReports(this.database.db, planId, organisationId, year.start, year.end);
  }

  /** Reports a month's hours for a line of agreed hours, replacing an earlier report of that month; audited. */
  async report(principal: Principal, actor: Actor, planId: string, input: HoursReportInput): Promise<void> {
    const { lines, periodStart } = await this.agreed(planId);
    const line = lines.find((l) => l.key === input.line);
    if (!line) throw new NotFoundError('Linjen med aftalte timer findes ikke i planen. Vælg en af planens linjer.');
    if (!this.mayReport(principal, line)) {
      throw new ForbiddenError(`Du kan kun indberette timer for din egen organisation. «${line.organisation}» er ikke din organisation.`);
    }
    const errors: FieldError[] = [];
    const month = monthPeriod(input.month);
    if (!month) errors.push({ field: 'month', message: `Måneden skal skrives som ÅÅÅÅ-MM, fx 2025-09, ikke «${input.month}».` });
    else if (month.start > this.today()) errors.push({ field: 'month', message: `Der kan ikke indberettes timer for ${month.label}: måneden er ikke begyndt.` });
    else if (month.end < periodStart) errors.push({ field: 'month', message: `${month.label} ligger før planperioden.` });
    if (!Number.isFinite(input.hours) || input.hours < 0 || input.hours > MAX_HOURS_PER_MONTH) {
      errors.push({ field: 'hours', message: `Timerne skal være et tal fra 0 til ${MAX_HOURS_PER_MONTH.toLocaleString('da-DK')}.` });
    }
    if (input.note !== null && input.note.length > 2000) errors.push({ field: 'note', message: 'Bemærkningen må højst være 2.000 tegn.' });
    if (errors.length > 0 || !month) throw new ValidationError(errors);

    await this.database.db.transaction().execute(async (trx) => {
      const organisationId = principal.roles.includes('partner') && principal.organisationId && principal.organisationName && organisationMatches(principal.organisationName, line.organisation)
        ? principal.organisationId
        : await this.organisationFor(trx, planId, line.organisation);
      const key = {
        plan_id: planId,
        organisation_id: organisationId,
        intervention_area_slug: line.interventionAreaSlug,
        activity_slug: line.activitySlug,
        period_start: month.start,
        period_end: month.end,
      };
      const before = await repo.findHourReport(trx, key);
      await repo.saveHourReport(trx, {
        ...key,
        id: before?.id ?? newId(),
        period_label: month.label,
        hours: input.hours,
        note: input.note,
        reported_at: nowIso(this.clock),
        reported_by: actor.userId,
        reported_by_label: actor.label,
      });
      await recordAudit(trx, actor, {
        action: before ? 'update' : 'create',
        entityType: 'staff_hour_report',
        entityId: before?.id ?? null,
        summary: `Indberettede ${input.hours.toLocaleString('da-DK')} timer for ${line.organisation} (${line.activityName ?? line.interventionAreaName}), ${month.label}`,
        before: before ? { hours: before.hours, note: before.note } : undefined,
        after: { organisation: line.organisation, line: line.key, month: month.label, hours: input.hours, note: input.note },
        planId,
      });
    });
  }

  /** An organisation of the plan whose name matches the line's, or a new one with the plan's name. */
  private async organisationFor(trx: Parameters<typeof repo.organisationsOfPlan>[0], planId: string, planName: string): Promise<string> {
    const match = (await repo.organisationsOfPlan(trx, planId)).find((o) => organisationMatches(o.name, planName));
    return match?.id ?? repo.organisationByName(trx, planId, planName);
  }
}

const services = new WeakMap<object, StaffHourService>();

/** One StaffHourService per app, shared by its pages and API. */
export function staffHourServiceFor(app: { database: Db; plan: PlanService; clock: () => Date }): StaffHourService {
  let service = services.get(app);
  if (!service) {
    service = new StaffHourService(app.database, app.plan, app.clock);
    services.set(app, service);
  }
  return service;
}
