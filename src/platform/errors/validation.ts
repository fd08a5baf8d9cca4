import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { inputProblems } from '@platform/http/input-checks';
import { RequestValidationError } from './domain-error';

/** Flattens class-validator's tree into `{ 'contacts.0.email': 'must be an e-mail address' }`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) fields[path] = messages.join('; ');
    Object.assign(fields, toFieldErrors(error.children ?? [], path));
  }
  return fields;
}

const REQUEST_VALUES = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

/**
 * The one validation step of every request: the DTO's rules (class-validator), and before and after
 * them the checks every value gets whatever its DTO says (`inputProblems`: NUL, lone surrogates,
 * integers beyond a column, impossible dates), so no such value ever reaches PostgreSQL. Before:
 * the raw body, query and path; after: what the DTO made of them (`?offset=1e20` is a number only then).
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!REQUEST_VALUES.has(metadata.type)) return super.transform(value, metadata);
    const field = metadata.type === 'body' ? '' : (metadata.data ?? '');
    refuseProblems(inputProblems(value, field));
    const transformed: unknown = await super.transform(value, metadata);
    refuseProblems(inputProblems(transformed, field));
    return transformed;
  }
}

function refuseProblems(problems: Record<string, string>): void {
  if (Object.keys(problems).length > 0) throw new RequestValidationError(problems);
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new RequestValidationError(toFieldErrors(errors)),
  });
}
