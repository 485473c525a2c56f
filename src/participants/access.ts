/**
 * Who may see which participants (PRODUCT.md, "Who uses it" and "Personal data"). A partner sees the participants of
 * its organisation's activities, a secretariat employee those of the activities they work in, an administrator all;
 * nobody else sees a person. Pure: the service reads the activity grants and builds a scope; repositories turn the
 * scope into a condition on every query of personal data (`visibleParticipants` in access.repository.ts).
 */
import type { Principal } from '../auth/principal.js';

/** The participants a principal may see, as a rule a query can apply. */
export type ParticipantScope =
  | { kind: 'all' }
  | {
      kind: 'activities';
      /** The activities whose enrolled participants may be seen. */
      activitySlugs: readonly string[];
      /** Participants registered by this organisation (partner) are seen before their first enrolment. */
      organisationId: string | null;
      /** Participants registered by this user are seen before their first enrolment. */
      userId: string;
    }
  | { kind: 'none' };

/** The scope for a principal, given the activities granted to their organisation or to them. */
export function participantScope(principal: Principal, grantedActivities: readonly string[]): ParticipantScope {
  if (principal.roles.includes('administrator')) return { kind: 'all' };
  const works = principal.roles.includes('sekretariat') || principal.roles.includes('partner');
  if (!works) return { kind: 'none' };
  return {
    kind: 'activities',
    activitySlugs: grantedActivities,
    organisationId: principal.roles.includes('partner') ? principal.organisationId : null,
    userId: principal.userId,
  };
}

/** Whether the scope reaches an activity's participants (to enrol into it, register attendance, report for it). */
export function scopeCoversActivity(scope: ParticipantScope, activitySlug: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return scope.activitySlugs.includes(activitySlug);
}
