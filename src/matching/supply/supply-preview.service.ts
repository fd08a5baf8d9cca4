import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@platform/clock/clock';
import { RequestValidationError } from '@platform/errors/domain-error';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { RoleRequiredError } from '@identity/identity.errors';
import { Role } from '@identity/organisation';
import { MatchingIndexService } from '@matching/engine/matching-index.service';
import { CANDIDATE_PROFILES, CandidateProfileSource } from '@matching/matching-sources';
import { VacancyProfile } from '@matching/profiles';
import { PlacesService } from '@sales/places/places.service';
import { CertificatesService } from '@sales/requirements/certificates.service';
import { SupplyPreviewDto, SupplyPreviewRequestDto } from './dto/supply-preview.dto';
import { supplyCounts } from './supply-counts';

/** The unsaved profile has no id; the engine uses none for counting. */
const UNSAVED = '00000000-0000-0000-0000-000000000000';

/**
 * The live supply preview: how many jobready candidates of both pools meet an unsaved vacancy profile,
 * what each requirement excludes and what relaxing one would add. It asks the same engine as the ranked
 * list, with the same viewer (so it counts only candidates the user's organisation may see) and a page
 * of none: counts only, no candidate is scored for a page, named or returned, so nothing personal is
 * read and nothing is audited.
 */
@Injectable()
export class SupplyPreviewService {
  constructor(
    private readonly index: MatchingIndexService,
    private readonly places: PlacesService,
    private readonly certificates: CertificatesService,
    private readonly clock: Clock,
    @Inject(CANDIDATE_PROFILES) private readonly candidates: CandidateProfileSource,
  ) {}

  async preview(user: AuthenticatedUser, input: SupplyPreviewRequestDto): Promise<SupplyPreviewDto> {
    // Sales previews for the vacancies of their own unit (as on the ranked list); matchers and managers any.
    if (!hasRole(user, Role.MATCHER, Role.MANAGER) && input.unitId !== undefined && input.unitId !== user.unitId) {
      throw new RoleRequiredError('Salesmanagers preview the supply for vacancies of their own unit');
    }
    if (input.hoursMin > input.hoursMax) throw new RequestValidationError({ hoursMax: 'must be at least hoursMin' });
    const place = await this.places.resolve(input.workplacePostcode, 'workplacePostcode');
    await this.certificates.assertSelectable(input.certificates ?? [], 'certificates');

    const dedupe = <T>(values: readonly T[] | undefined): T[] => [...new Set(values ?? [])];
    const profile: VacancyProfile = {
      id: UNSAVED,
      status: 'OPEN',
      occupationUri: input.occupationUri ?? null,
      requiredSkillUris: dedupe(input.requiredSkillUris),
      preferredSkillUris: dedupe(input.preferredSkillUris),
      drivingLicences: dedupe(input.drivingLicences),
      certificates: dedupe(input.certificates),
      minDutchLevel: input.minDutchLevel ?? null,
      minEducationLevel: input.minEducationLevel ?? null,
      hoursMin: input.hoursMin,
      hoursMax: input.hoursMax,
      pc4: place.pc4,
      maxTravelKm: input.maxTravelKm ?? null,
      startDate: input.startDate,
      openToReducedWageValue: input.openToReducedWageValue ?? false,
      experienceYearsWish: input.experienceYearsWish ?? null,
    };
    const today = this.clock.now().toISOString().slice(0, 10);
    const granted = await this.candidates.coveredByStatements(user);
    return this.index.matchTogether((match, knowledge) =>
      supplyCounts(match, profile, {
        viewer: user.organisation,
        granted,
        today,
        pools: input.pools,
        certificateName: (code) => knowledge.certificateNames.get(code) ?? code,
      }),
    );
  }
}
