import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import request from 'supertest';
import { startApp, type RunningApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { startFakeWechatServer, type FakeWechat } from '../../src/fakes/wechat-api/fake-wechat-server.js';

export type DbKind = 'sqlite' | 'mariadb';

/** SQLite always; MariaDB too when TEST_DATABASE_URL is set (CI sets it). */
export function databases(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'mariadb'] : ['sqlite'];
}

/** A fresh, empty MariaDB database on the TEST_DATABASE_URL server; dropped by the returned function. */
export async function freshMariaDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `hl_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const server = `${base.protocol}//${base.username ? `${base.username}${base.password ? `:${base.password}` : ''}@` : ''}${base.host}`;
  const admin = await mysql.createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${server}/${name}`,
    drop: async () => {
      const c = await mysql.createConnection(server);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export interface TestApp extends RunningApp {
  db: DbKind;
  wechat: FakeWechat;
  http: ReturnType<typeof request>;
  /** Logs in as a seeded demo persona and returns its bearer header value. */
  login(persona: string): Promise<{ token: string; refreshToken: string; userId: string }>;
}

/**
 * Boots the real server (migrations, demo seed, every route) on a fresh database, with the fake
 * WeChat API on loopback. Extra environment variables override the defaults.
 */
export async function startTestApp(db: DbKind, env: Record<string, string> = {}): Promise<TestApp> {
  const wechat = await startFakeWechatServer({ appid: 'wxtest0000000000', secret: 'test-secret' });
  let dropDb: (() => Promise<void>) | undefined;
  const dbEnv: Record<string, string> = {};
  if (db === 'mariadb') {
    const fresh = await freshMariaDatabase();
    dbEnv.DATABASE_URL = fresh.url;
    dropDb = fresh.drop;
  } else {
    dbEnv.SQLITE_PATH = join(mkdtempSync(join(tmpdir(), 'hl-test-')), 'test.sqlite');
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DEMO_MODE: 'true',
    SEED_DEMO: 'true',
    WECHAT_APPID: 'wxtest0000000000',
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: wechat.url,
    H5_DIR: '/nonexistent',
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    RATE_LIMIT_WRITES_PER_MINUTE: '10000',
    ...dbEnv,
    ...env,
  });
  const running = await startApp(config);
  const http = request(running.url);
  return {
    ...running,
    db,
    wechat,
    http,
    async login(persona: string) {
      const res = await http.post('/api/auth/demo-login').send({ persona });
      if (res.status !== 200) throw new Error(`demo login ${persona} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { token: `Bearer ${res.body.accessToken}`, refreshToken: res.body.refreshToken, userId: res.body.user.id };
    },
    async close() {
      await running.close();
      await wechat.close();
      if (dropDb) await dropDb();
    },
  };
}
