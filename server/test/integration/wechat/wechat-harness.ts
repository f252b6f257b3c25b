import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../../src/config/config.js';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { startFakeWechatServer, type FakeWechat, type StartFakeWechatOptions } from '../../../src/fakes/wechat-api/fake-wechat-server.js';
import { WechatAccessToken } from '../../../src/wechat/wechat-access-token.entity.js';
import { WechatClient } from '../../../src/wechat/wechat.client.js';

export const APPID = 'wxtest0000000001';
export const SECRET = 'test-wechat-secret';
export const TEMPLATE = 'tmpl-activity-reminder';

// The client logs every refusal; the tests provoke them on purpose.
Logger.overrideLogger(false);

/**
 * In-memory by default; a file path gives a database several DataSources can share, like server
 * instances do. WAL as in production. The busy timeout is short because better-sqlite3 waits
 * synchronously: in ONE process a waiting "instance" would also freeze the one holding the lock.
 */
export async function openDatabase(database = ':memory:'): Promise<DataSource> {
  const ds = new DataSource({
    type: 'better-sqlite3',
    database,
    entities: [WechatAccessToken],
    synchronize: true,
    timeout: 50,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      if (database !== ':memory:') db.pragma('journal_mode = WAL');
    },
  });
  return ds.initialize();
}

/** A client wired by hand the way Nest would: real config parsing, real database, real HTTP. */
export function makeClient(ds: DataSource, base: string, secret = SECRET): WechatClient {
  const config = loadConfig({ WECHAT_APPID: APPID, WECHAT_SECRET: secret, WECHAT_API_BASE: base });
  return new WechatClient(config, ds, new TransactionRunner(ds));
}

export interface Harness {
  fake: FakeWechat;
  ds: DataSource;
  client: WechatClient;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<StartFakeWechatOptions> = {}): Promise<Harness> {
  const fake = await startFakeWechatServer({ appid: APPID, secret: SECRET, templateIds: [TEMPLATE], ...options });
  const ds = await openDatabase();
  return {
    fake,
    ds,
    client: makeClient(ds, fake.url),
    close: async () => {
      await ds.destroy();
      await fake.close();
    },
  };
}

/** A loopback URL where nothing listens (a port that was just free), for "WeChat unreachable". */
export async function unreachableUrl(): Promise<string> {
  const fake = await startFakeWechatServer({ appid: APPID, secret: SECRET });
  await fake.close();
  return fake.url;
}

/** A temp directory for a file-based SQLite database shared by several "server instances". */
export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'honglin-wechat-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Resolves to the AppError code a promise rejects with (fails the test if it resolves). */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected the call to fail');
}
