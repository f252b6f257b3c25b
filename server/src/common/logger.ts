import type { LoggerService } from '@nestjs/common';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/** Keys whose values never reach a log line, wherever they appear. */
const SECRET_KEYS = /secret|token|password|authorization|cookie|key|phone|code/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

const NEST_BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** JSON lines on stdout: one object per event, with the request id when there is one. */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: LogLevel = 'info') {}

  private write(level: LogLevel, msg: unknown, context?: string, extra?: Record<string, unknown>) {
    if (LEVELS[level] < LEVELS[this.level]) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level, msg: typeof msg === 'string' ? msg : redact(msg) };
    if (context) line.context = context;
    if (extra) Object.assign(line, redact(extra));
    process.stdout.write(JSON.stringify(line) + '\n');
  }

  event(level: LogLevel, msg: string, fields: Record<string, unknown>) {
    this.write(level, msg, undefined, fields);
  }

  log(message: unknown, context?: string) {
    // Nest's start-up chatter (one line per module and route) is only interesting when debugging.
    const level = typeof context === 'string' && NEST_BOOT_CONTEXTS.has(context) ? 'debug' : 'info';
    this.write(level, message, typeof context === 'string' ? context : undefined);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace ? { trace } : undefined);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, typeof context === 'string' ? context : undefined);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, typeof context === 'string' ? context : undefined);
  }
  verbose(message: unknown, context?: string) {
    this.write('debug', message, typeof context === 'string' ? context : undefined);
  }
}
