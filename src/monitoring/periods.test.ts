import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Period } from './measurement.js';
import { isError, parseDate, parsePeriod, quarterPeriod, schoolYearPeriod } from './periods.js';

function period(text: string): Period {
  const result = parsePeriod(text);
  if (isError(result)) assert.fail(`${text}: ${result.error}`);
  return result;
}

function errorOf(text: string): string {
  const result = parsePeriod(text);
  if (!isError(result)) assert.fail(`${text} was read as ${result.label}`);
  return result.error;
}

const summary = (p: Period) => `${p.kind} ${p.start} ${p.end} ${p.label}`;

describe('parsePeriod', () => {
  it('reads a four-digit year as the calendar year', () => {
    assert.equal(summary(period('2024')), 'calendar-year 2024-01-01 2024-12-31 2024');
  });

  it('reads 2023/24, 2023/2024, 2023-24 and skoleåret 2023/24 as the school year from 1 August to 31 July', () => {
    for (const text of ['2023/24', '2023/2024', '2023-24', 'skoleåret 2023/24', 'Skoleår 2023/24']) {
      assert.equal(summary(period(text)), 'school-year 2023-08-01 2024-07-31 2023/24', text);
    }
  });

  it('reads a school year across a century', () => {
    assert.equal(summary(period('2099/00')), 'school-year 2099-08-01 2100-07-31 2099/00');
  });

  it('reads planår 2025/26 as a plan year with the school year’s dates', () => {
    assert.equal(summary(period('planår 2025/26')), 'plan-year 2025-08-01 2026-07-31 planår 2025/26');
    assert.equal(summary(period('Planåret 2025/2026')), 'plan-year 2025-08-01 2026-07-31 planår 2025/26');
  });

  it('reads half years in words and as 2024H1', () => {
    assert.equal(summary(period('1. halvår 2024')), 'half-year 2024-01-01 2024-06-30 1. halvår 2024');
    assert.equal(summary(period('2. halvår 2024')), 'half-year 2024-07-01 2024-12-31 2. halvår 2024');
    assert.equal(summary(period('2024H1')), 'half-year 2024-01-01 2024-06-30 1. halvår 2024');
    assert.equal(summary(period('2024h2')), 'half-year 2024-07-01 2024-12-31 2. halvår 2024');
  });

  it('reads quarters in words and as K2 2024, 2024K2 and 2024Q2', () => {
    for (const text of ['2. kvartal 2024', 'K2 2024', '2024K2', '2024Q2', '2024-Q2', '2. kvt. 2024']) {
      assert.equal(summary(period(text)), 'quarter 2024-04-01 2024-06-30 2. kvartal 2024', text);
    }
  });

  it('ends the first quarter on the last day of March and the fourth on 31 December', () => {
    assert.equal(quarterPeriod(2024, 1).end, '2024-03-31');
    assert.equal(quarterPeriod(2024, 4).end, '2024-12-31');
  });

  it('reads months by name, abbreviation, 2024-03 and 03-2024', () => {
    for (const text of ['marts 2024', 'Mar 2024', 'mar. 2024', '2024-03', '03-2024', '3/2024']) {
      assert.equal(summary(period(text)), 'month 2024-03-01 2024-03-31 marts 2024', text);
    }
  });

  it('ends February on the 29th in a leap year', () => {
    assert.equal(period('februar 2024').end, '2024-02-29');
    assert.equal(period('februar 2023').end, '2023-02-28');
  });

  it('reads the month Excel writes back as mar-24', () => {
    assert.equal(period('mar-24').label, 'marts 2024');
  });

  it('reads 2011-12 as December 2011, not as a school year', () => {
    assert.equal(period('2011-12').kind, 'month');
  });

  it('reads a single date in every accepted form as a range of one day', () => {
    for (const text of ['31-12-2024', '31.12.2024', '31/12/2024', '2024-12-31', '31. december 2024']) {
      assert.equal(summary(period(text)), 'range 2024-12-31 2024-12-31 31-12-2024', text);
    }
    assert.equal(summary(period('1. januar 2024')), 'range 2024-01-01 2024-01-01 01-01-2024');
  });

  it('reads ranges written with a hyphen, an en dash or til', () => {
    for (const text of ['01-01-2024 - 31-12-2024', '2024-01-01 til 2024-12-31', '01-01-2024 – 31-12-2024', '2024-01-01–2024-12-31', '1.1.2024-31.12.2024']) {
      assert.equal(summary(period(text)), 'range 2024-01-01 2024-12-31 01-01-2024 – 31-12-2024', text);
    }
  });

  it('tolerates surrounding and non-breaking spaces and upper case', () => {
    assert.equal(period('  2.\u00a0KVARTAL   2024 ').label, '2. kvartal 2024');
  });

  it('rejects a day that is not in the calendar and says why', () => {
    assert.equal(errorOf('31-02-2024'), 'Perioden "31-02-2024" kan ikke læses: februar 2024 har kun 29 dage.');
  });

  it('rejects month 13', () => {
    assert.match(errorOf('2024-13-01'), /ingen måned 13/);
  });

  it('rejects a range that ends before it starts', () => {
    assert.match(errorOf('31-12-2024 - 01-01-2024'), /slutdatoen 01-01-2024 ligger før startdatoen 31-12-2024/);
  });

  it('rejects years before 1990 and after 2100', () => {
    assert.match(errorOf('1989'), /året 1989 ligger uden for 1990-2100/);
    assert.match(errorOf('01-01-2101'), /året 2101/);
    assert.match(errorOf('2. kvartal 1900'), /året 1900/);
  });

  it('rejects a school year whose years do not follow each other', () => {
    assert.match(errorOf('2023/25'), /^Perioden "2023\/25" kan ikke læses: et skoleår går over to år i træk, fx 2023\/24\.$/);
  });

  it('rejects a fifth quarter and a third half year', () => {
    assert.match(errorOf('5. kvartal 2024'), /kun 4 kvartaler/);
    assert.match(errorOf('2024H3'), /kun 2 halvår/);
  });

  it('shows the accepted forms when the text is no period at all', () => {
    assert.equal(errorOf('sidste år'), 'Perioden "sidste år" kan ikke læses. Skriv fx 2024, 2023/24, 2. kvartal 2024 eller 31-12-2024.');
  });

  it('says the period is missing when the cell is empty', () => {
    assert.match(errorOf('  '), /^Perioden mangler\./);
  });

  it('answers a repeated text with the same frozen period', () => {
    const first = period('1. halvår 2025');
    assert.equal(period('1. halvår 2025'), first);
    assert.ok(Object.isFrozen(first));
  });

  it('keeps answering correctly after more distinct texts than its cache holds', () => {
    for (let day = 0; day < 3000; day++) period(`${String((day % 28) + 1).padStart(2, '0')}-${String((day % 12) + 1).padStart(2, '0')}-${1990 + (day % 100)}`);
    assert.equal(period('2024').label, '2024');
  });

  it('labels a plan year built in code like a parsed one', () => {
    assert.deepEqual({ ...schoolYearPeriod(2025, 'plan-year') }, { ...period('planår 2025/26') });
  });
});

describe('parseDate', () => {
  it('returns an ISO date for each accepted form', () => {
    for (const text of ['15-03-2025', '15.03.2025', '15/03/2025', '2025-03-15', '15. marts 2025']) assert.equal(parseDate(text), '2025-03-15', text);
  });

  it('ignores a time of day after the date, as spreadsheets export it', () => {
    assert.equal(parseDate('2025-03-15 00:00:00'), '2025-03-15');
    assert.equal(parseDate('2025-03-15T10:30:00Z'), '2025-03-15');
  });

  it('rejects 29 February in a year that is not a leap year', () => {
    assert.deepEqual(parseDate('29-02-2023'), { error: 'Datoen "29-02-2023" kan ikke læses: februar 2023 har kun 28 dage.' });
  });

  it('rejects a month or quarter where a date is expected', () => {
    assert.ok(isError(parseDate('marts 2025')));
    assert.ok(isError(parseDate('2025')));
  });

  it('says the date is missing when the cell is empty', () => {
    assert.deepEqual(parseDate(''), { error: 'Datoen mangler. Skriv fx 31-12-2024 eller 2024-12-31.' });
  });
});
