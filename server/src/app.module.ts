import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuthGuard } from './auth/auth.guard.js';
import { Clock, clock } from './common/clock.js';
import { GlobalErrorFilter } from './common/error.filter.js';
import { FieldCrypto, fieldCryptoFrom } from './common/field-crypto.js';
import { METRIC_DEFINITIONS } from './common/metric.js';
import { JsonLogger } from './common/logger.js';
import { RateLimitGuard } from './common/rate-limit.guard.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { TransactionRunner } from './database/transaction-runner.js';
import { DOMAINS } from './domains.js';
import { HealthController } from './health/health.controller.js';
import { WechatModule } from './wechat/wechat.module.js';

/** Configuration, database, crypto and logging: available to every module. */
@Global()
@Module({})
class CoreModule {
  static register(config: AppConfig, dataSource: DataSource, logger: JsonLogger): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: Clock, useValue: clock },
      { provide: DataSource, useValue: dataSource },
      { provide: JsonLogger, useValue: logger },
      { provide: TransactionRunner, useValue: new TransactionRunner(dataSource) },
      { provide: FieldCrypto, useValue: fieldCryptoFrom(config) },
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => p.provide) };
  }
}

@Module({})
export class AppModule {
  static register(config: AppConfig, dataSource: DataSource, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.register(config, dataSource, logger), WechatModule],
      // Each domain (src/domains.ts) contributes its controllers and providers; they share one injector.
      controllers: [HealthController, ...DOMAINS.flatMap((d) => d.controllers)],
      providers: [
        ...DOMAINS.flatMap((d) => d.providers),
        // The metric registry: analytics reads every domain's definitions without importing the domains.
        { provide: METRIC_DEFINITIONS, useValue: DOMAINS.flatMap((d) => d.metrics ?? []) },
        { provide: APP_FILTER, useFactory: () => new GlobalErrorFilter(logger) },
        // Order matters: authenticate first so write limits can key on the user.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
