import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const HOLIDAY_KINDS = ['NATIONAL', 'CUTI_BERSAMA', 'REGIONAL'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** A day off: national (SKB 3 Menteri), cuti bersama, or regional (a region and every region under it). */
@Entity('holiday')
export class Holiday {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** YYYY-MM-DD (pg `date` comes back as a string). */
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: HolidayKind;
  /** Kemendagri code, only for REGIONAL. */
  @Column({ type: 'text', nullable: true }) regionCode: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
