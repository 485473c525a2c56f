import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randersPlanContent } from '../plan/content/index.js';
import { planYearOf } from './output-targets.js';
import { agreedHoursOf, assessHours, hoursPerYearOf, monthPeriod, monthsEnded, monthsOf, organisationMatches } from './staff-hours.js';

const year = planYearOf('2025-08-01');

describe('agreed staff hours', () => {
  it('lists every line of the plan\u2019s staff hours with its activity', () => {
    const lines = agreedHoursOf(randersPlanContent.interventionAreas, 4);
    assert.equal(lines.length, randersPlanContent.interventionAreas.reduce((n, a) => n + a.staffHours.length, 0));
    const brandkadet = lines.find((l) => l.activitySlug === 'brandkadet');
    assert.equal(brandkadet?.hoursPerYear, 276);
    assert.equal(brandkadet?.activityName, 'Brandkadet');
    assert.equal(new Set(lines.map((l) => l.key)).size, lines.length);
  });

  it('spreads hours stated for the whole period over its years', () => {
    assert.equal(hoursPerYearOf({ hoursInPeriod: 4000 }, 4), 1000);
    assert.equal(hoursPerYearOf({}, 4), null);
  });
});

describe('matching a partner organisation to the plan\u2019s names', () => {
  it('ignores case, spacing, punctuation and a remark in brackets', () => {
    assert.ok(organisationMatches('randers  ungdomsskole', 'Randers Ungdomsskole (i samarbejde med Falck)'));
    assert.ok(organisationMatches('PPR', 'PPR'));
  });

  it('does not match a broader name to a narrower one', () => {
    assert.ok(!organisationMatches('Randers Kommune', 'Randers Kommune, Kultur og Fritid (Get2sport-medarbejder)'));
    assert.ok(!organisationMatches('', 'PPR'));
  });
});

describe('reporting months', () => {
  it('reads a month and names it in Danish', () => {
    assert.deepEqual(monthPeriod('2026-02'), { start: '2026-02-01', end: '2026-02-28', label: 'februar 2026' });
    assert.equal(monthPeriod('2026-13'), null);
    assert.equal(monthPeriod('februar'), null);
  });

  it('gives a plan year twelve months from August to July', () => {
    const months = monthsOf(year);
    assert.equal(months.length, 12);
    assert.equal(months[0]?.start, '2025-08-01');
    assert.equal(months[11]?.end, '2026-07-31');
  });

  it('counts a month as ended on its last day', () => {
    assert.equal(monthsEnded(year, '2025-08-30'), 0);
    assert.equal(monthsEnded(year, '2025-08-31'), 1);
    assert.equal(monthsEnded(year, '2026-01-15'), 5);
    assert.equal(monthsEnded(year, '2027-01-01'), 12);
  });
});

describe('assessing delivered hours', () => {
  it('expects the agreed hours pro rata over the months that have ended', () => {
    const a = assessHours(1200, 500, year, '2026-01-15');
    assert.equal(a.expectedByNow, 500);
    assert.equal(a.status, 'på vej');
    assert.equal(a.shortfall, 0);
  });

  it('shows a shortfall when more than 10 % below the pace', () => {
    const a = assessHours(1200, 400, year, '2026-01-15');
    assert.equal(a.status, 'bagud');
    assert.equal(a.shortfall, 100);
  });

  it('tolerates a lag within 10 %', () => {
    assert.equal(assessHours(1200, 450, year, '2026-01-15').status, 'på vej');
  });

  it('cannot judge hours the plan does not state per year', () => {
    assert.deepEqual(assessHours(null, 10, year, '2026-01-15'), { status: 'ikke målbar', expectedByNow: null, shortfall: 0 });
  });
});
