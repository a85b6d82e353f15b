import { Money, moneyTransformer } from '#money';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FactorScore } from '../domain/factors.js';
import type { KnockOut } from '../domain/score-application.js';
import type { Grade, Recommendation } from '../domain/scorecard-definition.js';
import type { StoredScoringInput } from '../domain/scoring-input.js';

/** One scoring of an application (append-only): its scorecard version, every input and the explained result. */
@Entity('scoring_run')
export class ScoringRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) applicationId: string;
  @Column({ type: 'int' }) runNumber: number;
  @Column({ type: 'uuid' }) scorecardId: string;
  @Column({ type: 'jsonb' }) inputs: StoredScoringInput;
  @Column({ type: 'int' }) score: number;
  @Column({ type: 'text' }) grade: Grade;
  @Column({ type: 'text' }) recommendation: Recommendation;
  @Column({ type: 'text' }) recommendationReason: string;
  @Column({ type: 'text' }) recommendationReasonEn: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) maxRecommendedAmount: Money;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) installment: Money;
  @Column({ type: 'jsonb' }) factors: FactorScore[];
  @Column({ type: 'jsonb' }) knockOuts: KnockOut[];
  @Column({ type: 'date' }) businessDate: string;
  @Column({ type: 'uuid' }) scoredBy: string;
  @Column({ type: 'timestamptz', insert: false, update: false }) scoredAt: Date;
}
