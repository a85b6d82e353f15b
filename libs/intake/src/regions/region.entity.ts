import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REGION_LEVELS = ['PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Kemendagri region codes (`35`, `35.26`, `35.26.01`), reference data with each region's time zone. */
@Entity('region')
export class Region {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) level: RegionLevel;
  @Column({ type: 'text', nullable: true }) parentCode: string | null;
  /** IANA zone: Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  @Column({ type: 'text' }) timeZone: string;
}
