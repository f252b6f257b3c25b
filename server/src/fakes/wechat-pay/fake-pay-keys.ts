import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const generateRsa = promisify(generateKeyPair);

export interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** The keys of a demo or test WeChat Pay merchant, generated at each start and never written to disk. */
export interface DemoPayKeys {
  appid: string;
  mchid: string;
  apiV3Key: string;
  merchant: KeyPair & { serial: string };
  /** Platform certificate mode (a hex serial) and WeChat Pay public-key mode (PUB_KEY_ID_…). */
  platformCert: KeyPair & { serial: string };
  platformPublicKey: KeyPair & { serial: string };
}

export async function rsaKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

const generated = new Map<string, Promise<DemoPayKeys>>();

/**
 * Keys for the demo merchant, generated once per process and never written to disk. Three RSA key
 * pairs take a while on a small machine, so they are made off the main thread, in parallel, and
 * bootstrap starts them early so they overlap the rest of the start-up.
 */
export function generateDemoPayKeys(appid: string, mchid: string): Promise<DemoPayKeys> {
  const key = `${appid}:${mchid}`;
  if (!generated.has(key)) generated.set(key, freshKeys(appid, mchid));
  return generated.get(key)!;
}

async function freshKeys(appid: string, mchid: string): Promise<DemoPayKeys> {
  const hexSerial = () => randomBytes(20).toString('hex').toUpperCase();
  const [merchant, platformCert, platformPublicKey] = await Promise.all([rsaKeyPair(), rsaKeyPair(), rsaKeyPair()]);
  return {
    appid,
    mchid,
    apiV3Key: randomBytes(24).toString('base64url').slice(0, 32),
    merchant: { ...merchant, serial: hexSerial() },
    platformCert: { ...platformCert, serial: hexSerial() },
    platformPublicKey: { ...platformPublicKey, serial: `PUB_KEY_ID_01${randomBytes(12).toString('hex').toUpperCase()}` },
  };
}
