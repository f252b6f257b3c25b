// The built server (dist/main.js) in a child process on a fresh SQLite file, demo data seeded and
// rate limits raised, for the harnesses that walk the whole API over HTTP (fuzz, authz).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = join(dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');

export async function spawnServer(name) {
  const port = await new Promise((res) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
  const dataDir = mkdtempSync(join(os.tmpdir(), `honglin-${name}-`));
  const output = [];
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: join(dataDir, `${name}.sqlite`),
      DEMO_MODE: 'true',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'error',
      H5_DIR: '/nonexistent',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
      RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
      RATE_LIMIT_GUESSES_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (c) => {
    output.push(c.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const server = {
    base: `http://127.0.0.1:${port}`,
    child,
    stopping: false,
    log: () => output.join(''),
    alive: () => child.exitCode === null,
    async stop() {
      server.stopping = true;
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((res) => child.once('exit', res));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  for (const started = Date.now(); ; ) {
    try {
      if ((await fetch(`${server.base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > 60_000 || child.exitCode !== null) throw new Error(`server did not start\n${server.log()}`);
    await new Promise((res) => setTimeout(res, 100));
  }
  return server;
}

/** One request; never throws (a transport failure is status 599). */
export async function send(base, method, path, { token, body, raw, contentType } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers['content-type'] = contentType ?? 'application/json';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  try {
    const res = await fetch(base + path, { method: method.toUpperCase(), headers, body: payload, signal: AbortSignal.timeout(15_000) });
    return { status: res.status, text: await res.text() };
  } catch (e) {
    return { status: 599, text: String(e) };
  }
}

export async function demoLogin(base, persona) {
  const res = await send(base, 'post', '/api/auth/demo-login', { body: { persona } });
  if (res.status !== 200) throw new Error(`demo login ${persona}: ${res.status} ${res.text}`);
  return JSON.parse(res.text).accessToken;
}
