/**
 * Privacy in practice (issue 5, part 8; PRODUCT.md "Personal data"): who works in which activity (and so sees its
 * participants), the log of every read of personal data, an administrator's export and erasure of one person, and
 * the retention job that erases people a configured time after their last enrolment ended. Rules only; SQL lives in
 * privacy.repository.ts.
 *
 * ## What erasure deletes and what it keeps, and why
 * The steering group's outputs count distinct participants per activity and area, households, enrolments started,
 * courses and attendance (src/activities/target-counting.ts). Those counts may survive an erasure only if what is
 * left cannot identify the person. So, per table:
 * - participants: the row is deleted (code, nickname, birth month, gender, address, institution, school, contact
 *   person, CPR hash, household link). If the person had enrolments or attendance, one new anonymous placeholder per
 *   erasure takes them over: a fresh random code, the area (one of the plan's boligområder, each with hundreds of
 *   residents) and nothing else, marked anonymised. Nothing links the placeholder to the erased id or code: the
 *   audit entry of the erasure names the old code, never the new one.
 * - enrolments: kept for counting, moved to the placeholder, stripped of free text that may describe the person
 *   (target-group findings with age and school, override reason and who overrode, who referred). Dates, status,
 *   activity, course and the referral's kind and source activity stay: they are the counts and journeys.
 * - attendance: kept, moved to the placeholder (sessions' attendance counts stay right).
 * - consents: deleted (they name who consented, and a consent to nothing has no purpose).
 * - outcome measurements: deleted (school absence, language level and employment of a person are the most sensitive
 *   data Helhed holds, and a cohort figure cannot be rebuilt without the person's dates anyway).
 * - households: the link is dropped; a household left with no members is deleted. A family still counted in an
 *   activity through another member counts one more household for the years the erased person shared it: the price
 *   of not keeping a link to a known family.
 * - the read log and the audit log: kept. Both are the record of what staff did (accountability), the audit log
 *   cannot be changed at all (a trigger refuses it), and both refer to the erased id, which no longer exists.
 * Erasing a code again changes nothing and answers that it was erased (idempotent).
 */
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import type { PlanService } from '../plan/plan.service.js';
import type { Activity } from '../plan/content/types.js';
import { logPersonalDataRead } from '../participants/personal-data-log.js';
import { newParticipantCode, parseParticipantCode } from '../participants/personal-id.js';
import type { ParticipantRow } from '../participants/participants.table.js';
import { normaliseName } from '../activities/target-group.js';
import { danishDateOf, localToInstant, parseIsoDate, startOfDanishDay } from '../time/copenhagen.js';
import {
  countDueForRetention,
  countFallingDue,
  countReads,
  deleteGrant,
  dueForRetention,
  eraseParticipant,
  erasureOnRecord,
  findGrant,
  findOrganisation,
  findParticipantByCode,
  findSameGrant,
  insertGrant,
  lastRetentionRuns,
  listGrants,
  listOrganisations,
  listPlanIds,
  listPlanUsers,
  listReads,
  readPersonData,
  readsOfParticipant,
  type ErasureCounts,
  type GrantRow,
  type PersonData,
  type ReadLogRow,
} from './privacy.repository.js';
import { monthsAfter, retentionCutoff } from './retention.js';

/** What kinds of read the log holds, in Danish (the `what` of personal_data_reads). */
export const READ_KIND_LABELS: Record<string, string> = {
  deltagerliste: 'Deltagerliste',
  søgning: 'Søgning',
  deltager: 'Deltager',
  husstand: 'Husstand',
  fremmøde: 'Fremmøde',
  udfald: 'Udfald',
  eksport: 'Eksport',
  import: 'Import',
};

export interface ActivityRef {
  slug: string;
  name: string;
  roles: { organisation: string; role: string }[];
}

export interface AccessOverview {
  activities: ActivityRef[];
  organisations: { id: string; name: string; grants: GrantRow[]; planHints: string[] }[];
  secretariat: { id: string; name: string; email: string; grants: GrantRow[] }[];
}

export interface ReadLogFilter {
  /** A participant code as typed. */
  participant?: string | undefined;
  userId?: string | undefined;
  what?: string | undefined;
  /** Danish calendar dates, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The read log counts matching entries up to this; beyond it pages say «mere end 10.000». */
export const READ_COUNT_CAP = 10_000;

export interface ReadLogPage {
  entries: ReadLogRow[];
  /** Up to READ_COUNT_CAP. */
  total: number;
  /** Whether more than `total` match. */
  capped: boolean;
  kinds: string[];
  users: { id: string; name: string; email: string }[];
  errors: FieldError[];
}

export interface PersonExport extends PersonData {
  exportedAt: string;
  planId: string;
  activityNames: Record<string, string>;
}

export type ErasureResult =
  | { status: 'erased'; code: string; erasedAt: string; counts: ErasureCounts }
  | { status: 'already-erased'; code: string; erasedAt: string };

export interface RetentionRun {
  planId: string;
  today: string;
  months: number;
  cutoff: string;
  erased: number;
  enrolmentsKept: number;
  attendanceKept: number;
  consentsDeleted: number;
  outcomesDeleted: number;
  householdsDeleted: number;
}

export interface RetentionStatus {
  months: number;
  today: string;
  cutoff: string;
  /** When `dueNow` and `dueSoon` were counted (kept for five minutes, or until retention runs). */
  countedAt: string;
  dueNow: number;
  /** Falling due in the next 30 days, and the first day one does. */
  dueSoon: { count: number; firstOn: string | null };
  nextRunAt: string | null;
  runs: { at: string; actor: string; summary: string; run: RetentionRun | null }[];
}

/** Participants erased per transaction batch by the retention job; small enough to keep a transaction short. */
const RETENTION_BATCH = 200;

/** Plan activities' organisation names that match an organisation's name (either contains the other). */
function namesMatch(organisation: string, role: string): boolean {
  const a = normaliseName(organisation);
  const b = normaliseName(role.replace(/\(.*?\)/g, ''));
  return a.length > 2 && b.length > 2 && (a.includes(b) || b.includes(a));
}

/** How long the retention page's counts are kept: counting who is due reads every participant and enrolment. */
const STATUS_TTL_MS = 5 * 60_000;

export class PrivacyService {
  /** When the server's scheduler will run retention next (shown on the page); null in the CLI and tests. */
  nextRetentionRunAt: Date | null = null;
  private readonly dueCounts = new Map<string, { key: string; at: number; dueNow: number; dueSoon: { count: number; first: string | null } }>();

  constructor(
    private readonly database: Db,
    private readonly plan: PlanService,
    private readonly config: Config,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private async activities(planId: string): Promise<ActivityRef[]> {
    const snapshot = await this.plan.snapshot(planId);
    return snapshot.activities().map((a) => ({ slug: (a.data as Activity).slug, name: (a.data as Activity).name, roles: (a.data as Activity).roles }));
  }

  // ---- activity access

  /** Every partner organisation and secretariat employee with the activities they work in, and the plan's hints. */
  async accessOverview(planId: string): Promise<AccessOverview> {
    const db = this.database.db;
    const [activities, grants, organisations, users] = await Promise.all([this.activities(planId), listGrants(db, planId), listOrganisations(db, planId), listPlanUsers(db, planId)]);
    return {
      activities,
      organisations: organisations.map((o) => ({
        ...o,
        grants: grants.filter((g) => g.organisation_id === o.id),
        planHints: activities.filter((a) => a.roles.some((r) => namesMatch(o.name, r.organisation))).map((a) => a.slug),
      })),
      secretariat: users
        .filter((u) => u.roles.includes('sekretariat'))
        .map((u) => ({ id: u.id, name: u.name, email: u.email, grants: grants.filter((g) => g.user_id === u.id) })),
    };
  }

  /**
   * Lets an organisation (partner) or a secretariat employee work in an activity, and so see its participants.
   * Granting what is already granted changes nothing. `who` is `organisation:<id>` or `user:<id>`.
   * @throws ValidationError naming the field (aktivitet, hvem)
   */
  async grant(actor: Actor, planId: string, input: { activity: string; who: string }): Promise<{ grant: GrantRow; created: boolean }> {
    const errors: FieldError[] = [];
    const activities = await this.activities(planId);
    const activity = activities.find((a) => a.slug === input.activity);
    if (!activity) errors.push({ field: 'aktivitet', message: input.activity ? `Aktiviteten «${input.activity}» findes ikke i planen.` : 'Vælg en aktivitet.' });
    const [kind, id] = input.who.split(':');
    let target: { organisationId: string | null; userId: string | null; label: string } | null = null;
    if (kind === 'organisation' && id) {
      const organisation = await findOrganisation(this.database.db, planId, id);
      if (organisation) target = { organisationId: organisation.id, userId: null, label: organisation.name };
    } else if (kind === 'user' && id) {
      const user = (await listPlanUsers(this.database.db, planId)).find((u) => u.id === id && u.roles.includes('sekretariat'));
      if (user) target = { organisationId: null, userId: user.id, label: `${user.name} (${user.email})` };
    }
    if (!target) {
      errors.push({
        field: 'hvem',
        message: input.who ? 'Vælg en partnerorganisation eller en medarbejder i sekretariatet i denne plan.' : 'Vælg, hvem der skal have adgang.',
      });
    }
    if (errors.length > 0 || !activity || !target) throw new ValidationError(errors);
    return this.database.db.transaction().execute(async (trx) => {
      const existing = await findSameGrant(trx, planId, activity.slug, target);
      if (existing) return { grant: { ...existing, organisation_name: null, user_name: null, user_email: null }, created: false };
      const row = { id: newId(), plan_id: planId, activity_slug: activity.slug, organisation_id: target.organisationId, user_id: target.userId, created_at: nowIso(this.clock) };
      await insertGrant(trx, row);
      await recordAudit(trx, actor, {
        action: 'create',
        entityType: 'activity_access',
        entityId: row.id,
        planId,
        summary: `${target.label} fik adgang til ${activity.name}`,
        after: { activity: activity.slug, organisationId: target.organisationId, userId: target.userId },
      });
      return { grant: { ...row, organisation_name: null, user_name: null, user_email: null }, created: true };
    });
  }

  /** Takes an activity from an organisation or employee again. @throws NotFoundError */
  async revoke(actor: Actor, planId: string, grantId: string): Promise<void> {
    const activities = await this.activities(planId);
    await this.database.db.transaction().execute(async (trx) => {
      const grant = await findGrant(trx, planId, grantId);
      if (!grant) throw new NotFoundError('Adgangen findes ikke (måske er den allerede fjernet).');
      const who = grant.organisation_id
        ? ((await findOrganisation(trx, planId, grant.organisation_id))?.name ?? 'En organisation')
        : ((await listPlanUsers(trx, planId)).find((u) => u.id === grant.user_id)?.email ?? 'En bruger');
      await deleteGrant(trx, grant.id);
      await recordAudit(trx, actor, {
        action: 'delete',
        entityType: 'activity_access',
        entityId: grant.id,
        planId,
        summary: `${who} mistede adgangen til ${activities.find((a) => a.slug === grant.activity_slug)?.name ?? grant.activity_slug}`,
        before: { activity: grant.activity_slug, organisationId: grant.organisation_id, userId: grant.user_id },
      });
    });
  }

  /** The grants of a plan, for the API. */
  listGrants(planId: string): Promise<GrantRow[]> {
    return listGrants(this.database.db, planId);
  }

  // ---- the read log

  /** A page of the read log, newest first, filtered; bad filter values come back as field errors (fields as given). */
  async readLog(planId: string, filter: ReadLogFilter, limit: number, offset: number, fieldNames = { participant: 'deltager', from: 'fra', to: 'til' }): Promise<ReadLogPage> {
    const db = this.database.db;
    const errors: FieldError[] = [];
    let participantId: string | undefined;
    let noMatch = false;
    if (filter.participant?.trim()) {
      const code = parseParticipantCode(filter.participant);
      if (typeof code !== 'string') errors.push({ field: fieldNames.participant, message: code.error });
      else {
        const participant = await findParticipantByCode(db, planId, code);
        if (participant) participantId = participant.id;
        else noMatch = true;
      }
    }
    const from = filter.from ? startOfDanishDay(filter.from) : null;
    if (filter.from && !from) errors.push({ field: fieldNames.from, message: 'Fra-datoen skal være en gyldig dato som ÅÅÅÅ-MM-DD.' });
    let to: Date | null = null;
    if (filter.to) {
      const parsed = parseIsoDate(filter.to);
      if (!parsed) errors.push({ field: fieldNames.to, message: 'Til-datoen skal være en gyldig dato som ÅÅÅÅ-MM-DD.' });
      else to = localToInstant(parsed.year, parsed.month, parsed.day + 1);
    }
    if (from && to && from >= to) errors.push({ field: fieldNames.to, message: 'Til-datoen skal ligge efter fra-datoen.' });
    const kinds = Object.keys(READ_KIND_LABELS);
    const users = await listPlanUsers(db, planId);
    if (errors.length > 0 || noMatch) return { entries: [], total: 0, capped: false, kinds, users, errors };
    const query = { planId, participantId, actorUserId: filter.userId || undefined, what: filter.what || undefined, from: from?.toISOString(), to: to?.toISOString(), limit, offset };
    const [entries, counted] = await Promise.all([listReads(db, query), countReads(db, query, READ_COUNT_CAP + 1)]);
    const capped = counted > READ_COUNT_CAP;
    return { entries: entries.map((e) => ({ ...e, participant_count: Number(e.participant_count) })), total: Math.min(counted, READ_COUNT_CAP), capped, kinds, users, errors };
  }

  /** The latest reads of one person, for their page. */
  readsOfParticipant(participantId: string, limit = 50) {
    return readsOfParticipant(this.database.db, participantId, limit);
  }

  // ---- export and erasure

  private async participantOf(planId: string, codeText: string): Promise<{ code: string; participant: ParticipantRow | undefined }> {
    const code = parseParticipantCode(codeText);
    if (typeof code !== 'string') throw new ValidationError([{ field: 'kode', message: code.error }], code.error);
    const participant = await findParticipantByCode(this.database.db, planId, code);
    return { code, participant };
  }

  /**
   * Everything Helhed holds about one person. Recorded as an export in the audit log and as a read in the read log,
   * in the same transaction as the reading.
   * @throws ValidationError for a malformed code; NotFoundError when nobody has it (saying so if they were erased)
   */
  async exportPerson(actor: Actor, planId: string, codeText: string, form: 'json' | 'html'): Promise<PersonExport> {
    const { code, participant } = await this.participantOf(planId, codeText);
    if (!participant || participant.anonymised_at) {
      const erased = await erasureOnRecord(this.database.db, planId, code);
      throw new NotFoundError(erased ? `Persondata om ${code} er slettet; der er intet at eksportere.` : `Der er ingen deltager med koden ${code} i planen.`);
    }
    const activityNames = Object.fromEntries((await this.activities(planId)).map((a) => [a.slug, a.name]));
    return this.database.db.transaction().execute(async (trx) => {
      const data = await readPersonData(trx, participant);
      const exportedAt = nowIso(this.clock);
      await recordAudit(trx, actor, {
        action: 'export',
        entityType: 'participant',
        entityId: participant.id,
        planId,
        summary: `Persondata om ${code} eksporteret (${form === 'json' ? 'JSON' : 'læsbar side'})`,
      });
      await logPersonalDataRead(trx, actor, planId, { what: 'eksport', participantId: participant.id, count: 1, detail: form === 'json' ? 'Alle data om personen som JSON' : 'Alle data om personen som side' });
      return { ...data, exportedAt, planId, activityNames };
    });
  }

  /** Whether a code has been erased, for the erasure page's second visit. */
  async erasureOf(planId: string, codeText: string): Promise<{ code: string; erasedAt: string | null; exists: boolean }> {
    const { code, participant } = await this.participantOf(planId, codeText);
    if (participant && !participant.anonymised_at) return { code, erasedAt: null, exists: true };
    const erased = await erasureOnRecord(this.database.db, planId, code);
    if (!erased) throw new NotFoundError(`Der er ingen deltager med koden ${code} i planen.`);
    return { code, erasedAt: erased.at, exists: false };
  }

  /**
   * Erases one person's personal data (see the file's comment for what is deleted and what kept), in one transaction
   * with its audit entry. A code already erased answers `already-erased` and changes nothing.
   * @throws ValidationError without a reason or confirmation; NotFoundError for an unknown code
   */
  async erasePerson(actor: Actor, planId: string, codeText: string, input: { reason: string; confirmed: boolean }): Promise<ErasureResult> {
    const { code, participant } = await this.participantOf(planId, codeText);
    if (!participant || participant.anonymised_at) {
      const erased = await erasureOnRecord(this.database.db, planId, code);
      if (erased) return { status: 'already-erased', code, erasedAt: erased.at };
      throw new NotFoundError(`Der er ingen deltager med koden ${code} i planen.`);
    }
    const errors: FieldError[] = [];
    const reason = input.reason.trim();
    if (reason.length < 5) errors.push({ field: 'begrundelse', message: 'Skriv begrundelsen for sletningen (mindst 5 tegn), fx «Anmodning fra forælder 12.3.2026».' });
    if (reason.length > 500) errors.push({ field: 'begrundelse', message: 'Begrundelsen må højst være 500 tegn.' });
    if (!input.confirmed) errors.push({ field: 'bekraeft', message: 'Bekræft, at personens data skal slettes. Det kan ikke fortrydes.' });
    if (errors.length > 0) throw new ValidationError(errors);
    const erasedAt = nowIso(this.clock);
    try {
      const counts = await this.database.db.transaction().execute(async (trx) => {
        const counts = await eraseParticipant(trx, participant, this.placeholder(participant, erasedAt));
        await recordAudit(trx, actor, {
          action: 'erase',
          entityType: 'participant',
          entityId: participant.id,
          planId,
          summary: `Persondata om ${code} slettet. Begrundelse: ${reason}`,
          after: counts,
        });
        return counts;
      });
      return { status: 'erased', code, erasedAt, counts };
    } catch (error) {
      // Two administrators erasing the same person at once: the second finds the row gone.
      if (await erasureOnRecord(this.database.db, planId, code)) return { status: 'already-erased', code, erasedAt };
      throw error;
    }
  }

  /** The anonymous participant that takes over an erased person's enrolments and attendance. */
  private placeholder(participant: ParticipantRow, at: string): ParticipantRow {
    return {
      id: newId(),
      plan_id: participant.plan_id,
      code: newParticipantCode(),
      household_id: null,
      nickname: null,
      birth_year_month: null,
      gender: null,
      area_slug: participant.area_slug,
      address: null,
      institution: null,
      school: null,
      contact_person: null,
      cpr_hash: null,
      registered_by_organisation_id: null,
      created_at: at,
      created_by: null,
      created_by_label: 'anonymiseret',
      updated_at: at,
      anonymised_at: at,
    };
  }

  // ---- retention

  /** Today as a Danish calendar date, by the app's clock. */
  private today(): string {
    return danishDateOf(this.clock());
  }

  /**
   * Erases everyone due in every plan (or one plan), by the same code as an administrator's erasure, and records each
   * plan's run in the audit log with its counts (also when nobody was due): one entry per batch of erasures, in the
   * batch's transaction, each with the run's totals so far.
   */
  async runRetention(actor: Actor, onlyPlanId?: string): Promise<RetentionRun[]> {
    const months = this.config.privacy.retentionMonths;
    const today = this.today();
    const cutoff = retentionCutoff(today, months);
    const cutoffInstant = startOfDanishDay(cutoff)!.toISOString();
    const planIds = onlyPlanId ? [onlyPlanId] : (await listPlanIds(this.database.db)).map((p) => p.id);
    const runs: RetentionRun[] = [];
    for (const planId of planIds) this.dueCounts.delete(planId);
    for (const planId of planIds) {
      const run: RetentionRun = { planId, today, months, cutoff, erased: 0, enrolmentsKept: 0, attendanceKept: 0, consentsDeleted: 0, outcomesDeleted: 0, householdsDeleted: 0 };
      // One transaction per batch, each with its own audit entry holding the run's totals so far: the erasures and
      // their record are committed together, and on SQLite other requests get the database between batches.
      for (let part = 1; ; part++) {
        const finished = await this.database.db.transaction().execute(async (trx) => {
          const at = nowIso(this.clock);
          const due = await dueForRetention(trx, planId, cutoff, cutoffInstant, RETENTION_BATCH);
          // A run whose last batch was exactly full finds nothing more; that batch's entry already holds the totals.
          if (due.length === 0 && part > 1) return true;
          for (const participant of due) {
            const counts = await eraseParticipant(trx, participant, this.placeholder(participant, at));
            run.erased++;
            run.enrolmentsKept += counts.enrolmentsKept;
            run.attendanceKept += counts.attendanceKept;
            run.consentsDeleted += counts.consentsDeleted;
            run.outcomesDeleted += counts.outcomesDeleted;
            if (counts.householdDeleted) run.householdsDeleted++;
          }
          const people = `${run.erased} ${run.erased === 1 ? 'deltager' : 'deltagere'}`;
          await recordAudit(trx, actor, {
            action: 'erase',
            entityType: 'retention',
            planId,
            summary:
              run.erased === 0
                ? `Opbevaringsjobbet kørte: ingen deltagere var forfaldne (frist ${cutoff}, ${months} måneder)`
                : `Opbevaringsjobbet slettede persondata om ${people}${part > 1 ? ` i alt (del ${part})` : ''} (frist ${cutoff}, ${months} måneder)`,
            after: run,
          });
          return due.length < RETENTION_BATCH;
        });
        if (finished) break;
      }
      runs.push(run);
    }
    return runs;
  }

  /** When retention last ran and what it did, who is due now and who falls due within 30 days. */
  async retentionStatus(planId: string): Promise<RetentionStatus> {
    const db = this.database.db;
    const months = this.config.privacy.retentionMonths;
    const today = this.today();
    const cutoff = retentionCutoff(today, months);
    const cutoffInstant = startOfDanishDay(cutoff)!.toISOString();
    const key = `${cutoff}|${months}`;
    let counted = this.dueCounts.get(planId);
    if (!counted || counted.key !== key || Date.now() - counted.at > STATUS_TTL_MS) {
      const [dueNow, dueSoon] = await Promise.all([
        countDueForRetention(db, planId, cutoff, cutoffInstant),
        countFallingDue(db, planId, cutoff, retentionCutoff(monthsAfter(today, 1), months)),
      ]);
      counted = { key, at: Date.now(), dueNow, dueSoon };
      this.dueCounts.set(planId, counted);
    }
    const runs = await lastRetentionRuns(db, 50);
    return {
      months,
      today,
      cutoff,
      countedAt: new Date(counted.at).toISOString(),
      dueNow: counted.dueNow,
      dueSoon: { count: counted.dueSoon.count, firstOn: counted.dueSoon.first ? monthsAfter(counted.dueSoon.first, months) : null },
      nextRunAt: this.nextRetentionRunAt?.toISOString() ?? null,
      runs: runs
        .filter((r) => r.plan_id === planId)
        .slice(0, 10)
        .map((r) => ({ at: r.at, actor: r.actor_label, summary: r.summary, run: r.after_json ? (JSON.parse(r.after_json) as RetentionRun) : null })),
    };
  }
}

/**
 * Runs retention shortly after start and then once a day in the server process. The timers are unref'd so they never
 * keep the process alive; a failed run is logged and tried again the next day.
 */
export function scheduleRetention(service: PrivacyService, actor: Actor, log: { info(msg: string): void; error(err: unknown): void }, firstAfterMs = 60_000): () => void {
  const day = 24 * 60 * 60_000;
  let interval: NodeJS.Timeout | null = null;
  const run = async () => {
    service.nextRetentionRunAt = new Date(Date.now() + day);
    try {
      const runs = await service.runRetention(actor);
      const erased = runs.reduce((sum, r) => sum + r.erased, 0);
      log.info(`Opbevaringsjobbet kørte: persondata om ${erased} ${erased === 1 ? 'deltager' : 'deltagere'} slettet.`);
    } catch (error) {
      log.error(error);
    }
  };
  service.nextRetentionRunAt = new Date(Date.now() + firstAfterMs);
  const first = setTimeout(() => {
    void run();
    interval = setInterval(() => void run(), day);
    interval.unref();
  }, firstAfterMs);
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}

