import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldPathLabel, fieldValueLabel, itemNamesOf, scopeLabel, targetFigure } from './plan.labels.js';

describe('the plan’s codes in Danish', () => {
  it('names who a baseline is about', () => {
    const names = new Map([['gl-jennumparken', 'Gl. Jennumparken']]);
    assert.deepEqual(
      ['areas', 'area:gl-jennumparken', 'municipality', 'country', 'region', 'sector', 'group:198 udvalgte boligområder'].map((s) => scopeLabel(s, names)),
      ['Boligområderne samlet', 'Gl. Jennumparken', 'Randers Kommune', 'Hele landet', 'Regionen', 'Den almene sektor', '198 udvalgte boligområder'],
    );
  });

  it('says a target’s figure as the plan does', () => {
    assert.equal(targetFigure({ kind: 'minimum', min: 12 }), 'mindst 12');
    assert.equal(targetFigure({ kind: 'range', min: 15, max: 20 }), '15-20');
    assert.equal(targetFigure({ kind: 'approximate', value: 35 }), 'ca. 35');
    assert.equal(targetFigure({ kind: 'maximum', max: 1500 }), 'højst 1.500');
  });

  it('names a changed field and its coded values', () => {
    assert.equal(fieldPathLabel('targets[1].min'), 'Mål 2: mindst');
    assert.equal(fieldPathLabel('resources'), 'Ressourcer');
    assert.equal(fieldPathLabel('targets[0].min', itemNamesOf({ targets: [{ measure: 'unge i Brandkadet' }] })), 'Mål 1 (unge i Brandkadet): mindst');
    assert.equal(fieldValueLabel('targets[0].kind', 'approximate'), 'ca.');
    assert.equal(fieldValueLabel('targets[0].per', 'plan-year'), 'pr. planår');
  });
});
