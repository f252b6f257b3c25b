import { generateKeyPairSync, randomBytes } from 'node:crypto';

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

export function rsaKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

const generated = new Map<string, DemoPayKeys>();

/**
 * Keys for the demo merchant, generated once per process (three RSA key pairs take a while on a
 * small machine, and test suites boot many apps); never written to disk.
 */
export function generateDemoPayKeys(appid: string, mchid: string): DemoPayKeys {
  const key = `${appid}:${mchid}`;
  if (!generated.has(key)) generated.set(key, freshKeys(appid, mchid));
  return generated.get(key)!;
}

function freshKeys(appid: string, mchid: string): DemoPayKeys {
  const hexSerial = () => randomBytes(20).toString('hex').toUpperCase();
  return {
    appid,
    mchid,
    apiV3Key: randomBytes(24).toString('base64url').slice(0, 32),
    merchant: { ...rsaKeyPair(), serial: hexSerial() },
    platformCert: { ...rsaKeyPair(), serial: hexSerial() },
    platformPublicKey: { ...rsaKeyPair(), serial: `PUB_KEY_ID_01${randomBytes(12).toString('hex').toUpperCase()}` },
  };
}
