import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monthsAfter, monthsBefore, retentionCutoff } from './retention.js';

describe('retention cut-off', () => {
  it('goes back whole calendar months', () => {
    assert.equal(monthsBefore('2026-11-26', 24), '2024-11-26');
    assert.equal(monthsBefore('2026-01-15', 1), '2025-12-15');
  });

  it('takes the last day of a shorter month instead of a day it lacks', () => {
    assert.equal(monthsBefore('2026-03-31', 1), '2026-02-28');
    assert.equal(monthsBefore('2024-03-31', 1), '2024-02-29');
  });

  it('counts forward the same way', () => {
    assert.equal(monthsAfter('2024-11-26', 24), '2026-11-26');
    assert.equal(monthsAfter('2025-01-31', 1), '2025-02-28');
  });

  it('puts the cut-off the configured number of months before today', () => {
    assert.equal(retentionCutoff('2026-11-26', 36), '2023-11-26');
  });

  it('refuses a date that is not written YYYY-MM-DD', () => {
    assert.throws(() => monthsBefore('26-11-2026', 1), /ÅÅÅÅ-MM-DD/);
  });
});
