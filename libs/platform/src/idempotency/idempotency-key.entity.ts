import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A money-moving request's key and the answer it got, stored in the same transaction as its effect. */
@Entity('idempotency_key')
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) key: string;
  @Column({ type: 'text' }) method: string;
  @Column({ type: 'text' }) path: string;
  /** sha256 of method, path and the canonical JSON body. */
  @Column({ type: 'text' }) requestHash: string;
  @Column({ type: 'int' }) responseStatus: number;
  @Column({ type: 'jsonb' }) responseBody: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
