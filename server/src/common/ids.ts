import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/**
 * 26-character ids: 10 characters of millisecond time (so inserts stay roughly ordered in
 * InnoDB) and 16 of randomness (80 bits), so no one can guess a neighbour's id.
 */
export function newId(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[pool[poolAt + i] % 32];
  poolAt += 16;
  return time + rand;
}

/** The smallest id made at or after `ms`: `id >= idFloor(t)` selects rows created since t by primary key. */
export function idFloor(ms: number): string {
  return newId(ms).slice(0, 10) + '0'.repeat(16);
}

// Random bytes drawn 4 KiB at a time: one system call per 256 ids instead of one per id (ids are made
// on every write; same CSPRNG, each byte used once).
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/** A random opaque secret (refresh tokens, pickup codes' seeds): base64url of n bytes. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
