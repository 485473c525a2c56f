/**
 * The rules of an enrolment (a participant in an activity): its statuses, how a participant came, dates, and whether
 * the target-group check lets it through. Pure: the service gathers the plan's activities, the check and today.
 */
import type { FieldError } from '../errors/errors.js';
import type { TargetGroupCheck, TargetGroupFinding } from '../activities/target-group.js';
import { parseIsoDate } from '../time/copenhagen.js';

export const ENROLMENT_STATUSES = ['aktiv', 'venteliste', 'afsluttet', 'afbrudt'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  aktiv: 'Aktiv',
  venteliste: 'På venteliste',
  afsluttet: 'Afsluttet',
  afbrudt: 'Afbrudt',
};
/** The statuses an enrolment ends with. */
export const ENDED_STATUSES: readonly EnrolmentStatus[] = ['afsluttet', 'afbrudt'];

export const REFERRAL_KINDS = ['selv', 'aktivitet', 'partner', 'andet'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export const REFERRAL_LABELS: Record<ReferralKind, string> = {
  selv: 'Kom selv (eller med familien)',
  aktivitet: 'Henvist fra en anden aktivitet',
  partner: 'Henvist af en partner',
  andet: 'Andet',
};

export function isEnrolmentStatus(value: string): value is EnrolmentStatus {
  return (ENROLMENT_STATUSES as readonly string[]).includes(value);
}

export interface EnrolmentInput {
  activity: string;
  /** 'YYYY-MM-DD'. */
  startDate: string;
  /** 'YYYY-MM-DD' or empty. */
  endDate: string;
  status: string;
  referralKind: string;
  /** The activity referred from (referralKind 'aktivitet'). */
  referredFromActivity: string;
  /** Who referred (referralKind 'partner' or 'andet'). */
  referredBy: string;
  overrideReason: string;
}

/** Field names as the form and the API use them; the import maps them to its columns. */
export type EnrolmentField = 'activity' | 'startDate' | 'endDate' | 'status' | 'referralKind' | 'referredFromActivity' | 'referredBy' | 'overrideReason';

/**
 * Everything wrong with an enrolment's own fields (not the target group): a known activity, real dates, an end not
 * before the start, an ended status with an end date and an end date only with an ended status, and a referral that
 * says from where.
 *
 * @param activityNames slug → name of the plan's activities
 */
export function enrolmentProblems(input: EnrolmentInput, activityNames: ReadonlyMap<string, string>): (FieldError & { field: EnrolmentField })[] {
  const problems: (FieldError & { field: EnrolmentField })[] = [];
  if (!activityNames.has(input.activity)) problems.push({ field: 'activity', message: input.activity ? `Aktiviteten «${input.activity}» findes ikke i planen.` : 'Vælg en aktivitet.' });
  const start = parseIsoDate(input.startDate);
  if (!start) problems.push({ field: 'startDate', message: input.startDate ? `Startdatoen «${input.startDate}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD).` : 'Skriv startdatoen.' });
  const hasEnd = input.endDate !== '';
  if (hasEnd && !parseIsoDate(input.endDate)) problems.push({ field: 'endDate', message: `Slutdatoen «${input.endDate}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD).` });
  else if (hasEnd && start && input.endDate < input.startDate) problems.push({ field: 'endDate', message: `Slutdatoen (${input.endDate}) ligger før startdatoen (${input.startDate}).` });
  if (!isEnrolmentStatus(input.status)) {
    problems.push({ field: 'status', message: `Status skal være aktiv, venteliste, afsluttet eller afbrudt${input.status ? `, ikke «${input.status}»` : ''}.` });
  } else if ((ENDED_STATUSES as readonly string[]).includes(input.status) && !hasEnd) {
    problems.push({ field: 'endDate', message: `En tilmelding med status ${input.status} skal have en slutdato.` });
  } else if (!(ENDED_STATUSES as readonly string[]).includes(input.status) && hasEnd && !problems.some((p) => p.field === 'endDate')) {
    problems.push({ field: 'status', message: `En tilmelding med en slutdato skal have status afsluttet eller afbrudt, ikke ${input.status}.` });
  }
  if (!(REFERRAL_KINDS as readonly string[]).includes(input.referralKind)) {
    problems.push({ field: 'referralKind', message: 'Vælg, hvordan deltageren kom: selv, henvist fra en anden aktivitet, henvist af en partner eller andet.' });
  } else if (input.referralKind === 'aktivitet') {
    if (!activityNames.has(input.referredFromActivity)) {
      problems.push({ field: 'referredFromActivity', message: input.referredFromActivity ? `Aktiviteten «${input.referredFromActivity}», der henviste, findes ikke i planen.` : 'Vælg den aktivitet, deltageren blev henvist fra.' });
    } else if (input.referredFromActivity === input.activity) {
      problems.push({ field: 'referredFromActivity', message: 'En deltager kan ikke henvises fra den aktivitet, de tilmeldes.' });
    }
  } else if (input.referralKind === 'partner' && input.referredBy.trim() === '') {
    problems.push({ field: 'referredBy', message: 'Skriv, hvilken partner der henviste deltageren.' });
  }
  if (input.referredBy.length > 200) problems.push({ field: 'referredBy', message: 'Henvisningen må højst være 200 tegn.' });
  if (input.overrideReason.length > 1000) problems.push({ field: 'overrideReason', message: 'Begrundelsen må højst være 1.000 tegn.' });
  return problems;
}

export type TargetGroupDecision =
  | { kind: 'fits'; findings: TargetGroupFinding[] }
  | { kind: 'overridden'; findings: TargetGroupFinding[]; reason: string }
  | { kind: 'blocked'; findings: TargetGroupFinding[]; blocks: TargetGroupFinding[] };

/** Whether an enrolment may go ahead: a blocking finding needs a reason from the employee, which is then recorded. */
export function decideTargetGroup(check: TargetGroupCheck, overrideReason: string): TargetGroupDecision {
  const blocks = check.findings.filter((f) => f.severity === 'block');
  if (blocks.length === 0) return { kind: 'fits', findings: check.findings };
  const reason = overrideReason.trim();
  if (reason === '') return { kind: 'blocked', findings: check.findings, blocks };
  return { kind: 'overridden', findings: check.findings, reason };
}

/** The message a blocked enrolment is refused with, naming every blocking finding. */
export function blockedMessage(blocks: readonly TargetGroupFinding[]): string {
  return `Deltageren passer ikke til aktivitetens målgruppe: ${blocks.map((b) => b.message.replace(/\.$/, '')).join('; ')}. Skriv en begrundelse for at tilmelde alligevel.`;
}
