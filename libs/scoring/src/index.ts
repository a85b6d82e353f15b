import type { Type } from '@nestjs/common';
import { ApplicationDecision } from './entities/application-decision.entity.js';
import { Scorecard } from './entities/scorecard.entity.js';
import { ScoringRun } from './entities/scoring-run.entity.js';

export * from './approval-expiry.service.js';
export * from './decisions.service.js';
export * from './domain/bangkalan-scorecard.js';
export * from './domain/decision-rules.js';
export * from './domain/factors.js';
export * from './domain/score-application.js';
export * from './domain/scorecard-definition-rules.js';
export * from './domain/scorecard-definition.js';
export * from './domain/scoring-input.js';
export * from './entities/application-decision.entity.js';
export * from './entities/scorecard.entity.js';
export * from './entities/scoring-run.entity.js';
export * from './scorecards.service.js';
export * from './scoring.module.js';
export * from './scoring.service.js';

export const SCORING_ENTITIES: Type[] = [Scorecard, ScoringRun, ApplicationDecision];
