import type { Type } from '@nestjs/common';
import { ScorecardsController } from './scorecards.controller.js';
import { ScoringController } from './scoring.controller.js';

export const SCORING_CONTROLLERS: Type[] = [ScoringController, ScorecardsController];
