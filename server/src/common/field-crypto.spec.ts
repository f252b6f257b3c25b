import { randomBytes } from 'node:crypto';
import { FieldCrypto } from './field-crypto.js';

describe('FieldCrypto', () => {
  const crypto = new FieldCrypto('k1', randomBytes(32), 'hash-key-for-tests');

  it('round-trips a phone number and never stores the plaintext', () => {
    const stored = crypto.encrypt('13812341234');
    expect(stored).not.toContain('13812341234');
    expect(stored.startsWith('k1:')).toBe(true);
    expect(crypto.decrypt(stored)).toBe('13812341234');
  });

  it('refuses a tampered ciphertext', () => {
    const stored = crypto.encrypt('13812341234');
    const parts = stored.split(':');
    const data = Buffer.from(parts[3], 'base64url');
    data[0] ^= 1;
    parts[3] = data.toString('base64url');
    expect(() => crypto.decrypt(parts.join(':'))).toThrow();
  });

  it('hashes equal values equally and different values differently', () => {
    expect(crypto.hash('13812341234')).toBe(crypto.hash('13812341234'));
    expect(crypto.hash('13812341234')).not.toBe(crypto.hash('13812341235'));
  });
});
