import { Global, Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AUTH } from './auth/auth.providers.js';
import { AuthGuard } from './auth/auth.guard.js';
import { GlobalErrorFilter } from './common/error.filter.js';
import { FieldCrypto, fieldCryptoFrom } from './common/field-crypto.js';
import { JsonLogger } from './common/logger.js';
import { RateLimitGuard } from './common/rate-limit.guard.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { TransactionRunner } from './database/transaction-runner.js';
import { HealthController } from './health/health.controller.js';
import { MEMBERS } from './members/members.providers.js';
import { ORGANIZATIONS } from './organizations/organizations.providers.js';
import { POINTS } from './points/points.providers.js';
import { STUDY } from './study/study.providers.js';
import { ACTIVITIES } from './activities/activities.providers.js';
import { ENROLLMENT } from './enrollment/enrollment.providers.js';
import { NOTIFICATIONS } from './notifications/notifications.providers.js';
import { CHECKIN } from './checkin/checkin.providers.js';
import { MEETINGS } from './meetings/meetings.providers.js';
import { WechatModule } from './wechat/wechat.module.js';
import { DUES } from './dues/dues.providers.js';
import { PAYMENTS } from './payments/payments.providers.js';
import { FAMILY } from './family/family.providers.js';
import { VOLUNTEERING } from './volunteering/volunteering.providers.js';
import { PRIVACY } from './privacy/privacy.providers.js';
import { COMPLAINTS } from './complaints/complaints.providers.js';
import { AUDIT } from './audit/audit.providers.js';
import { HOUSEHOLDS } from './households/households.providers.js';

/** Each domain contributes its controllers and providers; they share one injector. */
const DOMAINS: { controllers: Type[]; providers: Provider[] }[] = [AUTH, MEMBERS, ORGANIZATIONS, POINTS, STUDY, ENROLLMENT, NOTIFICATIONS, ACTIVITIES, CHECKIN, MEETINGS, DUES, PAYMENTS, FAMILY, PRIVACY, VOLUNTEERING, COMPLAINTS, AUDIT, HOUSEHOLDS];

/** Configuration, database, crypto and logging: available to every module. */
@Global()
@Module({})
class CoreModule {
  static register(config: AppConfig, dataSource: DataSource, logger: JsonLogger): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
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
      controllers: [HealthController, ...DOMAINS.flatMap((d) => d.controllers)],
      providers: [
        ...DOMAINS.flatMap((d) => d.providers),
        { provide: APP_FILTER, useFactory: () => new GlobalErrorFilter(logger) },
        // Order matters: authenticate first so write limits can key on the user.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
