import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ScorecardDefinition } from '../domain/scorecard-definition.js';

/** One version of a scorecard (append-only): runs name the version they were scored with. */
@Entity('scorecard')
export class Scorecard {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) name: string;
  /** null: the default for every product without a scorecard of its own. */
  @Column({ type: 'uuid', nullable: true }) productId: string | null;
  @Column({ type: 'jsonb' }) definition: ScorecardDefinition;
  /** null for the version the migration seeded. */
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
