/**
 * When personal data has been kept long enough (PRODUCT.md, "Personal data": «delete or anonymise personal data a
 * configurable time after its last use»). Pure: the service asks for the cut-off and erases whoever falls before it.
 *
 * The default, 24 months after the participant's last enrolment ended (HELHED_RETENTION_MONTHS):
 * - outcome cohorts compare the term before an enrolment with up to six terms from its start (src/outcomes/terms.ts,
 *   MAX_WINDOWS); for an enrolment of about a year that reaches two years past its end, so erasing sooner would cut
 *   the follow-up the plan asks for («at følge udviklingen hos de børn, der har modtaget …»);
 * - two years also covers a whole plan year after the one the person took part in, so the annual data report and the
 *   steering group's counts for that year are made while the data is there;
 * - longer would keep data on children and families no purpose needs once the follow-up is done.
 * Someone registered but never enrolled has given nothing to follow up; the same period counts from registration so
 * that one rule covers everybody.
 */

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The calendar date `months` months before `isoDate`; a day the earlier month lacks becomes its last day
 * (31 March minus one month is 28 or 29 February).
 */
export function monthsBefore(isoDate: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`Datoen skal skrives ÅÅÅÅ-MM-DD, ikke «${isoDate}».`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(m[3]), daysIn(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date `months` months after `isoDate`, clamped the same way. */
export function monthsAfter(isoDate: string, months: number): string {
  return monthsBefore(isoDate, -months);
}

/**
 * The cut-off of a retention run on `today`: a participant whose last enrolment ended before it (or, never enrolled,
 * who was registered before it) is due. Ending on the cut-off day itself is exactly `months` months ago, not more.
 */
export function retentionCutoff(today: string, months: number): string {
  return monthsBefore(today, months);
}
