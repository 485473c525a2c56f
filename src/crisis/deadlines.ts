/**
 * When the crisis group must meet (PRODUCT.md, «Crisis deadlines»; plan lines 3420-3422). Red: 24 elapsed hours after
 * activation, whatever the clocks do in between. Yellow: the end (23:59:59 Europe/Copenhagen) of the third working
 * day after the Danish day of activation; working days are Monday to Friday except public holidays and the configured
 * closing days. The deadline is computed once, when the level is set, and kept with the incident. Pure.
 */
import { danishDateOf, localToInstant, parseIsoDate } from '../time/copenhagen.js';
import { addWorkingDays, DEFAULT_CLOSING_DAYS, type ClosingDay } from '../time/working-days.js';
import type { CrisisLevel } from './levels.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Working days the group has at yellow, counted from the day after activation. */
export const YELLOW_WORKING_DAYS = 3;

export function meetingDeadline(level: CrisisLevel, levelSetAt: Date, closingDays: readonly ClosingDay[] = DEFAULT_CLOSING_DAYS): Date {
  if (level === 'roed') return new Date(levelSetAt.getTime() + DAY_MS);
  const lastDay = parseIsoDate(addWorkingDays(danishDateOf(levelSetAt), YELLOW_WORKING_DAYS, closingDays))!;
  return localToInstant(lastDay.year, lastDay.month, lastDay.day, 23, 59, 59);
}

/** The time left until a deadline in Danish, «19 timer og 5 minutter», or how long it has been passed. */
export function timeLeft(deadline: Date, now: Date): { overdue: boolean; text: string } {
  const ms = deadline.getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ${days === 1 ? 'døgn' : 'døgn'}`);
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'time' : 'timer'}`);
  if (days === 0 && (mins > 0 || parts.length === 0)) parts.push(`${mins} ${mins === 1 ? 'minut' : 'minutter'}`);
  const text = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}` : parts[0]!;
  return { overdue: ms < 0, text };
}
