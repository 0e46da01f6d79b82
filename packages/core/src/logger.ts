import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout; `LOG_LEVEL` sets the level (default info, silent under jest). */
export function createLogger(name: string): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info');
  return pino({ name, level });
}
