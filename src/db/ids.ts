import { randomBytes } from 'node:crypto';

// Random bytes drawn from the system in blocks: one system call per 4,096 ids instead of one per id, which was the
// largest cost of importing a million measurements.
const POOL_IDS = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

function randomChunk(): Buffer {
  if (offset >= pool.length) {
    pool = randomBytes(16 * POOL_IDS);
    offset = 0;
  }
  const chunk = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  return chunk;
}

/**
 * A UUID version 7: time-ordered, so rows sort by creation on both engines without a sequence, and ids can be made
 * in the application before a row is written (same code on SQLite and PostgreSQL).
 */
export function newId(now = Date.now()): string {
  const bytes = randomChunk();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Timestamps are kept as ISO 8601 UTC text with milliseconds, which sorts and compares the same on both engines. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}
