import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The single row that says which calendar day the books are on; close-of-day moves it. */
@Entity('business_date')
export class BusinessDate {
  @PrimaryColumn({ type: 'smallint' }) id: number;
  /** A calendar date `YYYY-MM-DD` (pg `date` kept as a string, never a JS Date at midnight). */
  @Column({ type: 'date' }) date: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
