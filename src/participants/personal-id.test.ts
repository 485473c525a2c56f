import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cprHashKey, hashCpr, newParticipantCode, parseCpr, parseParticipantCode } from './personal-id.js';

const fact = (text: string) => {
  const parsed = parseCpr(text);
  assert.ok(!('error' in parsed), JSON.stringify(parsed));
  return parsed;
};

describe('reading a CPR number', () => {
  it('reads the birth date with the century from the seventh digit', () => {
    assert.equal(fact('010203-1234').birthDate, '1903-02-01');
    assert.equal(fact('010203-4234').birthDate, '2003-02-01');
    assert.equal(fact('010240-4234').birthDate, '1940-02-01');
    assert.equal(fact('010257-5234').birthDate, '2057-02-01');
    assert.equal(fact('010258-5234').birthDate, '1858-02-01');
    assert.equal(fact('010236-9234').birthDate, '2036-02-01');
    assert.equal(fact('010237-9234').birthDate, '1937-02-01');
  });

  it('keeps only year and month of the birth date for the participant', () => {
    assert.equal(fact('3112154321').birthYearMonth, '2015-12');
  });

  it('accepts spaces and a missing dash, and refuses the wrong number of digits', () => {
    assert.equal(fact(' 010203 1234 ').digits, '0102031234');
    assert.match((parseCpr('01020-1234') as { error: string }).error, /10 cifre/);
    assert.match((parseCpr('0102031234x') as { error: string }).error, /10 cifre/);
  });

  it('refuses a date that does not exist, 29 February included outside leap years', () => {
    assert.match((parseCpr('310412-4321') as { error: string }).error, /dato, der ikke findes/);
    assert.match((parseCpr('290223-4321') as { error: string }).error, /dato, der ikke findes/);
    assert.equal(fact('290224-4321').birthDate, '2024-02-29');
  });
});

describe('the keyed hash kept in place of a CPR number', () => {
  const key = cprHashKey(Buffer.alloc(32, 7));

  it('is the same for the same number however it was typed, and never contains the number', () => {
    const a = hashCpr(fact('010203-4234'), key);
    assert.equal(a, hashCpr(fact('0102034234'), key));
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.ok(!a.includes('0102034234'));
  });

  it('differs for another number and under another installation’s key', () => {
    const a = hashCpr(fact('010203-4234'), key);
    assert.notEqual(a, hashCpr(fact('010203-4235'), key));
    assert.notEqual(a, hashCpr(fact('010203-4234'), cprHashKey(Buffer.alloc(32, 8))));
  });

  it('uses a key of its own, not the installation secret itself', () => {
    const secret = Buffer.alloc(32, 7);
    assert.notDeepEqual(cprHashKey(secret), secret);
    assert.equal(cprHashKey(secret).length, 32);
  });
});

describe('pseudonymous participant codes', () => {
  it('makes codes of the form P-XXXXXXXX-X that read back as themselves', () => {
    for (let i = 0; i < 200; i++) {
      const code = newParticipantCode();
      assert.match(code, /^P-[0-9A-HJKMNP-TV-Z]{8}-[0-9A-HJKMNP-TV-Z*~$=U]$/);
      assert.equal(parseParticipantCode(code), code);
    }
  });

  it('makes different codes from different random bytes', () => {
    const a = newParticipantCode(() => Buffer.from([1, 2, 3, 4, 5]));
    const b = newParticipantCode(() => Buffer.from([1, 2, 3, 4, 6]));
    assert.notEqual(a, b);
  });

  it('forgives lower case, spaces and the look-alikes O, I and L', () => {
    const code = newParticipantCode(() => Buffer.from([0, 0, 0, 0, 33]));
    assert.equal(code.slice(2, 10), '00000011');
    assert.equal(parseParticipantCode(` p-ooooooil-${code.at(-1)!.toLowerCase()} `), code);
  });

  it('catches a mistyped character by its check symbol', () => {
    const code = newParticipantCode(() => Buffer.from([9, 8, 7, 6, 5]));
    const wrong = `${code.slice(0, 2)}${code[2] === 'A' ? 'B' : 'A'}${code.slice(3)}`;
    assert.match((parseParticipantCode(wrong) as { error: string }).error, /kontroltegnet passer ikke/);
    assert.match((parseParticipantCode('P-123') as { error: string }).error, /formen P-XXXXXXXX-X/);
  });
});
