import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber } from './numbers.js';

describe('parseNumber', () => {
  it('reads a Danish number with thousands dots and a decimal comma', () => {
    assert.equal(parseNumber('1.234,5', ','), 1234.5);
    assert.equal(parseNumber('1.234.567,25', ','), 1234567.25);
  });

  it('reads an English number with thousands commas and a decimal point', () => {
    assert.equal(parseNumber('1,234.5', '.'), 1234.5);
  });

  it('takes the last of two different separators as the decimal separator whatever the file uses', () => {
    assert.equal(parseNumber('1,234.5', ','), 1234.5);
    assert.equal(parseNumber('1.234,5', '.'), 1234.5);
  });

  it('reads 1.234 in a comma-decimal file as one thousand two hundred and thirty-four', () => {
    assert.equal(parseNumber('1.234', ','), 1234);
  });

  it('reads 1.234 in a point-decimal file as a decimal number', () => {
    assert.equal(parseNumber('1.234', '.'), 1.234);
  });

  it('reads 1,234 in a point-decimal file as thousands', () => {
    assert.equal(parseNumber('1,234', '.'), 1234);
  });

  it('reads 23.5 in a comma-decimal file as a decimal, since .5 is no group of thousands', () => {
    assert.equal(parseNumber('23.5', ','), 23.5);
    assert.equal(parseNumber('0.235', ','), 0.235);
  });

  it('reads a share with a percent sign as the percentage written', () => {
    assert.equal(parseNumber('23,5 %', ','), 23.5);
    assert.equal(parseNumber('23,5%', ','), 23.5);
  });

  it('reads thousands separated by ordinary, non-breaking and narrow spaces', () => {
    assert.equal(parseNumber('1 234,5', ','), 1234.5);
    assert.equal(parseNumber('1\u00a0234', ','), 1234);
    assert.equal(parseNumber('12\u202f345\u202f678', '.'), 12345678);
  });

  it('reads a leading hyphen-minus and a typographic minus', () => {
    assert.equal(parseNumber('-3,5', ','), -3.5);
    assert.equal(parseNumber('−3,5', ','), -3.5);
    assert.equal(parseNumber('- 2', ','), -2);
  });

  it('reads minus zero as zero', () => {
    assert.ok(Object.is(parseNumber('-0', ','), 0));
  });

  it('reads a decimal without digits before the separator', () => {
    assert.equal(parseNumber(',5', ','), 0.5);
  });

  it('rejects three parts separated by commas', () => {
    assert.deepEqual(parseNumber('12,3,4', ','), { error: '"12,3,4" er ikke et tal. Skriv fx 1.234,5.' });
  });

  it('rejects thousands groups that are not three digits long', () => {
    assert.ok(typeof parseNumber('1.23.456', ',') === 'object');
    assert.ok(typeof parseNumber('12 34', ',') === 'object');
  });

  it('rejects letters, exponents, a plus sign and a separator with nothing after it', () => {
    for (const text of ['abc', '1e5', 'Infinity', '0x10', '+5', '5,', '12 kr', '--5']) {
      assert.equal(typeof parseNumber(text, ','), 'object', text);
    }
  });

  it('says there is no number in an empty cell', () => {
    assert.deepEqual(parseNumber('  ', ','), { error: 'Der står ikke noget tal.' });
    assert.deepEqual(parseNumber('%', ','), { error: '"%" er ikke et tal. Skriv fx 1.234,5.' });
  });

  it('gives an example in the file’s own style', () => {
    assert.deepEqual(parseNumber('abc', '.'), { error: '"abc" er ikke et tal. Skriv fx 1,234.5.' });
  });
});
