import { LoggerService } from '@nestjs/common';
import { Level, Logger } from 'pino';

const STACK_FRAME = /\n\s+at /;

/**
 * Nest's logger on the root pino logger: what Nest and every `new Logger(Context)` write goes through
 * the same level and redaction as the rest. Nest passes the context last (`log(message, context)`,
 * `error(message, stack, context)`); an object as message is merged into the line (`{ err }`).
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  private write(level: Level, message: unknown, optional: unknown[]): void {
    const params = [...optional];
    const context = params.length > 0 && typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, ...(params as [string?]));
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message }, ...(params as [string?]));
    } else if (level === 'error' && typeof params[0] === 'string' && STACK_FRAME.test(params[0])) {
      // Nest's own `error(message, stack, context)`.
      this.logger.error({ ...fields, err: { message: String(message), stack: params[0] } }, String(message));
    } else {
      this.logger[level](fields, String(message), ...(params as []));
    }
  }
}
