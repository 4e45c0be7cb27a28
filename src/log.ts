import { format } from 'node:util';
import { pino, type Logger } from 'pino';

export interface LoggerOptions {
  /** Fields added to every line, read when the line is written (the request id: RequestScope.mixin). */
  mixin?: () => Record<string, unknown>;
  /** Where the lines go: a file descriptor or a path; default 2 (stderr). */
  destination?: number | string;
}

/**
 * The process logger: JSON lines on stderr (stdout stays free for command output such as
 * `load --json`). Built once in an entry point and passed down.
 */
export function createLogger(level: string, name = 'summit-graph', { mixin, destination = 2 }: LoggerOptions = {}): Logger {
  return pino({ name, level, ...(mixin ? { mixin } : {}) }, pino.destination(destination));
}

/**
 * Sends what libraries write with `console` (e.g. the response cache's `[useResponseCache] ...`
 * warnings) through `logger` as JSON lines, so that a server's stderr holds nothing but JSON: a log
 * collector parses every line, and a request's lines keep its id. For servers only: a command's
 * console output is its own.
 */
export function routeConsole(logger: Logger): void {
  const to = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => logger[level]({ source: 'console' }, format(...args));
  console.log = to('info');
  console.info = to('info');
  console.debug = to('debug');
  console.warn = to('warn');
  console.error = to('error');
}

export type { Logger };
