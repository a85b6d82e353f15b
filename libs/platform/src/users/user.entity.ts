import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ROLES = ['admin', 'loan_officer', 'approver', 'finance', 'borrower'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: Role[] = ['admin', 'loan_officer', 'approver', 'finance'];

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) username: string;
  @Column({ type: 'text' }) passwordHash: string;
  @Column({ type: 'text' }) fullName: string;
  @Column({ type: 'text', array: true }) roles: Role[];
  /** Set for users holding the borrower role: the only borrower record they may see. */
  @Column({ type: 'uuid', nullable: true }) borrowerId: string | null;
  @Column({ type: 'boolean', default: true }) isActive: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
