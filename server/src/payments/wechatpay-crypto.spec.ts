import { generateKeyPairSync } from 'node:crypto';
import { decryptResource, encryptResource, notificationMessage, randomAlnum, signSha256Rsa, verifySha256Rsa } from './wechatpay-crypto.js';

const KEY = 'a'.repeat(32);

describe('strict AES-256-GCM decryption of notification resources', () => {
  it('round-trips a resource', () => {
    const r = encryptResource('{"amount":{"total":1}}', KEY, 'transaction', 'transaction');
    expect(decryptResource(r, KEY)).toBe('{"amount":{"total":1}}');
  });

  it('refuses a bit-flipped ciphertext', () => {
    const r = encryptResource('{"amount":{"total":1}}', KEY, 'transaction', 'transaction');
    const bytes = Buffer.from(r.ciphertext, 'base64');
    bytes[12] ^= 0x08;
    expect(() => decryptResource({ ...r, ciphertext: bytes.toString('base64') }, KEY)).toThrow();
  });

  it('refuses a wrong associated_data or key', () => {
    const r = encryptResource('x', KEY, 'transaction', 'transaction');
    expect(() => decryptResource({ ...r, associated_data: 'refund' }, KEY)).toThrow();
    expect(() => decryptResource(r, 'b'.repeat(32))).toThrow();
  });

  it('refuses a truncated tag', () => {
    const r = encryptResource('hello', KEY, 'transaction', 'transaction');
    const bytes = Buffer.from(r.ciphertext, 'base64');
    expect(() => decryptResource({ ...r, ciphertext: bytes.subarray(0, bytes.length - 4).toString('base64') }, KEY)).toThrow();
  });
});

describe('notification signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

  it('verifies over the exact raw body and nothing else', () => {
    const body = '{"id":"1","resource":{}}';
    const sig = signSha256Rsa(notificationMessage('1700000000', 'n1', body), privateKey);
    expect(verifySha256Rsa(notificationMessage('1700000000', 'n1', body), sig, publicKey)).toBe(true);
    expect(verifySha256Rsa(notificationMessage('1700000000', 'n1', body.replace('1', '2')), sig, publicKey)).toBe(false);
    expect(verifySha256Rsa(notificationMessage('1700000001', 'n1', body), sig, publicKey)).toBe(false);
    expect(verifySha256Rsa(notificationMessage('1700000000', 'n1', body), 'garbage', publicKey)).toBe(false);
  });

  it('makes random alphanumeric numbers of the asked length', () => {
    const a = randomAlnum(32);
    expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(randomAlnum(32)).not.toBe(a);
  });
});
