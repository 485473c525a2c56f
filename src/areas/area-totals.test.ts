import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { areas } from '../plan/content/areas.js';
import { discrepancy, sumAreas } from './area-totals.js';

describe('the areas added up', () => {
  it('sums the seven areas to 4,161 lejemål and 6,815 residents, and calls only the residents a discrepancy', () => {
    const sums = sumAreas(areas);
    assert.equal(sums.tenancies, 4161);
    assert.equal(sums.residents, 6815);
    assert.deepEqual(sums.childrenMissing, ['Energivej-området', 'Sjællandsgade-kvarteret']);
    assert.equal(discrepancy(sums.tenancies, 4100), null, '1.5 % is within «ca.»');
    assert.deepEqual(discrepancy(sums.residents, 6600)?.difference, 215);
  });
});
