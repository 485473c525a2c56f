/**
 * The crisis module's settings per plan (issue 7): the working-day calendar's closing days (public holidays are
 * computed, `src/time/working-days.ts`), how long a convened member has to answer before the substitute is called in,
 * the months the contact-confirmation campaign runs, and after how long unconfirmed contact data is flagged. A plan
 * without a stored row uses the defaults. Changing the calendar never moves a deadline already fixed.
 */
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { nowIso } from '../db/ids.js';
import { ValidationError, type FieldError } from '../errors/errors.js';
import { parseIsoDate } from '../time/copenhagen.js';
import { DEFAULT_CLOSING_DAYS } from '../time/working-days.js';
import type { CrisisSettingsRow } from './crisis.table.js';

export interface CrisisSettings {
  /** `MM-DD` every year, `YYYY-MM-DD` one day. */
  closingDays: string[];
  /** Minutes before an unanswered invitation is escalated to the member's substitute. */
  escalationMinutes: { roed: number; gul: number };
  /** Months (1-12) in which the twice-yearly contact-confirmation campaign is due. */
  campaignMonths: number[];
  /** Contact data not confirmed for this many months is flagged. */
  staleAfterMonths: number;
  updatedAt: string | null;
  updatedByLabel: string | null;
}

export const DEFAULT_CRISIS_SETTINGS: CrisisSettings = {
  closingDays: [...DEFAULT_CLOSING_DAYS],
  // Red: the group meets within 24 hours, so a member silent for an hour is replaced; yellow leaves three working days.
  escalationMinutes: { roed: 60, gul: 24 * 60 },
  // Twice a year, before the spring and autumn work: March and September.
  campaignMonths: [3, 9],
  staleAfterMonths: 12,
  updatedAt: null,
  updatedByLabel: null,
};

export type CrisisSettingsInput = Omit<CrisisSettings, 'updatedAt' | 'updatedByLabel'>;

function fromRow(row: CrisisSettingsRow): CrisisSettings {
  return {
    closingDays: JSON.parse(row.closing_days) as string[],
    escalationMinutes: { roed: Number(row.escalation_minutes_red), gul: Number(row.escalation_minutes_yellow) },
    campaignMonths: JSON.parse(row.campaign_months) as number[],
    staleAfterMonths: Number(row.stale_after_months),
    updatedAt: row.updated_at,
    updatedByLabel: row.updated_by_label,
  };
}

/** Whether a text is a closing day: `MM-DD` (a day that exists in a leap year) or a real `YYYY-MM-DD`. */
export function isClosingDay(value: string): boolean {
  if (/^\d{2}-\d{2}$/.test(value)) return parseIsoDate(`2024-${value}`) !== null;
  return parseIsoDate(value) !== null;
}

/** The problems with settings, by field, in Danish. */
export function checkSettings(input: CrisisSettingsInput): FieldError[] {
  const errors: FieldError[] = [];
  const bad = input.closingDays.filter((d) => !isClosingDay(d));
  if (bad.length > 0) {
    errors.push({ field: 'closingDays', message: `Lukkedage skal skrives MM-DD (hvert år) eller ÅÅÅÅ-MM-DD (én dag), ikke ${bad.map((d) => `«${d}»`).join(', ')}.` });
  }
  for (const level of ['roed', 'gul'] as const) {
    const minutes = input.escalationMinutes[level];
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 7 * 24 * 60) {
      errors.push({ field: level === 'roed' ? 'escalationMinutesRed' : 'escalationMinutesYellow', message: `Tiden før eskalering ved ${level === 'roed' ? 'rødt' : 'gult'} niveau skal være et helt antal minutter fra 5 til 10080.` });
    }
  }
  if (input.campaignMonths.length === 0 || input.campaignMonths.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) {
    errors.push({ field: 'campaignMonths', message: 'Vælg mindst én måned (1-12) for påmindelsen om at bekræfte kontaktoplysninger.' });
  }
  if (!Number.isInteger(input.staleAfterMonths) || input.staleAfterMonths < 1 || input.staleAfterMonths > 60) {
    errors.push({ field: 'staleAfterMonths', message: 'Antal måneder, før kontaktoplysninger markeres som ikke bekræftet, skal være et helt tal fra 1 til 60.' });
  }
  return errors;
}

export async function crisisSettings(database: Db, planId: string): Promise<CrisisSettings> {
  const row = await database.db.selectFrom('crisis_settings').selectAll().where('plan_id', '=', planId).executeTakeFirst();
  return row ? fromRow(row) : DEFAULT_CRISIS_SETTINGS;
}

/** Stores the plan's settings; audited with what was and what is. @throws ValidationError */
export async function saveCrisisSettings(database: Db, clock: () => Date, actor: Actor, planId: string, input: CrisisSettingsInput): Promise<CrisisSettings> {
  const errors = checkSettings(input);
  if (errors.length > 0) throw new ValidationError(errors);
  const closingDays = [...new Set(input.closingDays)].sort();
  const months = [...new Set(input.campaignMonths)].sort((a, b) => a - b);
  const row: CrisisSettingsRow = {
    plan_id: planId,
    closing_days: JSON.stringify(closingDays),
    escalation_minutes_red: input.escalationMinutes.roed,
    escalation_minutes_yellow: input.escalationMinutes.gul,
    campaign_months: JSON.stringify(months),
    stale_after_months: input.staleAfterMonths,
    updated_at: nowIso(clock),
    updated_by_label: actor.label,
  };
  await database.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('crisis_settings').selectAll().where('plan_id', '=', planId).executeTakeFirst();
    if (before) await trx.updateTable('crisis_settings').set(row).where('plan_id', '=', planId).execute();
    else await trx.insertInto('crisis_settings').values(row).execute();
    await recordAudit(trx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'crisis_settings',
      entityId: planId,
      summary: 'Ændrede beredskabets indstillinger (lukkedage, eskalering, påmindelser)',
      before: before ? { closingDays: before.closing_days, escalationRed: before.escalation_minutes_red, escalationYellow: before.escalation_minutes_yellow, campaignMonths: before.campaign_months, staleAfterMonths: before.stale_after_months } : undefined,
      after: { closingDays: row.closing_days, escalationRed: row.escalation_minutes_red, escalationYellow: row.escalation_minutes_yellow, campaignMonths: row.campaign_months, staleAfterMonths: row.stale_after_months },
      planId,
    });
  });
  return fromRow(row);
}
