/**
 * Which changes to the plan take effect at once and which wait for decisions (PRODUCT.md "Governance"; the
 * commissorium, OCR lines 3269-3276): changes to a sub-agreement need consensus in the board; changes to the
 * strategic agreement or the commissorium also need LBF's approval. Activity details that describe how the work is
 * done (content, responsibility, roles, resources) and area facts are kept current by the secretariat directly,
 * as new versions.
 */

export type ElementKind =
  | 'strategic-agreement'
  | 'goal'
  | 'indicator'
  | 'intervention-area'
  | 'sub-goal'
  | 'activity'
  | 'area'
  | 'body'
  | 'change-rule'
  | 'crisis-role'
  /** The plan's own remarks on itself and its totals, shown with the figures they concern. */
  | 'plan-notes';

export type ProposalSubject = 'sub-agreement' | 'strategic-agreement' | 'commissorium';

export type ChangeRoute = { kind: 'direct' } | { kind: 'proposal'; subject: ProposalSubject; requiresLbf: boolean };

const DIRECT_FIELDS: Partial<Record<ElementKind, readonly string[]>> = {
  activity: ['content', 'responsibility', 'roles', 'resources'],
  'intervention-area': ['problem', 'municipalContext'],
};

/** Fields of an element that can never be changed (they identify it or say where the plan states it). */
export const FIXED_FIELDS = ['slug', 'code', 'ref', 'number'] as const;

export const SUBJECT_LABELS: Record<ProposalSubject, string> = {
  'sub-agreement': 'Ændring af en delaftale (kræver konsensus i bestyrelsen)',
  'strategic-agreement': 'Ændring af den strategiske aftale (kræver konsensus i bestyrelsen og Landsbyggefondens godkendelse)',
  commissorium: 'Ændring af kommissoriet (kræver konsensus i bestyrelsen og Landsbyggefondens godkendelse)',
};

/**
 * How a change of the given fields of an element must go. `underGoal` tells whether an indicator belongs to one of
 * LBF's overall goals (strategic agreement) rather than to a sub-goal (sub-agreement).
 */
export function routeForChange(kind: ElementKind, fields: readonly string[], underGoal = false): ChangeRoute {
  const direct = DIRECT_FIELDS[kind];
  if (kind === 'area' || kind === 'crisis-role' || kind === 'plan-notes') return { kind: 'direct' };
  if (direct && fields.every((f) => direct.includes(f))) return { kind: 'direct' };
  switch (kind) {
    case 'strategic-agreement':
    case 'goal':
      return { kind: 'proposal', subject: 'strategic-agreement', requiresLbf: true };
    case 'indicator':
      return underGoal ? { kind: 'proposal', subject: 'strategic-agreement', requiresLbf: true } : { kind: 'proposal', subject: 'sub-agreement', requiresLbf: false };
    case 'body':
    case 'change-rule':
      return { kind: 'proposal', subject: 'commissorium', requiresLbf: true };
    default:
      return { kind: 'proposal', subject: 'sub-agreement', requiresLbf: false };
  }
}

export type ProposalStatus = 'afventer_bestyrelse' | 'afventer_lbf' | 'vedtaget' | 'afvist' | 'trukket_tilbage';

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  afventer_bestyrelse: 'Afventer bestyrelsens beslutning',
  afventer_lbf: 'Afventer Landsbyggefondens godkendelse',
  vedtaget: 'Vedtaget og gældende',
  afvist: 'Afvist',
  trukket_tilbage: 'Trukket tilbage',
};

/** The status after the board's decision: consensus applies it, unless LBF must approve as well. */
export function statusAfterBoard(consensus: boolean, requiresLbf: boolean): ProposalStatus {
  if (!consensus) return 'afvist';
  return requiresLbf ? 'afventer_lbf' : 'vedtaget';
}
