/**
 * The plan's press contacts (issue 7, part 5): whom to involve when the press calls. Each plan starts with the
 * contacts its beredskabsplan names (content/communication.ts), seeded once per plan behind a settings key as the
 * crisis group's members are (MeetingService.ensureMembers), so the secretariat's edits and deletions stick.
 * The crisis card (PDF) and the communication plan read them through `pressContactsOf`.
 */
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import * as repo from './communication.repository.js';
import type { PressContact } from './communication.repository.js';
import type { CrisisPressContactRow } from './crisis.table.js';
import { PRESS_CONTACT_SEEDS } from './content/communication.js';

export type { PressContact } from './communication.repository.js';

const seededKey = (planId: string) => `crisis-press-contacts-seeded:${planId}`;

/**
 * Seeds the plan's press contacts from its beredskabsplan the first time it is asked; later calls do nothing. A plan
 * whose content names no press contacts is marked seeded too, with none.
 */
export async function ensurePressContacts(database: Db, clock: () => Date, planId: string): Promise<void> {
  const key = seededKey(planId);
  if (await repo.hasSetting(database.db, key)) return;
  const slug = await repo.planSlugOf(database.db, planId);
  if (slug === undefined) return;
  const at = nowIso(clock);
  const rows: CrisisPressContactRow[] = (PRESS_CONTACT_SEEDS[slug] ?? []).map((seed, i) => ({
    id: newId(),
    plan_id: planId,
    organisation: seed.organisation,
    position: seed.position,
    name: seed.name,
    phone: seed.phone,
    email: null,
    sort_order: i + 1,
    created_at: at,
    updated_at: at,
  }));
  await database.db.transaction().execute(async (trx) => {
    if (!(await repo.claimSetting(trx, key, at))) return;
    await repo.insertPressContacts(trx, rows);
    if (rows.length > 0) {
      await recordAudit(trx, SYSTEM_ACTOR, {
        action: 'create',
        entityType: 'crisis_press_contact',
        summary: `Oprettede ${rows.length} pressekontakter fra beredskabsplanen`,
        planId,
      });
    }
  });
}

/** The plan's press contacts in order, seeded from the plan the first time. */
export async function pressContactsOf(database: Db, clock: () => Date, planId: string): Promise<PressContact[]> {
  await ensurePressContacts(database, clock, planId);
  return repo.listPressContacts(database.db, planId);
}
