/**
 * Outcomes over time: a participant's outcome values (read, recorded one at a time, imported in bulk from a
 * spreadsheet with every problem at once and nothing stored on any), cohort views of an activity's participants before
 * and after enrolment, and journeys across activities. Individual values are read only within the user's scope and
 * every read is logged; cohorts and journeys are always aggregated and suppressed.
 */
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import type { ImportProblem } from '../monitoring/measurement.js';
import { openSpreadsheet } from '../monitoring/import/open-spreadsheet.js';
import { SpreadsheetError, type ByteSource } from '../monitoring/import/spreadsheet.js';
import { indicatorCatalogue } from '../monitoring/indicator-catalogue.js';
import { SCOPE_LABELS } from '../monitoring/scopes.js';
import { planYearOf } from '../activities/output-targets.js';
import { participantScope, scopeCoversActivity, type ParticipantScope } from '../participants/access.js';
import { grantedActivities } from '../participants/access.repository.js';
import { logPersonalDataRead } from '../participants/personal-data-log.js';
import type { OutcomeMeasurementRow, ParticipantImportRow } from '../participants/participants.table.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import { aggregateCohort, comparisonAreas, type CohortResult } from './cohorts.js';
import { journeys, type JourneyPeriod, type JourneyResult } from './journeys.js';
import { comparableIndicators, findMeasure, formatOutcomeValue, measureByKey, parseOutcomePeriod, parseOutcomeValue, type OutcomeMeasure } from './outcome-measures.js';
import { createOutcomeRowReader, normaliseCode, outcomeKey, SOURCE_MAX_LENGTH, type OutcomeInput, type OutcomeRowReader } from './outcome-rows.js';
import { parseWindows } from './terms.js';
import * as repo from './outcomes.repository.js';

/** The kind of an outcome import in `participant_imports`. */
export const IMPORT_KIND = 'udfald';
/** At most this many problems are kept and shown; the count of all of them is kept too. */
export const PROBLEM_LIMIT = 1000;
/** The largest outcome file the page and the API accept; a file of a hundred thousand values is a few megabytes. */
export const OUTCOME_IMPORT_LIMIT_BYTES = 64 * 1024 * 1024;

/** A stored value as pages and the API show it. */
export interface Outcome {
  id: string;
  measure: string;
  measureName: string;
  period: { start: string; end: string; label: string };
  value: number | null;
  valueText: string | null;
  shown: string;
  source: string;
  importId: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface ParticipantOutcomes {
  participant: repo.VisibleParticipant;
  /** The name of the participant's area, or null. */
  areaName: string | null;
  enrolments: { activity: string; activityName: string; start: string; end: string | null; status: string }[];
  outcomes: Outcome[];
}

/** What a form or the API sends to record one value, as text the way a person writes it. */
export interface OutcomeEntry {
  measure: string;
  period: string;
  value: string;
  source: string;
}

export interface OutcomeImportResult {
  importId: string;
  status: 'imported' | 'rejected';
  imported: number;
  updated: number;
  unchanged: number;
  problemCount: number;
  problems: ImportProblem[];
}

export interface CohortQuery {
  activity?: string | undefined;
  measure?: string | undefined;
  windows?: string | readonly string[] | undefined;
  /** The plan year (its first year, e.g. 2025 for 2025/26) in which the cohort's enrolments started, or none for all. */
  planYear?: string | undefined;
}

export interface CohortView {
  activity: { slug: string; name: string };
  measure: OutcomeMeasure;
  offsets: number[];
  planYear: JourneyPeriod | null;
  result: CohortResult;
  /** Names of the plan indicators compared with, by code. */
  indicatorNames: Record<string, string>;
}

export interface JourneyView {
  result: JourneyResult;
  activityNames: Record<string, string>;
  periods: JourneyPeriod[];
  whole: JourneyPeriod;
}

function toOutcome(row: OutcomeMeasurementRow): Outcome {
  const measure = measureByKey(row.measure);
  const value = row.value === null ? null : Number(row.value);
  return {
    id: row.id, measure: row.measure, measureName: measure?.name ?? row.measure,
    period: { start: row.period_start, end: row.period_end, label: row.period_label },
    value, valueText: row.value_text, shown: formatOutcomeValue(measure, value, row.value_text), source: row.source,
    importId: row.import_id, recordedAt: row.recorded_at, recordedBy: row.recorded_by_label,
  };
}

const sameValue = (row: OutcomeMeasurementRow, input: Pick<OutcomeInput, 'value' | 'source'>) =>
  (row.value === null ? null : Number(row.value)) === input.value.value && row.value_text === input.value.valueText && row.source === input.source;

export class OutcomeService {
  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly clock: () => Date,
    /** The small-number threshold (PRODUCT.md), 5 unless configured. */
    private readonly threshold: number,
  ) {}

  private async scopeOf(principal: Principal, planId: string): Promise<ParticipantScope> {
    return participantScope(principal, await grantedActivities(this.database.db, planId, principal.userId, principal.organisationId));
  }

  private async visible(principal: Principal, planId: string, code: string): Promise<repo.VisibleParticipant> {
    return this.visibleIn(await this.scopeOf(principal, planId), planId, code);
  }

  private async visibleIn(scope: ParticipantScope, planId: string, code: string): Promise<repo.VisibleParticipant> {
    const participant = await repo.findVisibleParticipant(this.database.db, scope, planId, normaliseCode(code));
    // The same answer whether the person does not exist or is not the user's: a code reveals nothing.
    if (!participant) throw new NotFoundError('Deltageren findes ikke, eller du har ikke adgang til deltagerens oplysninger.');
    return participant;
  }

  /** A participant's outcome values and enrolments, if the user may see them; the read is logged. */
  async participantOutcomes(principal: Principal, actor: Actor, planId: string, code: string): Promise<ParticipantOutcomes> {
    const scope = await this.scopeOf(principal, planId);
    const participant = await this.visibleIn(scope, planId, code);
    const [rows, enrolments, snapshot] = await Promise.all([repo.outcomesOf(this.database.db, participant.id), repo.enrolmentsOf(this.database.db, participant.id), this.plans.snapshot(planId)]);
    const names = new Map(snapshot.activities().map((a) => [a.data.slug, a.data.name]));
    await logPersonalDataRead(this.database.db, actor, planId, { what: 'udfald', participantId: participant.id, count: 1, detail: `${rows.length} udfaldsmålinger` });
    return {
      participant,
      areaName: participant.area_slug ? snapshot.find<{ name: string }>('area', participant.area_slug)?.data.name ?? participant.area_slug : null,
      // Only the enrolments in the user's own activities: the others are not theirs to see.
      enrolments: enrolments.filter((e) => scopeCoversActivity(scope, e.activity_slug)).map((e) => ({ activity: e.activity_slug, activityName: names.get(e.activity_slug) ?? e.activity_slug, start: e.start_date, end: e.end_date, status: e.status })),
      outcomes: rows.map(toOutcome),
    };
  }

  /**
   * Records one value for a participant: a new value, or a changed value for the same measure and period (the change
   * is audited with what it was). Every problem of the entry is reported at once, by field.
   */
  async record(principal: Principal, actor: Actor, planId: string, code: string, entry: OutcomeEntry): Promise<{ outcome: Outcome; change: 'created' | 'updated' | 'unchanged' }> {
    const participant = await this.visible(principal, planId, code);
    const errors: FieldError[] = [];
    const measure = findMeasure(entry.measure);
    let input: Pick<OutcomeInput, 'period' | 'value' | 'source'> | null = null;
    if ('error' in measure) errors.push({ field: 'measure', message: measure.error });
    else {
      const period = parseOutcomePeriod(measure, entry.period, danishDateOf(this.clock()));
      if ('error' in period) errors.push({ field: 'period', message: period.error });
      const value = parseOutcomeValue(measure, entry.value, ',');
      if ('error' in value) errors.push({ field: 'value', message: value.error });
      if (!('error' in period) && !('error' in value)) input = { period, value, source: entry.source.trim() };
    }
    const source = entry.source.trim();
    if (source === '') errors.push({ field: 'source', message: 'Skriv kilden: hvor værdien kommer fra.' });
    else if (source.length > SOURCE_MAX_LENGTH) errors.push({ field: 'source', message: `Kilden må højst være ${SOURCE_MAX_LENGTH} tegn.` });
    if (errors.length > 0 || !input || 'error' in measure) throw new ValidationError(errors);

    const at = nowIso(this.clock);
    return this.database.db.transaction().execute(async (trx) => {
      const existing = (await repo.existingOutcomes(trx, [participant.id])).find(
        (r) => r.measure === measure.key && r.period_start === input.period.start && r.period_end === input.period.end,
      );
      const shown = formatOutcomeValue(measure, input.value.value, input.value.valueText);
      if (existing && sameValue(existing, input)) return { outcome: toOutcome(existing), change: 'unchanged' as const };
      if (existing) {
        const changes = { value: input.value.value, value_text: input.value.valueText, source: input.source, period_label: input.period.label, import_id: null, recorded_at: at, recorded_by_label: actor.label };
        await repo.updateOutcome(trx, existing.id, changes);
        await recordAudit(trx, actor, {
          action: 'update', entityType: 'outcome-measurement', entityId: existing.id, planId,
          summary: `Rettede udfald for ${participant.code}: ${measure.name}, ${input.period.label}: ${formatOutcomeValue(measure, existing.value, existing.value_text)} → ${shown}`,
          before: { value: existing.value, valueText: existing.value_text, source: existing.source },
          after: { value: changes.value, valueText: changes.value_text, source: changes.source },
        });
        return { outcome: toOutcome({ ...existing, ...changes }), change: 'updated' as const };
      }
      const row: OutcomeMeasurementRow = {
        id: newId(), plan_id: planId, participant_id: participant.id, measure: measure.key, period_start: input.period.start, period_end: input.period.end,
        period_label: input.period.label, value: input.value.value, value_text: input.value.valueText, source: input.source, import_id: null, recorded_at: at, recorded_by_label: actor.label,
      };
      await repo.insertOutcomes(trx, [row]);
      await recordAudit(trx, actor, {
        action: 'create', entityType: 'outcome-measurement', entityId: row.id, planId,
        summary: `Registrerede udfald for ${participant.code}: ${measure.name}, ${input.period.label}: ${shown}`,
      });
      return { outcome: toOutcome(row), change: 'created' as const };
    });
  }

  /** Deletes one value of a participant the user may see, audited with what it was. */
  async remove(principal: Principal, actor: Actor, planId: string, code: string, id: string): Promise<void> {
    const participant = await this.visible(principal, planId, code);
    const row = await repo.findOutcome(this.database.db, participant.id, id);
    if (!row) throw new NotFoundError('Målingen findes ikke.');
    const measure = measureByKey(row.measure);
    await this.database.db.transaction().execute(async (trx) => {
      await repo.deleteOutcome(trx, id);
      await recordAudit(trx, actor, {
        action: 'delete', entityType: 'outcome-measurement', entityId: id, planId,
        summary: `Slettede udfald for ${participant.code}: ${measure?.name ?? row.measure}, ${row.period_label}`,
        before: { value: row.value, valueText: row.value_text, source: row.source },
      });
    });
  }

  /**
   * Imports outcome values from a spreadsheet (deltagerkode;mål;periode;værdi;kilde). Every problem in the file is
   * reported at once by row and column, and nothing is stored unless the whole file is right. A value already stored
   * the same is left alone, so the same file twice adds nothing; a changed value is updated and audited.
   */
  async import(principal: Principal, actor: Actor, planId: string, input: ByteSource, meta: { fileName: string; contentType?: string | undefined }): Promise<OutcomeImportResult> {
    const importId = newId();
    await repo.insertImport(this.database.db, {
      id: importId, plan_id: planId, kind: IMPORT_KIND, file_name: meta.fileName.slice(0, 255), status: 'running', rows_read: 0, rows_imported: 0, rows_unchanged: 0,
      problem_count: 0, problems: null, created_at: nowIso(this.clock), created_by: actor.userId, created_by_label: actor.label, finished_at: null,
    });
    const problems: ImportProblem[] = [];
    let problemCount = 0;
    const problem = (p: ImportProblem) => {
      problemCount++;
      if (problems.length < PROBLEM_LIMIT) problems.push(p);
    };
    const inputs: OutcomeInput[] = [];
    let rowsRead = 0;
    try {
      const sheet = await openSpreadsheet(input, meta);
      if ('error' in sheet) problem({ row: 0, column: '', message: sheet.error });
      else {
        let reader: OutcomeRowReader | null = null;
        const firstRow = new Map<string, number>();
        try {
          outer: for await (const batch of sheet.rows) {
            for (const row of batch) {
              if (!reader) {
                reader = createOutcomeRowReader(row, { today: danishDateOf(this.clock()), decimal: sheet.decimal });
                for (const p of reader.headerProblems) problem(p);
                if (!reader.readable) break outer;
                continue;
              }
              const result = reader.read(row);
              if (result.kind === 'empty') continue;
              rowsRead++;
              if (result.kind === 'problems') {
                for (const p of result.problems) problem(p);
                continue;
              }
              const key = outcomeKey(result.input.code, result.input.measure.key, result.input.period);
              const first = firstRow.get(key);
              if (first !== undefined) {
                problem({ row: row.row, column: 'periode', message: `Samme deltager, mål og periode som række ${first}. Hver værdi må kun stå én gang i filen.` });
                continue;
              }
              firstRow.set(key, row.row);
              inputs.push(result.input);
            }
          }
        } catch (error) {
          // A file broken midway (a bad zip, a quote never closed) is a problem of the file, reported like the others.
          if (!(error instanceof SpreadsheetError)) throw error;
          problem({ row: rowsRead + 2, column: '', message: error.message });
        }
        // A reader that stopped early leaves the rest of the upload unread; read it so the client gets its answer.
        for await (const _ of sheet.rows) void _;
        if (!reader) problem({ row: 1, column: '', message: `Filen er tom. Den første række skal være kolonneoverskrifterne: deltagerkode;mål;periode;værdi;kilde.` });
      }

      const scope = await this.scopeOf(principal, planId);
      const ids = await repo.visibleIdsByCode(this.database.db, scope, planId, inputs.map((i) => i.code));
      for (const i of inputs) {
        if (!ids.has(i.code)) problem({ row: i.row, column: 'deltagerkode', message: `Deltageren ${i.code} findes ikke, eller du har ikke adgang til deltagerens oplysninger.` });
      }
      problems.sort((a, b) => a.row - b.row);
      const finishedAt = nowIso(this.clock);
      if (problemCount > 0) {
        await repo.updateImport(this.database.db, importId, { status: 'rejected', rows_read: rowsRead, problem_count: problemCount, problems: JSON.stringify(problems), finished_at: finishedAt });
        return { importId, status: 'rejected', imported: 0, updated: 0, unchanged: 0, problemCount, problems };
      }

      const counts = await this.database.db.transaction().execute(async (trx) => {
        const existing = new Map<string, OutcomeMeasurementRow>();
        for (const r of await repo.existingOutcomes(trx, [...ids.values()])) existing.set(outcomeKey(r.participant_id, r.measure, { start: r.period_start, end: r.period_end }), r);
        const fresh: OutcomeMeasurementRow[] = [];
        let updated = 0;
        let unchanged = 0;
        for (const i of inputs) {
          const participantId = ids.get(i.code)!;
          const old = existing.get(outcomeKey(participantId, i.measure.key, i.period));
          if (old && sameValue(old, i)) {
            unchanged++;
            continue;
          }
          if (old) {
            updated++;
            const changes = { value: i.value.value, value_text: i.value.valueText, source: i.source, period_label: i.period.label, import_id: importId, recorded_at: finishedAt, recorded_by_label: actor.label };
            await repo.updateOutcome(trx, old.id, changes);
            await recordAudit(trx, actor, {
              action: 'update', entityType: 'outcome-measurement', entityId: old.id, planId,
              summary: `Rettede udfald for ${i.code} ved import af ${meta.fileName}: ${i.measure.name}, ${i.period.label}: ${formatOutcomeValue(i.measure, old.value, old.value_text)} → ${formatOutcomeValue(i.measure, i.value.value, i.value.valueText)}`,
              before: { value: old.value, valueText: old.value_text, source: old.source },
              after: { value: changes.value, valueText: changes.value_text, source: changes.source },
            });
            continue;
          }
          fresh.push({
            id: newId(), plan_id: planId, participant_id: participantId, measure: i.measure.key, period_start: i.period.start, period_end: i.period.end, period_label: i.period.label,
            value: i.value.value, value_text: i.value.valueText, source: i.source, import_id: importId, recorded_at: finishedAt, recorded_by_label: actor.label,
          });
        }
        await repo.insertOutcomes(trx, fresh);
        await repo.updateImport(trx, importId, { status: 'imported', rows_read: rowsRead, rows_imported: fresh.length + updated, rows_unchanged: unchanged, problem_count: 0, finished_at: finishedAt });
        await recordAudit(trx, actor, {
          action: 'create', entityType: 'outcome-import', entityId: importId, planId,
          summary: `Importerede udfald fra ${meta.fileName}: ${fresh.length} nye, ${updated} rettede, ${unchanged} uændrede værdier`,
        });
        return { imported: fresh.length, updated, unchanged };
      });
      return { importId, status: 'imported', ...counts, problemCount: 0, problems: [] };
    } catch (error) {
      await repo.updateImport(this.database.db, importId, { status: 'failed', finished_at: nowIso(this.clock) }).catch(() => undefined);
      throw error;
    }
  }

  async findImport(planId: string, id: string): Promise<ParticipantImportRow> {
    const row = await repo.findImport(this.database.db, planId, IMPORT_KIND, id);
    if (!row) throw new NotFoundError('Importen findes ikke.');
    return row;
  }

  imports(planId: string, limit = 20): Promise<ParticipantImportRow[]> {
    return repo.listImports(this.database.db, planId, IMPORT_KIND, limit);
  }

  /** The activities and measures a cohort can be chosen from, and the plan years of the plan. */
  async cohortChoices(planId: string): Promise<{ activities: { slug: string; name: string }[]; planYears: JourneyPeriod[] }> {
    const snapshot = await this.plans.snapshot(planId);
    return { activities: snapshot.activities().map((a) => ({ slug: a.data.slug, name: a.data.name })), planYears: await this.planYears(planId) };
  }

  private async planYears(planId: string): Promise<JourneyPeriod[]> {
    const plan = await repo.planPeriod(this.database.db, planId);
    const today = danishDateOf(this.clock());
    const years: JourneyPeriod[] = [];
    if (!plan) return years;
    for (let y = planYearOf(plan.period_start); y.start <= plan.period_end && y.start <= today; y = planYearOf(`${Number(y.start.slice(0, 4)) + 1}-08-01`)) {
      years.push({ label: `planår ${y.label}`, start: y.start, end: y.end });
    }
    return years;
  }

  /**
   * An activity's cohort before and after enrolment for a measure, in windows of school terms from each participant's
   * start, compared with the areas where enough of them live, all seven areas and the municipality. Suppressed.
   */
  async cohort(planId: string, query: CohortQuery): Promise<CohortView> {
    const snapshot = await this.plans.snapshot(planId);
    const errors: FieldError[] = [];
    const activity = snapshot.activities().find((a) => a.data.slug === query.activity);
    if (!activity) errors.push({ field: 'activity', message: query.activity ? `Aktiviteten "${query.activity}" findes ikke i planen.` : 'Vælg en aktivitet.' });
    const measure = query.measure ? measureByKey(query.measure) : undefined;
    if (!measure) errors.push({ field: 'measure', message: query.measure ? `Udfaldsmålet "${query.measure}" findes ikke.` : 'Vælg et udfaldsmål.' });
    const offsets = parseWindows(query.windows);
    if ('error' in offsets) errors.push({ field: 'windows', message: offsets.error });
    let planYear: JourneyPeriod | null = null;
    if (query.planYear) {
      planYear = (await this.planYears(planId)).find((y) => y.start.slice(0, 4) === query.planYear) ?? null;
      if (!planYear) errors.push({ field: 'planYear', message: `Planåret "${query.planYear}" er ikke et af planens planår.` });
    }
    if (errors.length > 0 || !activity || !measure || 'error' in offsets) throw new ValidationError(errors);

    const db = this.database.db;
    const [members, values, wholeMembers] = await Promise.all([
      repo.cohortMembers(db, planId, activity.data.slug, planYear ?? undefined),
      repo.cohortValues(db, planId, activity.data.slug, measure.key),
      // Narrowed to a plan year, the cohort is checked against the whole one (see CohortInput.wholeMembers).
      planYear ? repo.cohortMembers(db, planId, activity.data.slug) : Promise.resolve(undefined),
    ]);
    const areas = comparisonAreas(members, snapshot.areas().map((a) => ({ slug: a.data.slug, name: a.data.name })), this.threshold);
    const scopes = [...areas.map((a) => ({ scope: `area:${a.slug}`, label: a.name })), { scope: 'areas', label: SCOPE_LABELS.areas }, { scope: 'municipality', label: SCOPE_LABELS.municipality }];
    const indicators = comparableIndicators(measure);
    const comparisons = await repo.comparisonPoints(db, planId, indicators, scopes.map((s) => s.scope));
    const catalogue = indicatorCatalogue(snapshot);
    const result = aggregateCohort({ measure, members, values, offsets, threshold: this.threshold, comparisons, scopes, ...(wholeMembers ? { wholeMembers } : {}) });
    return {
      activity: { slug: activity.data.slug, name: activity.data.name },
      measure,
      offsets,
      planYear,
      result,
      indicatorNames: Object.fromEntries(indicators.map((c) => [c, catalogue.definitions.get(c)?.name ?? c])),
    };
  }

  /** The last journeys computed per plan, with the fingerprint of the data they were computed from. */
  private readonly journeyCache = new Map<string, { fingerprint: string; day: string; view: JourneyView }>();

  /**
   * Journeys across activities per plan year and over the whole plan. Suppressed. Reading every enrolment of a large
   * plan takes far longer than a page may, so the result is kept until an enrolment or a participant changes (or the
   * day, which decides the plan years shown).
   */
  async journeys(planId: string): Promise<JourneyView> {
    const fingerprint = `${(await this.plans.snapshot(planId)).stamp}|${await repo.journeyFingerprint(this.database.db, planId)}`;
    const day = danishDateOf(this.clock());
    const cached = this.journeyCache.get(planId);
    if (cached && cached.fingerprint === fingerprint && cached.day === day) return cached.view;
    const view = await this.computeJourneys(planId);
    this.journeyCache.set(planId, { fingerprint, day, view });
    return view;
  }

  private async computeJourneys(planId: string): Promise<JourneyView> {
    const [snapshot, enrolments, periods] = await Promise.all([this.plans.snapshot(planId), repo.journeyEnrolments(this.database.db, planId), this.planYears(planId)]);
    const plan = await repo.planPeriod(this.database.db, planId);
    if (!plan) throw new NotFoundError('Planen findes ikke.');
    const whole = { label: 'Hele planperioden', start: plan.period_start, end: plan.period_end };
    return {
      result: journeys(enrolments, periods, whole, this.threshold),
      activityNames: Object.fromEntries(snapshot.activities().map((a) => [a.data.slug, a.data.name])),
      periods,
      whole,
    };
  }
}
