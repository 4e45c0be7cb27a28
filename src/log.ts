import { pino, type Logger } from 'pino';

/**
 * The process logger: JSON lines on stderr (stdout stays free for command output such as
 * `load --json`). Built once in an entry point and passed down.
 */
export function createLogger(level: string, name = 'summit-graph'): Logger {
  return pino({ name, level }, pino.destination(2));
}

export type { Logger };
