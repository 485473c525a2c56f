import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monthsAfter, monthsBefore, retentionCutoff } from './retention.js';
import { ConfigError, loadConfig } from '../config.js';

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

describe('HELHED_RETENTION_MONTHS', () => {
  const env = (value?: string) => ({ HELHED_SECRET: 'ab'.repeat(32), ...(value === undefined ? {} : { HELHED_RETENTION_MONTHS: value }) });

  it('is 24 months when not set', () => {
    assert.equal(loadConfig(env()).privacy.retentionMonths, 24);
  });

  it('takes a whole number of months', () => {
    assert.equal(loadConfig(env('36')).privacy.retentionMonths, 36);
  });

  it('refuses what is not a whole number from 6 to 120, in Danish, naming the variable', () => {
    for (const bad of ['abc', '2', '1.5', '121']) {
      assert.throws(() => loadConfig(env(bad)), (error: Error) => error instanceof ConfigError && /HELHED_RETENTION_MONTHS.*mellem 6 og 120/.test(error.message), bad);
    }
  });
});
