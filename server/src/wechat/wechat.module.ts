import { Module } from '@nestjs/common';
import { WechatClient } from './wechat.client.js';

/** APP_CONFIG, DataSource and TransactionRunner come from the global config and database modules. */
@Module({
  providers: [WechatClient],
  exports: [WechatClient],
})
export class WechatModule {}
