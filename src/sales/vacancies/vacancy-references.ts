import { Injectable } from '@nestjs/common';
import { OccupationsService } from '@taxonomy/occupations/occupations.service';
import { PlacesService, ResolvedPlace } from '@sales/places/places.service';
import { CertificatesService } from '@sales/requirements/certificates.service';

export interface OccupationSuggestion {
  uri: string;
  code: string;
  label: string;
  matchedLabel: string;
  score: number;
}

/**
 * What a vacancy points at in other modules: the workplace's postcode area, certificates from the
 * managed list, and the ESCO occupation search. One place, so the vacancies service stays small.
 */
@Injectable()
export class VacancyReferences {
  constructor(
    private readonly places: PlacesService,
    private readonly certificates: CertificatesService,
    private readonly occupations: OccupationsService,
  ) {}

  workplace(postcode: string): Promise<ResolvedPlace> {
    return this.places.resolve(postcode, 'workplacePostcode');
  }

  /** Only codes not already on the vacancy are checked, so a since-deactivated one may stay. */
  async assertCertificates(chosen: readonly string[], alreadyHeld: readonly string[] = []): Promise<void> {
    const added = chosen.filter((code) => !alreadyHeld.includes(code));
    await this.certificates.assertSelectable(added, 'certificates');
  }

  /** ESCO occupations for a typed title, best first; empty when ESCO is not imported. */
  suggestOccupations(title: string, limit: number): OccupationSuggestion[] {
    return this.occupations
      .search(title, limit)
      .map(({ uri, code, label, matchedLabel, score }) => ({ uri, code, label, matchedLabel, score }));
  }
}
