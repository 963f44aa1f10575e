/**
 * pino JSON logger. Secrets never reach the output: authorization headers, cookies, passwords,
 * tokens and keys are redacted wherever they appear in a logged object.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths pino censors (case-sensitive, so the common spellings are listed). */
export const REDACT_PATHS = [
  'authorization',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'secretKey',
  'SECRET_KEY',
  'ADMIN_PASSWORD',
  'SERVICE_TOKEN',
  'POSTGRES_PASSWORD',
  '*.authorization',
  '*.Authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.secretKey',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'variables.*.password',
  'variables.password',
];

/**
 * Creates the application logger.
 * @param level pino level ('silent' disables output)
 * @param destination optional stream (tests capture logs here)
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'nocturna' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
