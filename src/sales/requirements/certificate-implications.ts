/** certificate code → codes it directly implies (VCA_VOL → [VCA_BASIS]). */
export type CertificateImplications = ReadonlyMap<string, readonly string[]>;

/** Every certificate a holder effectively has, following implications transitively. */
export function certificateClosure(held: Iterable<string>, implications: CertificateImplications): Set<string> {
  const effective = new Set<string>();
  const pending = [...held];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (effective.has(next)) continue;
    effective.add(next);
    pending.push(...(implications.get(next) ?? []));
  }
  return effective;
}

/** The required certificates a holder lacks, in the order required; empty when they qualify. */
export function missingCertificates(
  held: Iterable<string>,
  required: Iterable<string>,
  implications: CertificateImplications,
): string[] {
  const effective = certificateClosure(held, implications);
  return [...new Set(required)].filter((code) => !effective.has(code));
}

/**
 * Whether adding `from → to` to the implications would let a certificate imply itself (a cycle),
 * which would make two certificates interchangeable by accident.
 */
export function wouldCreateCycle(implications: CertificateImplications, from: string, to: string): boolean {
  return certificateClosure([to], implications).has(from);
}
