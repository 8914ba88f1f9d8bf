/**
 * A small structured logger: one JSON line per entry, personal data masked by `redact`.
 * Locally it writes to the terminal; inside Lambda the masked entries go through Powertools for
 * AWS Lambda's Logger (service name, cold start, request id, the function's log level), so what
 * reaches CloudWatch is masked exactly as locally — Powertools never sees the raw values.
 */
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { redact, redactString } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` (e.g. the request id) to every entry. */
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** Lowest level written; default from `LOG_LEVEL`, else `info` (`silent` writes nothing). */
  level?: LogLevel | 'silent';
  /** Where lines go; default `process.stdout`. */
  sink?: (line: string) => void;
  /** Fields added to every entry. */
  fields?: Record<string, unknown>;
  /**
   * Where entries go: `lines` (JSON lines to `sink`) or `powertools` (Powertools' Logger).
   * Default: `powertools` inside Lambda (`AWS_LAMBDA_FUNCTION_NAME` set) unless a sink is given.
   */
  backend?: 'lines' | 'powertools';
}

let powertools: PowertoolsLogger | undefined;

/** The process's Powertools logger (created on first use; service name from POWERTOOLS_SERVICE_NAME). */
function powertoolsLogger(): PowertoolsLogger {
  powertools ??= new PowertoolsLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'banshi' });
  return powertools;
}

function levelFromEnv(): LogLevel | 'silent' {
  const level = process.env.LOG_LEVEL?.toLowerCase();
  return level === 'debug' || level === 'info' || level === 'warn' || level === 'error' || level === 'silent'
    ? level
    : 'info';
}

/**
 * Creates a logger writing JSON lines `{ level, time, message, ...fields }` with every string in
 * the message and the fields masked (resident ID numbers, credit codes, mobile numbers).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? levelFromEnv();
  const sink = options.sink ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const base = options.fields ?? {};
  const backend = options.backend ?? (options.sink === undefined && process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined ? 'powertools' : 'lines');
  const write = (entryLevel: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (level === 'silent' || ORDER[entryLevel] < ORDER[level]) return;
    if (backend === 'powertools') {
      try {
        powertoolsLogger()[entryLevel](redactString(message), redact({ ...base, ...fields }) as Record<string, unknown>);
      } catch {
        // Logging must never break a request.
      }
      return;
    }
    const entry = {
      ...(redact({ ...base, ...fields }) as Record<string, unknown>),
      level: entryLevel,
      time: new Date().toISOString(),
      message: redactString(message),
    };
    try {
      sink(JSON.stringify(entry));
    } catch {
      // Logging must never break a request.
    }
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) => createLogger({ level, sink, backend, fields: { ...base, ...fields } }),
  };
}

/** The process-wide logger. */
export const logger: Logger = createLogger();
