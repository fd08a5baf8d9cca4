import { isUniqueViolation } from '@platform/database/unique-violation';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, Repository } from 'typeorm';
import { NotFoundError } from '@platform/errors/domain-error';
import { bumpReferenceDataVersion } from '@platform/reference-data/reference-data-version';
import { ReferenceData } from '@platform/reference-data/reference-data.service';
import { Certificate } from './certificate.entity';
import { certificateClosure, CertificateImplications } from './certificate-implications';
import {
  CertificateCodeTakenError,
  CertificateImplicationCycleError,
  CertificateNotSelectableError,
  CertificateUnknownError,
} from './certificates.errors';

export interface CertificateView {
  id: string;
  code: string;
  name: string;
  description: string | null;
  active: boolean;
  implies: string[];
}

export interface NewCertificate {
  code: string;
  name: string;
  description?: string | null;
  implies?: string[];
}

export type CertificateChanges = Partial<Omit<NewCertificate, 'code'>>;

/** The managed list of certificates; other modules validate chosen codes with `assertSelectable`. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly referenceData: ReferenceData,
  ) {
    // A certificate edited through another instance: what depends on the list (matching) rebuilds here.
    referenceData.onChange('certificates', () => {
      this.changes++;
    });
  }

  async list(filter: { active?: boolean } = {}): Promise<CertificateView[]> {
    const where: FindOptionsWhere<Certificate> = filter.active === undefined ? {} : { active: filter.active };
    const found = await this.certificates.find({ where, relations: { implies: true }, order: { name: 'ASC' } });
    return found.map(toView);
  }

  async get(id: string): Promise<CertificateView> {
    return toView(await this.load(id));
  }

  async create(input: NewCertificate): Promise<CertificateView> {
    if (await this.certificates.existsBy({ code: input.code })) throw new CertificateCodeTakenError(input.code);
    // A new certificate cannot be implied by anything yet, so it cannot close a cycle, except by naming itself.
    if (input.implies?.includes(input.code)) throw new CertificateImplicationCycleError(input.code);
    const certificate = this.certificates.create({
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      active: true,
      implies: await this.existing(input.implies ?? [], 'implies'),
    });
    try {
      return await this.saveAndAnnounce(certificate);
    } catch (error) {
      // Two admins creating the same code at once: the unique constraint decides.
      if (isUniqueViolation(error)) {
        throw new CertificateCodeTakenError(input.code);
      }
      throw error;
    }
  }

  async update(id: string, changes: CertificateChanges): Promise<CertificateView> {
    const certificate = await this.load(id);
    if (changes.name !== undefined) certificate.name = changes.name;
    if (changes.description !== undefined) certificate.description = changes.description;
    if (changes.implies !== undefined) {
      const implied = await this.existing(changes.implies, 'implies');
      const others = await this.implications();
      if (
        certificateClosure(
          implied.map((other) => other.code),
          others,
        ).has(certificate.code)
      ) {
        throw new CertificateImplicationCycleError(certificate.code);
      }
      certificate.implies = implied;
    }
    return this.saveAndAnnounce(certificate);
  }

  /** Deactivating keeps the certificate valid where it is already used; it just cannot be chosen anew. */
  async setActive(id: string, active: boolean): Promise<CertificateView> {
    const certificate = await this.load(id);
    certificate.active = active;
    return this.saveAndAnnounce(certificate);
  }

  /** The certificate and the list's version in one transaction; then every instance hears of it. */
  private async saveAndAnnounce(certificate: Certificate): Promise<CertificateView> {
    const saved = await this.certificates.manager.transaction(async (manager) => {
      const written = await manager.getRepository(Certificate).save(certificate);
      await bumpReferenceDataVersion(manager, 'certificates');
      return written;
    });
    this.changes++;
    await this.referenceData.announce('certificates', { reloadedHere: true });
    return toView(saved);
  }

  /** Moves on every change made through this process; the matching index rebuilds when it does. */
  get generation(): number {
    return this.changes;
  }

  private changes = 0;

  /**
   * For modules that store chosen certificate codes (vacancy requirements, candidate profiles):
   * throws a 422 with a field error on `field` when a code is unknown or deactivated.
   * Call it only for codes newly chosen, so records that keep a since-deactivated code stay editable.
   */
  async assertSelectable(codes: readonly string[], field: string): Promise<void> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return;
    const found = await this.certificates.find({ where: { code: In(wanted) }, select: { code: true, active: true } });
    const activeOf = new Map(found.map((certificate) => [certificate.code, certificate.active]));
    const unknown = wanted.filter((code) => !activeOf.has(code));
    const inactive = wanted.filter((code) => activeOf.get(code) === false);
    if (unknown.length > 0 || inactive.length > 0) throw new CertificateNotSelectableError(field, unknown, inactive);
  }

  /** code → codes it directly implies, for matching (see certificate-implications.ts). */
  async implications(): Promise<CertificateImplications> {
    const all = await this.certificates.find({ relations: { implies: true } });
    return new Map(all.map((certificate) => [certificate.code, certificate.implies.map((implied) => implied.code)]));
  }

  private async load(id: string): Promise<Certificate> {
    const certificate = await this.certificates.findOne({ where: { id }, relations: { implies: true } });
    if (!certificate) throw new NotFoundError('Certificate', 'CERTIFICATE_NOT_FOUND');
    return certificate;
  }

  private async existing(codes: readonly string[], field: string): Promise<Certificate[]> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return [];
    const found = await this.certificates.findBy({ code: In(wanted) });
    const unknown = wanted.filter((code) => !found.some((certificate) => certificate.code === code));
    if (unknown.length > 0) throw new CertificateUnknownError(field, unknown);
    return found;
  }
}

function toView(certificate: Certificate): CertificateView {
  return {
    id: certificate.id,
    code: certificate.code,
    name: certificate.name,
    description: certificate.description,
    active: certificate.active,
    implies: certificate.implies.map((implied) => implied.code).sort(),
  };
}
