import { DomainError } from '@platform/errors/domain-error';

export class CertificateCodeTakenError extends DomainError {
  readonly code = 'CERTIFICATE_CODE_TAKEN';
  readonly kind = 'invalid' as const;

  constructor(code: string) {
    super(`A certificate with code ${code} already exists`, {
      fieldErrors: { code: 'is already used by another certificate' },
    });
  }
}

/** Codes that a vacancy or candidate may not newly name: unknown ones, or deactivated ones. */
export class CertificateNotSelectableError extends DomainError {
  readonly code = 'CERTIFICATE_NOT_SELECTABLE';
  readonly kind = 'invalid' as const;

  constructor(field: string, unknown: string[], inactive: string[]) {
    const reasons = [
      ...(unknown.length > 0 ? [`unknown certificate ${unknown.join(', ')}`] : []),
      ...(inactive.length > 0 ? [`certificate ${inactive.join(', ')} can no longer be chosen`] : []),
    ];
    super('Some certificates cannot be chosen', {
      fieldErrors: { [field]: reasons.join('; ') },
      details: { unknown, inactive },
    });
  }
}

export class CertificateUnknownError extends DomainError {
  readonly code = 'CERTIFICATE_UNKNOWN';
  readonly kind = 'invalid' as const;

  constructor(field: string, unknown: string[]) {
    super('Unknown certificates', {
      fieldErrors: { [field]: `unknown certificate ${unknown.join(', ')}` },
      details: { unknown },
    });
  }
}

export class CertificateImplicationCycleError extends DomainError {
  readonly code = 'CERTIFICATE_IMPLICATION_CYCLE';
  readonly kind = 'invalid' as const;

  constructor(code: string) {
    super(`${code} would imply itself`, {
      fieldErrors: { implies: `would make ${code} imply itself` },
    });
  }
}
