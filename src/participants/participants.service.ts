/**
 * Participants, households, consent and enrolments: registering a person under a pseudonymous code (a CPR number only
 * as a keyed hash, to find duplicates), linking a family, recording consent, enrolling in an activity after checking
 * its target group, and finding people again. Every read of a person is limited to the caller's scope and logged;
 * every change is audited in its transaction.
 */
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors/errors.js';
import type { PlanService } from '../plan/plan.service.js';
import type { Activity } from '../plan/content/types.js';
import { checkTargetGroup, type TargetGroupFinding } from '../activities/target-group.js';
import { danishDateOf } from '../time/copenhagen.js';
import { AddressInputError } from '../areas/address-resolver.js';
import { participantScope, scopeCoversActivity, type ParticipantScope } from './access.js';
import { grantedActivities } from './access.repository.js';
import { logPersonalDataRead } from './personal-data-log.js';
import { cprHashKey, hashCpr, newParticipantCode, parseCpr, parseParticipantCode } from './personal-id.js';
import { consentProblems, type ConsentInput } from './consent-rules.js';
import { blockedMessage, decideTargetGroup, ENDED_STATUSES, enrolmentProblems, type EnrolmentInput } from './enrolment-rules.js';
import { GENDERS, nicknameKey, parseBirthYearMonth, parseSearch, type ParticipantSearch, type SearchText } from './participant-rules.js';
import type { ConsentRow, EnrolmentRow, HouseholdRow, ParticipantRow } from './participants.table.js';
import * as repo from './participants.repository.js';
import { openSpreadsheet } from '../monitoring/import/open-spreadsheet.js';
import { SpreadsheetError, type ByteSource } from '../monitoring/import/spreadsheet.js';
import { createEnrolmentRowReader, type EnrolmentRowReader, type RowProblem } from './enrolment-rows.js';

/** What the registration form and the API send for a person. Empty text means «not given». */
export interface ParticipantInput {
  nickname: string;
  birthYearMonth: string;
  gender: string;
  /** Used to find the area; kept only when `keepAddress`. */
  address: string;
  keepAddress: boolean;
  /** An area chosen directly when no address is given. */
  area: string;
  institution: string;
  school: string;
  contactPerson: string;
  /** Only for matching: never stored, only its keyed hash. */
  cpr: string;
  /** Link to an existing household (H-…). */
  household: string;
}

/** A participant as pages and the API show them (no CPR hash). */
export interface Participant {
  id: string;
  code: string;
  nickname: string | null;
  birthYearMonth: string;
  gender: string | null;
  areaSlug: string | null;
  address: string | null;
  institution: string | null;
  school: string | null;
  contactPerson: string | null;
  cprMatched: boolean;
  householdId: string | null;
  /** The household's code (H-…), when linked. */
  householdCode: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface Enrolment {
  id: string;
  activity: string;
  startDate: string;
  endDate: string | null;
  status: string;
  referralKind: string;
  referredFromActivity: string | null;
  referredBy: string | null;
  findings: TargetGroupFinding[];
  override: { reason: string; by: string; at: string } | null;
  createdAt: string;
  createdBy: string;
}

export interface Consent {
  id: string;
  enrolmentId: string | null;
  givenBy: string;
  givenByName: string | null;
  givenOn: string;
  purpose: string;
  legalBasis: string;
  withdrawnOn: string | null;
  createdAt: string;
  createdBy: string;
}

export interface HouseholdMember {
  code: string;
  nickname: string | null;
  birthYearMonth: string | null;
  areaSlug: string | null;
}

export interface ParticipantDetail {
  participant: Participant;
  enrolments: Enrolment[];
  consents: Consent[];
  household: { code: string; members: HouseholdMember[] } | null;
  /** Whether the caller may enrol into at least one activity, and which. */
  enrolableActivities: string[];
}

export interface SearchResult {
  search: ParticipantSearch;
  errors: FieldError[];
  rows: (HouseholdMember & { gender: string | null; activities: string[] })[];
  /** The code to continue after, when there are more. */
  next: string | null;
  /** The activities the caller works in (to filter by, and to enrol into). */
  activities: string[];
}

/** A blocking target-group finding without an override reason: the enrolment is refused with every finding. */
export class TargetGroupBlockedError extends ValidationError {
  constructor(readonly findings: TargetGroupFinding[], message: string) {
    super([{ field: 'overrideReason', message }], message);
  }
}

/** At most this many problems are kept and shown; the count of all of them is kept too. */
export const IMPORT_PROBLEM_LIMIT = 1000;
/** An enrolment file larger than this is refused: enrolments come by the hundred, not the hundred thousand. */
export const IMPORT_ROW_LIMIT = 50_000;
/** `participant_imports.kind` of an enrolment import. */
export const ENROLMENT_IMPORT_KIND = 'deltagelse';

export interface EnrolmentImportOutcome {
  importId: string;
  status: 'imported' | 'rejected';
  imported: number;
  unchanged: number;
  /** Enrolments stored with a target-group override from the file's begrundelse column. */
  overridden: number;
  problemCount: number;
  problems: RowProblem[];
}

export interface EnrolResult {
  enrolment: Enrolment;
  findings: TargetGroupFinding[];
}

function toParticipant(r: ParticipantRow, householdCode: string | null): Participant {
  return {
    id: r.id, code: r.code, nickname: r.nickname, birthYearMonth: r.birth_year_month ?? '', gender: r.gender, areaSlug: r.area_slug, address: r.address,
    institution: r.institution, school: r.school, contactPerson: r.contact_person, cprMatched: r.cpr_hash !== null, householdId: r.household_id, householdCode,
    createdAt: r.created_at, createdBy: r.created_by_label, updatedAt: r.updated_at,
  };
}

export function toEnrolment(r: EnrolmentRow): Enrolment {
  return {
    id: r.id, activity: r.activity_slug, startDate: r.start_date, endDate: r.end_date, status: r.status, referralKind: r.referral_kind,
    referredFromActivity: r.referred_from_activity, referredBy: r.referred_by, findings: r.findings ? (JSON.parse(r.findings) as TargetGroupFinding[]) : [],
    override: r.override_reason ? { reason: r.override_reason, by: r.override_by_label ?? '', at: r.override_at ?? '' } : null,
    createdAt: r.created_at, createdBy: r.created_by_label,
  };
}

function toConsent(r: ConsentRow): Consent {
  return {
    id: r.id, enrolmentId: r.enrolment_id, givenBy: r.given_by, givenByName: r.given_by_name, givenOn: r.given_on, purpose: r.purpose, legalBasis: r.legal_basis,
    withdrawnOn: r.withdrawn_on, createdAt: r.created_at, createdBy: r.created_by_label,
  };
}

const member = (r: repo.ParticipantListRow): HouseholdMember => ({ code: r.code, nickname: r.nickname, birthYearMonth: r.birth_year_month, areaSlug: r.area_slug });

/** A code as typed in a URL or a form: upper case; a mistyped one is read with Crockford's forgiveness. */
export function normaliseCode(text: string): string {
  const parsed = parseParticipantCode(text);
  return typeof parsed === 'string' ? parsed : text.trim().toUpperCase();
}

/** The columns each input field sets, for a partial change. */
const INPUT_COLUMNS: Partial<Record<keyof ParticipantInput, (keyof ParticipantRow)[]>> = {
  nickname: ['nickname', 'nickname_key'],
  birthYearMonth: ['birth_year_month'],
  gender: ['gender'],
  address: ['area_slug', 'address'],
  area: ['area_slug', 'address'],
  institution: ['institution'],
  school: ['school'],
  contactPerson: ['contact_person'],
};

const TEXT_LIMITS: [keyof ParticipantInput, string, number][] = [
  ['nickname', 'Kaldenavnet', 60],
  ['institution', 'Institutionen', 200],
  ['school', 'Skolen', 200],
  ['contactPerson', 'Kontaktpersonen', 200],
];

export class ParticipantService {
  private readonly cprKey: Buffer;

  constructor(
    private readonly database: Db,
    private readonly plans: PlanService,
    secret: Buffer,
    private readonly clock: () => Date,
  ) {
    this.cprKey = cprHashKey(secret);
  }

  private today(): string {
    return danishDateOf(this.clock());
  }

  /** Who the principal may see, from the activities granted to them or their organisation. */
  async scope(principal: Principal, planId: string): Promise<ParticipantScope> {
    if (principal.roles.includes('administrator')) return { kind: 'all' };
    return participantScope(principal, await grantedActivities(this.database.db, planId, principal.userId, principal.organisationId));
  }

  /** The plan's activities in plan order, and the plan's areas. */
  async planFacts(planId: string): Promise<{ activities: Activity[]; areas: { slug: string; name: string }[]; activityNames: Map<string, string>; areaNames: Map<string, string> }> {
    const snapshot = await this.plans.snapshot(planId);
    const activities = snapshot.activities().map((a) => a.data);
    const areas = snapshot.areas().map((a) => ({ slug: a.data.slug, name: a.data.name }));
    return { activities, areas, activityNames: new Map(activities.map((a) => [a.slug, a.name])), areaNames: new Map(areas.map((a) => [a.slug, a.name])) };
  }

  /** The activities the principal may enrol into, in plan order. */
  async enrolableActivities(principal: Principal, planId: string, scope?: ParticipantScope): Promise<string[]> {
    const s = scope ?? (await this.scope(principal, planId));
    const { activities } = await this.planFacts(planId);
    return activities.map((a) => a.slug).filter((slug) => scopeCoversActivity(s, slug));
  }

  // Registering ----------------------------------------------------------------------------------------------------

  /** Reads and checks a person's fields; the area comes from the address through the plan's resolver. */
  private async readInput(planId: string, input: ParticipantInput, partial: boolean): Promise<{ changes: Partial<ParticipantRow>; cprHash: string | null; errors: FieldError[] }> {
    const errors: FieldError[] = [];
    const changes: Partial<ParticipantRow> = {};
    const snapshot = await this.plans.snapshot(planId);
    for (const [field, label, max] of TEXT_LIMITS) {
      if ((input[field] as string).length > max) errors.push({ field, message: `${label} må højst være ${max} tegn.` });
    }
    const text = (value: string) => (value.trim() === '' ? null : value.trim());
    changes.nickname = text(input.nickname);
    changes.nickname_key = changes.nickname ? nicknameKey(changes.nickname) : null;
    changes.institution = text(input.institution);
    changes.school = text(input.school);
    changes.contact_person = text(input.contactPerson);
    if (input.gender !== '' && !(GENDERS as readonly string[]).includes(input.gender)) errors.push({ field: 'gender', message: 'Vælg køn fra listen, eller lad feltet stå tomt.' });
    changes.gender = input.gender === '' ? null : input.gender;

    let cprHash: string | null = null;
    let cprBirth: string | null = null;
    if (input.cpr.trim() !== '') {
      const cpr = parseCpr(input.cpr);
      if ('error' in cpr) errors.push({ field: 'cpr', message: cpr.error });
      else {
        cprHash = hashCpr(cpr, this.cprKey);
        cprBirth = cpr.birthYearMonth;
      }
    }
    const thisMonth = this.today().slice(0, 7);
    if (input.birthYearMonth.trim() === '' && cprBirth) changes.birth_year_month = cprBirth;
    else if (input.birthYearMonth.trim() !== '' || !partial) {
      const birth = parseBirthYearMonth(input.birthYearMonth, thisMonth);
      if (typeof birth !== 'string') errors.push({ field: 'birthYearMonth', message: birth.error });
      else if (cprBirth && birth !== cprBirth) errors.push({ field: 'birthYearMonth', message: `Fødselsmåneden ${birth} passer ikke med CPR-nummeret (${cprBirth}).` });
      else changes.birth_year_month = birth;
    }

    const address = input.address.trim();
    if (address !== '') {
      try {
        const resolution = snapshot.resolver().resolve(address);
        if (resolution.area) {
          changes.area_slug = resolution.area.slug;
          changes.address = input.keepAddress ? address : null;
        } else {
          errors.push({ field: 'address', message: `${resolution.reason} Lad adressen stå tom og vælg «Uden for boligområderne», hvis deltageren bor et andet sted.` });
        }
      } catch (error) {
        if (!(error instanceof AddressInputError)) throw error;
        errors.push({ field: 'address', message: error.message });
      }
    } else if (partial && input.area === '' && !input.keepAddress) {
      // A change that leaves the address out and does not ask to keep one removes a kept address, not the area.
      changes.address = null;
    } else if (input.area !== '' || !partial) {
      if (input.area !== '' && input.area !== 'udenfor' && !snapshot.areas().some((a) => a.data.slug === input.area)) errors.push({ field: 'area', message: `Boligområdet «${input.area}» findes ikke i planen.` });
      changes.area_slug = input.area === '' || input.area === 'udenfor' ? null : input.area;
      changes.address = null;
    }
    if (input.keepAddress && address === '') errors.push({ field: 'address', message: 'Skriv adressen, når den skal gemmes.' });
    return { changes, cprHash, errors };
  }

  private async uniqueCode(table: 'participants' | 'households', planId: string): Promise<string> {
    for (;;) {
      const code = newParticipantCode();
      const candidate = table === 'participants' ? code : code.replace(/^P-/, 'H-');
      if (!(await repo.codeExists(this.database.db, table, planId, candidate))) return candidate;
    }
  }

  /**
   * Registers a person under a new code. With a CPR number already registered in the plan, nothing is created and
   * the conflict names the existing code. The registrant (and a partner's organisation) sees the person at once.
   */
  async register(planId: string, principal: Principal, actor: Actor, input: ParticipantInput): Promise<Participant> {
    const scope = await this.scope(principal, planId);
    if (scope.kind === 'none') throw new ForbiddenError('Du kan ikke registrere deltagere.');
    const { changes, cprHash, errors } = await this.readInput(planId, input, false);
    let household: HouseholdRow | undefined;
    if (input.household.trim() !== '') {
      household = await this.visibleHousehold(planId, principal, scope, input.household);
      if (!household) errors.push({ field: 'household', message: `Husstanden «${input.household.trim()}» findes ikke, eller du har ikke adgang til den.` });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    if (cprHash) await this.refuseCprMatch(planId, scope, cprHash, null);
    const now = nowIso(this.clock);
    const row: ParticipantRow = {
      id: newId(), plan_id: planId, code: await this.uniqueCode('participants', planId), household_id: household?.id ?? null,
      nickname: null, nickname_key: null, birth_year_month: null, gender: null, area_slug: null, address: null, institution: null, school: null, contact_person: null,
      ...changes,
      cpr_hash: cprHash,
      registered_by_organisation_id: principal.roles.includes('partner') ? principal.organisationId : null,
      created_at: now, created_by: principal.userId, created_by_label: actor.label, updated_at: now, anonymised_at: null,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertParticipant(trx, row);
      await recordAudit(trx, actor, {
        action: 'create', entityType: 'participant', entityId: row.id, planId,
        summary: `Registrerede deltager ${row.code}${cprHash ? ' (med CPR-match)' : ''}${household ? ` i husstand ${household.code}` : ''}`,
      });
    }).catch(async (error) => {
      // Two registrations of the same CPR number at once: the unique index catches the second.
      if (cprHash && /unique|UNIQUE/.test(String(error))) await this.refuseCprMatch(planId, scope, cprHash, null);
      throw error;
    });
    return toParticipant(row, household?.code ?? null);
  }

  private async refuseCprMatch(planId: string, scope: ParticipantScope, cprHash: string, exceptId: string | null): Promise<void> {
    const match = await repo.findCodeByCprHash(this.database.db, planId, cprHash);
    if (!match || match.id === exceptId) return;
    const visible = (await repo.findParticipantByCode(this.database.db, scope, planId, match.code)) !== undefined;
    const message = visible
      ? `CPR-nummeret passer med deltager ${match.code}, som allerede er registreret. Brug den eksisterende deltager i stedet for at oprette en ny.`
      : `CPR-nummeret passer med deltager ${match.code}, som allerede er registreret under en aktivitet, du ikke har adgang til. Bed sekretariatet om at tilmelde deltageren.`;
    throw new ConflictError(message, [{ field: 'cpr', message }]);
  }

  /**
   * Changes a person's fields: all of them (a form), or only those named in `present` (the API's PATCH). An empty
   * birth month or CPR number leaves it as it is; the household is linked with `linkHousehold`.
   */
  async update(planId: string, principal: Principal, actor: Actor, code: string, input: ParticipantInput, present?: ReadonlySet<keyof ParticipantInput>): Promise<Participant> {
    const scope = await this.scope(principal, planId);
    const current = await this.visibleParticipant(planId, scope, code);
    const read = await this.readInput(planId, input, true);
    const { cprHash, errors } = read;
    if (errors.length > 0) throw new ValidationError(errors);
    const changes: Partial<ParticipantRow> = {};
    for (const [field, columns] of Object.entries(INPUT_COLUMNS) as [keyof ParticipantInput, (keyof ParticipantRow)[]][]) {
      if (present && !present.has(field)) continue;
      for (const column of columns) if (column in read.changes) (changes as Record<string, unknown>)[column] = read.changes[column];
    }
    if (cprHash) await this.refuseCprMatch(planId, scope, cprHash, current.id);
    const next: Partial<ParticipantRow> = { ...changes, ...(cprHash ? { cpr_hash: cprHash } : {}), updated_at: nowIso(this.clock) };
    const changed = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== (current as unknown as Record<string, unknown>)[k] && k !== 'nickname_key');
    await this.database.db.transaction().execute(async (trx) => {
      await repo.updateParticipant(trx, current.id, next);
      await recordAudit(trx, actor, {
        action: 'update', entityType: 'participant', entityId: current.id, planId,
        summary: `Ændrede deltager ${current.code}: ${changed.length > 0 ? changed.join(', ') : 'ingen felter'}${cprHash ? ', CPR-match' : ''}`,
      });
    });
    const household = current.household_id ? await repo.findHouseholdById(this.database.db, planId, current.household_id) : undefined;
    return toParticipant({ ...current, ...next } as ParticipantRow, household?.code ?? null);
  }

  private async visibleParticipant(planId: string, scope: ParticipantScope, code: string): Promise<ParticipantRow> {
    const row = await repo.findParticipantByCode(this.database.db, scope, planId, normaliseCode(code));
    // The same answer whether the person does not exist or is outside the scope, so existence is not revealed.
    if (!row || !row.birth_year_month) throw new NotFoundError(`Deltageren ${code.trim().toUpperCase()} findes ikke, eller du har ikke adgang til deltageren.`);
    return row;
  }

  // Reading --------------------------------------------------------------------------------------------------------

  /** One person with their enrolments, consents and household, as the caller may see them; the read is logged. */
  async detail(planId: string, principal: Principal, actor: Actor, code: string, via: 'side' | 'api' = 'side'): Promise<ParticipantDetail> {
    const scope = await this.scope(principal, planId);
    const row = await this.visibleParticipant(planId, scope, code);
    const db = this.database.db;
    const enrolments = await repo.listEnrolments(db, scope, row.id);
    const consents = await repo.listConsents(db, row.id, scope.kind === 'all' ? 'all' : enrolments.map((e) => e.id));
    let household: ParticipantDetail['household'] = null;
    if (row.household_id) {
      const h = await repo.findHouseholdById(db, planId, row.household_id);
      if (h) household = { code: h.code, members: (await repo.householdMembers(db, scope, planId, h.id)).filter((m) => m.id !== row.id).map(member) };
    }
    await logPersonalDataRead(db, actor, planId, { what: 'deltager', participantId: row.id, count: 1, detail: `${row.code} (${via})` });
    return {
      participant: toParticipant(row, household?.code ?? null), enrolments: enrolments.map(toEnrolment), consents: consents.map(toConsent), household,
      enrolableActivities: await this.enrolableActivities(principal, planId, scope),
    };
  }

  /**
   * A page of the participants the caller may see, filtered as typed; the read is logged with the filters (never the
   * nickname typed, which may itself be personal data).
   */
  async search(planId: string, principal: Principal, actor: Actor, text: SearchText, options: { limit: number; via: 'side' | 'api' }): Promise<SearchResult> {
    const scope = await this.scope(principal, planId);
    const { areas, activities } = await this.planFacts(planId);
    const { search, errors } = parseSearch(text, { areas: new Set(areas.map((a) => a.slug)), activities: new Set(activities.map((a) => a.slug)) });
    if (search.activity && !scopeCoversActivity(scope, search.activity)) {
      errors.push({ field: 'aktivitet', message: 'Du kan kun søge blandt deltagerne i de aktiviteter, du arbejder med.' });
      delete search.activity;
    }
    const mine = activities.map((a) => a.slug).filter((slug) => scopeCoversActivity(scope, slug));
    if (errors.length > 0) return { search, errors, rows: [], next: null, activities: mine };
    const db = this.database.db;
    const found = await repo.searchParticipants(db, scope, planId, search, options.limit + 1);
    const page = found.slice(0, options.limit);
    const activitiesOf = await repo.currentActivities(db, scope, page.map((r) => r.id));
    const filtered = Boolean(search.codePrefix || search.nickname || search.birthYear || search.area || search.activity);
    const detail = [
      search.codePrefix ? `kode ${search.codePrefix}…` : '',
      search.nickname ? 'kaldenavn' : '',
      search.birthYear ? `født ${search.birthYear}` : '',
      search.area ? `område ${search.area}` : '',
      search.activity ? `aktivitet ${search.activity}` : '',
      search.after ? `efter ${search.after}` : '',
      options.via,
    ].filter(Boolean).join(', ');
    await logPersonalDataRead(db, actor, planId, { what: filtered ? 'søgning' : 'deltagerliste', count: page.length, participantId: page.length === 1 ? page[0]!.id : null, detail });
    return {
      search, errors,
      rows: page.map((r) => ({ ...member(r), gender: r.gender, activities: activitiesOf.get(r.id) ?? [] })),
      next: found.length > options.limit ? page[page.length - 1]!.code : null,
      activities: mine,
    };
  }

  // Households -----------------------------------------------------------------------------------------------------

  private async visibleHousehold(planId: string, principal: Principal, scope: ParticipantScope, code: string): Promise<HouseholdRow | undefined> {
    const h = await repo.findHouseholdByCode(this.database.db, planId, code.trim().toUpperCase());
    if (!h) return undefined;
    if (scope.kind === 'all' || h.created_by === principal.userId) return h;
    const members = await repo.householdMembers(this.database.db, scope, planId, h.id);
    return members.length > 0 ? h : undefined;
  }

  /** Creates an empty household (H-…) to link a family's members to. */
  async createHousehold(planId: string, principal: Principal, actor: Actor, areaSlug: string | null): Promise<HouseholdRow> {
    const scope = await this.scope(principal, planId);
    if (scope.kind === 'none') throw new ForbiddenError('Du kan ikke oprette husstande.');
    if (areaSlug) {
      const { areaNames } = await this.planFacts(planId);
      if (!areaNames.has(areaSlug)) throw new ValidationError([{ field: 'area', message: `Boligområdet «${areaSlug}» findes ikke i planen.` }]);
    }
    const row: HouseholdRow = {
      id: newId(), plan_id: planId, code: await this.uniqueCode('households', planId), area_slug: areaSlug, created_at: nowIso(this.clock),
      created_by: principal.userId, created_by_label: actor.label, anonymised_at: null,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertHousehold(trx, row);
      await recordAudit(trx, actor, { action: 'create', entityType: 'household', entityId: row.id, planId, summary: `Oprettede husstand ${row.code}` });
    });
    return row;
  }

  /** A household and the members the caller may see; 404 when the caller sees none of it. The read is logged. */
  async household(planId: string, principal: Principal, actor: Actor, code: string): Promise<{ household: HouseholdRow; members: HouseholdMember[] }> {
    const scope = await this.scope(principal, planId);
    const h = await this.visibleHousehold(planId, principal, scope, code);
    if (!h) throw new NotFoundError(`Husstanden ${code.trim().toUpperCase()} findes ikke, eller du har ikke adgang til den.`);
    const members = await repo.householdMembers(this.database.db, scope, planId, h.id);
    await logPersonalDataRead(this.database.db, actor, planId, { what: 'husstand', count: members.length, participantId: members.length === 1 ? members[0]!.id : null, detail: h.code });
    return { household: h, members: members.map(member) };
  }

  /** Households the caller made, newest first (to find one again before anyone is linked to it). */
  async myHouseholds(planId: string, principal: Principal): Promise<HouseholdRow[]> {
    return repo.householdsCreatedBy(this.database.db, planId, principal.userId, 20);
  }

  /** Links a participant to a household, or unlinks them (empty code). */
  async linkHousehold(planId: string, principal: Principal, actor: Actor, code: string, householdCode: string): Promise<void> {
    const scope = await this.scope(principal, planId);
    const p = await this.visibleParticipant(planId, scope, code);
    let h: HouseholdRow | undefined;
    if (householdCode.trim() !== '') {
      h = await this.visibleHousehold(planId, principal, scope, householdCode);
      if (!h) throw new ValidationError([{ field: 'household', message: `Husstanden «${householdCode.trim()}» findes ikke, eller du har ikke adgang til den.` }]);
    }
    await this.database.db.transaction().execute(async (trx) => {
      await repo.updateParticipant(trx, p.id, { household_id: h?.id ?? null, updated_at: nowIso(this.clock) });
      await recordAudit(trx, actor, { action: 'update', entityType: 'participant', entityId: p.id, planId, summary: h ? `Knyttede deltager ${p.code} til husstand ${h.code}` : `Fjernede deltager ${p.code} fra sin husstand` });
    });
  }

  // Consent --------------------------------------------------------------------------------------------------------

  /** Records a consent, for the participant or for one of their enrolments; a child under 13 needs a parent's. */
  async addConsent(planId: string, principal: Principal, actor: Actor, code: string, input: ConsentInput & { enrolmentId: string }): Promise<Consent> {
    const scope = await this.scope(principal, planId);
    const p = await this.visibleParticipant(planId, scope, code);
    const errors = consentProblems(input, p.birth_year_month!, this.today());
    if (input.enrolmentId !== '' && !(await repo.findEnrolment(this.database.db, scope, p.id, input.enrolmentId))) {
      errors.push({ field: 'enrolmentId', message: 'Tilmeldingen findes ikke for denne deltager.' });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    const row: ConsentRow = {
      id: newId(), plan_id: planId, participant_id: p.id, enrolment_id: input.enrolmentId || null, given_by: input.givenBy, given_by_name: input.givenByName.trim() || null,
      given_on: input.givenOn, purpose: input.purpose.trim(), legal_basis: input.legalBasis, withdrawn_on: input.withdrawnOn || null, created_at: nowIso(this.clock),
      created_by_label: actor.label,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertConsent(trx, row);
      await recordAudit(trx, actor, {
        action: 'create', entityType: 'consent', entityId: row.id, planId,
        summary: `Registrerede samtykke for deltager ${p.code} (givet af ${row.given_by} ${row.given_on}, ${row.legal_basis})`,
      });
    });
    return toConsent(row);
  }

  /** Records that a consent was withdrawn on a date. */
  async withdrawConsent(planId: string, principal: Principal, actor: Actor, code: string, consentId: string, withdrawnOn: string): Promise<Consent> {
    const scope = await this.scope(principal, planId);
    const p = await this.visibleParticipant(planId, scope, code);
    const consent = await repo.findConsent(this.database.db, p.id, consentId);
    if (!consent || (consent.enrolment_id && !(await repo.findEnrolment(this.database.db, scope, p.id, consent.enrolment_id)))) throw new NotFoundError('Samtykket findes ikke.');
    if (consent.withdrawn_on) throw new ConflictError(`Samtykket er allerede trukket tilbage den ${consent.withdrawn_on}.`);
    const errors = consentProblems({ ...toConsentInput(consent), withdrawnOn }, p.birth_year_month!, this.today()).filter((e) => e.field === 'withdrawnOn');
    if (withdrawnOn === '') errors.push({ field: 'withdrawnOn', message: 'Skriv datoen, samtykket blev trukket tilbage.' });
    if (errors.length > 0) throw new ValidationError(errors);
    await this.database.db.transaction().execute(async (trx) => {
      await repo.updateConsent(trx, consent.id, { withdrawn_on: withdrawnOn });
      await recordAudit(trx, actor, { action: 'update', entityType: 'consent', entityId: consent.id, planId, summary: `Samtykke for deltager ${p.code} trukket tilbage ${withdrawnOn}` });
    });
    return toConsent({ ...consent, withdrawn_on: withdrawnOn });
  }

  // Enrolments -----------------------------------------------------------------------------------------------------

  /**
   * Enrols a participant in an activity the caller works in. The activity's target group is checked on the start
   * date: a blocking finding refuses the enrolment (TargetGroupBlockedError) unless a reason is given, which is then
   * kept with the findings and audited; warnings are kept too.
   */
  async enrol(planId: string, principal: Principal, actor: Actor, code: string, input: EnrolmentInput): Promise<EnrolResult> {
    const scope = await this.scope(principal, planId);
    const p = await this.visibleParticipant(planId, scope, code);
    const facts = await this.planFacts(planId);
    const errors: FieldError[] = enrolmentProblems(input, facts.activityNames);
    if (facts.activityNames.has(input.activity) && !scopeCoversActivity(scope, input.activity)) {
      errors.push({ field: 'activity', message: `Du arbejder ikke med ${facts.activityNames.get(input.activity)} og kan ikke tilmelde deltagere til den.` });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    const existing = await repo.listEnrolments(this.database.db, { kind: 'all' }, p.id);
    const open = existing.find((e) => e.activity_slug === input.activity && (e.status === 'aktiv' || e.status === 'venteliste') && !(ENDED_STATUSES as readonly string[]).includes(input.status));
    if (open) {
      throw new ValidationError([{ field: 'activity', message: `Deltageren er allerede tilmeldt ${facts.activityNames.get(input.activity)} (${open.status} fra ${open.start_date}). Afslut den tilmelding først.` }]);
    }
    const activity = facts.activities.find((a) => a.slug === input.activity)!;
    const findings = this.check(activity, p, input.startDate, facts.areaNames);
    if ('error' in findings) throw new ValidationError([{ field: 'startDate', message: findings.error }]);
    const decision = decideTargetGroup({ fits: !findings.some((f) => f.severity === 'block'), findings }, input.overrideReason);
    if (decision.kind === 'blocked') throw new TargetGroupBlockedError(decision.findings, blockedMessage(decision.blocks));
    const now = nowIso(this.clock);
    const row = enrolmentRow(planId, p.id, input, decision, actor, principal.userId, now);
    await this.database.db.transaction().execute(async (trx) => {
      await repo.insertEnrolments(trx, [row]);
      await recordAudit(trx, actor, {
        action: 'create', entityType: 'enrolment', entityId: row.id, planId,
        summary: `Tilmeldte deltager ${p.code} til ${activity.name} fra ${row.start_date} (${row.status})${decision.kind === 'overridden' ? ` trods målgruppen: ${decision.reason}` : ''}`,
        ...(decision.kind === 'overridden' ? { after: { override_reason: decision.reason, findings: decision.findings } } : {}),
      });
    });
    return { enrolment: toEnrolment(row), findings };
  }

  /** The target-group findings for a participant and activity on a date, or why they cannot be worked out. */
  private check(activity: Activity, p: ParticipantRow, onDate: string, areaNames: ReadonlyMap<string, string>): TargetGroupFinding[] | { error: string } {
    try {
      return checkTargetGroup(activity.targetGroup, { birthYearMonth: p.birth_year_month!, areaSlug: p.area_slug, institution: p.institution, school: p.school }, onDate, areaNames).findings;
    } catch (error) {
      if (error instanceof RangeError) return { error: `Startdatoen ${onDate} ligger før deltagerens fødselsmåned (${p.birth_year_month}).` };
      throw error;
    }
  }

  /** Ends an enrolment on a date as afsluttet or afbrudt. */
  async endEnrolment(planId: string, principal: Principal, actor: Actor, code: string, enrolmentId: string, end: { endDate: string; status: string }): Promise<Enrolment> {
    const scope = await this.scope(principal, planId);
    const p = await this.visibleParticipant(planId, scope, code);
    const e = await repo.findEnrolment(this.database.db, scope, p.id, enrolmentId);
    if (!e) throw new NotFoundError('Tilmeldingen findes ikke.');
    if (!scopeCoversActivity(scope, e.activity_slug)) throw new ForbiddenError('Du arbejder ikke med aktiviteten og kan ikke afslutte tilmeldingen.');
    const errors: FieldError[] = [];
    if (!(ENDED_STATUSES as readonly string[]).includes(end.status)) errors.push({ field: 'status', message: 'Vælg, om tilmeldingen er afsluttet eller afbrudt.' });
    const facts = await this.planFacts(planId);
    const fields = enrolmentProblems(
      { activity: e.activity_slug, startDate: e.start_date, endDate: end.endDate, status: (ENDED_STATUSES as readonly string[]).includes(end.status) ? end.status : 'afsluttet', referralKind: 'selv', referredFromActivity: '', referredBy: '', overrideReason: '' },
      facts.activityNames,
    ).filter((f) => f.field === 'endDate');
    errors.push(...fields);
    if (end.endDate > this.today()) errors.push({ field: 'endDate', message: `Slutdatoen ${end.endDate} ligger i fremtiden.` });
    if (errors.length > 0) throw new ValidationError(errors);
    const changes = { end_date: end.endDate, status: end.status, updated_at: nowIso(this.clock) };
    await this.database.db.transaction().execute(async (trx) => {
      await repo.updateEnrolment(trx, e.id, changes);
      await recordAudit(trx, actor, {
        action: 'update', entityType: 'enrolment', entityId: e.id, planId,
        summary: `Tilmelding for deltager ${p.code} i ${facts.activityNames.get(e.activity_slug) ?? e.activity_slug} ${end.status} ${end.endDate}`,
        before: { status: e.status, end_date: e.end_date }, after: { status: end.status, end_date: end.endDate },
      });
    });
    return toEnrolment({ ...e, ...changes });
  }

  // Import ---------------------------------------------------------------------------------------------------------

  /**
   * Imports enrolments from a spreadsheet, all or nothing: every problem of the file is reported at once by row and
   * column (unknown or unseen participant, activity outside the caller's work, bad or missing dates, an end before
   * the start, a target-group block without a begrundelse, a repeated row), and nothing is stored while there is
   * one. An enrolment already stored (same participant, activity and start) is left unchanged, so a file imported
   * twice adds nothing.
   */
  async importEnrolments(planId: string, principal: Principal, actor: Actor, input: ByteSource, meta: { fileName: string; contentType?: string | undefined }): Promise<EnrolmentImportOutcome> {
    const scope = await this.scope(principal, planId);
    if (scope.kind === 'none') throw new ForbiddenError('Du kan ikke importere tilmeldinger.');
    const facts = await this.planFacts(planId);
    const problems: RowProblem[] = [];
    let problemCount = 0;
    const problem = (p: RowProblem) => {
      problemCount++;
      if (problems.length < IMPORT_PROBLEM_LIMIT) problems.push(p);
    };
    const rows: { row: number; code: string; input: EnrolmentInput }[] = [];
    let rowsRead = 0;
    const sheet = await openSpreadsheet(input, meta);
    if ('error' in sheet) problem({ row: 0, column: '', message: sheet.error });
    else {
      let reader: EnrolmentRowReader | null = null;
      try {
        outer: for await (const batch of sheet.rows) {
          for (const row of batch) {
            if (!reader) {
              reader = createEnrolmentRowReader(row, facts.activities);
              for (const p of reader.headerProblems) problem(p);
              if (!reader.readable) break outer;
              continue;
            }
            const result = reader.read(row);
            if (result.kind === 'blank') continue;
            if (++rowsRead > IMPORT_ROW_LIMIT) {
              problem({ row: row.row, column: '', message: `Filen har mere end ${IMPORT_ROW_LIMIT.toLocaleString('da-DK')} rækker. Del den op i mindre filer.` });
              break outer;
            }
            if (result.kind === 'ok') rows.push(result);
            else for (const p of result.problems) problem(p);
          }
        }
      } catch (error) {
        if (!(error instanceof SpreadsheetError)) throw error;
        problem({ row: rowsRead + 2, column: '', message: error.message });
      }
      if (!reader) problem({ row: 1, column: '', message: 'Filen er tom. Den første række skal være kolonneoverskrifterne fra skabelonen.' });
      // A reader that stopped early leaves the rest of the upload unread; read it so the client gets its answer.
      for await (const _ of sheet.rows) void _;
    }

    const codes = new Map<number, string>();
    for (const r of rows) {
      const parsed = parseParticipantCode(r.code);
      if (typeof parsed === 'string') codes.set(r.row, parsed);
      else problem({ row: r.row, column: 'deltagerkode', message: parsed.error });
    }
    const db = this.database.db;
    const participants = await repo.visibleParticipantsByCode(db, scope, planId, [...new Set(codes.values())]);
    const existing = await repo.existingEnrolments(db, planId, [...new Set([...participants.values()].map((p) => p.id))]);
    /** Open enrolments in the file, per participant and activity, with their row. */
    const openInFile = new Map<string, number>();
    const seen = new Map<string, number>();
    const now = nowIso(this.clock);
    const fresh: EnrolmentRow[] = [];
    const overrides: { code: string; row: EnrolmentRow }[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const code = codes.get(r.row);
      if (!code) continue;
      const p = participants.get(code);
      // The same words whether the code is unknown or belongs to someone outside the caller's work: existence is not revealed.
      if (!p || !p.birth_year_month) {
        problem({ row: r.row, column: 'deltagerkode', message: `Deltageren ${code} findes ikke blandt de deltagere, du har adgang til.` });
        continue;
      }
      if (!scopeCoversActivity(scope, r.input.activity)) {
        problem({ row: r.row, column: 'aktivitet', message: `Du arbejder ikke med ${facts.activityNames.get(r.input.activity)} og kan ikke tilmelde deltagere til den.` });
        continue;
      }
      const key = `${p.id}|${r.input.activity}|${r.input.startDate}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problem({ row: r.row, column: 'deltagerkode', message: `Samme deltager, aktivitet og startdato som række ${first}. Hver tilmelding må kun stå én gang i filen.` });
        continue;
      }
      seen.set(key, r.row);
      const activity = facts.activities.find((a) => a.slug === r.input.activity)!;
      const findings = this.check(activity, p, r.input.startDate, facts.areaNames);
      if ('error' in findings) {
        problem({ row: r.row, column: 'start', message: findings.error });
        continue;
      }
      const decision = decideTargetGroup({ fits: !findings.some((f) => f.severity === 'block'), findings }, r.input.overrideReason);
      if (decision.kind === 'blocked') {
        problem({ row: r.row, column: 'begrundelse', message: `${blockedMessage(decision.blocks).replace(/ Skriv en begrundelse.*$/, '')} Skriv i kolonnen begrundelse, hvorfor deltageren alligevel tilmeldes.` });
        continue;
      }
      if (existing.keys.has(key)) {
        unchanged++;
        continue;
      }
      if (r.input.status === 'aktiv' || r.input.status === 'venteliste') {
        const pair = `${p.id}|${r.input.activity}`;
        const openSince = existing.open.get(pair);
        const openRow = openInFile.get(pair);
        if (openSince !== undefined || openRow !== undefined) {
          const where = openSince !== undefined ? `fra ${openSince} i Helhed` : `i række ${openRow}`;
          problem({ row: r.row, column: 'aktivitet', message: `Deltageren er allerede tilmeldt ${activity.name} (${where}). Afslut den tilmelding først, eller giv rækken en slutdato.` });
          continue;
        }
        openInFile.set(pair, r.row);
      }
      const row = enrolmentRow(planId, p.id, r.input, decision, actor, principal.userId, now);
      fresh.push(row);
      if (decision.kind === 'overridden') overrides.push({ code, row });
    }
    problems.sort((a, b) => a.row - b.row);

    const importId = newId();
    const record = {
      id: importId, plan_id: planId, kind: ENROLMENT_IMPORT_KIND, file_name: meta.fileName.slice(0, 255), rows_read: rowsRead, rows_unchanged: 0, rows_imported: 0,
      problem_count: problemCount, problems: null as string | null, created_at: now, created_by: principal.userId, created_by_label: actor.label, finished_at: nowIso(this.clock),
    };
    if (problemCount > 0) {
      await repo.insertImport(db, { ...record, status: 'rejected', problems: JSON.stringify(problems) });
      return { importId, status: 'rejected', imported: 0, unchanged: 0, overridden: 0, problemCount, problems };
    }
    await db.transaction().execute(async (trx) => {
      await repo.insertEnrolments(trx, fresh);
      await repo.insertImport(trx, { ...record, status: 'imported', rows_imported: fresh.length, rows_unchanged: unchanged });
      for (const o of overrides) {
        await recordAudit(trx, actor, {
          action: 'create', entityType: 'enrolment', entityId: o.row.id, planId,
          summary: `Tilmeldte deltager ${o.code} til ${facts.activityNames.get(o.row.activity_slug)} fra ${o.row.start_date} trods målgruppen: ${o.row.override_reason}`,
          after: { override_reason: o.row.override_reason, findings: o.row.findings ? JSON.parse(o.row.findings) : [] },
        });
      }
      await recordAudit(trx, actor, {
        action: 'create', entityType: 'enrolment-import', entityId: importId, planId,
        summary: `Importerede ${meta.fileName}: ${fresh.length} nye tilmeldinger, ${unchanged} uændrede${overrides.length > 0 ? `, ${overrides.length} trods målgruppen` : ''}`,
      });
      await logPersonalDataRead(trx, actor, planId, { what: 'import', count: participants.size, detail: meta.fileName.slice(0, 255) });
    });
    return { importId, status: 'imported', imported: fresh.length, unchanged, overridden: overrides.length, problemCount: 0, problems: [] };
  }

  /** The caller's recent enrolment imports (an administrator sees everyone's). */
  async enrolmentImports(planId: string, principal: Principal, limit = 10) {
    return repo.listImports(this.database.db, planId, ENROLMENT_IMPORT_KIND, limit, principal.roles.includes('administrator') ? null : principal.userId);
  }

  /** One enrolment import with its problems; only the one who made it (or an administrator) sees it. */
  async enrolmentImport(planId: string, principal: Principal, id: string) {
    const row = await repo.findImport(this.database.db, planId, ENROLMENT_IMPORT_KIND, id);
    if (!row || (!principal.roles.includes('administrator') && row.created_by !== principal.userId)) throw new NotFoundError('Importen findes ikke.');
    return { ...row, problemList: row.problems ? (JSON.parse(row.problems) as RowProblem[]) : [] };
  }
}

function toConsentInput(c: ConsentRow): ConsentInput {
  return { givenBy: c.given_by, givenByName: c.given_by_name ?? '', givenOn: c.given_on, purpose: c.purpose, legalBasis: c.legal_basis, withdrawnOn: c.withdrawn_on ?? '' };
}

/** The row of a new enrolment, with its findings and any override. */
export function enrolmentRow(
  planId: string,
  participantId: string,
  input: EnrolmentInput,
  decision: ReturnType<typeof decideTargetGroup>,
  actor: Actor,
  userId: string | null,
  now: string,
): EnrolmentRow {
  return {
    id: newId(), plan_id: planId, participant_id: participantId, activity_slug: input.activity, course_id: null, start_date: input.startDate, end_date: input.endDate || null,
    status: input.status, referral_kind: input.referralKind, referred_from_activity: input.referralKind === 'aktivitet' ? input.referredFromActivity : null,
    referred_by: input.referralKind === 'partner' || input.referralKind === 'andet' ? input.referredBy.trim() || null : null,
    findings: decision.findings.length > 0 ? JSON.stringify(decision.findings) : null,
    override_reason: decision.kind === 'overridden' ? decision.reason : null,
    override_by_label: decision.kind === 'overridden' ? actor.label : null,
    override_at: decision.kind === 'overridden' ? now : null,
    created_at: now, created_by: userId, created_by_label: actor.label, updated_at: now,
  };
}

const services = new WeakMap<object, ParticipantService>();

/** The one participant service of an app (route modules share it without a change to the app's wiring). */
export function participantServiceOf(app: { database: Db; plan: PlanService; config: { secret: Buffer }; clock: () => Date }): ParticipantService {
  let service = services.get(app);
  if (!service) {
    service = new ParticipantService(app.database, app.plan, app.config.secret, app.clock);
    services.set(app, service);
  }
  return service;
}
