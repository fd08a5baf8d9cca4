import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@platform/clock/clock';
import { CandidateErasedError } from '@matching/candidates/candidates.errors';
import { NotFoundError } from '@platform/errors/domain-error';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { RoleRequiredError } from '@identity/identity.errors';
import { Role } from '@identity/organisation';
import { vacancyContext } from '@matching/engine/match-context';
import { MatchCursor, MatchQuery, ranksBefore } from '@matching/engine/match-query';
import { MatchingIndexService } from '@matching/engine/matching-index.service';
import { referenceFailures, referenceFeatures } from '@matching/engine/reference-matcher';
import { failureSentence, isNearEnough } from '@matching/engine/requirements';
import { explain, scoreTenths } from '@matching/engine/scoring';
import {
  CANDIDATE_PROFILES,
  CandidateProfileSource,
  CandidateSummary,
  VACANCY_PROFILES,
  VacancyProfileSource,
} from '@matching/matching-sources';
import { Pool } from '@matching/profiles';
import { CandidateMatchesDto, CandidateSummaryDto, VacancyMatchesDto } from './dto/matches.dto';
import { CursorInvalidError, VacancyNotOpenForMatchingError } from './matches.errors';
import { VacancyViews } from './vacancy-views';

const NEAR_MISS_LIMIT = 20;

@Injectable()
export class MatchesService {
  constructor(
    private readonly index: MatchingIndexService,
    @Inject(CANDIDATE_PROFILES) private readonly candidates: CandidateProfileSource,
    @Inject(VACANCY_PROFILES) private readonly vacancies: VacancyProfileSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly vacancyViews: VacancyViews,
  ) {}

  /** The ranked list for a vacancy, with what was excluded and the near misses; every candidate shown is audited. */
  async forVacancy(
    user: AuthenticatedUser,
    vacancyId: string,
    options: { limit: number; cursor?: string; pools?: Pool[] },
  ): Promise<VacancyMatchesDto> {
    // Side by side: neither read depends on the other (the statements' read shows nobody by itself).
    const [vacancy, granted] = await Promise.all([
      this.vacancyViews.one(vacancyId),
      this.candidates.coveredByStatements(user),
    ]);
    if (!vacancy) throw new NotFoundError('Vacancy', 'VACANCY_NOT_FOUND');
    // Sales works the vacancies of their own unit; matchers and managers all.
    if (!hasRole(user, Role.MATCHER, Role.MANAGER) && vacancy.unitId !== user.unitId) {
      throw new RoleRequiredError('Salesmanagers see matches for the vacancies of their own unit');
    }
    if (vacancy.profile.status === 'FILLED' || vacancy.profile.status === 'CLOSED') {
      throw new VacancyNotOpenForMatchingError(vacancy.profile.status);
    }
    const query: MatchQuery = {
      vacancy: vacancy.profile,
      viewer: user.organisation,
      granted,
      pools: options.pools,
      limit: options.limit,
      cursor: options.cursor ? decodeCursor(options.cursor) : undefined,
      today: this.clock.now().toISOString().slice(0, 10),
      nearMissLimit: NEAR_MISS_LIMIT,
    };
    const result = await this.index.match(query);
    const shownIds = [
      ...result.items.map((item) => item.candidateId),
      ...result.nearMisses.map((miss) => miss.candidateId),
    ];
    // Side by side: the read of what is shown and its audit rows (the group commit); the answer waits
    // for both, so nobody is shown before the read is on record.
    const purpose = `matching for vacancy ${vacancyId}`;
    const [summaries] = await Promise.all([
      this.candidates.summaries(user, shownIds),
      this.audit.recordMany(
        shownIds.map((candidateId) => ({
          actor: user,
          action: 'match' as const,
          subjectType: 'candidate',
          subjectId: candidateId,
          purpose,
        })),
      ),
    ]);
    // Shown only whom the summary read (the visibility rule in SQL) returned: the index may still hold
    // a consent withdrawn through another instance, or a candidate erased a moment ago.
    const summaryOf = (id: string): CandidateSummaryDto => summaries.get(id)!;
    const shown = ({ candidateId }: { candidateId: string }) => summaries.has(candidateId);
    return {
      vacancyId,
      weightsVersion: result.weightsVersion,
      items: result.items.filter(shown).map((item) => ({
        candidate: summaryOf(item.candidateId),
        score: item.score,
        components: item.components,
        distanceKm: Math.round(item.distanceKm * 10) / 10,
      })),
      nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null,
      considered: result.considered,
      eligible: result.eligible,
      excluded: result.excluded,
      nearMisses: result.nearMisses.filter(shown).map((miss) => ({
        candidate: summaryOf(miss.candidateId),
        requirement: miss.requirement,
        sentence: miss.sentence,
        score: miss.score,
      })),
    };
  }

  /**
   * For the stand-up list: per open vacancy, how many candidates this user may see meet every hard
   * requirement. Counts only, nobody is shown, so nothing is audited.
   */
  async eligibleCounts(user: AuthenticatedUser, vacancyIds: readonly string[]): Promise<Map<string, number>> {
    const wanted = new Set(vacancyIds);
    const today = this.clock.now().toISOString().slice(0, 10);
    const counts = new Map<string, number>();
    const granted = await this.candidates.coveredByStatements(user);
    for (const vacancy of await this.vacancies.open()) {
      if (!wanted.has(vacancy.profile.id)) continue;
      const result = await this.index.match({
        vacancy: vacancy.profile,
        viewer: user.organisation,
        granted,
        limit: 1,
        today,
        nearMissLimit: 0,
      });
      counts.set(vacancy.profile.id, result.eligible);
    }
    return counts;
  }

  /**
   * Open vacancies ranked for one candidate (job hunting from the candidate's side). Few vacancies are
   * open at once, so each is judged with the plain per-candidate rules the reference scorer uses.
   */
  async forCandidate(user: AuthenticatedUser, candidateId: string): Promise<CandidateMatchesDto> {
    const candidate = await this.candidates.one(candidateId);
    if (!candidate && (await this.candidates.isErasedAndVisible(user, candidateId))) throw new CandidateErasedError();
    // Not visible is answered as not found: the API does not reveal that the candidate exists.
    if (!candidate || !(await this.candidates.isVisible(user, candidateId)))
      throw new NotFoundError('Candidate', 'CANDIDATE_NOT_FOUND');
    const knowledge = await this.index.matchingKnowledge();
    const today = this.clock.now().toISOString().slice(0, 10);
    const ranked: Array<{ tenths: number; dto: CandidateMatchesDto['items'][number] }> = [];
    const near: Array<{ tenths: number; dto: CandidateMatchesDto['nearMisses'][number] }> = [];
    for (const vacancy of await this.vacancies.open()) {
      const query: MatchQuery = {
        vacancy: vacancy.profile,
        viewer: user.organisation,
        limit: 1,
        today,
        nearMissLimit: 0,
      };
      const context = vacancyContext(query, knowledge);
      const failures = referenceFailures(candidate, query, context, knowledge);
      const features = referenceFeatures(candidate, query, context, knowledge);
      const tenths = scoreTenths(features, context.scoring, knowledge.weights);
      const base = { vacancyId: vacancy.profile.id, title: vacancy.title, employerName: vacancy.employerName };
      if (failures.length === 0) {
        const explained = explain(features, context.scoring, knowledge.weights);
        ranked.push({ tenths, dto: { ...base, ...explained, distanceKm: Math.round(features.distanceKm * 10) / 10 } });
      } else if (failures.length === 1) {
        const failure = failures[0];
        const counts =
          failure.requirement !== 'STATUS' &&
          (failure.requirement !== 'DISTANCE' ||
            (failure.distanceKm !== null && isNearEnough(failure.distanceKm, failure.allowedKm)));
        if (counts)
          near.push({
            tenths,
            dto: { ...base, requirement: failure.requirement, sentence: failureSentence(failure), score: tenths / 10 },
          });
      }
    }
    const order = (
      a: { tenths: number; dto: { vacancyId: string } },
      b: { tenths: number; dto: { vacancyId: string } },
    ) => (ranksBefore(a.tenths, a.dto.vacancyId, b.tenths, b.dto.vacancyId) ? -1 : 1);
    await this.audit.record({
      actor: user,
      action: 'match',
      subjectType: 'candidate',
      subjectId: candidateId,
      purpose: 'vacancies for candidate',
    });
    return {
      candidateId,
      weightsVersion: knowledge.weights.version,
      items: ranked.sort(order).map((entry) => entry.dto),
      nearMisses: near
        .sort(order)
        .slice(0, NEAR_MISS_LIMIT)
        .map((entry) => entry.dto),
    };
  }
}

export function encodeCursor(cursor: MatchCursor): string {
  return Buffer.from(JSON.stringify([cursor.scoreTenths, cursor.candidateId])).toString('base64url');
}

export function decodeCursor(text: string): MatchCursor {
  try {
    const [scoreTenths, candidateId] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [
      unknown,
      unknown,
    ];
    if (typeof scoreTenths === 'number' && Number.isInteger(scoreTenths) && typeof candidateId === 'string') {
      return { scoreTenths, candidateId };
    }
  } catch {
    // fall through
  }
  throw new CursorInvalidError();
}

export type { CandidateSummary };
