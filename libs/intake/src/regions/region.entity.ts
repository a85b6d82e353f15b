import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RegionLevel = 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';

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
