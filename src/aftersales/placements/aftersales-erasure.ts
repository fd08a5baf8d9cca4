import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CandidatesService } from '@matching/candidates/candidates.service';

/** What an ended placement says about an erased client instead of the reason given. */
export const ERASED_REASON = 'Gewist op verzoek';

/**
 * Erasure reaches aftersales too: the notes of follow-up calls and the reason a placement ended are
 * free text about the client, so they go with the candidate's personal data. The counts (dates,
 * outcomes) stay, as the durability figures need them and they name nobody.
 */
@Injectable()
export class AftersalesErasure implements OnModuleInit {
  constructor(private readonly candidates: CandidatesService) {}

  onModuleInit(): void {
    this.candidates.onErase((candidateId, manager) => this.erase(candidateId, manager));
  }

  private async erase(candidateId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE follow_up_calls k SET note = NULL
       FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id
       WHERE k.follow_up_id = f.id AND pl.candidate_id = $1 AND k.note IS NOT NULL`,
      [candidateId],
    );
    await manager.query(
      `UPDATE follow_ups f SET note = NULL FROM placements pl
       WHERE pl.id = f.placement_id AND pl.candidate_id = $1 AND f.note IS NOT NULL`,
      [candidateId],
    );
    await manager.query(`UPDATE placements SET end_reason = $2 WHERE candidate_id = $1 AND end_reason IS NOT NULL`, [
      candidateId,
      ERASED_REASON,
    ]);
  }
}
