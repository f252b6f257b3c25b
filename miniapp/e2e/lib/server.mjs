import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { H5_DIR, REPO_DIR, SERVER_MAIN } from './paths.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the real server on a fresh SQLite file; it migrates and seeds the demo data itself. */
export async function startServer() {
  for (const [what, file] of [
    ['the h5 build (npm run build:h5)', path.join(H5_DIR, 'index.html')],
    ['the server build (npm run build:server)', SERVER_MAIN],
  ]) {
    if (!existsSync(file)) throw new Error(`Missing ${what}: ${file}`);
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'honglin-e2e-db-'));
  const port = await freePort();
  const output = [];
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      SQLITE_PATH: path.join(dataDir, 'honglin.sqlite'),
      H5_DIR,
      LOG_LEVEL: 'warn',
      // Study timing lowered so a browser test reads for seconds, not minutes (defaults: 60 s, 15 s).
      STUDY_MIN_ARTICLE_SECONDS: process.env.STUDY_MIN_ARTICLE_SECONDS ?? '4',
      STUDY_HEARTBEAT_SECONDS: process.env.STUDY_HEARTBEAT_SECONDS ?? '2',
      // Every test logs in several personas from one address within a minute; the production
      // limit (20 logins per address per minute) is proven by the server's own tests.
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
      RATE_LIMIT_WRITES_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = {
    baseUrl,
    log: () => output.join(''),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const exited = await Promise.race([
          new Promise((resolve) => child.once('exit', () => resolve(true))),
          new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
        ]);
        if (!exited) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    await server.stop();
    throw new Error(`${error.message}\n--- server output ---\n${server.log()}`);
  }
  return server;
}

async function waitForHealth(baseUrl, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited with code ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok && (await response.json()).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Server not healthy after ${timeoutMs / 1000} s`);
}
