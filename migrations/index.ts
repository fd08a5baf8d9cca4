import { MigrationInterface } from 'typeorm';
import { Identity1795300000000 } from './1795300000000-identity';
import { Taxonomy1795350000000 } from './1795350000000-taxonomy';
import { PlacesAndCertificates1795354422183 } from './1795354422183-places-and-certificates';
import { EmployersAndVacancies1795355700507 } from './1795355700507-employers-and-vacancies';
import { Candidates1795355733786 } from './1795355733786-candidates';
import { ProposalsAndPlacements1795357511442 } from './1795357511442-proposals-and-placements';
import { FollowUps1795359251699 } from './1795359251699-follow-ups';
import { AftersalesOutcomes1795400000000 } from './1795400000000-aftersales-outcomes';
import { RefreshTokenSessions1795500000000 } from './1795500000000-refresh-token-sessions';
import { ReferenceDataVersions1795700000000 } from './1795700000000-reference-data-versions';
import { Reports1795900000000 } from './1795900000000-reports';
import { MismatchReadMarks1796300000000 } from './1796300000000-mismatch-read-marks';
import { MaxWwProgramme1796600000000 } from './1796600000000-max-ww-programme';
import { MaxWwMediationDetails1796620000000 } from './1796620000000-max-ww-mediation-details';
import { Loondispensatie1796640000000 } from './1796640000000-loondispensatie';
import { MaxWwCancelEditEnd1796670000000 } from './1796670000000-max-ww-cancel-edit-end';

/**
 * Every migration, oldest first. A generated migration is added here by hand after review; a test
 * checks that no file in this folder is left out.
 */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Identity1795300000000,
  Taxonomy1795350000000,
  PlacesAndCertificates1795354422183,
  EmployersAndVacancies1795355700507,
  Candidates1795355733786,
  ProposalsAndPlacements1795357511442,
  FollowUps1795359251699,
  AftersalesOutcomes1795400000000,
  RefreshTokenSessions1795500000000,
  ReferenceDataVersions1795700000000,
  Reports1795900000000,
  MismatchReadMarks1796300000000,
  MaxWwProgramme1796600000000,
  MaxWwMediationDetails1796620000000,
  Loondispensatie1796640000000,
  MaxWwCancelEditEnd1796670000000,
];
