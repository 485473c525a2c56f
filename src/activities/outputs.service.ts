/**
 * Outputs against the plan's targets (issue 5): per plan year, every activity's targets with what was delivered, the
 * status and pace forecast (`assessOutput`), per area, per intervention area and per course; and the figures partners
 * and the secretariat report by hand. Counts are kept per plan year until the data behind them changes (a version the
 * database bumps on every change, see migration 0006) or the day changes. Small counts of persons are shown as «<5» to
 * anyone who may not see the persons behind them (PRODUCT.md, "Small numbers"); the API suppresses for everyone.
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/errors.js';
import { suppressTable, type CountCell } from '../monitoring/small-numbers.js';
import { participantScope, scopeCoversActivity, type ParticipantScope } from '../participants/access.js';
import { grantedActivities } from '../participants/access.repository.js';
import type { Activity, ActivityTarget } from '../plan/content/types.js';
import type { PlanSnapshot } from '../plan/plan-snapshot.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import { assessOutput, planYearOf, type OutputAssessment, type OutputStatus, type PlanYear } from './output-targets.js';
import * as repo from './outputs.repository.js';
import { assessCourseOutput, assessSummerOutput, summerOf, planYearFromLabel, planYearsOf, shownCell, shownCount, suppressAreaRow, suppressedAssessment, worstStatus, type ShownCount } from './outputs.present.js';
import { countingRuleFor, countsPersons, describeCountingRule, PER_COURSE_KINDS, type CountingRule } from './target-counting.js';

/** Everything counted for one plan in one plan year, before anyone's view of it. */
interface YearCounts {
  year: PlanYear;
  today: string;
  /** Distinct participants per activity (all, and from the plan's areas). */
  participants: Map<string, { all: number; fromAreas: number }>;
  households: Map<string, repo.ActivityHouseholds>;
  byArea: repo.ActivityAreaCount[];
  /** The plan's areas in order; each activity's participants per area follow it, then those outside the areas. */
  areaSlugs: string[];
  /**
   * Distinct participants and households per intervention area, counted when first asked for: only the intervention
   * areas' page and the API need them, and they are the costliest count, so the outputs page does not wait for them.
   */
  byInterventionArea: () => Promise<repo.InterventionAreaTotals[]>;
  enrolmentsStarted: Map<string, number>;
  courses: repo.CourseFigures[];
  /** Courses per activity starting in the plan year's summer (see `summerOf`). */
  summerCourses: Map<string, number>;
  reported: Map<string, { delivered: number; note: string | null; reportedAt: string; reportedBy: string }>;
  /** The activities as each kind of viewer sees them (by what they may see and report), made once per count. */
  views: Map<string, ActivityOutput[]>;
}

export interface CourseOutput {
  id: string;
  code: string;
  name: string;
  startDate: string;
  endDate: string | null;
  figure: ShownCount;
  assessment: OutputAssessment;
}

export interface TargetOutput {
  target: ActivityTarget;
  rule: CountingRule;
  ruleText: string;
  persons: boolean;
  perCourse: boolean;
  delivered: ShownCount;
  status: OutputStatus;
  assessment: OutputAssessment | null;
  courses: CourseOutput[];
  /** A reported figure's note and who reported it. */
  report: { note: string | null; reportedAt: string; reportedBy: string } | null;
}

export interface ActivityOutput {
  slug: string;
  name: string;
  interventionAreaSlug: string;
  interventionAreaName: string;
  /** Whether the viewer sees the persons behind this activity's counts (and so the counts unsuppressed). */
  seesPersons: boolean;
  /** Whether the viewer may report figures for it. */
  mayReport: boolean;
  targets: TargetOutput[];
}

export interface AreaTable {
  areas: { slug: string | null; name: string }[];
  rows: { activitySlug: string; activityName: string; cells: string[]; total: string }[];
}

export interface InterventionAreaRow {
  slug: string;
  name: string;
  activities: number;
  participants: ShownCount;
  households: ShownCount;
  statuses: Record<OutputStatus, number>;
}

export interface OutputOverview {
  year: PlanYear;
  years: PlanYear[];
  today: string;
  threshold: number;
  activities: ActivityOutput[];
}

export interface ReportInput {
  activitySlug: string;
  targetCode: string;
  year: string;
  delivered: number;
  note: string | null;
}

/** Who the viewer is for suppression: a principal (pages) or nobody with access (the API). */
type Viewer = { principal: Principal } | { suppressAll: true };

const AREA_UNKNOWN = 'Uden for områderne / ukendt';

export class OutputService {
  private readonly cache = new Map<string, Promise<YearCounts>>();

  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly clock: () => Date,
    private readonly threshold: number,
  ) {}

  /** The plan year a `?aar=2025/26` names, today's by default; a ValidationError names the field when it is unreadable. */
  yearOf(label: string | undefined, field = 'aar'): PlanYear {
    if (label === undefined || label.trim() === '') return planYearOf(this.today());
    const year = planYearFromLabel(label);
    if (!year) throw new ValidationError([{ field, message: `Planåret skal skrives som fx 2025/26, ikke «${label}».` }]);
    return year;
  }

  private today(): string {
    return danishDateOf(this.clock());
  }

  /** Every activity with its targets for the plan year, as the viewer may see them. */
  async overview(viewer: Viewer, planId: string, yearLabel?: string): Promise<OutputOverview> {
    const year = this.yearOf(yearLabel);
    const [snapshot, scope] = await Promise.all([this.plans.snapshot(planId), this.scopeOf(viewer, planId)]);
    const counts = await this.counts(planId, year, snapshot);
    const reporter = !('suppressAll' in viewer) && viewer.principal.roles.some((r) => r === 'administrator' || r === 'sekretariat' || r === 'partner');
    const signature = 'suppressAll' in viewer ? 'api' : `${reporter}|${scope.kind}|${scope.kind === 'activities' ? [...scope.activitySlugs].sort().join(',') : ''}`;
    let activities = counts.views.get(signature);
    if (!activities) {
      activities = snapshot.activities().map((a) => this.activityOutput(snapshot, a.data, a.parentId, counts, viewer, scope));
      // Bounded: a few signatures (roles × grants) are usual; a flood of different grants must not grow it without end.
      if (counts.views.size >= 200) counts.views.clear();
      counts.views.set(signature, activities);
    }
    const sa = snapshot.strategicAgreement()?.data;
    const years = sa ? planYearsOf(sa.periodStart, sa.periodEnd) : [year];
    return { year, years: years.some((y) => y.label === year.label) ? years : [...years, year], today: counts.today, threshold: this.threshold, activities };
  }

  /** One activity with per-course assessments. */
  async activity(viewer: Viewer, planId: string, slug: string, yearLabel?: string): Promise<{ overview: OutputOverview; activity: ActivityOutput }> {
    const overview = await this.overview(viewer, planId, yearLabel);
    const activity = overview.activities.find((a) => a.slug === slug);
    if (!activity) throw new NotFoundError('Aktiviteten findes ikke i planen.');
    return { overview, activity };
  }

  /**
   * Distinct participants per activity and participant's area. A row is suppressed on its own (its cells and total)
   * unless the viewer sees the activity's persons: rows have no common total, since one person can be in two
   * activities, so only the row total could give a small cell away.
   */
  async byArea(viewer: Viewer, planId: string, yearLabel?: string): Promise<{ overview: OutputOverview; table: AreaTable }> {
    const overview = await this.overview(viewer, planId, yearLabel);
    const snapshot = await this.plans.snapshot(planId);
    const counts = await this.counts(planId, overview.year, snapshot);
    const areas: AreaTable['areas'] = [...counts.areaSlugs.map((slug) => ({ slug: slug as string | null, name: snapshot.areas().find((a) => a.data.slug === slug)?.data.name ?? slug })), { slug: null, name: AREA_UNKNOWN }];
    const rows = overview.activities.map((a) => {
      const { areaValues, unknown } = areaValuesOf(counts, a.slug);
      if (a.seesPersons) {
        return { activitySlug: a.slug, activityName: a.name, cells: [...areaValues, unknown].map((v) => String(v)), total: String(areaValues.reduce((x, y) => x + y, unknown)) };
      }
      const row = suppressAreaRow(areaValues, unknown, this.threshold);
      const text = (cell: CountCell) => shownCell(cell, this.threshold).text;
      return { activitySlug: a.slug, activityName: a.name, cells: [...row.areas, row.unknown].map(text), total: text(row.total) };
    });
    return { overview, table: { areas, rows } };
  }

  /** Per intervention area: distinct participants and households across its activities, and its targets by status. */
  async byInterventionArea(viewer: Viewer, planId: string, yearLabel?: string): Promise<{ overview: OutputOverview; rows: InterventionAreaRow[] }> {
    const overview = await this.overview(viewer, planId, yearLabel);
    const snapshot = await this.plans.snapshot(planId);
    const counts = await this.counts(planId, overview.year, snapshot);
    const byInterventionArea = await counts.byInterventionArea();
    const rows = snapshot.interventionAreas().map((ia) => {
      const activities = overview.activities.filter((a) => a.interventionAreaSlug === ia.data.slug);
      const totals = byInterventionArea.find((t) => t.interventionAreaSlug === ia.data.slug);
      // The persons behind an intervention area's count are those of all its activities: seen only by who sees them all.
      const hide = !activities.every((a) => a.seesPersons);
      const statuses: Record<OutputStatus, number> = { opfyldt: 0, 'på vej': 0, bagud: 0, 'over loftet': 0, 'ikke målbar': 0 };
      for (const a of activities) for (const t of a.targets) statuses[t.status]++;
      return {
        slug: ia.data.slug,
        name: ia.data.name,
        activities: activities.length,
        participants: shownCount(totals?.participants ?? 0, hide, this.threshold),
        households: shownCount(totals?.households ?? 0, hide, this.threshold),
        statuses,
      };
    });
    return { overview, rows };
  }

  /** Reports a figure by hand for a target counted as `reported`, replacing an earlier report; audited. */
  async report(principal: Principal, actor: Actor, planId: string, input: ReportInput): Promise<void> {
    const snapshot = await this.plans.snapshot(planId);
    const activity = snapshot.activities().find((a) => a.data.slug === input.activitySlug)?.data;
    if (!activity) throw new NotFoundError('Aktiviteten findes ikke i planen.');
    const target = activity.targets.find((t) => t.code === input.targetCode);
    if (!target) throw new NotFoundError(`Målet findes ikke for ${activity.name}.`);
    const scope = await this.scopeOf({ principal }, planId);
    if (!scopeCoversActivity(scope, activity.slug)) {
      throw new ForbiddenError(`Du kan kun indberette for aktiviteter, din organisation eller du selv er tilknyttet. ${activity.name} er ikke en af dem.`);
    }
    const errors = [];
    const rule = countingRuleFor(target);
    if (rule.kind !== 'reported') {
      errors.push({ field: 'target', message: `«${target.measure}» tælles af Helhed (${describeCountingRule(rule).toLowerCase()}) og kan ikke indberettes.` });
    }
    const year = planYearFromLabel(input.year);
    if (!year) errors.push({ field: 'year', message: `Planåret skal skrives som fx 2025/26, ikke «${input.year}».` });
    else if (year.start > this.today()) errors.push({ field: 'year', message: `Der kan ikke indberettes for planår ${year.label}: det er ikke begyndt.` });
    if (!Number.isInteger(input.delivered) || input.delivered < 0 || input.delivered > 1_000_000) {
      errors.push({ field: 'delivered', message: 'Antallet skal være et helt tal på 0 eller derover.' });
    }
    if (input.note !== null && input.note.length > 2000) errors.push({ field: 'note', message: 'Bemærkningen må højst være 2.000 tegn.' });
    if (errors.length > 0 || !year) throw new ValidationError(errors);
    await this.database.db.transaction().execute(async (trx) => {
      const before = await repo.findOutputReport(trx, planId, activity.slug, target.code, year.start);
      await repo.saveOutputReport(trx, {
        id: before?.id ?? newId(),
        plan_id: planId,
        activity_slug: activity.slug,
        target_code: target.code,
        period_start: year.start,
        period_end: year.end,
        delivered: input.delivered,
        note: input.note,
        reported_at: nowIso(this.clock),
        reported_by: actor.userId,
        reported_by_label: actor.label,
      });
      await recordAudit(trx, actor, {
        action: before ? 'update' : 'create',
        entityType: 'output_report',
        entityId: before?.id ?? null,
        summary: `Indberettede ${input.delivered} for «${target.measure}» i ${activity.name}, planår ${year.label}`,
        before: before ? { delivered: before.delivered, note: before.note } : undefined,
        after: { activity: activity.slug, target: target.code, year: year.label, delivered: input.delivered, note: input.note },
        planId,
      });
    });
  }

  private async scopeOf(viewer: Viewer, planId: string): Promise<ParticipantScope> {
    if ('suppressAll' in viewer) return { kind: 'none' };
    const p = viewer.principal;
    // Only the secretariat and partners see by grants; the others' scope does not depend on them (see participantScope).
    const byGrants = !p.roles.includes('administrator') && p.roles.some((r) => r === 'sekretariat' || r === 'partner');
    return participantScope(p, byGrants ? await grantedActivities(this.database.db, planId, p.userId, p.organisationId) : []);
  }

  private activityOutput(snapshot: PlanSnapshot, activity: Activity, parentId: string | null, counts: YearCounts, viewer: Viewer, scope: ParticipantScope): ActivityOutput {
    const ia = parentId ? snapshot.get(parentId) : undefined;
    const iaData = ia?.data as { slug: string; name: string } | undefined;
    const covered = scopeCoversActivity(scope, activity.slug);
    const seesPersons = !('suppressAll' in viewer) && covered;
    const mayReport = !('suppressAll' in viewer) && covered && viewer.principal.roles.some((r) => r === 'administrator' || r === 'sekretariat' || r === 'partner');
    return {
      slug: activity.slug,
      name: activity.name,
      interventionAreaSlug: iaData?.slug ?? '',
      interventionAreaName: iaData?.name ?? '',
      seesPersons,
      mayReport,
      targets: activity.targets.map((t) => this.targetOutput(activity.slug, t, counts, seesPersons)),
    };
  }

  private targetOutput(activitySlug: string, target: ActivityTarget, counts: YearCounts, seesPersons: boolean): TargetOutput {
    const rule = countingRuleFor(target);
    const persons = countsPersons(rule);
    const hide = persons && !seesPersons;
    const base = { target, rule, ruleText: describeCountingRule(rule), persons, report: null, courses: [] as CourseOutput[] };
    if (PER_COURSE_KINDS.includes(rule.kind)) {
      const courses = counts.courses.filter((c) => c.activitySlug === activitySlug);
      const figures = courses.map((c) => (rule.kind === 'sessions-per-course' ? c.sessionsHeld : rule.kind === 'participants-per-course' ? c.participants : weeksOf(c)));
      // Participants per course are held against the activity's participants for the year, shown elsewhere, so that a
      // small course cannot be worked out as the year's total minus the other courses.
      const yearTotal = rule.kind === 'participants-per-course' ? [counts.participants.get(activitySlug)?.all ?? 0] : undefined;
      const cells = hide
        ? suppressTable({ cells: figures.map((f) => [f]), ...(yearTotal ? { columnTotals: yearTotal } : {}) }, this.threshold).cells.map((r) => r[0]!)
        : figures.map((f) => ({ shown: true as const, value: f }));
      const outputs = courses.map((c, i) => {
        const assessment = assessCourseOutput(target, rule.kind, figures[i]!, { start: c.startDate, end: c.endDate ?? counts.year.end }, counts.today);
        const cell = cells[i]!;
        const figure = shownCell(cell, this.threshold);
        return { id: c.id, code: c.code, name: c.name, startDate: c.startDate, endDate: c.endDate, figure, assessment: figure.suppressed ? suppressedAssessment(assessment, target, this.threshold, figure.text) : assessment };
      });
      const status = worstStatus(outputs.map((o) => o.assessment.status));
      const met = outputs.filter((o) => o.assessment.status === 'opfyldt').length;
      return {
        ...base,
        perCourse: true,
        delivered: { value: null, text: courses.length === 0 ? 'ingen forløb' : `${met} af ${courses.length} forløb opfyldt`, suppressed: false },
        status,
        assessment: null,
        courses: outputs,
      };
    }
    const reported = counts.reported.get(`${activitySlug}|${target.code}`);
    const value =
      target.per === 'summer' && rule.kind === 'courses' ? (counts.summerCourses.get(activitySlug) ?? 0) : this.deliveredOf(activitySlug, rule, counts, reported?.delivered ?? null);
    const delivered = hide && rule.kind === 'participants' ? this.participantCell(counts, activitySlug, rule.fromAreas) : shownCount(value, hide, this.threshold);
    if (value === null) {
      return { ...base, perCourse: false, delivered, status: 'ikke målbar', assessment: null };
    }
    const assessment = target.per === 'summer' ? assessSummerOutput(target, value, counts.year, counts.today) : assessOutput(target, value, counts.year, counts.today);
    return {
      ...base,
      perCourse: false,
      delivered,
      status: assessment.status,
      assessment: delivered.suppressed ? suppressedAssessment(assessment, target, this.threshold, delivered.text) : assessment,
      report: reported ? { note: reported.note, reportedAt: reported.reportedAt, reportedBy: reported.reportedBy } : null,
    };
  }

  /** An activity's participants as the per-area table suppresses them, so both pages hide the same cells. */
  private participantCell(counts: YearCounts, activitySlug: string, fromAreas: boolean): ShownCount {
    const { areaValues, unknown } = areaValuesOf(counts, activitySlug);
    const row = suppressAreaRow(areaValues, unknown, this.threshold);
    return shownCell(fromAreas ? row.fromAreas : row.total, this.threshold);
  }

  private deliveredOf(activitySlug: string, rule: CountingRule, counts: YearCounts, reported: number | null): number | null {
    switch (rule.kind) {
      case 'participants': {
        const p = counts.participants.get(activitySlug);
        return (rule.fromAreas ? p?.fromAreas : p?.all) ?? 0;
      }
      case 'households': {
        const h = counts.households.get(activitySlug);
        return (rule.fromAreas ? h?.householdsFromAreas : h?.households) ?? 0;
      }
      case 'enrolments-started':
        return counts.enrolmentsStarted.get(activitySlug) ?? 0;
      case 'courses':
        return counts.courses.filter((c) => c.activitySlug === activitySlug).length;
      case 'reported':
        return reported;
      default:
        return null;
    }
  }

  /**
   * The counts of a plan year, kept while the data version, the plan's content and the day stay the same. A promise is
   * kept, so that requests arriving together while the counts are made wait for the same work.
   */
  private async counts(planId: string, year: PlanYear, snapshot: PlanSnapshot): Promise<YearCounts> {
    const today = this.today();
    const version = await repo.outputsDataVersion(this.database.db);
    const key = `${planId}|${year.label}|${today}|${version}|${snapshot.stamp}`;
    let pending = this.cache.get(key);
    if (!pending) {
      for (const k of this.cache.keys()) if (k.startsWith(`${planId}|${year.label}|`)) this.cache.delete(k);
      pending = this.load(planId, year, today, snapshot);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return pending;
  }

  private async load(planId: string, year: PlanYear, today: string, snapshot: PlanSnapshot): Promise<YearCounts> {
    const db = this.database.db;
    const activitiesOf = new Map(snapshot.interventionAreas().map((ia) => [ia.data.slug, snapshot.childrenOf<Activity>(ia.id, 'activity').map((a) => a.data.slug)]));
    const householdActivities = snapshot
      .activities()
      .filter((a) => a.data.targets.some((t) => countingRuleFor(t).kind === 'households'))
      .map((a) => a.data.slug);
    const summer = summerOf(year);
    let interventionAreaTotals: Promise<repo.InterventionAreaTotals[]> | undefined;
    const byInterventionArea = () => {
      if (!interventionAreaTotals) {
        interventionAreaTotals = repo.totalsByInterventionArea(db, planId, year, activitiesOf);
        // A failed count is asked again next time rather than kept.
        interventionAreaTotals.catch(() => (interventionAreaTotals = undefined));
      }
      return interventionAreaTotals;
    };
    const [households, byArea, enrolmentsStarted, courses, reported, summerCourses] = await Promise.all([
      repo.householdsByActivity(db, planId, year, householdActivities, snapshot.areas().map((a) => a.data.slug)),
      repo.participantsByActivityAndArea(db, planId, year),
      repo.enrolmentsStartedByActivity(db, planId, year),
      repo.coursesInYear(db, planId, year, today),
      repo.reportedOutputs(db, planId, year),
      repo.coursesStartingBetween(db, planId, summer.start, summer.end),
    ]);
    return {
      year,
      today,
      participants: participantTotals(byArea, snapshot.areas().map((a) => a.data.slug)),
      households: new Map(households.map((h) => [h.activitySlug, h])),
      byArea,
      areaSlugs: snapshot.areas().map((a) => a.data.slug),
      byInterventionArea,
      enrolmentsStarted,
      courses,
      summerCourses,
      views: new Map(),
      reported: new Map(reported.map((r) => [`${r.activity_slug}|${r.target_code}`, { delivered: Number(r.delivered), note: r.note, reportedAt: r.reported_at, reportedBy: r.reported_by_label }])),
    };
  }
}

const DAY_MS = 86_400_000;

/** An activity's participants per area, in the plan's order of areas, and those outside the areas. */
function areaValuesOf(counts: YearCounts, activitySlug: string): { areaValues: number[]; unknown: number } {
  const mine = counts.byArea.filter((c) => c.activitySlug === activitySlug);
  const known = new Set(counts.areaSlugs);
  return {
    areaValues: counts.areaSlugs.map((slug) => mine.find((c) => c.areaSlug === slug)?.participants ?? 0),
    // A participant whose area is not one of the plan's (an area since renamed) is counted with those outside.
    unknown: mine.filter((c) => c.areaSlug === null || !known.has(c.areaSlug)).reduce((sum, c) => sum + c.participants, 0),
  };
}

/** An activity's participants from its counts per area: each participant has one area (or none), so they add up. */
function participantTotals(byArea: readonly repo.ActivityAreaCount[], areaSlugs: readonly string[]): Map<string, { all: number; fromAreas: number }> {
  const known = new Set(areaSlugs);
  const totals = new Map<string, { all: number; fromAreas: number }>();
  for (const c of byArea) {
    const t = totals.get(c.activitySlug) ?? { all: 0, fromAreas: 0 };
    t.all += c.participants;
    if (c.areaSlug !== null && known.has(c.areaSlug)) t.fromAreas += c.participants;
    totals.set(c.activitySlug, t);
  }
  return totals;
}

/** Whole weeks from a course's first held session to its last, both weeks counted; 0 before the first session. */
function weeksOf(course: repo.CourseFigures): number {
  if (!course.firstHeld || !course.lastHeld) return 0;
  const days = (Date.parse(`${course.lastHeld}T00:00:00Z`) - Date.parse(`${course.firstHeld}T00:00:00Z`)) / DAY_MS;
  return Math.floor(days / 7) + 1;
}

const services = new WeakMap<object, OutputService>();

/** One OutputService per app, shared by its pages and API so that they share the kept counts. */
export function outputServiceFor(app: { database: Db; plan: PlanService; clock: () => Date; config: { monitoring: { smallNumberThreshold: number } } }): OutputService {
  let service = services.get(app);
  if (!service) {
    service = new OutputService(app.database, app.plan, app.clock, app.config.monitoring.smallNumberThreshold);
    services.set(app, service);
  }
  return service;
}
