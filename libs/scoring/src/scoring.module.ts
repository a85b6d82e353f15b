import { IntakeModule } from '#intake';
import { Module, type Provider } from '@nestjs/common';
import { ApprovalExpiryService } from './approval-expiry.service.js';
import { DecisionsService } from './decisions.service.js';
import { ScorecardsService } from './scorecards.service.js';
import { ScoringService } from './scoring.service.js';

export const SCORING_PROVIDERS: Provider[] = [ScorecardsService, ScoringService, DecisionsService, ApprovalExpiryService];

/** Scorecards, scoring runs, decisions with maker-checker and the credit committee. */
@Module({ imports: [IntakeModule], providers: SCORING_PROVIDERS, exports: SCORING_PROVIDERS })
export class ScoringModule {}
