/**
 * Measurements: importing spreadsheets (every problem at once, nothing written unless the whole file is right, the
 * same file twice adds nothing), correcting one value (a new version), explaining a flagged value, and history.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { MeasurementImportRow, MeasurementRow, MeasurementStagingRow } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import type { IndicatorUnit } from '../plan/content/types.js';
import { parseDate } from './periods.js';
import type { PlanService } from '../plan/plan.service.js';
import { danishDateOf } from '../time/copenhagen.js';
import { indicatorCatalogue } from './indicator-catalogue.js';
import type { ImportProblem, Measurement, MeasurementInput, MeasurementScope, PeriodKind } from './measurement.js';
import { createRowReader } from './import/measurement-rows.js';
import { openSpreadsheet } from './import/open-spreadsheet.js';
import { SpreadsheetError } from './import/spreadsheet.js';
import { SeenSeries } from './import/seen-series.js';
import * as repo from './measurements.repository.js';

/** At most this many problems are kept and shown; the count of all of them is kept too. */
export const PROBLEM_LIMIT = 1000;
const STAGE_BATCH = 5000;
/** How often a running import saves how far it has read, for pages served by other processes. */
const PROGRESS_SAVE_MS = 1000;

export interface ImportMeta {
  fileName: string;
  contentType?: string | undefined;
  /** The size in bytes when known (for the progress bar). */
  size?: number | undefined;
}

export interface ImportOutcome {
  importId: string;
  status: 'imported' | 'rejected';
  imported: number;
  corrected: number;
  unchanged: number;
  skipped: number;
  problemCount: number;
  problems: ImportProblem[];
}

export interface ImportProgress {
  importId: string;
  bytesRead: number;
  bytesTotal: number | null;
  rowsRead: number;
  problemCount: number;
}

/** Raised for a file that cannot be read at all (not CSV or XLSX, empty, no header). Carries the problems for a 422. */
export class ImportRejected extends Error {
  constructor(
    message: string,
    readonly outcome: ImportOutcome,
  ) {
    super(message);
  }
}

/** What a correction may change of a value. */
export type CorrectionInput = Pick<MeasurementInput, 'value' | 'numerator' | 'denominator' | 'source' | 'drawnOn' | 'note'>;

/** The columns a measurement is read from; those not read (in the monitoring model's pages) take their defaults. */
type MeasurementColumns = repo.CurrentValueRow & Partial<Pick<MeasurementRow, 'plan_id' | 'is_current' | 'import_id' | 'created_by_label' | 'reason'>>;

export function toMeasurement(row: MeasurementColumns, planId = row.plan_id ?? ''): Measurement {
  return {
    id: row.id,
    planId,
    indicatorCode: row.indicator_code,
    scope: row.scope as MeasurementScope,
    period: { kind: row.period_kind as PeriodKind, start: row.period_start, end: row.period_end, label: row.period_label },
    value: Number(row.value),
    numerator: row.numerator === null ? null : Number(row.numerator),
    denominator: row.denominator === null ? null : Number(row.denominator),
    source: row.source,
    drawnOn: row.drawn_on,
    note: row.note,
    version: row.version,
    current: row.is_current === undefined || row.is_current === 1 || (row.is_current as unknown) === true,
    importId: row.import_id ?? null,
    createdAt: row.created_at,
    createdByLabel: row.created_by_label ?? '',
    reason: row.reason ?? null,
    explanation: row.explanation,
  };
}

export class MeasurementService {
  private readonly running = new Map<string, ImportProgress>();
  private lock: Promise<unknown> = Promise.resolve();
  /** Told after the data of a plan changed (an import, a correction, an explanation), e.g. to rebuild dashboards. */
  onDataChanged: (planId: string) => void = () => {};

  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    private readonly clock: () => Date,
  ) {}

  /**
   * Progress of a running import: live when this process runs it, else as last saved (about once a second) by the
   * process that does; null when the import is not running.
   */
  progress(row: MeasurementImportRow): ImportProgress | null {
    if (row.status !== 'running') return null;
    return (
      this.running.get(row.id) ?? {
        importId: row.id, bytesRead: Number(row.bytes_read ?? 0), bytesTotal: row.bytes_total === null ? null : Number(row.bytes_total), rowsRead: row.rows_read, problemCount: row.problem_count,
      }
    );
  }

  /**
   * Creates the record of an import (status running) so that a page can show its progress at once; `runImport` does
   * the work. Kept apart so that the browser's upload can be answered before a long file is read.
   */
  async beginImport(planId: string, actor: Actor, meta: ImportMeta): Promise<string> {
    const id = newId();
    await repo.insertImport(this.database.db, {
      id, plan_id: planId, file_name: meta.fileName.slice(0, 255), file_sha256: null, format: 'ukendt', status: 'running', bytes_total: meta.size ?? null, bytes_read: 0,
      rows_read: 0, rows_imported: 0, rows_corrected: 0, rows_unchanged: 0, rows_skipped: 0, problem_count: 0, problems: null,
      created_at: nowIso(this.clock), created_by: actor.userId, created_by_label: actor.label, finished_at: null,
    });
    this.running.set(id, { importId: id, bytesRead: 0, bytesTotal: meta.size ?? null, rowsRead: 0, problemCount: 0 });
    return id;
  }

  /** Imports a whole spreadsheet (see `beginImport`). Imports of one server run one at a time. */
  async import(planId: string, actor: Actor, input: AsyncIterable<Buffer>, meta: ImportMeta): Promise<ImportOutcome> {
    const id = await this.beginImport(planId, actor, meta);
    return this.runImport(planId, actor, id, input, meta);
  }

  runImport(planId: string, actor: Actor, importId: string, input: AsyncIterable<Buffer>, meta: ImportMeta): Promise<ImportOutcome> {
    const run = this.lock.then(() => this.doImport(planId, actor, importId, input, meta));
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async doImport(planId: string, actor: Actor, importId: string, input: AsyncIterable<Buffer>, meta: ImportMeta): Promise<ImportOutcome> {
    const progress = this.running.get(importId) ?? { importId, bytesRead: 0, bytesTotal: meta.size ?? null, rowsRead: 0, problemCount: 0 };
    this.running.set(importId, progress);
    const hash = createHash('sha256');
    const counted = (async function* () {
      for await (const chunk of input) {
        hash.update(chunk);
        progress.bytesRead += chunk.length;
        yield chunk;
      }
    })();

    const problems: ImportProblem[] = [];
    let problemCount = 0;
    const problem = (p: ImportProblem) => {
      problemCount++;
      progress.problemCount = problemCount;
      if (problems.length < PROBLEM_LIMIT) problems.push(p);
    };
    let skipped = 0;
    let format = 'ukendt';
    const stager = repo.createStager(this.database, importId);
    try {
      const snapshot = await this.plans.snapshot(planId);
      const catalogue = indicatorCatalogue(snapshot);
      const sheet = await openSpreadsheet(counted, meta);
      if ('error' in sheet) {
        problem({ row: 0, column: '', message: sheet.error });
      } else {
        format = sheet.format;
        const today = danishDateOf(this.clock());
        let reader: ReturnType<typeof createRowReader> | null = null;
        let pending: MeasurementStagingRow[] = [];
        let savedAt = Date.now();
        const flush = async () => {
          if (pending.length === 0) return;
          await stager.add(pending);
          pending = [];
          if (Date.now() - savedAt >= PROGRESS_SAVE_MS) {
            savedAt = Date.now();
            await repo.updateImport(this.database.db, importId, { rows_read: progress.rowsRead, bytes_read: progress.bytesRead, problem_count: problemCount });
          }
        };
        const seen = new SeenSeries();
        try {
          for await (const batch of sheet.rows) {
            for (const row of batch) {
              if (!reader) {
                reader = createRowReader(row, { indicators: catalogue.definitions, areas: snapshot.areas().map((a) => ({ slug: a.data.slug, name: a.data.name })), today, decimal: sheet.decimal });
                for (const p of reader.headerProblems) problem(p);
                if (!reader.readable) break;
                continue;
              }
              progress.rowsRead++;
              const result = reader.read(row);
              if (result.kind === 'ok') {
                const first = seen.firstRowOf(result.input, row.row);
                if (first !== null) {
                  problem({ row: row.row, column: 'periode', message: `Samme indikator, område og periode som række ${first}. Hver værdi må kun stå én gang i filen.` });
                  continue;
                }
                // Staged even after a problem elsewhere, so that rows repeated within the file are reported too.
                pending.push(stagingRow(importId, row.row, result.input));
              } else if (result.kind === 'problems') {
                for (const p of result.problems) problem(p);
              } else skipped++;
            }
            if (reader && !reader.readable) break;
            if (pending.length >= STAGE_BATCH) await flush();
          }
        } catch (error) {
          // A file broken midway (a bad zip, a quote never closed) is a problem of the file, reported like the others.
          if (!(error instanceof SpreadsheetError)) throw error;
          problem({ row: progress.rowsRead + 1, column: '', message: error.message });
        }
        if (!reader) problem({ row: 1, column: '', message: 'Filen er tom. Den første række skal være kolonneoverskrifterne fra skabelonen.' });
        await flush();
        // A reader that stopped early leaves the rest of the upload unread; read it so the client gets its answer.
        for await (const _ of counted) void _;
      }
      await stager.finish();
      problems.sort((a, b) => a.row - b.row);

      const finishedAt = nowIso(this.clock);
      if (problemCount > 0) {
        await stager.abort();
        await repo.updateImport(this.database.db, importId, {
          status: 'rejected', format, file_sha256: hash.digest('hex'), rows_read: progress.rowsRead, rows_skipped: skipped,
          problem_count: problemCount, problems: JSON.stringify(problems), finished_at: finishedAt,
        });
        return { importId, status: 'rejected', imported: 0, corrected: 0, unchanged: 0, skipped, problemCount, problems };
      }

      const staged = await repo.countStaged(this.database.db, importId);
      const outcome = await this.database.db.transaction().execute(async (trx) => {
        const merged = await repo.mergeStaged(trx, this.database.engine, { planId, importId, staged, createdAt: finishedAt, createdBy: actor.userId, createdByLabel: actor.label });
        await repo.clearStaging(trx, importId);
        const unchanged = staged - merged.imported;
        await repo.updateImport(trx, importId, {
          status: 'imported', format, file_sha256: hash.digest('hex'), rows_read: progress.rowsRead, rows_imported: merged.imported - merged.corrected,
          rows_corrected: merged.corrected, rows_unchanged: unchanged, rows_skipped: skipped, problem_count: 0, finished_at: finishedAt,
        });
        if (merged.imported > 0) await repo.bumpDataStamp(trx, planId, finishedAt);
        await recordAudit(trx, actor, {
          action: 'create', entityType: 'measurement-import', entityId: importId, planId,
          summary: `Importerede ${meta.fileName}: ${merged.imported - merged.corrected} nye, ${merged.corrected} rettede, ${unchanged} uændrede målinger`,
        });
        return { imported: merged.imported - merged.corrected, corrected: merged.corrected, unchanged };
      });
      if (outcome.imported + outcome.corrected > 0) this.onDataChanged(planId);
      return { importId, status: 'imported', ...outcome, skipped, problemCount: 0, problems: [] };
    } catch (error) {
      await stager.abort().catch(() => undefined);
      await repo.updateImport(this.database.db, importId, { status: 'failed', format, finished_at: nowIso(this.clock) }).catch(() => undefined);
      throw error;
    } finally {
      this.running.delete(importId);
    }
  }

  async findImport(planId: string, importId: string): Promise<MeasurementImportRow> {
    const row = await repo.findImport(this.database.db, planId, importId);
    if (!row) throw new NotFoundError('Importen findes ikke.');
    return row;
  }

  imports(planId: string, limit = 20): Promise<MeasurementImportRow[]> {
    return repo.listImports(this.database.db, planId, limit);
  }

  async measurement(planId: string, id: string): Promise<Measurement> {
    const row = await repo.findMeasurement(this.database.db, planId, id);
    if (!row) throw new NotFoundError('Målingen findes ikke.');
    return toMeasurement(row);
  }

  /** Every version of the measurement's series (indicator × scope × period), newest first. */
  async history(planId: string, id: string): Promise<Measurement[]> {
    const row = await repo.findMeasurement(this.database.db, planId, id);
    if (!row) throw new NotFoundError('Målingen findes ikke.');
    return (await repo.seriesHistory(this.database.db, row)).map((row) => toMeasurement(row));
  }

  async current(planId: string, filter: repo.MeasurementFilter, limit?: number): Promise<Measurement[]> {
    return (await repo.listCurrent(this.database.db, planId, filter, limit)).map((row) => toMeasurement(row));
  }

  /** Corrects one value: the current version is retired and the corrected one becomes the next version, with the reason. */
  async correct(planId: string, actor: Actor, id: string, input: CorrectionInput, reason: string, expectedVersion?: number): Promise<Measurement> {
    const previous = await repo.findMeasurement(this.database.db, planId, id);
    if (!previous) throw new NotFoundError('Målingen findes ikke.');
    const unit = indicatorCatalogue(await this.plans.snapshot(planId)).definitions.get(previous.indicator_code)?.unit ?? 'average';
    const problems = correctionProblems(unit, input, reason, danishDateOf(this.clock()));
    if (problems.length > 0) throw new ValidationError(problems);
    if (!(previous.is_current === 1 || (previous.is_current as unknown) === true)) throw new ConflictError('Målingen er allerede rettet. Ret den nyeste version.');
    if (expectedVersion !== undefined && expectedVersion !== previous.version) throw new ConflictError('Målingen er rettet af en anden i mellemtiden. Se den nyeste version og prøv igen.');
    const at = nowIso(this.clock);
    const next: MeasurementRow = {
      ...previous,
      id: newId(),
      value: input.value,
      numerator: input.numerator,
      denominator: input.denominator,
      source: input.source,
      // The date as typed (`31-12-2024`) or ISO; the rules above have read it.
      drawn_on: parseDate(input.drawnOn) as string,
      note: input.note,
      version: previous.version + 1,
      is_current: 1,
      import_id: null,
      reason: reason.trim(),
      explanation: null,
      explained_at: null,
      explained_by_label: null,
      created_at: at,
      created_by: actor.userId,
      created_by_label: actor.label,
    };
    await this.database.db.transaction().execute(async (trx) => {
      if (!(await repo.replaceCurrent(trx, previous, next))) throw new ConflictError('Målingen er rettet af en anden i mellemtiden. Se den nyeste version og prøv igen.');
      await repo.bumpDataStamp(trx, planId, at);
      await recordAudit(trx, actor, {
        action: 'update', entityType: 'measurement', entityId: next.id, planId,
        summary: `Rettede ${previous.indicator_code} for ${previous.scope}, ${previous.period_label}: ${previous.value} → ${input.value}`,
        before: { value: previous.value, numerator: previous.numerator, denominator: previous.denominator, source: previous.source, note: previous.note },
        after: { value: next.value, numerator: next.numerator, denominator: next.denominator, source: next.source, note: next.note, reason: next.reason },
      });
    });
    this.onDataChanged(planId);
    return toMeasurement(next);
  }

  /** Records the monitoring unit's explanation of a flagged value, which lets the value reach reports. */
  async explain(planId: string, actor: Actor, id: string, explanation: string): Promise<Measurement> {
    const text = explanation.trim();
    if (!text) throw new ValidationError([{ field: 'explanation', message: 'Skriv en forklaring.' }]);
    if (text.length > 2000) throw new ValidationError([{ field: 'explanation', message: 'Forklaringen må højst være 2.000 tegn.' }]);
    const row = await repo.findMeasurement(this.database.db, planId, id);
    if (!row) throw new NotFoundError('Målingen findes ikke.');
    const at = nowIso(this.clock);
    await this.database.db.transaction().execute(async (trx) => {
      await repo.setExplanation(trx, id, text, at, actor.label);
      await repo.bumpDataStamp(trx, planId, at);
      await recordAudit(trx, actor, { action: 'update', entityType: 'measurement', entityId: id, planId, summary: `Forklarede ${row.indicator_code} for ${row.scope}, ${row.period_label}`, after: { explanation: text } });
    });
    this.onDataChanged(planId);
    return { ...toMeasurement(row), explanation: text };
  }

  dataStamp(planId: string): Promise<string> {
    return repo.dataStamp(this.database.db, planId);
  }

  /** Marks imports that a stopped server left running as failed, and empties their staging rows. */
  recoverAbandonedImports(): Promise<number> {
    return repo.failAbandonedImports(this.database.db, nowIso(this.clock));
  }
}

function stagingRow(importId: string, rowNumber: number, m: MeasurementInput): MeasurementStagingRow {
  return {
    import_id: importId,
    row_number: rowNumber,
    id: newId(),
    indicator_code: m.indicatorCode,
    scope: m.scope,
    period_kind: m.period.kind,
    period_start: m.period.start,
    period_end: m.period.end,
    period_label: m.period.label,
    value: m.value,
    numerator: m.numerator,
    denominator: m.denominator,
    source: m.source,
    drawn_on: m.drawnOn,
    note: m.note,
  };
}

/**
 * The rules a corrected value must meet, as an import row must: a number of 0 or more in the indicator's unit (a share
 * at most 100 %, a count whole), whole numerator and denominator with the numerator not above the denominator, a
 * source, a real date drawn that is not in the future, and a reason.
 */
export function correctionProblems(unit: IndicatorUnit, input: CorrectionInput, reason: string, today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!Number.isFinite(input.value) || input.value < 0) problems.push({ field: 'value', message: 'Værdien skal være et tal på 0 eller derover.' });
  else if (unit === 'percent' && input.value > 100) problems.push({ field: 'value', message: 'En andel skal være mellem 0 og 100 %.' });
  else if (unit === 'count' && !Number.isInteger(input.value)) problems.push({ field: 'value', message: 'Et antal skal være et helt tal.' });
  for (const field of ['numerator', 'denominator'] as const) {
    const n = input[field];
    if (n !== null && (!Number.isInteger(n) || n < 0)) problems.push({ field, message: 'Skal være et helt tal på 0 eller derover.' });
  }
  if (input.numerator !== null && input.denominator !== null && input.numerator > input.denominator) {
    problems.push({ field: 'numerator', message: 'Tælleren må ikke være større end nævneren.' });
  }
  if (!input.source.trim()) problems.push({ field: 'source', message: 'Skriv kilden.' });
  else if (input.source.length > 300) problems.push({ field: 'source', message: 'Kilden må højst være 300 tegn.' });
  if (input.note !== null && input.note.length > 1000) problems.push({ field: 'note', message: 'Noten må højst være 1.000 tegn.' });
  const drawn = parseDate(input.drawnOn);
  if (typeof drawn !== 'string') problems.push({ field: 'drawnOn', message: drawn.error });
  else if (drawn > today) problems.push({ field: 'drawnOn', message: 'Datoen for dataudtrækket kan ikke ligge i fremtiden.' });
  if (!reason.trim()) problems.push({ field: 'reason', message: 'Skriv hvorfor værdien rettes.' });
  return problems;
}
