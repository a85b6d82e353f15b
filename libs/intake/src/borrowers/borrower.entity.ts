import { Column, CreateDateColumn, Entity, OneToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Business } from './business.entity.js';

export type Gender = 'M' | 'F';

/**
 * A business owner. The NIK, KK and phone are personal data (UU PDP): stored only encrypted and found
 * through an HMAC blind index; the NIK is shown masked. Borrowers are people, not programme
 * property: one record serves every programme on the server.
 */
@Entity('borrower')
export class Borrower {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** AES-256-GCM ciphertext of the 16-digit NIK. */
  @Column({ type: 'text' }) nikEncrypted: string;
  /** HMAC blind index of the NIK: uniqueness and exact lookup without the plaintext. */
  @Column({ type: 'text' }) nikHash: string;
  /** `3526********0001`, safe to show and to search visually. */
  @Column({ type: 'text' }) nikMasked: string;
  @Column({ type: 'text', nullable: true }) kkEncrypted: string | null;
  @Column({ type: 'text', nullable: true }) kkHash: string | null;
  @Column({ type: 'text' }) fullName: string;
  /** Derived from the NIK (women: day + 40) and checked against what was sent. */
  @Column({ type: 'text' }) gender: Gender;
  @Column({ type: 'date' }) birthDate: string;
  /** AES-256-GCM ciphertext of the E.164 mobile number (+6281234567890); sealBorrowerPhone / openBorrowerPhone. */
  @Column({ type: 'text' }) phoneEncrypted: string;
  /** HMAC blind index of the E.164 number (borrowerPhoneIndex), for GET /api/borrowers?phone=; null once anonymised. */
  @Column({ type: 'text', nullable: true }) phoneHash: string | null;
  @Column({ type: 'text' }) addressStreet: string;
  @Column({ type: 'text', nullable: true }) addressVillageName: string | null;
  /** Kecamatan code, e.g. 35.26.01 (must exist in `region`). */
  @Column({ type: 'text' }) districtCode: string;
  @Column({ type: 'text' }) postalCode: string;
  /** Version of the PDP consent text the borrower agreed to, and when. */
  @Column({ type: 'text' }) consentVersion: string;
  @Column({ type: 'timestamptz' }) consentGivenAt: Date;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  /** Set by the erasure (POST /api/borrowers/:id/anonymisation): the personal fields hold tombstones. */
  @Column({ type: 'timestamptz', nullable: true }) anonymisedAt: Date | null;
  @OneToOne(() => Business, (b) => b.borrower) business?: Relation<Business>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
