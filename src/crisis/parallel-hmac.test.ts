import assert from 'node:assert/strict';
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { ParallelHmac } from './parallel-hmac.js';

describe('HMAC on two threads', () => {
  const key = createSecretKey(randomBytes(32));
  const hasher = new ParallelHmac(key);
  after(() => hasher.close());
  const expected = (texts: readonly string[]) => texts.map((t) => createHmac('sha256', key).update(t).digest('hex'));

  it('gives each text its own HMAC-SHA256, in order, for a batch split between the threads', async () => {
    const texts = Array.from({ length: 9001 }, (_, i) => `indførsel ${i} – æøå`);
    assert.deepEqual(await hasher.hashAll(texts), expected(texts));
  });

  it('gives the same for a small batch hashed on this thread alone, and for none', async () => {
    const texts = ['a', 'b', 'æ'];
    assert.deepEqual(await hasher.hashAll(texts), expected(texts));
    assert.deepEqual(await hasher.hashAll([]), []);
  });

  it('keeps concurrent batches apart', async () => {
    const one = Array.from({ length: 5000 }, (_, i) => `én ${i}`);
    const two = Array.from({ length: 6000 }, (_, i) => `to ${i}`);
    const [a, b] = await Promise.all([hasher.hashAll(one), hasher.hashAll(two)]);
    assert.deepEqual(a, expected(one));
    assert.deepEqual(b, expected(two));
  });
});
