import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeLocalPath } from './page.js';

describe('the page to return to after login', () => {
  it('follows local paths', () => {
    assert.equal(safeLocalPath('/brugere?side=2'), '/brugere?side=2');
  });

  it('refuses other sites, protocol-relative and backslash tricks', () => {
    for (const bad of ['https://ondt.example', '//ondt.example', '/\\ondt.example', 'javascript:alert(1)', '', undefined, 42]) {
      assert.equal(safeLocalPath(bad), '/', String(bad));
    }
  });
});
