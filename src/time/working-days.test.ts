import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addWorkingDays, danishHolidays, easterSunday, isWorkingDay, nextWorkingDay, nonWorkingReason } from './working-days.js';

describe('Danish working days', () => {
  it('finds Easter Sunday for years on both sides of the rule changes', () => {
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(2027), '2027-03-28');
    assert.equal(easterSunday(2038), '2038-04-25');
  });

  it('lists the eleven public holidays of 2026 and no Store Bededag', () => {
    const holidays = danishHolidays(2026);
    assert.deepEqual(holidays.map((h) => h.date), [
      '2026-01-01', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26',
    ]);
    assert.ok(!holidays.some((h) => h.name === 'Store bededag'));
  });

  it('keeps Store Bededag as a holiday until 2023 and makes its Friday a working day from 2024', () => {
    assert.equal(nonWorkingReason('2023-05-05'), 'Store bededag');
    assert.equal(nonWorkingReason('2024-04-26'), null);
  });

  it('tells weekends, holidays and the default closing days from working days', () => {
    assert.equal(nonWorkingReason('2026-11-28'), 'lørdag');
    assert.equal(nonWorkingReason('2026-11-29'), 'søndag');
    assert.equal(nonWorkingReason('2026-05-14'), 'Kristi himmelfartsdag');
    assert.equal(nonWorkingReason('2026-06-05'), 'lukkedag');
    assert.equal(nonWorkingReason('2026-12-24'), 'lukkedag');
    assert.equal(nonWorkingReason('2026-12-31'), 'lukkedag');
    assert.equal(isWorkingDay('2026-11-26'), true);
    assert.equal(isWorkingDay('2026-06-05', []), true, 'a closing day only when configured');
  });

  it('counts working days past weekends, Easter and the Christmas closing days', () => {
    assert.equal(addWorkingDays('2026-11-26', 3), '2026-12-01');
    assert.equal(addWorkingDays('2026-04-01', 1), '2026-04-07');
    assert.equal(addWorkingDays('2026-12-23', 1), '2026-12-28');
    assert.equal(addWorkingDays('2026-12-23', 0), '2026-12-23');
    assert.equal(nextWorkingDay('2026-12-24'), '2026-12-28');
    assert.throws(() => addWorkingDays('2026-12-23', -1), /mindst 0/);
    assert.throws(() => isWorkingDay('2026-02-30'), /ÅÅÅÅ-MM-DD/);
  });
});
