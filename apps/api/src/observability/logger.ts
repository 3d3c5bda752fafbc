import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type Level, type Logger } from 'pino';
import type { SkiffConfig } from '../config/skiff-config';

/** SKIFF_LOG_LEVEL (Nest's names) as pino's. */
const PINO_LEVEL: Record<SkiffConfig['logLevel'], Level> = { debug: 'debug', log: 'info', warn: 'warn', error: 'error' };

const NEST_TO_PINO: Record<LogLevel, Level> = { verbose: 'trace', debug: 'debug', log: 'info', warn: 'warn', error: 'error', fatal: 'fatal' };

/**
 * The process's JSON logger: one object per line on stdout, ISO time, the level by name.
 * `silent` writes nothing (tests). Authorization and cookies are censored wherever a
 * request's headers would be logged.
 */
export function createLogger(level: SkiffConfig['logLevel'] | 'silent'): Logger {
  const options: pino.LoggerOptions = {
    level: level === 'silent' ? 'silent' : PINO_LEVEL[level],
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[REDACTED]' },
  };
  if (level === 'silent') return pino(options);
  // Written as soon as possible but off the request's path; what is pending is flushed on exit.
  return pino(options, pino.destination({ dest: 1, sync: false }));
}

/**
 * Nest's logger, backed by pino: `new Logger('scheduler').warn(...)` becomes
 * `{"level":"warn","context":"scheduler","msg":...}`. Nest passes the context last,
 * and for errors the stack before it.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // (message), (message, context), (message, stack) or (message, stack, context).
    const context = params.length > 1 || (typeof params[0] === 'string' && !isStack(params[0])) ? params.pop() : undefined;
    const stack = typeof params[0] === 'string' && isStack(params[0]) ? params.shift() : undefined;
    this.write('error', message, context === undefined ? params : [...params, context], stack as string | undefined);
  }

  setLogLevels(levels: LogLevel[]): void {
    const order: Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
    const lowest = levels.map((l) => NEST_TO_PINO[l]).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
    this.logger.level = lowest ?? 'silent';
  }

  private write(level: Level, message: unknown, params: unknown[], stack?: string): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    if (typeof params[params.length - 1] === 'string') fields.context = params.pop();
    else if (params.length && params[params.length - 1] === undefined) params.pop();
    if (params.length) fields.params = params;
    if (stack) fields.stack = stack;
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'string') this.logger[level](fields, message);
    else this.logger[level]({ ...fields, value: message });
  }
}

function isStack(s: string): boolean {
  return /\n\s+at /.test(s);
}
