/**
 * A small structured logger: one JSON line per entry, personal data masked by `redact`.
 * Lambda ships stdout to CloudWatch; locally it is the terminal.
 */
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
  const write = (entryLevel: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (level === 'silent' || ORDER[entryLevel] < ORDER[level]) return;
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
    child: (fields) => createLogger({ level, sink, fields: { ...base, ...fields } }),
  };
}

/** The process-wide logger. */
export const logger: Logger = createLogger();
