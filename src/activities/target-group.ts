/**
 * Does a participant fit an activity's target group (issue 5)? A pure rule: the enrolment service gathers the facts
 * (birth year and month, the area resolved from the address, institution, school) and shows the findings; recording
 * an override is the service's job, with the shape below.
 *
 * The system checks what it holds data for: age, area, institution and school. The plan's free-text criteria
 * ("opmærksomhedskrævende skolefravær", "mor er på kontanthjælp") are for the employee to confirm, so they are listed,
 * never judged.
 */
import type { TargetGroup } from '../plan/content/types.js';
import { parseIsoDate } from '../time/copenhagen.js';

/** What the enrolment knows of a participant. Helhed keeps the birth year and month only, never the day. */
export interface ParticipantFacts {
  /** 'YYYY-MM'. */
  birthYearMonth: string;
  /** The area slug resolved from the participant's address; null when it is not known. */
  areaSlug: string | null;
  institution?: string | null;
  school?: string | null;
}

export type TargetGroupRule = 'age' | 'area' | 'institution' | 'school' | 'criteria';

/** 'block' stops the enrolment unless overridden; 'warn' asks the employee to look; 'info' asks them to confirm. */
export type FindingSeverity = 'block' | 'warn' | 'info';

export interface TargetGroupFinding {
  rule: TargetGroupRule;
  severity: FindingSeverity;
  /** Danish, for the employee, naming the figures. */
  message: string;
}

export interface TargetGroupCheck {
  /** False when any finding blocks. */
  fits: boolean;
  findings: TargetGroupFinding[];
}

/** An employee's decision to enrol despite a blocking finding; stored with the enrolment. `at` is an ISO instant. */
export interface TargetGroupOverride {
  reason: string;
  by: string;
  at: string;
}

const dayFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('da-DK', { month: 'long', timeZone: 'UTC' });
const andList = new Intl.ListFormat('da', { type: 'conjunction' });
const orList = new Intl.ListFormat('da', { type: 'disjunction' });

function parseYearMonth(value: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new RangeError(`Fødselsår og -måned skal skrives ÅÅÅÅ-MM, ikke «${value}».`);
  return { year: Number(m[1]), month };
}

function parseDate(value: string): { year: number; month: number; day: number } {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`Datoen skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD, ikke «${value}».`);
  return date;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A participant's age in whole years on a date, knowing only the birth year and month.
 *
 * Outside the birth month the age is certain (`min === max`). Within it, a person born on the 1st has had their
 * birthday and one born on the month's last day has not, so the age is one of two values: `max` is the age if the
 * birthday has passed, `min` if it has not. On the last day of the month every birthday has passed, so the range
 * closes again (someone born on 29 February is counted as unknown on 28 February of a common year, rather than
 * guessed). In the birth month of the birth year itself the age is 0.
 *
 * @param birthYearMonth 'YYYY-MM'
 * @param isoDate 'YYYY-MM-DD', a Danish calendar date
 * @throws RangeError when either value is malformed or the date is before the birth month
 */
export function ageOn(birthYearMonth: string, isoDate: string): { min: number; max: number } {
  const birth = parseYearMonth(birthYearMonth);
  const on = parseDate(isoDate);
  if (on.year * 12 + on.month < birth.year * 12 + birth.month) {
    throw new RangeError(`Datoen ${isoDate} ligger før fødselsmåneden ${birthYearMonth}.`);
  }
  const years = on.year - birth.year;
  if (on.month !== birth.month) {
    const age = on.month > birth.month ? years : years - 1;
    return { min: age, max: age };
  }
  if (years === 0 || on.day >= daysInMonth(birth.year, birth.month)) return { min: years, max: years };
  return { min: years - 1, max: years };
}

/** '13-17-årige', 'deltagere på mindst 13 år', … as the group's age limits read in a sentence. */
function describeAgeLimits(ageMin: number | undefined, ageMax: number | undefined): string {
  if (ageMin !== undefined && ageMax !== undefined) return `${ageMin}-${ageMax}-årige`;
  if (ageMin !== undefined) return `deltagere på mindst ${ageMin} år`;
  return `deltagere på højst ${ageMax} år`;
}

function checkAge(group: TargetGroup, participant: ParticipantFacts, age: { min: number; max: number }, onDate: string): TargetGroupFinding | null {
  const { ageMin, ageMax } = group;
  if (ageMin === undefined && ageMax === undefined) return null;
  const below = (a: number): boolean => ageMin !== undefined && a < ageMin;
  const above = (a: number): boolean => ageMax !== undefined && a > ageMax;
  const outside = (a: number): boolean => below(a) || above(a);
  const when = dayFormat.format(new Date(`${onDate}T00:00:00Z`));
  const limits = `aktiviteten er for ${describeAgeLimits(ageMin, ageMax)}`;
  if (age.min === age.max) {
    if (!outside(age.min)) return null;
    return { rule: 'age', severity: 'block', message: `Deltageren er ${age.min} år den ${when}; ${limits}.` };
  }
  const outsideMin = outside(age.min);
  const outsideMax = outside(age.max);
  if (!outsideMin && !outsideMax) return null;
  const ages = `${age.min} eller ${age.max} år`;
  if (outsideMin && outsideMax) return { rule: 'age', severity: 'block', message: `Deltageren er ${ages} den ${when}; ${limits}.` };
  const month = monthFormat.format(new Date(`${participant.birthYearMonth}-01T00:00:00Z`));
  return {
    rule: 'age',
    severity: 'warn',
    message: `Deltageren er ${ages} den ${when} (fødselsdagen i ${month} kendes ikke præcist); ${limits}. Kontrollér fødselsdatoen.`,
  };
}

function checkArea(group: TargetGroup, participant: ParticipantFacts, areaNames: ReadonlyMap<string, string>): TargetGroupFinding | null {
  const allowed = group.areas.length > 0 ? group.areas : [...areaNames.keys()];
  const nameOf = (slug: string): string => areaNames.get(slug) ?? slug;
  const forWhom = group.areas.length > 0 ? andList.format(allowed.map(nameOf)) : 'alle helhedsplanens boligområder';
  if (participant.areaSlug === null) {
    return { rule: 'area', severity: 'warn', message: `Deltagerens boligområde kendes ikke; aktiviteten er for ${forWhom}.` };
  }
  if (allowed.includes(participant.areaSlug)) return null;
  return { rule: 'area', severity: 'block', message: `Deltageren bor i ${nameOf(participant.areaSlug)}; aktiviteten er for ${forWhom}.` };
}

/** Names are typed by hand: compare them ignoring case, spaces and how æ, ø and å are spelled. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa');
}

function checkPlace(rule: 'institution' | 'school', named: string[], actual: string | null | undefined): TargetGroupFinding | null {
  if (named.length === 0) return null;
  const what = rule === 'institution' ? 'institution' : 'skole';
  const forWhom = `aktiviteten er for ${rule === 'institution' ? 'børn i' : 'elever på'} ${orList.format(named)}`;
  if (actual === null || actual === undefined || actual.trim() === '') {
    return { rule, severity: 'warn', message: `Deltagerens ${what} er ikke oplyst; ${forWhom}.` };
  }
  const wanted = new Set(named.map(normaliseName));
  if (wanted.has(normaliseName(actual))) return null;
  const verb = rule === 'institution' ? 'er tilknyttet' : 'går på';
  return { rule, severity: 'warn', message: `Deltageren ${verb} ${actual.trim()}; ${forWhom}.` };
}

function listCriteria(criteria: string[]): TargetGroupFinding | null {
  if (criteria.length === 0) return null;
  return {
    rule: 'criteria',
    severity: 'info',
    message: `Bekræft, at deltageren opfylder aktivitetens kriterier, som systemet ikke kan kontrollere: ${criteria.join('; ')}.`,
  };
}

/**
 * Checks a participant against an activity's target group on a date (normally the enrolment's start date).
 *
 * - Age outside the group's limits blocks; when the unknown birthday makes the age straddle a limit, it warns.
 * - An area outside the group's areas blocks (an empty list means all the plan's areas, the keys of `areaNames`);
 *   an unknown area warns.
 * - When the group names institutions or schools, a different or missing one warns: these are free text, and the
 *   plan's own wording ("typisk", "kan også deltage") leaves room for judgement.
 * - Free-text criteria are listed in one 'info' finding for the employee to confirm.
 *
 * @param areaNames area slug → name as shown, for every area in the plan
 * @throws RangeError when the birth year-month or the date is malformed, or the date is before the birth month
 */
export function checkTargetGroup(
  group: TargetGroup,
  participant: ParticipantFacts,
  onDate: string,
  areaNames: ReadonlyMap<string, string>,
): TargetGroupCheck {
  // Computed even when the group has no age limits, so malformed facts fail the same way for every activity.
  const age = ageOn(participant.birthYearMonth, onDate);
  const findings = [
    checkAge(group, participant, age, onDate),
    checkArea(group, participant, areaNames),
    checkPlace('institution', group.institutions, participant.institution),
    checkPlace('school', group.schools, participant.school),
    listCriteria(group.criteria),
  ].filter((finding): finding is TargetGroupFinding => finding !== null);
  return { fits: !findings.some((f) => f.severity === 'block'), findings };
}
