/**
 * The report engine (issue 6 item 8): builds any report of `REPORT_DEFINITIONS` as a live draft up to a cut-off date,
 * freezes a delivered report as an edition, shows a report as a page, a PDF or an XLSX file, and says what changed
 * between two editions.
 *
 * A frozen edition is the document as JSON with its sha256, and its page, PDF and XLSX are rendered from that JSON
 * only: corrections to the data afterwards change the draft, never the edition. Editions are numbered 1, 2, … per
 * report (kind and subject) and are never changed or deleted; nothing in the engine, its pages or its API can.
 *
 * Who may freeze: the progress report and the annual report are the secretariat's deliveries (`governance.manage`);
 * the annual data report is the monitoring unit's (`monitoring.import`), which the secretariat may also freeze
 * (PRODUCT.md, "Who uses it").
 */
import { createHash } from 'node:crypto';
import type { AppServices } from '../app.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { permissionsOf, type Permission } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { newId, nowIso } from '../db/ids.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/errors.js';
import { danishDateOf, parseIsoDate } from '../time/copenhagen.js';
import { REPORT_DEFINITIONS, type ReportDefinition, type ReportSubject } from './builders/index.js';
import { compareReports, type ReportComparison } from './editions.js';
import type { ReportDocument, ReportKind } from './report-document.js';
import { formatIsoDate, type ReportStatus } from './render/cells.js';
import { reportHtml } from './render/report-html.js';
import { reportPdf } from './render/report-pdf.js';
import { reportXlsx } from './render/report-xlsx.js';
import * as repo from './reports.repository.js';

/** The order the kinds are listed in: before each steering-group meeting, yearly to the board, yearly to the politicians. */
export const REPORT_KINDS: readonly ReportKind[] = ['fremdrift', 'datarapport', 'aarsrapport'];

/** Who may freeze each kind of report as delivered: any one of these permissions. */
export const FREEZE_PERMISSIONS: Record<ReportKind, readonly Permission[]> = {
  fremdrift: ['governance.manage'],
  datarapport: ['monitoring.import', 'governance.manage'],
  aarsrapport: ['governance.manage'],
};

const FREEZE_REFUSALS: Record<ReportKind, string> = {
  fremdrift: 'Kun sekretariatet kan fryse fremdriftsrapporten som leveret.',
  datarapport: 'Kun monitoreringsenheden og sekretariatet kan fryse datarapporten som leveret.',
  aarsrapport: 'Kun sekretariatet kan fryse årsrapporten som leveret.',
};

const MAX_NOTE = 2000;

export interface EditionSummary {
  id: string;
  kind: ReportKind;
  subjectKey: string;
  edition: number;
  title: string;
  cutoffDate: string;
  sha256: string;
  frozenAt: string;
  frozenBy: string;
  note: string | null;
}

export interface Edition extends EditionSummary {
  document: ReportDocument;
}

export interface ReportKindOverview {
  kind: ReportKind;
  name: string;
  description: string;
  mayFreeze: boolean;
  subjects: (ReportSubject & { editions: EditionSummary[] })[];
  /** Editions of subjects no longer offered (a meeting moved or cancelled), so no delivered report is hidden. */
  otherEditions: EditionSummary[];
}

export interface Draft {
  definition: ReportDefinition;
  subject: ReportSubject;
  document: ReportDocument;
}

export interface EditionChanges {
  edition: Edition;
  /** What the edition is compared with: the previous edition, or the draft; null when there is no previous edition. */
  base: { label: string; against: 'previous' | 'draft'; edition: EditionSummary | null; cutoffDate: string } | null;
  /** From the base to the edition (previous), or from the edition to the draft. */
  comparison: ReportComparison | null;
}

export interface FreezeInput {
  cutoffDate: string;
  note: string | null;
}

/** A rendered file with its name and content type. */
export interface ReportFile {
  body: Buffer;
  fileName: string;
  contentType: string;
}

export const PDF_TYPE = 'application/pdf';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function isKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

function summaryOf(row: repo.EditionSummaryRow): EditionSummary {
  return {
    id: row.id,
    kind: row.kind as ReportKind,
    subjectKey: row.subject_key,
    edition: row.edition,
    title: row.title,
    cutoffDate: row.cutoff_date,
    sha256: row.content_sha256,
    frozenAt: row.frozen_at,
    frozenBy: row.frozen_by_label,
    note: row.note,
  };
}

export class ReportService {
  constructor(private readonly services: AppServices) {}

  private get db() {
    return this.services.database.db;
  }

  private today(): string {
    return danishDateOf(this.services.clock());
  }

  /** The report definitions present, in the order of `REPORT_KINDS`. */
  definitions(): ReportDefinition[] {
    return REPORT_KINDS.flatMap((k) => (REPORT_DEFINITIONS[k] ? [REPORT_DEFINITIONS[k]] : []));
  }

  definition(kind: string): ReportDefinition {
    const definition = isKind(kind) ? REPORT_DEFINITIONS[kind] : undefined;
    if (!definition) throw new NotFoundError(`Der findes ingen rapport af typen «${kind}».`);
    return definition;
  }

  /** Whether the principal may freeze reports of this kind. */
  mayFreeze(principal: Principal, kind: ReportKind): boolean {
    const granted = permissionsOf(principal.roles);
    return FREEZE_PERMISSIONS[kind].some((p) => granted.has(p));
  }

  /** Every kind of report with what it can be made for and its frozen editions. */
  async overview(principal: Principal, planId: string): Promise<ReportKindOverview[]> {
    const editions = (await repo.listEditions(this.db, planId)).map(summaryOf);
    return Promise.all(
      this.definitions().map(async (definition) => {
        const subjects = await definition.subjects(this.services, planId);
        const own = editions.filter((e) => e.kind === definition.kind);
        const keys = new Set(subjects.map((s) => s.key));
        return {
          kind: definition.kind,
          name: definition.name,
          description: definition.description,
          mayFreeze: this.mayFreeze(principal, definition.kind),
          subjects: subjects.map((s) => ({ ...s, editions: own.filter((e) => e.subjectKey === s.key) })),
          otherEditions: own.filter((e) => !keys.has(e.subjectKey)),
        };
      }),
    );
  }

  /** A subject the report can be made for, or a Danish 404. */
  async subject(planId: string, kind: string, subjectKey: string): Promise<{ definition: ReportDefinition; subject: ReportSubject }> {
    const definition = this.definition(kind);
    const subjects = await definition.subjects(this.services, planId);
    const subject = subjects.find((s) => s.key === subjectKey);
    if (!subject) throw new NotFoundError(`${definition.name} kan ikke laves for «${subjectKey}».`);
    return { definition, subject };
  }

  /**
   * The cut-off date from a form or query (`field` names it in an error): an ISO date no later than today; today when
   * not given.
   */
  cutoffOf(value: string | undefined, field = 'skaering'): string {
    const text = value?.trim() ?? '';
    if (text === '') return this.today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !parseIsoDate(text)) {
      throw new ValidationError([{ field, message: `Skæringsdatoen skal være en dato skrevet ÅÅÅÅ-MM-DD, fx ${this.today()}, ikke «${text.slice(0, 40)}».` }]);
    }
    if (text > this.today()) {
      throw new ValidationError([{ field, message: `Skæringsdatoen kan ikke ligge efter i dag (${formatIsoDate(this.today())}): data fra fremtiden findes ikke endnu.` }]);
    }
    return text;
  }

  /** The live draft of a report, built from the data up to the cut-off date (today when not given). */
  async draft(planId: string, kind: string, subjectKey: string, cutoff?: string, field = 'skaering'): Promise<Draft> {
    const { definition, subject } = await this.subject(planId, kind, subjectKey);
    const cutoffDate = this.cutoffOf(cutoff, field);
    const document = await definition.build({ services: this.services, planId, subjectKey, cutoffDate });
    return { definition, subject, document };
  }

  /**
   * Freezes the report built at the cut-off date as its next edition. Refused (403) for those who may not freeze this
   * kind, before anything is built. `cutoffField` names the cut-off date in errors (the form's «skaering», the API's «cutoffDate»).
   */
  async freeze(principal: Principal, actor: Actor, planId: string, kind: string, subjectKey: string, input: FreezeInput, cutoffField = 'skaering'): Promise<EditionSummary> {
    const definition = this.definition(kind);
    if (!this.mayFreeze(principal, definition.kind)) throw new ForbiddenError(FREEZE_REFUSALS[definition.kind]);
    const note = input.note?.trim() || null;
    if (note && note.length > MAX_NOTE) throw new ValidationError([{ field: 'note', message: `Noten må højst være ${MAX_NOTE} tegn; den er ${note.length}.` }]);
    if (!input.cutoffDate?.trim()) throw new ValidationError([{ field: cutoffField, message: 'Skriv den skæringsdato, rapporten leveres med.' }]);
    const { document } = await this.draft(planId, definition.kind, subjectKey, input.cutoffDate, cutoffField);
    const content = JSON.stringify(document);
    const hash = sha256(content);

    // Two people freezing the same report at once both read the same last number; the unique index refuses the
    // second, which then takes the next number.
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = newId();
      const frozenAt = nowIso(this.services.clock);
      try {
        const edition = await this.db.transaction().execute(async (trx) => {
          const number = (await repo.lastEditionNumber(trx, planId, definition.kind, subjectKey)) + 1;
          const row = {
            id,
            plan_id: planId,
            kind: definition.kind,
            subject_key: subjectKey,
            edition: number,
            title: document.title,
            cutoff_date: document.cutoffDate,
            content,
            content_sha256: hash,
            frozen_at: frozenAt,
            frozen_by_label: principal.name ? `${principal.name} (${principal.email})` : principal.email,
            note,
          };
          await repo.insertEdition(trx, row);
          await recordAudit(trx, actor, {
            action: 'create',
            entityType: 'report_edition',
            entityId: id,
            planId,
            summary: `${definition.name} frosset som leveret: udgave ${number} af «${document.title}» med dataskæring ${document.cutoffDate}`,
            after: { kind: definition.kind, subjectKey, edition: number, cutoffDate: document.cutoffDate, sha256: hash, note },
          });
          return row;
        });
        return summaryOf(edition);
      } catch (error) {
        if (attempt < 2 && /unique|duplicate/i.test(String((error as Error).message))) continue;
        throw error;
      }
    }
    throw new ConflictError('Rapporten blev frosset af en anden i samme øjeblik. Prøv igen.');
  }

  /** A frozen edition with its document, as stored. */
  async edition(planId: string, id: string): Promise<Edition> {
    const row = await repo.findEdition(this.db, planId, id);
    if (!row) throw new NotFoundError('Den frosne udgave findes ikke i denne plan.');
    return { ...summaryOf(row), document: JSON.parse(row.content) as ReportDocument };
  }

  async editions(planId: string, filter: { kind?: string; subjectKey?: string } = {}): Promise<EditionSummary[]> {
    return (await repo.listEditions(this.db, planId, filter)).map(summaryOf);
  }

  /**
   * What changed: from the previous edition to this one, or (against «draft») from this edition to the live draft,
   * built at the edition's own cut-off date unless another is given, so that corrections to the data show.
   */
  async changes(planId: string, id: string, against: 'previous' | 'draft' = 'previous', draftCutoff?: string): Promise<EditionChanges> {
    const edition = await this.edition(planId, id);
    if (against === 'draft') {
      const { document } = await this.draft(planId, edition.kind, edition.subjectKey, draftCutoff?.trim() ? draftCutoff : edition.cutoffDate);
      return {
        edition,
        base: { label: `udkastet med dataskæring ${formatIsoDate(document.cutoffDate)}`, against, edition: null, cutoffDate: document.cutoffDate },
        comparison: compareReports(edition.document, document),
      };
    }
    const previous = await repo.previousEdition(this.db, planId, edition.kind, edition.subjectKey, edition.edition);
    if (!previous) return { edition, base: null, comparison: null };
    const before = JSON.parse(previous.content) as ReportDocument;
    return {
      edition,
      base: { label: `udgave ${previous.edition} (dataskæring ${formatIsoDate(previous.cutoff_date)})`, against, edition: summaryOf(previous), cutoffDate: previous.cutoff_date },
      comparison: compareReports(before, edition.document),
    };
  }

  /** The status a rendering of an edition shows. */
  statusOf(edition: Edition): ReportStatus {
    return { kind: 'edition', edition: edition.edition, frozenAt: edition.frozenAt, frozenBy: edition.frozenBy, note: edition.note, sha256: edition.sha256 };
  }

  /** The file name of a download: the title, then «udgave n» or «udkast» with its cut-off date. */
  fileName(document: ReportDocument, status: ReportStatus, extension: 'pdf' | 'xlsx'): string {
    const which = status.kind === 'draft' ? `udkast ${document.cutoffDate}` : `udgave ${status.edition}`;
    return `${document.title} ${which}.${extension}`;
  }

  async pdf(document: ReportDocument, status: ReportStatus): Promise<ReportFile> {
    return { body: await reportPdf(document, status), fileName: this.fileName(document, status, 'pdf'), contentType: PDF_TYPE };
  }

  async xlsx(document: ReportDocument, status: ReportStatus): Promise<ReportFile> {
    return { body: await reportXlsx(document, status), fileName: this.fileName(document, status, 'xlsx'), contentType: XLSX_TYPE };
  }

  html(document: ReportDocument, status: ReportStatus): string {
    return reportHtml(document, status);
  }
}

const services = new WeakMap<object, ReportService>();

/** One ReportService per app, shared by its pages and API. */
export function reportServiceFor(app: AppServices): ReportService {
  let service = services.get(app);
  if (!service) {
    service = new ReportService(app);
    services.set(app, service);
  }
  return service;
}
