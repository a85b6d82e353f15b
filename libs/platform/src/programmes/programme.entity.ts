import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A fund with its own products, loans and ledger. One deployment may host several. */
@Entity('programme')
export class Programme {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  /** Kemendagri region code of the regency that runs it, e.g. 35.26 (Bangkalan). */
  @Column({ type: 'text', nullable: true }) regionCode: string | null;
  @Column({ type: 'text', default: 'Asia/Jakarta' }) timeZone: string;
  @Column({ type: 'boolean', default: false }) isDefault: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
