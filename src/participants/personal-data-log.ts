import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../audit/audit.service.js';
import type { Database } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';

/** What kind of personal data was read; shown in Danish on the read log's page. */
export type PersonalDataRead =
  | 'deltagerliste'
  | 'søgning'
  | 'deltager'
  | 'husstand'
  | 'fremmøde'
  | 'udfald'
  | 'eksport'
  | 'import';

/**
 * Records a read of personal data: who, when, what (PRODUCT.md, "Personal data"). Call it from the service that
 * returns the data, for pages, the API and exports alike, after the data is read and before it is returned. A list
 * is one entry with its count and, when it names a single person, that person's id.
 */
export async function logPersonalDataRead(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  planId: string,
  read: { what: PersonalDataRead; participantId?: string | null; count: number; detail?: string | null },
): Promise<void> {
  await db
    .insertInto('personal_data_reads')
    .values({
      id: newId(),
      at: nowIso(),
      plan_id: planId,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      what: read.what,
      participant_id: read.participantId ?? null,
      participant_count: read.count,
      detail: read.detail ?? null,
      ip: actor.ip,
      request_id: actor.requestId,
    })
    .execute();
}
