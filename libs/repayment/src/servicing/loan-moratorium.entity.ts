import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One area moratorium: which kecamatan, from when, by how many months, and what it moved. */
@Entity('loan_moratorium')
export class LoanMoratorium {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'text', array: true }) districtCodes: string[];
  @Column({ type: 'date' }) fromDate: string;
  @Column({ type: 'int' }) months: number;
  @Column({ type: 'date' }) businessDate: string;
  @Column({ type: 'int' }) loansAffected: number;
  @Column({ type: 'int' }) installmentsShifted: number;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A due date a moratorium moved. */
@Entity('loan_moratorium_installment')
export class LoanMoratoriumInstallment {
  @PrimaryColumn({ type: 'uuid' }) moratoriumId: string;
  @PrimaryColumn({ type: 'uuid' }) installmentId: string;
  @Column({ type: 'uuid' }) loanId: string;
  @Column({ type: 'date' }) dueDateBefore: string;
  @Column({ type: 'date' }) dueDateAfter: string;
}
