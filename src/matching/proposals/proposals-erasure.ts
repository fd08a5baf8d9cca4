import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CandidatesService } from '@matching/candidates/candidates.service';

/**
 * Erasure reaches proposals too: the text written with each move (why a proposal was sent, refused
 * or withdrawn, and a mismatch's explanation for the adviser) is free text about the candidate, so it
 * goes with the candidate's personal data, in the erasure's own transaction. States, reason codes,
 * who and when stay: the proposal-quality report counts them and they name nobody.
 */
@Injectable()
export class ProposalsErasure implements OnModuleInit {
  constructor(private readonly candidates: CandidatesService) {}

  onModuleInit(): void {
    this.candidates.onErase((candidateId, manager) => this.erase(candidateId, manager));
  }

  private async erase(candidateId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE proposal_transitions t SET text = NULL FROM proposals p
       WHERE p.id = t.proposal_id AND p.candidate_id = $1 AND t.text IS NOT NULL`,
      [candidateId],
    );
    await manager.query(
      `UPDATE proposals SET reason_text = NULL, version = version + 1, updated_at = now()
       WHERE candidate_id = $1 AND reason_text IS NOT NULL`,
      [candidateId],
    );
  }
}
