import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';

/**
 * The WeChat Pay v3 cryptography we rely on, written against node:crypto directly: the library's
 * `decipher_gcm` never checks the GCM tag (a flipped ciphertext decrypts to garbage it accepts), and
 * its `verifySign` fetches certificates over the network for any unknown serial and keeps them in
 * global state. Both used by the server and, mirrored, by the fake WeChat Pay.
 */

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
  original_type?: string;
}

/** AEAD_AES_256_GCM with the APIv3 key; throws unless the 16-byte tag authenticates data and AAD. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error('unsupported algorithm');
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('APIv3 key must be 32 bytes');
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length < 17 || typeof resource.nonce !== 'string' || resource.nonce.length !== 12) throw new Error('malformed resource');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

export function encryptResource(plain: string, apiV3Key: string, associatedData: string, originalType: string): EncryptedResource {
  const nonce = randomBytes(9).toString('base64url').slice(0, 12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: data.toString('base64'), associated_data: associatedData, nonce, original_type: originalType };
}

/** `timestamp\nnonce\nbody\n`, as WeChat Pay signs notifications and responses. */
export function notificationMessage(timestamp: string, nonce: string, body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\n')]);
}

export function signSha256Rsa(message: string | Buffer, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64');
}

export function verifySha256Rsa(message: string | Buffer, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

/** Signatures older (or further in the future) than this are refused: a replayed capture is stale. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export interface WechatpaySignatureHeaders {
  timestamp: string;
  nonce: string;
  signature: string;
  serial: string;
}

export type SignatureCheck = 'ok' | 'malformed' | 'unknown_serial' | 'stale' | 'bad_signature';

/**
 * WeChat Pay's signature on what it sends us, notifications and API responses alike: SHA256withRSA
 * over `timestamp\nnonce\nbody\n` with the platform certificate or WeChat Pay public key named by
 * the serial. Keys come only from configuration (never fetched on demand); the timestamp must be fresh.
 */
export function checkWechatpaySignature(h: WechatpaySignatureHeaders, body: Buffer, platformKeys: ReadonlyMap<string, string>, nowMs = Date.now()): SignatureCheck {
  if (!/^\d{1,12}$/.test(h.timestamp) || !h.nonce || h.nonce.length > 64 || !h.signature || h.signature.length > 1024) return 'malformed';
  const key = platformKeys.get(h.serial);
  if (!key) return 'unknown_serial';
  if (Math.abs(nowMs / 1000 - Number(h.timestamp)) > SIGNATURE_WINDOW_SECONDS) return 'stale';
  return verifySha256Rsa(notificationMessage(h.timestamp, h.nonce, body), h.signature, key) ? 'ok' : 'bad_signature';
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'; // 56 characters

/** Random string of [A-Za-z0-9] (out_trade_no, out_refund_no, nonces): unguessable and WeChat-safe. */
export function randomAlnum(length: number): string {
  let out = '';
  // Rejection sampling (bytes ≥ 224 skipped) keeps every character equally likely.
  while (out.length < length) for (const b of randomBytes(length)) if (b < 224 && out.length < length) out += ALNUM[b % 56];
  return out;
}
