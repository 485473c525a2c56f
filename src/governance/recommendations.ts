/**
 * The steering group's recommendations (indstillinger) to the board, as pure rules (issue 6; commissorium lines
 * 3339-3340: the steering group prepares and recommends, the board decides). A recommendation is drafted at a steering
 * meeting, put to a board meeting, and decided there. Whether a change to the plan then also waits for LBF is the plan
 * module's rule (`change-policy.ts`); here only the recommendation's own course is written down.
 */
import type { ProposalStatus, ProposalSubject } from '../plan/change-policy.js';

export type RecommendationSubject = ProposalSubject | 'other';
export type RecommendationStatus = 'udkast' | 'indstillet' | 'vedtaget' | 'forkastet' | 'trukket';

export const RECOMMENDATION_SUBJECTS: readonly RecommendationSubject[] = ['sub-agreement', 'strategic-agreement', 'commissorium', 'other'];

export const RECOMMENDATION_SUBJECT_LABELS: Record<RecommendationSubject, string> = {
  'sub-agreement': 'Delaftale',
  'strategic-agreement': 'Strategisk aftale',
  commissorium: 'Kommissorium',
  other: 'Andet',
};

export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  udkast: 'Udkast',
  indstillet: 'Indstillet til bestyrelsen',
  vedtaget: 'Vedtaget af bestyrelsen',
  forkastet: 'Forkastet af bestyrelsen',
  trukket: 'Trukket tilbage',
};

export type BoardVerdict = 'vedtaget' | 'forkastet';

/** Whether the recommendation still waits for something: drafted, or put to the board and not yet decided. */
export function isPending(status: RecommendationStatus): boolean {
  return status === 'udkast' || status === 'indstillet';
}

/** The proposals a recommendation may carry: those still waiting for the board. */
export function isOpenProposal(status: ProposalStatus): boolean {
  return status === 'afventer_bestyrelse';
}

/**
 * The subject a recommendation has: the proposal's when it carries one (the plan module decides what a change to an
 * element is), otherwise the one chosen.
 */
export function subjectFor(chosen: RecommendationSubject, proposalSubject: ProposalSubject | null): RecommendationSubject {
  return proposalSubject ?? chosen;
}

/** What the board's verdict means for a proposal the recommendation carries: vedtaget is the board's consensus. */
export function consensusOf(verdict: BoardVerdict): boolean {
  return verdict === 'vedtaget';
}

/**
 * Why a recommendation cannot move to the next status, in Danish, or null when it can. Drafts are edited and put to
 * the board; only a recommendation put to the board is decided; a decided one is final.
 */
export function transitionProblem(from: RecommendationStatus, to: RecommendationStatus): string | null {
  if (from === to && from !== 'udkast') return `Indstillingen er allerede ${RECOMMENDATION_STATUS_LABELS[from].toLowerCase()}.`;
  switch (to) {
    case 'udkast':
      return from === 'udkast' ? null : 'Kun et udkast kan ændres.';
    case 'indstillet':
      return from === 'udkast' ? null : 'Kun et udkast kan indstilles til bestyrelsen.';
    case 'vedtaget':
    case 'forkastet':
      return from === 'indstillet' ? null : 'Bestyrelsen kan først beslutte, når indstillingen er indstillet til et bestyrelsesmøde.';
    case 'trukket':
      return isPending(from) ? null : 'En afgjort indstilling kan ikke trækkes tilbage.';
  }
}

/** The text of the decision written in the board meeting's minutes. */
export function decisionText(title: string, verdict: BoardVerdict, note: string): string {
  const base = `Bestyrelsen ${verdict === 'vedtaget' ? 'vedtog' : 'forkastede'} indstillingen «${title}».`;
  return note.trim() === '' ? base : `${base} ${note.trim()}`;
}
