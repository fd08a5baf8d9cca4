import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { toAuthenticatedUser } from '@identity/auth/auth.service';
import { demoEmail } from '@identity/cli/demo-users';
import { Organisation, Role } from '@identity/organisation';
import { UsersService } from '@identity/users/users.service';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { CandidateListQuery } from '@matching/candidates/dto/candidate.dto';
import { MatchesService } from '@matching/matches/matches.service';
import { ProposalsService } from '@matching/proposals/proposals.service';
import { Pool } from '@matching/profiles';
import { Clock } from '@platform/clock/clock';
import { DomainError } from '@platform/errors/domain-error';
import { VacanciesService } from '@sales/vacancies/vacancies.service';
import { FollowUpsService } from '@aftersales/follow-ups/follow-ups.service';
import { PlacementsService } from './placements.service';

export type PlacementsSeedReport = { skipped: string } | { proposals: number; placements: number; existing: boolean };

const DAY_MS = 86_400_000;
/** Candidates taken from the top of each open vacancy's ranked list. */
const PER_VACANCY = 6;

/**
 * Demo proposals and placements over the past year, made through the real services (so every rule,
 * snapshot and audit entry is as in use) by the demo matcher of the staffing firm, then moved back in
 * time. The demo candidates arrive as TO_ASSESS, so the demo advisers first judge every second one
 * of their own candidates jobready. Placements leave one position of each vacancy open, so the demo
 * keeps its open vacancies. Runs once: when the demo matcher has proposals, it changes nothing.
 */
@Injectable()
export class PlacementsDemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly candidates: CandidatesService,
    private readonly vacancies: VacanciesService,
    private readonly matches: MatchesService,
    private readonly proposals: ProposalsService,
    private readonly placements: PlacementsService,
    private readonly clock: Clock,
    private readonly followUps: FollowUpsService,
  ) {}

  async seed(): Promise<PlacementsSeedReport> {
    const matcher = await this.actor(demoEmail(Role.MATCHER, Organisation.STAFFING_FIRM));
    if (!matcher) return { skipped: 'the demo users are missing' };
    const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM proposals WHERE shortlisted_by = $1`,
      [matcher.id],
    );
    if (count > 0) return { proposals: count, placements: 0, existing: true };
    const open = await this.vacancies.openMatchingViews();
    if (open.length === 0) return { skipped: 'no open vacancies (seed the sales demo data first)' };
    await this.assessDemoCandidates();

    const now = this.clock.now().getTime();
    let proposals = 0;
    let placements = 0;
    for (const [v, vacancy] of open.entries()) {
      const ranked = await this.matches.forVacancy(matcher, vacancy.profile.id, { limit: PER_VACANCY });
      let positions = (await this.vacancies.placementFacts(vacancy.profile.id)).positionsLeft - 1;
      for (const [i, item] of ranked.items.entries()) {
        // Spread over the past year, deterministically: 14 to 354 days ago.
        const daysAgo = 14 + ((v * 37 + i * 53) % 341);
        const outcome = (v + i) % 5;
        try {
          let proposal = await this.proposals.create(matcher, vacancy.profile.id, item.candidate.id);
          proposal = await this.proposals.transition(matcher, proposal.id, {
            to: 'PROPOSED',
            version: proposal.version,
          });
          proposals++;
          if (outcome === 2) {
            await this.proposals.transition(matcher, proposal.id, {
              to: 'REJECTED',
              reasonCode: 'EMPLOYER_SKILLS',
              text: 'Werkgever zoekt meer ervaring',
              version: proposal.version,
            });
          } else if (outcome === 3) {
            await this.proposals.transition(matcher, proposal.id, { to: 'WITHDRAWN', version: proposal.version });
          } else {
            proposal = await this.proposals.transition(matcher, proposal.id, {
              to: 'INTERVIEW',
              version: proposal.version,
            });
            if (outcome === 4 || positions <= 0) {
              await this.proposals.transition(matcher, proposal.id, {
                to: 'REJECTED',
                reasonCode: 'EMPLOYER_OTHER_CANDIDATE',
                text: 'Werkgever koos een andere kandidaat',
                version: proposal.version,
              });
            } else {
              const startDate = new Date(now - (daysAgo - 14) * DAY_MS).toISOString().slice(0, 10);
              const placement = await this.placements.place(matcher, {
                proposalId: proposal.id,
                startDate,
                contractType: i % 2 === 0 ? 'FIXED_TERM' : 'AGENCY',
                contractMonths: i % 2 === 0 ? 6 : undefined,
                hoursPerWeek: vacancy.profile.hoursMin,
                instruments: [],
              });
              positions--;
              placements++;
              // About a third of the older placements ended after three months.
              if (daysAgo > 200 && i % 3 === 0) {
                const endDate = new Date(Date.parse(startDate) + 91 * DAY_MS).toISOString().slice(0, 10);
                await this.placements.end(matcher, placement.body.id, { endDate, reason: 'Contract niet verlengd' });
              }
            }
          }
          await this.moveBack(proposal.id, daysAgo);
        } catch (error) {
          // A candidate placed through an earlier vacancy is no longer eligible: skip, as a matcher would.
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }
    // Each vacancy was open some days before its first proposal, so its days open fit its history.
    const firsts: Array<{ vacancyId: string; firstProposed: Date }> = await this.dataSource.query(
      `SELECT p.vacancy_id AS "vacancyId", min(p.created_at) AS "firstProposed" FROM proposals p
       WHERE p.shortlisted_by = $1 GROUP BY p.vacancy_id`,
      [matcher.id],
    );
    for (const [index, { vacancyId, firstProposed }] of firsts.entries()) {
      const daysBefore = 3 + (index % 5) * 4;
      await this.vacancies.backdateForDemo(
        vacancyId,
        new Date(new Date(firstProposed).getTime() - daysBefore * DAY_MS),
      );
    }
    return { proposals, placements, existing: false };
  }

  /** Every second TO_ASSESS candidate of each demo adviser becomes jobready, as the adviser's judgement. */
  private async assessDemoCandidates(): Promise<void> {
    const advisers: Array<[Pool, Organisation]> = [
      ['WW', Organisation.UWV],
      ['BIJSTAND', Organisation.MUNICIPALITY],
    ];
    for (const [pool, organisation] of advisers) {
      const adviser = await this.actor(demoEmail(Role.ADVISER, organisation));
      if (!adviser) continue;
      const query = Object.assign(new CandidateListQuery(), { pool, jobready: 'TO_ASSESS', limit: 200, offset: 0 });
      const page = await this.candidates.list(adviser, query);
      for (const [index, candidate] of page.items.entries()) {
        if (index % 2 !== 0) continue;
        await this.candidates.assessJobready(adviser, candidate.id, {
          jobready: 'YES',
          checklist: {
            ownTransport: true,
            childcareArranged: true,
            hoursAvailable: true,
            certificatesValid: true,
            motivated: true,
          },
          version: candidate.version,
        });
      }
    }
  }

  /** The proposal, its history and its placement as if they happened `days` ago. */
  private async moveBack(proposalId: string, days: number): Promise<void> {
    const shift = `${days} days`;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE proposals SET created_at = created_at - $2::interval, updated_at = updated_at - $2::interval,
           proposed_at = proposed_at - $2::interval, interview_at = interview_at - $2::interval,
           closed_at = closed_at - $2::interval
         WHERE id = $1`,
        [proposalId, shift],
      );
      await manager.query(`UPDATE proposal_transitions SET at = at - $2::interval WHERE proposal_id = $1`, [
        proposalId,
        shift,
      ]);
      const [moved]: [Array<{ id: string }>, number] = await manager.query(
        `UPDATE placements SET created_at = created_at - $2::interval WHERE proposal_id = $1 RETURNING id`,
        [proposalId, shift],
      );
      // Its follow-ups as if planned then: the older ones are overdue, for the aftersales call list.
      if (moved[0]) await this.followUps.replanFromRegistration(moved[0].id, manager);
    });
  }

  private async actor(email: string): Promise<AuthenticatedUser | null> {
    const user = await this.users.findByEmail(email);
    return user ? toAuthenticatedUser(user) : null;
  }
}
