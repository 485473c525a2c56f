import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ParticipantScope } from './access.js';

type Q = Kysely<Database> | Transaction<Database>;

/** The activities granted to a user directly (secretariat) or through their organisation (partner), in a plan. */
export async function grantedActivities(db: Q, planId: string, userId: string, organisationId: string | null): Promise<string[]> {
  const rows = await db
    .selectFrom('activity_access')
    .select('activity_slug')
    .distinct()
    .where('plan_id', '=', planId)
    .where((eb) => (organisationId ? eb.or([eb('user_id', '=', userId), eb('organisation_id', '=', organisationId)]) : eb('user_id', '=', userId)))
    .execute();
  return rows.map((r) => r.activity_slug);
}

/**
 * The condition that keeps a query on `participants` (aliased `p` or the table itself) to what the scope may see:
 * enrolled in a granted activity, or registered by the user or their organisation. Apply it to every read.
 *
 * @param column the participant id column of the query, e.g. `participants.id`
 */
export function visibleParticipants<DB extends Database, TB extends keyof DB & string>(
  eb: ExpressionBuilder<DB, TB>,
  scope: ParticipantScope,
  planId: string,
) {
  const e = eb as unknown as ExpressionBuilder<Database, 'participants'>;
  if (scope.kind === 'all') return e('participants.plan_id', '=', planId);
  if (scope.kind === 'none') return e.lit(false);
  const own = [e('participants.created_by', '=', scope.userId)];
  if (scope.organisationId) own.push(e('participants.registered_by_organisation_id', '=', scope.organisationId));
  const enrolled =
    scope.activitySlugs.length === 0
      ? []
      : [
          e.exists(
            e
              .selectFrom('enrolments')
              .select('enrolments.id')
              .whereRef('enrolments.participant_id', '=', 'participants.id')
              .where('enrolments.activity_slug', 'in', scope.activitySlugs as string[]),
          ),
        ];
  return e.and([e('participants.plan_id', '=', planId), e.or([...own, ...enrolled])]);
}
