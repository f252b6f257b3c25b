// `npm run keys:rotate`: re-encrypts every personal field still under a key listed in DATA_KEYS_OLD with
// DATA_KEY (same environment as the server). Prints one JSON line; run until "remaining" is 0, then drop
// the old key from DATA_KEYS_OLD.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const { loadConfig } = await import(join(dist, 'config/config.js'));
const { startApp } = await import(join(dist, 'bootstrap.js'));
const { KeyRotationService } = await import(join(dist, 'privacy/key-rotation.service.js'));

// No workers: this process only rewrites ciphertexts.
const config = { ...loadConfig({ ...process.env, OUTBOX_WORKER: 'false', SEED_DEMO: 'false' }), H5_DIR: '/nonexistent' };
const running = await startApp(config, { listen: false });
try {
  const result = await running.app.get(KeyRotationService).rotate();
  const again = await running.app.get(KeyRotationService).rotate();
  console.log(JSON.stringify({ currentKey: config.DATA_KEY_ID, ...result, remaining: again.reencrypted }));
} finally {
  await running.close();
}
