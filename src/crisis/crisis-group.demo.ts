/**
 * Demo data for the crisis group (issue 7, part A): the members seeded from the plan get invented addresses at
 * `helhed.example` (as the board's do in `seedDemoMeetings`), most have confirmed their data in the last months, one
 * confirmed it more than a year ago and one never did, so the demo shows both flags. Idempotent: done once per plan
 * behind a settings key, so the secretariat's later changes stay.
 */
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { nowIso } from '../db/ids.js';
import type { BodyMemberRow } from '../governance/governance.table.js';
import { claimSetting } from '../governance/meetings.repository.js';
import { meetingServiceFor } from '../governance/meetings.service.js';
import type { AppServices } from '../app.js';
import * as repo from './crisis-group.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** «Jørgen Lajer» → «joergen.lajer». */
function localPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
}

/**
 * Gives the demo crisis group e-mail addresses and confirmations: the last member in the list never confirmed, the
 * second to last confirmed 14 months ago, the rest 10 to 100 days ago. Returns how many members were changed.
 */
export async function seedDemoCrisisGroup(services: Pick<AppServices, 'database' | 'plan' | 'clock' | 'config'>, planId: string): Promise<number> {
  await meetingServiceFor(services).ensureMembers(planId);
  const now = services.clock();
  const at = nowIso(services.clock);
  const actor = { ...SYSTEM_ACTOR, label: 'demodata' };
  return services.database.db.transaction().execute(async (trx) => {
    if (!(await claimSetting(trx, `demo-crisis-group:${planId}`, at, at))) return 0;
    const rows = await repo.listGroup(trx, planId);
    const taken = new Set<string>();
    let changed = 0;
    for (const [i, member] of rows.entries()) {
      const { user_name, user_email, ...row } = member;
      void user_name;
      void user_email;
      let email = row.email;
      if (email === null) {
        const base = localPart(row.name ?? `beredskab.${i + 1}`) || `beredskab.${i + 1}`;
        email = `${base}@helhed.example`;
        for (let n = 2; taken.has(email); n++) email = `${base}${n}@helhed.example`;
      }
      taken.add(email);
      const fromEnd = rows.length - 1 - i;
      const confirmedAt = fromEnd === 0 ? null : fromEnd === 1 ? new Date(now.getTime() - 14 * 30 * DAY_MS) : new Date(now.getTime() - (10 + ((i * 37) % 90)) * DAY_MS);
      const next: BodyMemberRow = {
        ...row,
        email,
        contact_confirmed_at: row.contact_confirmed_at ?? confirmedAt?.toISOString() ?? null,
        contact_confirmed_by_label: row.contact_confirmed_at ? row.contact_confirmed_by_label : confirmedAt ? `${row.name ?? 'Medlemmet'} (selv, via link i e-mail)` : null,
        updated_at: at,
      };
      await repo.updateMember(trx, next);
      changed++;
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'body_member',
      summary: 'Gav beredskabsgruppens medlemmer opdigtede e-mailadresser og bekræftelser (demodata)',
      planId,
    });
    return changed;
  });
}
