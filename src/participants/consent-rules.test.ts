import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { consentProblems, legalBasisLabel, LEGAL_BASES, type ConsentInput } from './consent-rules.js';

const consent = (overrides: Partial<ConsentInput> = {}): ConsentInput => ({
  givenBy: 'forælder', givenByName: 'Amina Hassan', givenOn: '2025-09-01', purpose: 'Deltagelse i Trivsel i skolen', legalBasis: 'samtykke', withdrawnOn: '', ...overrides,
});
const TODAY = '2025-10-01';

describe('consent rules', () => {
  it('accepts a parent consenting for a child', () => {
    assert.deepEqual(consentProblems(consent(), '2015-03', TODAY), []);
  });

  it('refuses a 12-year-old consenting on their own, in Danish, naming the age', () => {
    const problems = consentProblems(consent({ givenBy: 'deltageren', givenByName: '' }), '2013-01', TODAY);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.field, 'givenBy');
    assert.match(problems[0]!.message, /12 år .*under 13 år.*forælder eller værge/);
  });

  it('refuses own consent in the month of the 13th birthday, when the child may still be 12', () => {
    const problems = consentProblems(consent({ givenBy: 'deltageren', givenOn: '2025-09-10' }), '2012-09', TODAY);
    assert.match(problems[0]!.message, /12 eller 13 år/);
  });

  it('accepts a 13-year-old consenting on their own', () => {
    assert.deepEqual(consentProblems(consent({ givenBy: 'deltageren', givenByName: '' }), '2012-08', TODAY), []);
  });

  it('asks for the name of the parent or guardian', () => {
    assert.equal(consentProblems(consent({ givenBy: 'værge', givenByName: ' ' }), '2015-03', TODAY)[0]!.field, 'givenByName');
  });

  it('refuses a legal basis that is not on the list, and a consent in the future', () => {
    const fields = consentProblems(consent({ legalBasis: 'fordi', givenOn: '2026-01-01' }), '2015-03', TODAY).map((p) => p.field);
    assert.deepEqual(fields.sort(), ['givenOn', 'legalBasis']);
  });

  it('refuses a withdrawal before the consent was given', () => {
    assert.equal(consentProblems(consent({ withdrawnOn: '2025-08-01' }), '2015-03', TODAY)[0]!.field, 'withdrawnOn');
  });

  it('words every legal basis in Danish with its article', () => {
    for (const basis of LEGAL_BASES) assert.match(legalBasisLabel(basis.code), /§|art\./);
  });
});
