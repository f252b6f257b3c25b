import { generateKeyPairSync } from 'node:crypto';
import { checkWechatpaySignature, decryptResource, encryptResource, notificationMessage, randomAlnum, signSha256Rsa, verifySha256Rsa } from './wechatpay-crypto.js';

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

  it('checks an answer or notification against the configured key of its serial, within five minutes', () => {
    const keys = new Map([['PUB_KEY_ID_01AB', publicKey]]);
    const now = 1_700_000_000_000;
    const body = Buffer.from('{"trade_state":"NOTPAY"}');
    const signed = (timestamp: string, b = body) => ({ timestamp, nonce: 'n1', serial: 'PUB_KEY_ID_01AB', signature: signSha256Rsa(notificationMessage(timestamp, 'n1', b), privateKey) });
    expect(checkWechatpaySignature(signed('1700000000'), body, keys, now)).toBe('ok');
    expect(checkWechatpaySignature(signed('1700000000'), Buffer.from('{"trade_state":"SUCCESS"}'), keys, now)).toBe('bad_signature');
    expect(checkWechatpaySignature({ ...signed('1700000000'), serial: 'PUB_KEY_ID_01XX' }, body, keys, now)).toBe('unknown_serial');
    expect(checkWechatpaySignature(signed('1699999600'), body, keys, now)).toBe('stale');
    expect(checkWechatpaySignature({ timestamp: '', nonce: '', signature: '', serial: '' }, body, keys, now)).toBe('malformed');
    expect(checkWechatpaySignature(signed('1700000000', Buffer.alloc(0)), Buffer.alloc(0), keys, now)).toBe('ok'); // a signed 204
  });

  it('makes random alphanumeric numbers of the asked length', () => {
    const a = randomAlnum(32);
    expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(randomAlnum(32)).not.toBe(a);
  });
});
