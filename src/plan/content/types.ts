/**
 * The shape of the plan's content as seed data. Every figure carries a reference to where the plan states it
 * (`ref`: line numbers in content/source/helhedsplan-randers-2025-29.ocr.txt and, where printed, the plan's page), and
 * is kept as the plan states it: a minimum stays a minimum, an approximation stays an approximation, and a figure
 * the plan contradicts elsewhere keeps both statements with a remark.
 */

/** Where the plan says it: OCR line numbers (inclusive) and the printed page number when known. */
export interface PlanRef {
  lines: [number, number];
  page?: number;
}

/** A note on a figure that a reader must see: the plan contradicts itself, OCR left doubt, or a table was rebuilt. */
export interface DataRemark {
  kind: 'contradiction' | 'ocr-uncertain' | 'reconstructed' | 'note';
  text: string;
}

// Areas

/** One street of an area's address list, exactly as the plan lists it, e.g. `Husarvej (ulige numre 1-29, …)`. */
export interface AddressListing {
  /** The street name spelled correctly (æ, ø, å restored). */
  street: string;
  /** The numbers part as the plan writes it (OCR errors corrected, wording kept), e.g. `2-26 (lige numre) + 5`. */
  numbers: string;
  ref: PlanRef;
  remarks?: DataRemark[];
}

export interface Estate {
  /** The housing organisation (boligorganisation), e.g. `Boligselskabet Randers`. */
  organisation: string;
  /** The afdeling's name and/or number as the plan gives it. */
  name: string;
  tenancies?: number;
  residents?: number;
  ref: PlanRef;
}

/**
 * What the plan itself says of an area against the state's criteria (almenboligloven § 61 a), e.g. that it meets
 * three criteria but is short of the 1,000 residents. Kept as the plan's statement; measured figures are imported.
 */
export interface StateCriteriaStatement {
  /** The date the state's figures are for, ISO. */
  asOf: string;
  criteriaMet: ('employment' | 'crime' | 'education' | 'income')[];
  /** Residents as the plan gives them for that date (derived where the plan states the shortfall only). */
  residents: number;
  text: string;
  ref: PlanRef;
  remarks?: DataRemark[];
}

export interface AreaContent {
  slug: string;
  name: string;
  /** On the state's list of udsatte boligområder (1 December list) at the time of the plan. */
  onStateList: boolean;
  /** Figures as of 1 January 2024 unless `figuresAsOf` says otherwise. */
  residents: number | null;
  tenancies: number | null;
  children: number | null;
  figuresAsOf: string;
  estates: Estate[];
  districtSchools: string[];
  institutions: string[];
  addresses: AddressListing[];
  stateCriteria?: StateCriteriaStatement;
  ref: PlanRef;
  remarks?: DataRemark[];
}

// Goals, indicators and baselines

/** Who a baseline value is about. `area:<slug>` for one named area; `areas` for all seven together. */
export type BaselineScope = 'areas' | `area:${string}` | 'municipality' | 'region' | 'country' | 'sector' | `group:${string}`;

export interface Baseline {
  scope: BaselineScope;
  /** The value as a number in the indicator's unit (a share as a percentage, e.g. 23.5), or null if not given. */
  value: number | null;
  /** The value exactly as printed, e.g. `23 %`, `1.234`, `<5`. */
  printed: string;
  numerator?: number;
  denominator?: number;
  /** The period the value is for, e.g. `2023`, `2022/23`, `1. januar 2024`. */
  period: string;
  source: string;
  ref: PlanRef;
  remarks?: DataRemark[];
}

export type IndicatorUnit = 'percent' | 'count' | 'rate' | 'average' | 'score' | 'text';
/** Which way is better: up, down, or being on a level with the municipality. */
export type IndicatorDirection = 'higher-is-better' | 'lower-is-better' | 'level-with-municipality';

export interface Indicator {
  /** Stable code, e.g. `lbf-1`, `udd-2`. */
  code: string;
  name: string;
  description?: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  targetGroup?: string;
  dataSource: string;
  baselines: Baseline[];
  ref: PlanRef;
  remarks?: DataRemark[];
}

export interface Goal {
  code: string;
  title: string;
  text: string;
  indicators: Indicator[];
  ref: PlanRef;
}

export interface StrategicAgreement {
  parties: string[];
  periodStart: string;
  periodEnd: string;
  /** LBF's fixed overall goals for boligsociale helhedsplaner, with their indicators and baselines. */
  goals: Goal[];
  ref: PlanRef;
}

// Intervention areas and activities

export interface StaffHours {
  organisation: string;
  /** The activity the hours are for, by slug, when the plan ties them to one. */
  activity?: string;
  hoursPerYear?: number;
  hoursInPeriod?: number;
  /** As printed, e.g. `2 x 37 timer om ugen`, `0,5 årsværk`. */
  printed: string;
  ref: PlanRef;
  remarks?: DataRemark[];
}

export type TargetKind = 'minimum' | 'maximum' | 'range' | 'approximate' | 'exact';

/** A quantitative target of an activity, as the plan states it ("mindst 12", "15-20", "ca. 35"). */
export interface ActivityTarget {
  code: string;
  /** What is counted, e.g. `unge i Brandkadet`, `Familiedage-forløb`. */
  measure: string;
  kind: TargetKind;
  min?: number;
  max?: number;
  value?: number;
  /** The period the target is for: per plan year, per summer, per course … */
  per: 'plan-year' | 'summer' | 'course' | 'plan-period' | 'half-year' | 'other';
  printed: string;
  ref: PlanRef;
  remarks?: DataRemark[];
}

export interface TargetGroup {
  text: string;
  ageMin?: number;
  ageMax?: number;
  /** Area slugs; empty means all seven. */
  areas: string[];
  institutions: string[];
  schools: string[];
  criteria: string[];
}

export interface Activity {
  slug: string;
  /** The plan's numbering within its intervention area, e.g. 1 for NPU. */
  number: number;
  name: string;
  purpose: string;
  targetGroup: TargetGroup;
  content: string;
  /** Who is responsible and who does what. */
  responsibility: string;
  roles: { organisation: string; role: string }[];
  resources?: string;
  targets: ActivityTarget[];
  ref: PlanRef;
  remarks?: DataRemark[];
}

export interface SubGoal {
  code: string;
  text: string;
  indicators: Indicator[];
  ref: PlanRef;
}

export interface InterventionArea {
  slug: string;
  name: string;
  problem: string;
  subAgreement: { parties: string[]; periodStart: string; periodEnd: string; goal: string; ref: PlanRef };
  subGoals: SubGoal[];
  staffHours: StaffHours[];
  activities: Activity[];
  ref: PlanRef;
}

// Organisation

export interface BodyMember {
  /** The role in the body, e.g. `formand`, `medlem`, `sekretær`. */
  role: string;
  organisation: string;
  /** The position the member holds in the organisation, e.g. `direktør`, `skoleleder`. */
  position?: string;
}

export interface Body {
  slug: 'bestyrelse' | 'styregruppe' | 'bysekretariatet' | 'politisk-niveau' | string;
  name: string;
  purpose: string;
  members: BodyMember[];
  /** The meeting cadence as the plan states it. */
  cadence: string;
  tasks: string[];
  ref: PlanRef;
}

export interface ChangeRule {
  /** What is changed: a sub-agreement, the strategic agreement, the commissorium. */
  subject: 'sub-agreement' | 'strategic-agreement' | 'commissorium';
  requires: ('board-consensus' | 'lbf-approval')[];
  text: string;
  ref: PlanRef;
}

export interface CrisisContact {
  name: string;
  phone?: string;
  email?: string;
}

export interface CrisisRole {
  role: string;
  organisation: string;
  principal: CrisisContact;
  substitute?: CrisisContact;
  /** A member from an authority (police, municipality) may see notes shared under retsplejelovens § 115. */
  isAuthority: boolean;
  ref: PlanRef;
}

export interface Organisation {
  bodies: Body[];
  changeRules: ChangeRule[];
  /** The crisis group roster: demo data from the plan, editable and deletable in the crisis module. */
  crisisGroup: CrisisRole[];
}
