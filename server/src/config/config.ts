import { z } from 'zod';

/** Secrets that ship in the repository for the demo. Production refuses to start with any of them. */
export const DEMO_SECRETS = {
  jwtSecret: 'honglin-demo-jwt-secret-do-not-use-in-production',
  dataKey: 'aG9uZ2xpbi1kZW1vLWRhdGEta2V5LTMyLWJ5dGVzISE=', // 32 bytes, base64
  hashKey: 'honglin-demo-hash-key',
  wechatSecret: 'demo-wechat-secret',
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
  DEMO_MODE: bool.optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEMO_SECRETS.jwtSecret),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(180).default(30),
  DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .default(DEMO_SECRETS.dataKey),
  DATA_KEY_ID: z.string().regex(/^[a-z0-9-]{1,16}$/, 'must be 1–16 of a-z, 0-9, -').default('k1'),
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
  SEED_DEMO: bool.optional(),
});

export type RawConfig = z.infer<typeof schema>;

export interface AppConfig extends Omit<RawConfig, 'DEMO_MODE' | 'SEED_DEMO'> {
  demoMode: boolean;
  seedDemo: boolean;
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
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
