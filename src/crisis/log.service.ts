/**
 * The incident log as its readers and writers meet it (issue 7, part 6): what a reader may read of an incident's log
 * and the check of its chain, notes, corrections, and the check of every incident's log in the plan.
 *
 * Rules: entries classified under retsplejelovens § 115 are read, written and corrected only by users linked to an
 * authority's member (crisis-access.ts); everyone else sees only how many entries are withheld. A note is written by
 * those who may activate (roles beredskab, sekretariat, administrator) or by any linked member. A correction is a new
 * entry of kind `rettelse` pointing to the one it corrects, with the corrected text and the reason; the corrected entry
 * stays as it was, and a correction of a § 115 entry is § 115 too. The audit trail records that a note or correction was
 * written, by number, never its text (administrators read the audit trail, and may not read § 115 content).
 */
import type { AppServices } from '../app.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import { crisisAccessOf, visibleEntries, type CrisisAccess } from './crisis-access.js';
import type { ChainReport } from './crisis-log.js';
import { crisisLogFor, type LogEntry } from './crisis-log.service.js';
import { incidentLabel, loadIncident, type Incident } from './incident.js';
import type { LogClassification } from './levels.js';
import { incidentHeads, type IncidentHead } from './log.repository.js';

export const NOTE_MAX_LENGTH = 4000;
export const REASON_MAX_LENGTH = 1000;

/** Said wherever entries are withheld, in the page, the API and the PDF alike; never anything about them but how many. */
export function withheldSentence(count: number): string {
  return `${count} ${count === 1 ? 'indførsel er delt' : 'indførsler er delt'} efter retsplejelovens § 115 og vises kun for myndighedernes medlemmer.`;
}

export const PARAGRAPH_115_REFUSED = 'Kun brugere, der er knyttet til et medlem fra en myndighed (politi eller kommune), kan dele oplysninger efter retsplejelovens § 115.';

/** An entry as a reader sees it: with the corrections of it the reader may read, and the number of what it corrects. */
export interface ShownEntry extends LogEntry {
  /** Numbers of the (readable) entries that correct this one. */
  correctedBy: number[];
  /** The number of the entry this one corrects, when the reader may read it. */
  correctsSeq: number | null;
}

export interface IncidentLog {
  incident: Incident;
  access: CrisisAccess;
  entries: ShownEntry[];
  withheld: number;
  report: ChainReport;
  checkedAt: string;
  /** May write notes and corrections. */
  mayWrite: boolean;
  /** May classify under § 115 (and read and correct § 115 entries). */
  mayShare115: boolean;
}

export interface NoteInput {
  text: string;
  classification: string;
}

export interface CorrectionInput {
  text: string;
  reason: string;
}

/** Whether the reader may write notes and corrections. */
export function mayWriteLog(access: CrisisAccess): boolean {
  return access.activate || access.memberIds.length > 0;
}

function withLinks(entries: readonly LogEntry[]): ShownEntry[] {
  const seqOf = new Map(entries.map((e) => [e.id, e.seq]));
  const correctedBy = new Map<string, number[]>();
  for (const e of entries) {
    if (!e.correctsId) continue;
    const list = correctedBy.get(e.correctsId) ?? [];
    list.push(e.seq);
    correctedBy.set(e.correctsId, list);
  }
  return entries.map((e) => ({ ...e, correctedBy: correctedBy.get(e.id) ?? [], correctsSeq: e.correctsId ? (seqOf.get(e.correctsId) ?? null) : null }));
}

function validateText(field: string, label: string, value: string, max: number): FieldError | null {
  if (value.trim() === '') return { field, message: `Skriv ${label}.` };
  if (value.length > max) return { field, message: `${label[0]!.toUpperCase()}${label.slice(1)} må højst være ${max} tegn (er ${value.length}).` };
  return null;
}

export class LogService {
  constructor(private readonly services: AppServices) {}

  private get log() {
    return crisisLogFor(this.services);
  }

  access(principal: Pick<Principal, 'userId' | 'roles'>, planId: string): Promise<CrisisAccess> {
    return crisisAccessOf(this.services.database, principal, planId);
  }

  /** The incident's log as this reader may read it, with the check of the whole chain. @throws NotFoundError */
  async read(principal: Pick<Principal, 'userId' | 'roles'>, planId: string, incidentId: string): Promise<IncidentLog> {
    const [incident, access] = await Promise.all([loadIncident(this.services.database, planId, incidentId), this.access(principal, planId)]);
    const { entries, report } = await this.log.read(planId, incidentId);
    // Links are computed over what the reader may read only, so a withheld correction is not hinted at by a link.
    const visible = visibleEntries(access, entries);
    return {
      incident,
      access,
      entries: withLinks(visible.entries),
      withheld: visible.withheld,
      report,
      checkedAt: this.services.clock().toISOString(),
      mayWrite: mayWriteLog(access),
      mayShare115: access.authority,
    };
  }

  /** Adds a note to the log. @throws ValidationError, ForbiddenError, NotFoundError */
  async addNote(principal: Pick<Principal, 'userId' | 'roles'>, actor: Actor, planId: string, incidentId: string, input: NoteInput): Promise<LogEntry> {
    const access = await this.access(principal, planId);
    if (!mayWriteLog(access)) throw new ForbiddenError('Kun beredskabsgruppens medlemmer og de, der kan aktivere beredskabet, kan skrive i loggen.');
    const errors: FieldError[] = [];
    const textError = validateText('text', 'notatet', input.text, NOTE_MAX_LENGTH);
    if (textError) errors.push(textError);
    if (input.classification !== 'generel' && input.classification !== 'paragraf115') {
      errors.push({ field: 'classification', message: 'Vælg, om notatet er generelt eller delt efter retsplejelovens § 115.' });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    const classification = input.classification as LogClassification;
    if (classification === 'paragraf115' && !access.authority) throw new ForbiddenError(PARAGRAPH_115_REFUSED);
    const incident = await loadIncident(this.services.database, planId, incidentId);
    return this.services.database.db.transaction().execute(async (trx) => {
      const entry = await this.log.append(trx, planId, incidentId, actor, { kind: 'notat', text: input.text.trim(), classification });
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'crisis_log_entry',
        entityId: entry.id,
        planId,
        summary: `Notat i loggen for ${incidentLabel(incident)}, indførsel ${entry.seq}${classification === 'paragraf115' ? ' (delt efter § 115)' : ''}`,
      });
      return entry;
    });
  }

  /**
   * Corrects an entry with a new entry pointing to it, in the original's classification. An entry the reader may not
   * read is not found, so that correcting cannot be used to learn that a § 115 entry exists.
   * @throws ValidationError, ForbiddenError, NotFoundError
   */
  async correct(principal: Pick<Principal, 'userId' | 'roles'>, actor: Actor, planId: string, incidentId: string, entryId: string, input: CorrectionInput): Promise<LogEntry> {
    const access = await this.access(principal, planId);
    if (!mayWriteLog(access)) throw new ForbiddenError('Kun beredskabsgruppens medlemmer og de, der kan aktivere beredskabet, kan rette i loggen.');
    const original = await this.readableEntry(access, planId, incidentId, entryId);
    const errors = [validateText('text', 'den rettede tekst', input.text, NOTE_MAX_LENGTH), validateText('reason', 'begrundelsen', input.reason, REASON_MAX_LENGTH)].filter((e) => e !== null);
    if (errors.length > 0) throw new ValidationError(errors);
    const incident = await loadIncident(this.services.database, planId, incidentId);
    return this.services.database.db.transaction().execute(async (trx) => {
      const entry = await this.log.append(trx, planId, incidentId, actor, {
        kind: 'rettelse',
        text: input.text.trim(),
        classification: original.classification,
        data: { begrundelse: input.reason.trim(), retter: original.seq },
        correctsId: original.id,
      });
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'crisis_log_entry',
        entityId: entry.id,
        planId,
        summary: `Rettelse i loggen for ${incidentLabel(incident)}: indførsel ${entry.seq} retter indførsel ${original.seq}`,
      });
      return entry;
    });
  }

  /** One entry of the incident that the reader may read. @throws NotFoundError */
  async readableEntry(access: CrisisAccess, planId: string, incidentId: string, entryId: string): Promise<LogEntry> {
    const entries = await this.log.entries(planId, incidentId);
    const entry = visibleEntries(access, entries).entries.find((e) => e.id === entryId);
    if (!entry) throw new NotFoundError('Indførslen findes ikke i hændelsens log.');
    return entry;
  }

  /** Every incident's log in the plan checked, broken ones first, then by number (newest first). */
  async checkAll(planId: string): Promise<{ checkedAt: string; incidents: (IncidentHead & { report: ChainReport })[] }> {
    const [heads, reports] = await Promise.all([incidentHeads(this.services.database.db, planId), this.log.verifyAll(planId)]);
    const byId = new Map(reports.map((r) => [r.incidentId, r]));
    const incidents = heads
      .filter((h) => byId.has(h.id))
      .map((h) => ({ ...h, report: byId.get(h.id)! }))
      .sort((a, b) => Number(a.report.intact) - Number(b.report.intact) || b.number - a.number);
    return { checkedAt: this.services.clock().toISOString(), incidents };
  }
}

const instances = new WeakMap<object, LogService>();

/** One LogService per app. */
export function logServiceFor(services: AppServices): LogService {
  let service = instances.get(services);
  if (!service) {
    service = new LogService(services);
    instances.set(services, service);
  }
  return service;
}
