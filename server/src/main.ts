import { ConfigError, loadConfig } from './config/config.js';
import { startApp } from './bootstrap.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const running = await startApp(config);
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'listening', url: running.url, database: config.database.type, demo: config.demoMode }) + '\n',
  );
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  process.stderr.write(`startup failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
