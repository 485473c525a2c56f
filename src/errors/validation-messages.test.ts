import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { translateValidation } from './validation-messages.js';

const ajv = new Ajv.default({ allErrors: true });
const validate = ajv.compile({
  type: 'object',
  properties: { email: { type: 'string', minLength: 1 }, roles: { type: 'array', items: { enum: ['a', 'b'] } }, age: { type: 'integer' } },
  required: ['email'],
  additionalProperties: false,
});

function errorsFor(value: unknown) {
  validate(value);
  return translateValidation(validate.errors ?? [], 'body');
}

describe('Danish validation messages', () => {
  it('names a missing field', () => {
    assert.deepEqual(errorsFor({}), [{ field: 'email', message: 'Feltet skal udfyldes.' }]);
  });

  it('names an unknown field', () => {
    assert.deepEqual(errorsFor({ email: 'x', admin: true }), [{ field: 'admin', message: 'Feltet er ukendt og kan ikke modtages.' }]);
  });

  it('says which type a value must have', () => {
    assert.deepEqual(errorsFor({ email: 'x', age: '12' }), [{ field: 'age', message: 'Værdien skal være et helt tal.' }]);
  });

  it('points into lists by index and lists the allowed values', () => {
    assert.deepEqual(errorsFor({ email: 'x', roles: ['a', 'c'] }), [{ field: 'roles[1]', message: 'Skal være en af: «a», «b».' }]);
  });

  it('reports every field at once', () => {
    assert.equal(errorsFor({ age: 1.5, extra: 1 }).length, 3);
  });
});
