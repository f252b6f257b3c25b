import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { PUBLIC_EXTENSION } from './common/decorators.js';
import { toErrorResponse } from './common/error.filter.js';
import { fieldCryptoFrom } from './common/field-crypto.js';
import { newId } from './common/ids.js';
import { JsonLogger } from './common/logger.js';
import type { AppRequest } from './common/request-context.js';
import { DEMO_SECRETS, type AppConfig } from './config/config.js';
import { createDataSource } from './database/data-source.js';
import { seedDemoIfEmpty } from './database/seed/seed-runner.js';
import { DEMO_SEED_PARTS, ENTITIES } from './domains.js';
import { startFakeWechatServer } from './fakes/wechat-api/fake-wechat-server.js';
import { generateDemoPayKeys } from './fakes/wechat-pay/fake-pay-keys.js';

export interface RunningApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  url: string;
  config: AppConfig;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Boots the whole server: database + migrations (+ demo seed), fake WeChat in demo mode, HTTP. */
export async function startApp(config: AppConfig, opts: { listen?: boolean } = {}): Promise<RunningApp> {
  const logger = new JsonLogger(config.LOG_LEVEL);
  // The demo's fake WeChat Pay keys are generated off the main thread while the rest boots.
  if (config.demoMode && !config.WECHATPAY_API_BASE) void generateDemoPayKeys(config.WECHAT_APPID, config.WECHATPAY_MCHID ?? DEMO_SECRETS.wechatpayMchid);
  const dataSource = createDataSource(config.database, ENTITIES);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const closers: (() => Promise<unknown>)[] = [];

  if (config.demoMode && !config.WECHAT_API_BASE) {
    const fake = await startFakeWechatServer({ appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET, port: config.FAKE_WECHAT_PORT });
    config = { ...config, WECHAT_API_BASE: fake.url };
    closers.push(() => fake.close());
  }
  if (config.seedDemo) {
    const crypto = fieldCryptoFrom(config);
    await seedDemoIfEmpty(dataSource, DEMO_SEED_PARTS, crypto);
  }

  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, dataSource, logger), {
    logger,
    rawBody: true,
    bodyParser: false, // registered below, after the request id, so parse errors carry one
  });
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix('api');
  app.use(requestContext(logger));
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:', 'https:'],
          'media-src': ["'self'", 'blob:', 'https:'],
          'connect-src': ["'self'"],
        },
      },
    }),
  );
  const origins = config.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins, credentials: false });
  setupOpenApi(app);
  serveH5(app, config);
  // Errors thrown by Express middleware (body parser) before Nest's filter sees them.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, body } = toErrorResponse(err, logger, req as AppRequest);
    res.status(status).json({ ...body, requestId: (req as AppRequest).id });
  });

  let url = '';
  if (opts.listen !== false) {
    await app.listen(config.PORT, config.HOST);
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : config.PORT}`;
  } else {
    await app.init();
  }
  return {
    app,
    dataSource,
    url,
    config,
    close: async () => {
      await app.close();
      for (const c of closers) await c();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/** Request id (from the caller when well-formed) and one JSON access-log line per request. */
function requestContext(logger: JsonLogger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const r = req as AppRequest;
    const given = req.headers['x-request-id'];
    r.id = typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : newId();
    res.setHeader('X-Request-Id', r.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (!req.originalUrl.startsWith('/api')) return;
      logger.event(res.statusCode >= 500 ? 'error' : 'info', 'request', {
        reqId: r.id,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        user: r.actor?.userId,
      });
    });
    next();
  };
}

function setupOpenApi(app: NestExpressApplication) {
  // A factory: the document is built on the first request for it, not on every start.
  const doc = () => markPublicRoutes(SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('红邻 Honglin API').setVersion('0.1.0').addBearerAuth().build()));
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}

/** Routes marked @Public() need no token: their operations say so with an empty security list. */
function markPublicRoutes(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as Record<string, unknown>[]) {
      if (op && typeof op === 'object' && op[PUBLIC_EXTENSION]) {
        op.security = [];
        delete op[PUBLIC_EXTENSION];
      }
    }
  }
  return doc;
}

/** The h5 build at `/`, so the demo is one port; anything not under /api falls back to index.html. */
function serveH5(app: NestExpressApplication, config: AppConfig) {
  const dir = resolve(config.H5_DIR ?? join(here, '../../miniapp/dist-h5'));
  if (!existsSync(join(dir, 'index.html'))) return;
  // The app's files go out gzip-compressed (a phone on a weak 4G link fetches a third of the bytes);
  // API answers are left alone, they are small and their CPU belongs to the requests themselves.
  app.use(compression({ filter: (req: Request, res: Response) => !req.path.startsWith('/api') && compression.filter(req, res) }));
  app.useStaticAssets(dir, { index: 'index.html', setHeaders: cacheHeaders });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}

/**
 * index.html is checked on every open so a new release is picked up; the scripts and styles it names
 * carry a content hash in their names, so a phone keeps them for a year and never asks again.
 */
function cacheHeaders(res: Response, path: string) {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (/\.[0-9a-f]{8}\.(js|css)$/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else res.setHeader('Cache-Control', 'public, max-age=3600');
}
