import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { APP_CONFIG, loadConfig } from '../../../src/config/config.js';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { WechatClient } from '../../../src/wechat/wechat.client.js';
import { WechatModule } from '../../../src/wechat/wechat.module.js';
import { APPID, openDatabase, SECRET, startHarness } from './wechat-harness.js';

describe('WechatModule', () => {
  it('resolves WechatClient from the global config and database providers', async () => {
    const h = await startHarness();
    const ds = await openDatabase();
    // Stand-ins for the global ConfigModule and DatabaseModule, providing the same tokens.
    @Global()
    @Module({
      providers: [
        { provide: APP_CONFIG, useValue: loadConfig({ WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, WECHAT_API_BASE: h.fake.url }) },
        { provide: DataSource, useValue: ds },
        { provide: TransactionRunner, useValue: new TransactionRunner(ds) },
      ],
      exports: [APP_CONFIG, DataSource, TransactionRunner],
    })
    class GlobalsModule {}

    @Module({ imports: [GlobalsModule, WechatModule] })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
      const client = app.get(WechatClient);
      await expect(client.code2Session(h.fake.issueLoginCode('o-module'))).resolves.toMatchObject({ openid: 'o-module' });
    } finally {
      await app.close();
      await ds.destroy();
      await h.close();
    }
  });
});
