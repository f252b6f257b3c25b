import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** Secrets that ship in the repository for the demo. Production refuses to start with any of them. */
export const DEMO_SECRETS = {
  jwtSecret: 'honglin-demo-jwt-secret-do-not-use-in-production',
  dataKey: 'aG9uZ2xpbi1kZW1vLWRhdGEta2V5LTMyLWJ5dGVzISE=', // 32 bytes, base64
  hashKey: 'honglin-demo-hash-key',
  wechatSecret: 'demo-wechat-secret',
  /** Demo merchant id of the fake WeChat Pay; its keys are generated at each start, never committed. */
  wechatpayMchid: '1900000001',
} as const;

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const url = z.string().url();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\/.+/, 'must be mysql://user:pass@host:port/db or mariadb://…')
    .optional(),
  SQLITE_PATH: z.string().default('./data/honglin.sqlite'),
  /** Where uploaded images live (meeting photos, activity covers); several instances must share it. Default: beside SQLITE_PATH. */
  UPLOAD_DIR: z.string().min(1).optional(),
  DEMO_MODE: bool.optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEMO_SECRETS.jwtSecret),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(180).default(30),
  DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .default(DEMO_SECRETS.dataKey),
  DATA_KEY_ID: z.string().regex(/^[a-z0-9-]{1,16}$/, 'must be 1–16 of a-z, 0-9, -').default('k1'),
  /** Keys being rotated out, `id:base64key,id:base64key`: still read, never written; `npm run keys:rotate` re-encrypts. */
  DATA_KEYS_OLD: z
    .string()
    .regex(/^([a-z0-9-]{1,16}:[A-Za-z0-9+/=]{40,64})(,[a-z0-9-]{1,16}:[A-Za-z0-9+/=]{40,64})*$/, 'must be id:base64key[,id:base64key…]')
    .optional(),
  HASH_KEY: z.string().min(16, 'must be at least 16 characters').default(DEMO_SECRETS.hashKey),
  WECHAT_APPID: z.string().min(1).default('wxdemo0000000000'),
  WECHAT_SECRET: z.string().min(1).default(DEMO_SECRETS.wechatSecret),
  /** Unset in demo mode: the server starts the fake WeChat API on loopback and points here. */
  WECHAT_API_BASE: url.optional(),
  FAKE_WECHAT_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  H5_DIR: z.string().optional(),
  CORS_ORIGINS: z.string().default(''),
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'must be redis://host:port').optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  // Typed six-digit check-in codes: 10 tries a minute keeps guessing one in a meeting's window below 1 %.
  RATE_LIMIT_GUESSES_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  SEED_DEMO: bool.optional(),
  /** Check-in QR: a new code every N seconds; each accepted for TTL seconds (a forwarded screenshot dies with it). */
  /** Study timing (domain defaults); the e2e server lowers them so a browser test need not read for a minute. */
  STUDY_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  STUDY_MIN_ARTICLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  STUDY_MIN_VIDEO_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  STUDY_CHALLENGE_SECONDS: z.coerce.number().int().min(1).max(3600).default(45),
  CHECKIN_ROTATE_SECONDS: z.coerce.number().int().min(2).max(300).default(20),
  CHECKIN_TOKEN_TTL_SECONDS: z.coerce.number().int().min(3).max(600).default(40),
  /** Notification outbox worker (issue #5): how often it looks for due rows, and the first retry delay. */
  OUTBOX_WORKER: bool.default(true),
  OUTBOX_POLL_MS: z.coerce.number().int().min(20).max(600_000).default(2000),
  OUTBOX_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** Personal traces kept only this long (issue #9): check-in distances and per-session study timing. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** How often lapsed waitlist offers are passed on. */
  ENROLLMENT_SWEEP_MS: z.coerce.number().int().min(20).max(600_000).default(30_000),
  /** WeChat Pay v3 (issue #7). Unset in demo mode: the server generates keys and starts the fake on loopback. */
  WECHATPAY_MCHID: z.string().regex(/^\d{8,12}$/, 'must be the 8–12 digit merchant id').optional(),
  WECHATPAY_SERIAL_NO: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the merchant certificate serial (hex)').optional(),
  /** Merchant private key: PEM text or a path to apiclient_key.pem. */
  WECHATPAY_PRIVATE_KEY: z.string().optional(),
  /** Merchant certificate (apiclient_cert.pem): PEM text or a path. */
  WECHATPAY_CERT: z.string().optional(),
  WECHATPAY_APIV3_KEY: z.string().refine((v) => Buffer.byteLength(v) === 32, 'must be exactly 32 bytes').optional(),
  /** Platform certificates (PEM text or path; several concatenated allowed), keyed by their serial. */
  WECHATPAY_PLATFORM_CERTS: z.string().optional(),
  /** WeChat Pay public key (public-key mode) and its id PUB_KEY_ID_…. */
  WECHATPAY_PUBLIC_KEY: z.string().optional(),
  WECHATPAY_PUBLIC_KEY_ID: z.string().regex(/^PUB_KEY_ID_[0-9A-Za-z]+$/, 'must look like PUB_KEY_ID_…').optional(),
  WECHATPAY_API_BASE: url.optional(),
  /** HTTPS address WeChat Pay posts notifications to (…/api/payments/notify); refunds go to …/refund-notify. */
  PAY_NOTIFY_URL: url.optional(),
  FAKE_WECHATPAY_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Unpaid orders expire after this many minutes; the sweeper queries ones pending longer than PAY_QUERY_AFTER_MINUTES. */
  PAY_ORDER_TTL_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(30),
  PAY_QUERY_AFTER_MINUTES: z.coerce.number().min(0).max(1440).default(5),
  PAY_SWEEP_MS: z.coerce.number().int().min(20).max(3_600_000).default(60_000),
});

export type RawConfig = z.infer<typeof schema>;

export interface AppConfig extends Omit<RawConfig, 'DEMO_MODE' | 'SEED_DEMO'> {
  demoMode: boolean;
  seedDemo: boolean;
  /** Absolute folder of uploaded images (UPLOAD_DIR, or beside the SQLite file). */
  uploadDir: string;
  database: { type: 'better-sqlite3'; path: string } | { type: 'mariadb'; url: string };
}

export class ConfigError extends Error {}

/** Validates the environment once at boot; the first problem becomes one readable line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Configuration error: ${issue.path.join('.')} ${issue.message}`);
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === 'production';
  const demoMode = raw.DEMO_MODE ?? !production;
  if (production) refuseDemoSettings(raw, demoMode);
  const { DEMO_MODE: _d, SEED_DEMO: _s, ...rest } = raw;
  return {
    ...rest,
    demoMode,
    seedDemo: raw.SEED_DEMO ?? (demoMode && !raw.DATABASE_URL),
    uploadDir: resolve(raw.UPLOAD_DIR ?? dirname(raw.SQLITE_PATH)),
    database: raw.DATABASE_URL
      ? { type: 'mariadb', url: raw.DATABASE_URL }
      : { type: 'better-sqlite3', path: raw.SQLITE_PATH },
  };
}

function refuseDemoSettings(raw: RawConfig, demoMode: boolean): void {
  const fail = (what: string) => {
    throw new ConfigError(`Configuration error: ${what} is not allowed when NODE_ENV=production`);
  };
  if (demoMode) fail('DEMO_MODE=true (demo login)');
  if (raw.JWT_SECRET === DEMO_SECRETS.jwtSecret) fail('the demo JWT_SECRET');
  if (raw.DATA_KEY === DEMO_SECRETS.dataKey) fail('the demo DATA_KEY');
  if (raw.HASH_KEY === DEMO_SECRETS.hashKey) fail('the demo HASH_KEY');
  if (raw.WECHAT_SECRET === DEMO_SECRETS.wechatSecret) fail('the demo WECHAT_SECRET');
  if (!raw.WECHAT_API_BASE) fail('an unset WECHAT_API_BASE (the fake WeChat API)');
  const host = new URL(raw.WECHAT_API_BASE!).hostname;
  if (['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) fail(`WECHAT_API_BASE on ${host} (a fake WeChat API)`);
  refuseDemoPay(raw, fail);
}

/** Production pays for real: every merchant setting present, no fake on loopback, HTTPS notifications. */
function refuseDemoPay(raw: RawConfig, fail: (what: string) => void): void {
  const loopback = (u: string) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(u).hostname);
  for (const k of ['WECHATPAY_MCHID', 'WECHATPAY_SERIAL_NO', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_CERT', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_API_BASE', 'PAY_NOTIFY_URL'] as const) {
    if (!raw[k]) fail(`an unset ${k} (demo WeChat Pay keys)`);
  }
  if (!raw.WECHATPAY_PLATFORM_CERTS && !raw.WECHATPAY_PUBLIC_KEY) fail('WeChat Pay without WECHATPAY_PLATFORM_CERTS or WECHATPAY_PUBLIC_KEY');
  if (raw.WECHATPAY_PUBLIC_KEY && !raw.WECHATPAY_PUBLIC_KEY_ID) fail('WECHATPAY_PUBLIC_KEY without WECHATPAY_PUBLIC_KEY_ID');
  if (raw.WECHATPAY_MCHID === DEMO_SECRETS.wechatpayMchid) fail('the demo WECHATPAY_MCHID');
  if (loopback(raw.WECHATPAY_API_BASE!)) fail(`WECHATPAY_API_BASE on loopback (the fake WeChat Pay)`);
  if (!raw.PAY_NOTIFY_URL!.startsWith('https://') || loopback(raw.PAY_NOTIFY_URL!)) fail('a PAY_NOTIFY_URL that is not public HTTPS');
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
