/**
 * The scopes a plan's dashboards show, in order: each area, all seven together, and the municipality to compare with.
 */
import type { PlanSnapshot } from '../plan/plan-snapshot.js';
import type { MeasurementScope } from './measurement.js';

export interface ScopeColumn {
  scope: MeasurementScope;
  label: string;
  /** The area's slug, for a link to its page. */
  areaSlug?: string;
}

export const SCOPE_LABELS: Record<'areas' | 'municipality' | 'region' | 'country', string> = {
  areas: 'Alle syv boligområder',
  municipality: 'Kommunen',
  region: 'Regionen',
  country: 'Hele landet',
};

export function measurementScopes(snapshot: PlanSnapshot): ScopeColumn[] {
  return [
    ...snapshot.areas().map((a) => ({ scope: `area:${a.data.slug}` as MeasurementScope, label: a.data.name, areaSlug: a.data.slug })),
    { scope: 'areas', label: SCOPE_LABELS.areas },
    { scope: 'municipality', label: SCOPE_LABELS.municipality },
  ];
}

/** A scope in Danish: an area's name, «Alle syv boligområder», «Kommunen», «Målgruppe: …». */
export function scopeLabel(snapshot: PlanSnapshot, scope: string): string {
  if (scope.startsWith('area:')) return snapshot.find<{ name: string }>('area', scope.slice(5))?.data.name ?? scope.slice(5);
  if (scope.startsWith('group:')) return `Målgruppe: ${scope.slice(6).replace(/-/g, ' ')}`;
  return SCOPE_LABELS[scope as keyof typeof SCOPE_LABELS] ?? scope;
}
