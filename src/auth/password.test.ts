import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { passwordProblems } from './password.js';

describe('password rules', () => {
  it('asks for at least 12 characters', () => {
    assert.deepEqual(passwordProblems('kort'), ['Adgangskoden skal være mindst 12 tegn.']);
    assert.deepEqual(passwordProblems('tolv tegn ok'), []);
  });

  it('refuses a password built on the name before @ in the e-mail address', () => {
    assert.match(passwordProblems('mette-hansen-2026', 'mette-hansen@randers.dk').join(' '), /navnet foran @/);
  });

  it('ignores names too short to matter', () => {
    assert.deepEqual(passwordProblems('en god lang adgangskode', 'a@helhed.test'), []);
    assert.deepEqual(passwordProblems('en god lang adgangskode', 'en@helhed.test'), []);
  });
});
