import { randomBytes } from 'node:crypto';
import { FieldCrypto, fieldCryptoFrom } from '../../../src/common/field-crypto.js';
import { KeyRotationService } from '../../../src/privacy/key-rotation.service.js';
import { databases, startTestApp, type TestApp } from '../../support/test-app.js';

describe.each(databases())('data key rotation on %s', (db) => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db, { DATA_KEY_ID: 'k2', DATA_KEY: newKey, DATA_KEYS_OLD: `k0:${oldKey}` });
  });
  afterAll(() => t.close());

  it('re-encrypts phones and incomes written under an old key, keeps them readable throughout, and has nothing left after', async () => {
    const old = new FieldCrypto('k0', Buffer.from(oldKey, 'base64'), t.config.HASH_KEY);
    const member = await t.login('party_member');
    await t.dataSource.query('UPDATE users SET phoneCipher = ? WHERE id = ?', [old.encrypt('13800000002'), member.userId]);
    // Readable through the old key before the rotation: the member still sees their own number.
    expect((await t.http.get('/api/me').set('Authorization', member.token)).body.phone).toBe('13800000002');

    const rotation = t.app.get(KeyRotationService);
    const first = await rotation.rotate();
    expect(first.reencrypted).toBeGreaterThanOrEqual(1);
    expect((await rotation.rotate()).reencrypted).toBe(0);
    const [row] = await t.dataSource.query('SELECT phoneCipher FROM users WHERE id = ?', [member.userId]);
    expect(row.phoneCipher.startsWith('k2:')).toBe(true);
    expect((await t.http.get('/api/me').set('Authorization', member.token)).body.phone).toBe('13800000002');
    // Without the old key nothing is lost any more.
    const currentOnly = fieldCryptoFrom({ DATA_KEY_ID: 'k2', DATA_KEY: newKey, HASH_KEY: t.config.HASH_KEY });
    const all: { phoneCipher: string }[] = await t.dataSource.query('SELECT phoneCipher FROM users WHERE phoneCipher IS NOT NULL');
    expect(all.every((u) => currentOnly.decrypt(u.phoneCipher).length > 0)).toBe(true);
  });

  it('refuses a malformed list of old keys at start-up', () => {
    expect(() => fieldCryptoFrom({ DATA_KEY_ID: 'k2', DATA_KEY: newKey, HASH_KEY: 'x'.repeat(16), DATA_KEYS_OLD: 'k0:short' })).toThrow();
  });
});
