import { IntakeModule } from '#intake';
import { Module, type Provider } from '@nestjs/common';

export const SCORING_PROVIDERS: Provider[] = [];

/** Scorecards, scoring runs, decisions with maker-checker and the credit committee. */
@Module({ imports: [IntakeModule], providers: SCORING_PROVIDERS, exports: SCORING_PROVIDERS })
export class ScoringModule {}
