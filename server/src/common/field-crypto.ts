import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encryption of personal fields at rest: AES-256-GCM, stored as `keyId:iv:tag:ciphertext`
 * (base64url) so keys can rotate; and a keyed hash for exact-match search (find by phone)
 * without keeping the plaintext.
 */
export class FieldCrypto {
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly currentKeyId: string,
    currentKey: Buffer,
    private readonly hashKey: string,
    olderKeys: Record<string, Buffer> = {},
  ) {
    if (currentKey.length !== 32) throw new Error('data key must be 32 bytes');
    for (const [id, key] of Object.entries(olderKeys)) {
      if (key.length !== 32) throw new Error(`older data key ${id} must be 32 bytes`);
      this.keys.set(id, key);
    }
    this.keys.set(currentKeyId, currentKey);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [this.currentKeyId, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join(':');
  }

  /** The key a stored value was written with (rotation finds values not yet under the current key). */
  keyIdOf(stored: string): string {
    return stored.split(':')[0];
  }

  get currentKey(): string {
    return this.currentKeyId;
  }

  decrypt(stored: string): string {
    const [keyId, iv, tag, data] = stored.split(':');
    const key = this.keys.get(keyId);
    if (!key || !iv || !tag || data === undefined) throw new Error(`cannot decrypt field (key ${keyId})`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash for lookups: equal inputs give equal hashes, and nothing else leaks. */
  hash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('hex');
  }
}

/** The one FieldCrypto of a configuration: the current key writes, the current and older keys read. */
export function fieldCryptoFrom(config: { DATA_KEY_ID: string; DATA_KEY: string; HASH_KEY: string; DATA_KEYS_OLD?: string }): FieldCrypto {
  const older = Object.fromEntries(
    (config.DATA_KEYS_OLD ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [id, key] = pair.split(':');
        return [id, Buffer.from(key, 'base64')];
      }),
  );
  return new FieldCrypto(config.DATA_KEY_ID, Buffer.from(config.DATA_KEY, 'base64'), config.HASH_KEY, older);
}
