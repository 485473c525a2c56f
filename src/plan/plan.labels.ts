/**
 * The plan's codes in Danish words, for pages: who a baseline is about, which way an indicator should go, what kind of
 * target the plan states and for which period. The codes are the data's (content/types.ts); the words are the
 * plan's own where it has them.
 */
import type { ActivityTarget, BaselineScope, IndicatorDirection, IndicatorUnit, TargetKind } from './content/types.js';
import { ELEMENT_KIND_LABELS, FIELD_LABELS } from './plan.schemas.js';
import type { ElementKind } from './change-policy.js';

const FIXED_SCOPES: Record<string, string> = {
  areas: 'Boligområderne samlet',
  municipality: 'Randers Kommune',
  country: 'Hele landet',
  region: 'Regionen',
  sector: 'Den almene sektor',
};

/** Who a baseline is about, in Danish; `area:<slug>` by the area's name when known. */
export function scopeLabel(scope: BaselineScope | string, areaNames: ReadonlyMap<string, string>): string {
  const fixed = FIXED_SCOPES[scope];
  if (fixed) return fixed;
  if (scope.startsWith('area:')) {
    const slug = scope.slice('area:'.length);
    return areaNames.get(slug) ?? slug;
  }
  if (scope.startsWith('group:')) return scope.slice('group:'.length);
  return scope;
}

export const DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  'higher-is-better': 'Højere er bedre',
  'lower-is-better': 'Lavere er bedre',
  'level-with-municipality': 'På niveau med kommunen',
};

export const UNIT_LABELS: Record<IndicatorUnit, string> = {
  percent: 'Procent (andel)',
  count: 'Antal',
  rate: 'Rate',
  average: 'Gennemsnit',
  score: 'Score',
  text: 'Tekst',
};

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  minimum: 'mindst',
  range: 'interval',
  approximate: 'ca.',
  exact: 'præcis',
  maximum: 'højst',
};

export const TARGET_PER_LABELS: Record<ActivityTarget['per'], string> = {
  'plan-year': 'pr. planår',
  summer: 'pr. sommer',
  course: 'pr. forløb',
  'plan-period': 'i hele planperioden',
  'half-year': 'pr. halvår',
  other: 'andet (se planens formulering)',
};

const numberFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
const n = (value: number | undefined) => (value === undefined ? '?' : numberFormat.format(value));

/** A target's figure as a reader says it: "mindst 12", "10-12", "ca. 35", "12", "højst 5". */
export function targetFigure(t: Pick<ActivityTarget, 'kind' | 'min' | 'max' | 'value'>): string {
  switch (t.kind) {
    case 'minimum':
      return `mindst ${n(t.min)}`;
    case 'maximum':
      return `højst ${n(t.max)}`;
    case 'range':
      return `${n(t.min)}-${n(t.max)}`;
    case 'approximate':
      return `ca. ${n(t.value)}`;
    case 'exact':
      return n(t.value);
  }
}

const SUBFIELD_LABELS: Record<string, string> = {
  measure: 'hvad der tælles',
  kind: 'type',
  min: 'mindst',
  max: 'højst',
  value: 'tal',
  per: 'periode',
  printed: 'planens formulering',
  organisation: 'organisation',
  activity: 'aktivitet',
  hoursPerYear: 'timer pr. år',
  hoursInPeriod: 'timer i perioden',
  code: 'kode',
  text: 'tekst',
  role: 'rolle',
  position: 'stilling',
  parties: 'parter',
  periodStart: 'start',
  periodEnd: 'slut',
  goal: 'mål',
  ageMin: 'mindste alder',
  ageMax: 'højeste alder',
  areas: 'områder',
  institutions: 'institutioner',
  schools: 'skoler',
  criteria: 'kriterier',
  remarks: 'bemærkninger',
};

const ITEM_LABELS: Record<string, string> = { targets: 'Mål', staffHours: 'Timer', roles: 'Rolle', members: 'Medlem', tasks: 'Opgave', baselines: 'Baseline', addresses: 'Adresse', estates: 'Afdeling' };

/** The field of each kind of list item that names it: a target by what it counts, staff hours by organisation. */
const ITEM_NAME_FIELDS: Record<string, string> = { targets: 'measure', staffHours: 'organisation', roles: 'organisation', members: 'organisation', addresses: 'street', estates: 'name' };

/**
 * Names for the items of an element's lists (`targets[1]` → "unge fra boligområderne …"), so that a changed field
 * can be named by what it is about rather than by its place in a list.
 */
export function itemNamesOf(...versions: unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const data of versions) {
    if (data === null || typeof data !== 'object') continue;
    for (const [list, nameField] of Object.entries(ITEM_NAME_FIELDS)) {
      const items = (data as Record<string, unknown>)[list];
      if (!Array.isArray(items)) continue;
      items.forEach((item, i) => {
        const name = (item as Record<string, unknown> | null)?.[nameField];
        const key = `${list}[${i}]`;
        if (typeof name === 'string' && !names.has(key)) names.set(key, name.length > 60 ? `${name.slice(0, 57)}…` : name);
      });
    }
  }
  return names;
}

/**
 * A changed field's path in words: `targets[1].min` → "Mål 2: mindst" (or "Mål 2 (unge i Brandkadet): mindst" with
 * the item's name), `resources` → "Ressourcer". Used by the history and by proposals, where the paths come from diff.ts.
 */
export function fieldPathLabel(path: string, itemNames: ReadonlyMap<string, string> = new Map()): string {
  const item = /^[A-Za-z]+\[\d+\]/.exec(path)?.[0];
  const itemName = item ? itemNames.get(item) : undefined;
  const parts = path.split('.');
  const words: string[] = [];
  parts.forEach((part, i) => {
    const m = /^([A-Za-z]+)((?:\[\d+\])*)$/.exec(part);
    const name = m?.[1] ?? part;
    const indexes = [...(m?.[2] ?? '').matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]) + 1);
    const label = i === 0 ? (indexes.length > 0 ? ITEM_LABELS[name] ?? FIELD_LABELS[name] ?? name : FIELD_LABELS[name] ?? name) : SUBFIELD_LABELS[name] ?? name;
    const named = i === 0 && itemName ? ` (${itemName})` : '';
    words.push(indexes.length > 0 ? `${label} ${indexes.join('.')}${named}` : label);
  });
  return words.join(': ');
}

/** A changed value in words where the value is a code (a target's kind or period, an indicator's direction). */
export function fieldValueLabel(path: string, value: string | null): string {
  if (value === null) return '(intet)';
  const last = path.split('.').pop()?.replace(/\[\d+\]$/, '') ?? '';
  if (last === 'kind' && value in TARGET_KIND_LABELS) return TARGET_KIND_LABELS[value as TargetKind];
  if (last === 'per' && value in TARGET_PER_LABELS) return TARGET_PER_LABELS[value as ActivityTarget['per']];
  if (last === 'direction' && value in DIRECTION_LABELS) return DIRECTION_LABELS[value as IndicatorDirection];
  if (value === '[]') return '(ingen)';
  return value;
}

export function elementKindLabel(kind: ElementKind): string {
  return ELEMENT_KIND_LABELS[kind];
}
