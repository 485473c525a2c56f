/**
 * Reading the plan's edit forms: rows of targets and staff hours as the browser sends them (flat names such as
 * `targets[2].min`), into the shapes the plan service takes, with a Danish message for each field a person must fix.
 * No I/O here; the routes call these and then one service function.
 */
import type { FieldError } from '../errors/errors.js';
import { parseIsoDate } from '../time/copenhagen.js';
import { formList, formText } from '../web/form.js';
import { routeForChange, type ElementKind } from './change-policy.js';
import type { ActivityTarget, StaffHours, TargetKind } from './content/types.js';
import { TARGET_KIND_LABELS, TARGET_PER_LABELS } from './plan.labels.js';

/** At most this many rows are read from a table of inputs; more than the schema allows is refused by the service. */
const MAX_ROWS = 60;

/** Text from a textarea: browsers send line breaks as CRLF, which would otherwise count as a change on every save. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A number as a Dane may type it: `12`, `12,5`, `1.234`, ` 40 `. Empty is `undefined`; anything else is `null`. */
export function parseFormNumber(text: string): number | undefined | null {
  const t = text.replace(/\s/g, '');
  if (t === '') return undefined;
  const normalised = /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : t.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

function formNumberText(value: number | undefined): string {
  return value === undefined ? '' : String(value).replace('.', ',');
}

/** Two JSON values are the same regardless of key order; a missing key and an undefined value are the same. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    return [...keys].every((k) => sameJson(ao[k], bo[k]));
  }
  return a === b;
}

/** The fields of `proposed` whose values differ from `current`; these, and only these, are sent as a change. */
export function changedFields(current: Record<string, unknown>, proposed: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(proposed)) {
    const before = current[field];
    // An optional text that was never written and an empty field are the same.
    if ((before === undefined || before === '') && value === '') continue;
    if (!sameJson(before, value)) changes[field] = value;
  }
  return changes;
}

// Targets

/** One row of the targets table as typed, kept as text so that a form with errors is shown as it was sent. */
export interface TargetRow {
  code: string;
  measure: string;
  kind: string;
  min: string;
  max: string;
  value: string;
  per: string;
  printed: string;
  remove: boolean;
}

export function targetRowsOf(targets: readonly ActivityTarget[]): TargetRow[] {
  return targets.map((t) => ({
    code: t.code,
    measure: t.measure,
    kind: t.kind,
    min: formNumberText(t.min),
    max: formNumberText(t.max),
    value: formNumberText(t.value),
    per: t.per,
    printed: t.printed,
    remove: false,
  }));
}

export const EMPTY_TARGET_ROW: TargetRow = { code: '', measure: '', kind: 'minimum', min: '', max: '', value: '', per: 'plan-year', printed: '', remove: false };

function rowCount(body: unknown, name: string): number {
  const n = Number(formText(body, name));
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_ROWS) : 0;
}

function isBlankTarget(row: TargetRow): boolean {
  return row.measure.trim() === '' && row.printed.trim() === '' && row.min.trim() === '' && row.max.trim() === '' && row.value.trim() === '';
}

/** A code for a new target, from what it counts: `brandkadet-unge-paa-hold`. Unique among the activity's targets. */
export function newTargetCode(activitySlug: string, measure: string, taken: ReadonlySet<string>): string {
  const words = measure
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = `${activitySlug}-${words || 'maal'}`.slice(0, 54).replace(/-+$/, '');
  let code = base;
  for (let i = 2; taken.has(code); i++) code = `${base}-${i}`;
  return code;
}

export interface ReadTargets {
  /** The rows as sent, for showing the form again. */
  rows: TargetRow[];
  /** The targets to save, in order, without removed and blank rows. */
  targets: ActivityTarget[];
  /** For each saved target, the form row it came from (to put a message from the service on the right row). */
  rowOf: number[];
  errors: FieldError[];
}

/** Reads the targets table of the activity form against the activity's current targets. */
export function readTargetRows(body: unknown, activitySlug: string, current: readonly ActivityTarget[]): ReadTargets {
  const byCode = new Map(current.map((t) => [t.code, t]));
  const rows: TargetRow[] = [];
  const targets: ActivityTarget[] = [];
  const rowOf: number[] = [];
  const errors: FieldError[] = [];
  const taken = new Set(current.map((t) => t.code));
  const count = rowCount(body, 'targetRows');
  for (let i = 0; i < count; i++) {
    const f = (name: string) => formText(body, `targets[${i}].${name}`);
    const row: TargetRow = {
      code: f('code'),
      measure: f('measure').trim(),
      kind: f('kind'),
      min: f('min').trim(),
      max: f('max').trim(),
      value: f('value').trim(),
      per: f('per'),
      printed: normaliseText(f('printed')).trim(),
      remove: formList(body, `targets[${i}].remove`).includes('1'),
    };
    rows.push(row);
    const existing = byCode.get(row.code);
    if (row.remove || (!existing && isBlankTarget(row))) continue;
    const at = (name: string) => `targets[${i}].${name}`;
    const rowErrors: FieldError[] = [];
    if (row.measure === '') rowErrors.push({ field: at('measure'), message: `Mål ${i + 1}: skriv, hvad målet tæller, fx «unge i Brandkadet».` });
    if (!(row.kind in TARGET_KIND_LABELS)) rowErrors.push({ field: at('kind'), message: `Mål ${i + 1}: vælg, om tallet er et minimum, et maksimum, et interval, et ca.-tal eller et præcist tal.` });
    const numbers: Partial<Record<'min' | 'max' | 'value', number>> = {};
    for (const name of ['min', 'max', 'value'] as const) {
      const parsed = parseFormNumber(row[name]);
      if (parsed === null) rowErrors.push({ field: at(name), message: `Mål ${i + 1}: «${row[name]}» er ikke et tal. Skriv fx 12 eller 12,5.` });
      else if (parsed !== undefined) numbers[name] = parsed;
    }
    const kind = row.kind as TargetKind;
    if ((kind === 'minimum' || kind === 'range') && numbers.min === undefined && parseFormNumber(row.min) !== null) {
      rowErrors.push({ field: at('min'), message: `Mål ${i + 1}: ${kind === 'range' ? 'et interval' : 'et minimum'} skal have et tal i «mindst».` });
    }
    if ((kind === 'maximum' || kind === 'range') && numbers.max === undefined && parseFormNumber(row.max) !== null) {
      rowErrors.push({ field: at('max'), message: `Mål ${i + 1}: ${kind === 'range' ? 'et interval' : 'et maksimum'} skal have et tal i «højst».` });
    }
    if (kind === 'range' && numbers.min !== undefined && numbers.max !== undefined && numbers.min > numbers.max) {
      rowErrors.push({ field: at('max'), message: `Mål ${i + 1}: «højst» må ikke være mindre end «mindst».` });
    }
    if ((kind === 'approximate' || kind === 'exact') && numbers.value === undefined && parseFormNumber(row.value) !== null) {
      rowErrors.push({ field: at('value'), message: `Mål ${i + 1}: et ${kind === 'approximate' ? 'ca.-tal' : 'præcist tal'} skal have et tal i «tal».` });
    }
    if (!(row.per in TARGET_PER_LABELS)) rowErrors.push({ field: at('per'), message: `Mål ${i + 1}: vælg, hvilken periode tallet gælder for.` });
    if (row.printed === '') rowErrors.push({ field: at('printed'), message: `Mål ${i + 1}: skriv målet, som det står (eller skal stå) i planen.` });
    errors.push(...rowErrors);
    if (rowErrors.length > 0) continue;
    const { min: _min, max: _max, value: _value, ...kept } = existing ?? ({} as Partial<ActivityTarget>);
    const code = existing ? existing.code : newTargetCode(activitySlug, row.measure, taken);
    taken.add(code);
    targets.push({ ...kept, code, measure: row.measure, kind, ...numbers, per: row.per as ActivityTarget['per'], printed: row.printed } as ActivityTarget);
    rowOf.push(i);
  }
  return { rows, targets, rowOf, errors };
}

// Staff hours

export interface StaffHoursRow {
  /** The row's place in the current table, or '' for a new row; what the form does not show is kept from there. */
  source: string;
  organisation: string;
  activity: string;
  hoursPerYear: string;
  printed: string;
  remove: boolean;
}

export function staffHoursRowsOf(hours: readonly StaffHours[]): StaffHoursRow[] {
  return hours.map((h, i) => ({
    source: String(i),
    organisation: h.organisation,
    activity: h.activity ?? '',
    hoursPerYear: formNumberText(h.hoursPerYear),
    printed: h.printed,
    remove: false,
  }));
}

export const EMPTY_STAFF_HOURS_ROW: StaffHoursRow = { source: '', organisation: '', activity: '', hoursPerYear: '', printed: '', remove: false };

export interface ReadStaffHours {
  rows: StaffHoursRow[];
  staffHours: StaffHours[];
  rowOf: number[];
  errors: FieldError[];
}

/** Reads the staff hours table of an intervention area's form; `activities` are the slugs a row may point to. */
export function readStaffHoursRows(body: unknown, current: readonly StaffHours[], activities: ReadonlySet<string>): ReadStaffHours {
  const rows: StaffHoursRow[] = [];
  const staffHours: StaffHours[] = [];
  const rowOf: number[] = [];
  const errors: FieldError[] = [];
  const count = rowCount(body, 'staffRows');
  for (let i = 0; i < count; i++) {
    const f = (name: string) => formText(body, `staffHours[${i}].${name}`);
    const row: StaffHoursRow = {
      source: f('source'),
      organisation: f('organisation').trim(),
      activity: f('activity'),
      hoursPerYear: f('hoursPerYear').trim(),
      printed: normaliseText(f('printed')).trim(),
      remove: formList(body, `staffHours[${i}].remove`).includes('1'),
    };
    rows.push(row);
    const existing = /^\d+$/.test(row.source) ? current[Number(row.source)] : undefined;
    if (row.remove || (!existing && row.organisation === '' && row.hoursPerYear === '' && row.printed === '')) continue;
    const at = (name: string) => `staffHours[${i}].${name}`;
    const rowErrors: FieldError[] = [];
    if (row.organisation === '') rowErrors.push({ field: at('organisation'), message: `Række ${i + 1}: skriv, hvilken organisation der leverer timerne.` });
    if (row.activity !== '' && !activities.has(row.activity)) rowErrors.push({ field: at('activity'), message: `Række ${i + 1}: vælg en af indsatsområdets aktiviteter.` });
    const hours = parseFormNumber(row.hoursPerYear);
    if (hours === null) rowErrors.push({ field: at('hoursPerYear'), message: `Række ${i + 1}: «${row.hoursPerYear}» er ikke et antal timer. Skriv fx 276.` });
    if (row.printed === '') rowErrors.push({ field: at('printed'), message: `Række ${i + 1}: skriv timerne, som de står (eller skal stå) i planen.` });
    errors.push(...rowErrors);
    if (rowErrors.length > 0) continue;
    const { activity: _a, hoursPerYear: _h, ...kept } = existing ?? ({} as Partial<StaffHours>);
    staffHours.push({
      ...kept,
      organisation: row.organisation,
      ...(row.activity !== '' ? { activity: row.activity } : {}),
      ...(hours !== undefined && hours !== null ? { hoursPerYear: hours } : {}),
      printed: row.printed,
    } as StaffHours);
    rowOf.push(i);
  }
  return { rows, staffHours, rowOf, errors };
}

/**
 * Puts a message the service gives for an array item (`targets[3].min`) on the form row the item came from, and a
 * message for the whole array on the first field of the table, so that every message links to a field on the page.
 */
export function errorsOnRows(errors: readonly FieldError[], array: string, rowOf: readonly number[], inputs: readonly string[]): FieldError[] {
  const first = inputs[0] ?? '';
  return errors.map((e) => {
    if (e.field === array) return { ...e, field: `${array}[0].${first}` };
    const m = new RegExp(`^${array}\\[(\\d+)\\](?:\\.([A-Za-z]+))?`).exec(e.field);
    if (!m) return e;
    const row = rowOf[Number(m[1])] ?? 0;
    const input = m[2] && inputs.includes(m[2]) ? m[2] : first;
    return { ...e, field: `${array}[${row}].${input}` };
  });
}

// Decisions

export interface DecisionForm {
  answer: 'ja' | 'nej' | '';
  decisionDate: string;
  note: string;
}

export function readDecision(body: unknown, name: 'consensus' | 'approved'): DecisionForm {
  const answer = formText(body, name);
  return { answer: answer === 'ja' || answer === 'nej' ? answer : '', decisionDate: formText(body, 'decisionDate').trim(), note: normaliseText(formText(body, 'note')).trim() };
}

/**
 * What must be fixed in a decision form before the service is asked. The date and note are checked by the service
 * too; they are checked here as well only so that a form missing its yes/no answer lists every problem at once.
 */
export function decisionFormErrors(form: DecisionForm, name: 'consensus' | 'approved'): FieldError[] {
  if (form.answer !== '') return [];
  const errors: FieldError[] = [
    { field: name, message: name === 'consensus' ? 'Vælg, om bestyrelsen nåede konsensus om ændringen.' : 'Vælg, om Landsbyggefonden godkendte ændringen.' },
  ];
  if (!parseIsoDate(form.decisionDate)) errors.push({ field: 'decisionDate', message: 'Skriv datoen for beslutningen som ÅÅÅÅ-MM-DD.' });
  if (form.note === '') errors.push({ field: 'note', message: 'Skriv en henvisning til beslutningen, fx mødet og punktet i referatet.' });
  return errors;
}
