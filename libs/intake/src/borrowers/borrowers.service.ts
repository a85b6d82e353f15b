import { randomUUID } from 'node:crypto';
import {
  AuditService,
  type AuthenticatedUser,
  BusinessDateService,
  decodeCursor,
  DomainError,
  FieldEncryptionService,
  type FieldViolation,
  NotFoundError,
  type Page,
  pageLimit,
  type PageQuery,
  STAFF_ROLES,
  toPage,
  TransactionRunner,
  ValidationError,
} from '#platform';
import { borrowerPhoneIndex, maskPhone, openBorrowerPhone, sealBorrowerPhone } from '#notifications';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { Region } from '../regions/region.entity.js';
import { Borrower, type Gender } from './borrower.entity.js';
import { type AddressInput, addressChanges, type BusinessInput, businessDiffers, type CorrectBorrowerInput } from './borrower-correction.js';
import { kkBlindIndex, nikBlindIndex, openIdentity, sealIdentity, sealKk } from './borrower-identity.js';
import { type BorrowerView, toBorrowerView } from './borrower-view.js';
import { Business } from './business.entity.js';
import { CURRENT_CONSENT_VERSION, isConsentVersion } from './consent.js';
import { checkDetails, checkRegistration } from './domain/registration-rules.js';
import { normalizePhone, PHONE_FORMAT_MESSAGE } from './domain/identifiers.js';
import { nameSearchTerms } from './domain/name-search.js';
import { type NikErrorCode, parseNik } from './domain/nik.js';

export interface RegisterBorrowerInput {
  nik: string;
  kk?: string;
  fullName: string;
  gender?: Gender;
  birthDate?: string;
  phone: string;
  address: AddressInput;
  business: BusinessInput;
  /** Defaults to the current consent text, given now. */
  consent?: { version: string; givenAt?: string };
  /** The loan officer registering the borrower. */
  createdBy?: string | null;
}

export interface ListBorrowersInput extends PageQuery {
  nik?: string;
  /** Any way people write a mobile number (normalizePhone); an exact lookup through the blind index. */
  phone?: string;
  /** Words each found somewhere in the name (nameSearchTerms). */
  name?: string;
  districtCode?: string;
}

/** What a NIK says, or why it is refused (see checkNik). */
export interface NikCheck {
  valid: boolean;
  /** Empty when valid; else the rule it breaks (parseNik stops at the first). */
  reasons: { code: NikErrorCode; message: string }[];
  birthDate: string | null;
  gender: Gender | null;
  /** The kecamatan where the NIK was first issued (not necessarily where the person lives). */
  issuedInDistrictCode: string | null;
  /** The borrower already registered with this NIK: registering again would be 409 BORROWER_NIK_EXISTS. */
  registeredBorrowerId: string | null;
}

/** Consent timestamps come from the officer's device: allow its clock to run a little ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

const isStaff = (user: AuthenticatedUser) => user.roles.some((r) => STAFF_ROLES.includes(r));

@Injectable()
export class BorrowersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly cipher: FieldEncryptionService,
  ) {}

  /** Borrower, business and audit row in one transaction. The NIK is checked against the business date. */
  async register(input: RegisterBorrowerInput): Promise<BorrowerView> {
    return this.tx.run(async (em) => {
      const today = await this.businessDate.current(em);
      const check = checkRegistration(
        {
          nik: input.nik,
          kk: input.kk,
          gender: input.gender,
          birthDate: input.birthDate,
          fullName: input.fullName,
          phone: input.phone,
          postalCode: input.address.postalCode,
          nib: input.business.nib,
          startedOn: input.business.startedOn,
        },
        today,
      );
      const violations: FieldViolation[] = [...check.violations, ...(await this.districtViolations(em, input.address.districtCode))];
      const consentVersion = input.consent?.version ?? CURRENT_CONSENT_VERSION;
      const consentGivenAt = input.consent?.givenAt ? new Date(input.consent.givenAt) : new Date();
      if (!isConsentVersion(consentVersion))
        violations.push({ field: 'consent.version', code: 'CONSENT_VERSION_UNKNOWN', message: `consent.version ${consentVersion} is not a published consent text` });
      if (consentGivenAt.getTime() > Date.now() + CLOCK_SKEW_MS)
        violations.push({ field: 'consent.givenAt', code: 'CONSENT_GIVEN_IN_FUTURE', message: 'consent.givenAt is in the future' });
      if (violations.length || !check.nik || !check.phone) throw ValidationError.fields(violations);

      const id = randomUUID();
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(Borrower)
        .values({
          id,
          ...sealIdentity(this.cipher, id, input.nik, input.kk),
          fullName: input.fullName.trim(),
          gender: check.nik.gender,
          birthDate: check.nik.birthDate,
          phoneEncrypted: sealBorrowerPhone(this.cipher, id, check.phone),
          phoneHash: borrowerPhoneIndex(this.cipher, check.phone),
          addressStreet: input.address.street.trim(),
          addressVillageName: input.address.villageName?.trim() || null,
          districtCode: input.address.districtCode,
          postalCode: input.address.postalCode,
          consentVersion,
          consentGivenAt,
          createdBy: input.createdBy ?? null,
        })
        .orIgnore()
        .returning('id')
        .execute();
      // ON CONFLICT DO NOTHING on the blind index: a second registration of a NIK, even a concurrent
      // one, returns no row instead of aborting the transaction.
      if (!(inserted.raw as { id: string }[]).length)
        throw new DomainError('CONFLICT', 'BORROWER_NIK_EXISTS', 'A borrower with this NIK is already registered');
      await this.saveBusiness(em, id, input.business);
      const view = await this.view(id, em);
      // The audit log is append-only and in clear: it keeps the phone masked, as it keeps the NIK.
      await this.audit.record(em, { action: 'BORROWER_REGISTERED', entityType: 'borrower', entityId: id, after: { ...view, phone: maskPhone(view.phone) } });
      return view;
    });
  }

  /**
   * Corrects a borrower's details (UU PDP's right to rectification, and everyday changes: a new SIM card, a
   * move, a business that grew). The NIK, and the gender and birth date it gives, never change: a wrong NIK
   * is another person. Under the borrower's row lock, in one transaction with one BORROWER_CORRECTED audit
   * row (before and after, the phone masked, the reason). Sending what is already on file changes nothing
   * and writes no audit row, so a retried request is harmless. The phone is read at each send, so the
   * reminders still to go out reach the new number.
   */
  async correct(id: string, input: CorrectBorrowerInput): Promise<BorrowerView> {
    return this.tx.run(async (em) => {
      if ([input.fullName, input.phone, input.kk, input.address, input.business].every((v) => v === undefined))
        throw ValidationError.field('body', 'NOTHING_TO_CORRECT', 'Send at least one of fullName, phone, kk, address, business');
      const b = await em.findOne(Borrower, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!b) throw new NotFoundError('Borrower', id);
      if (b.anonymisedAt) throw new DomainError('CONFLICT', 'ALREADY_ANONYMISED', `Borrower ${id} was anonymised: there is nothing left to correct`);
      const check = checkDetails(
        { fullName: input.fullName, phone: input.phone, kk: input.kk, postalCode: input.address?.postalCode, nib: input.business?.nib, startedOn: input.business?.startedOn },
        await this.businessDate.current(em),
        b.birthDate,
      );
      const violations = [...check.violations, ...(input.address ? await this.districtViolations(em, input.address.districtCode) : [])];
      if (violations.length) throw ValidationError.fields(violations);

      const before = await this.view(id, em);
      const borrowerChanges: Partial<Borrower> = {
        ...(input.fullName !== undefined && input.fullName.trim() !== before.fullName ? { fullName: input.fullName.trim() } : {}),
        ...(check.phone !== undefined && check.phone !== before.phone
          ? { phoneEncrypted: sealBorrowerPhone(this.cipher, id, check.phone), phoneHash: borrowerPhoneIndex(this.cipher, check.phone) }
          : {}),
        ...(input.kk !== undefined && kkBlindIndex(this.cipher, input.kk) !== b.kkHash ? sealKk(this.cipher, id, input.kk) : {}),
        ...(input.address ? addressChanges(before, input.address) : {}),
      };
      const businessChanged = input.business !== undefined && businessDiffers(before.business, input.business);
      if (!Object.keys(borrowerChanges).length && !businessChanged) return before;

      if (Object.keys(borrowerChanges).length) {
        await em.update(Borrower, { id }, borrowerChanges);
      } else {
        // The business is the borrower's record too: its change moves the borrower's version.
        await em.increment(Borrower, { id }, 'version', 1);
      }
      if (businessChanged) await this.saveBusiness(em, id, input.business!);
      const after = await this.view(id, em);
      await this.audit.record(em, {
        action: 'BORROWER_CORRECTED',
        entityType: 'borrower',
        entityId: id,
        before: { ...before, phone: maskPhone(before.phone) },
        after: { ...after, phone: maskPhone(after.phone), kkChanged: 'kkEncrypted' in borrowerChanges, reason: input.reason.trim() },
      });
      return after;
    });
  }

  /** Staff see any borrower; a borrower user sees only their own record (another id is 404, as if it did not exist). */
  async getFor(user: AuthenticatedUser, id: string): Promise<BorrowerView> {
    if (!isStaff(user) && user.borrowerId !== id) throw new NotFoundError('Borrower', id);
    return this.view(id);
  }

  async get(id: string): Promise<BorrowerView> {
    return this.view(id);
  }

  /**
   * By name; `nik` and `phone` are exact lookups through their blind indexes, `name` keeps those whose name
   * holds every word of it (through the trigram index on name_key), `districtCode` keeps one kecamatan.
   */
  async list(q: ListBorrowersInput): Promise<Page<BorrowerView>> {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor);
    const qb = this.tx.manager
      .createQueryBuilder(Borrower, 'b')
      .leftJoinAndSelect('b.business', 'biz')
      .orderBy('b.fullName', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .limit(limit + 1);
    if (q.nik !== undefined) qb.andWhere('b.nikHash = :nikHash', { nikHash: await this.nikHashForLookup(q.nik) });
    if (q.phone !== undefined) qb.andWhere('b.phoneHash = :phoneHash', { phoneHash: this.phoneHashForLookup(q.phone) });
    if (q.name !== undefined) {
      nameSearchTerms(q.name).forEach((term, i) => qb.andWhere(`b.name_key LIKE '%' || borrower_name_key(:term${i}) || '%'`, { [`term${i}`]: term }));
    }
    if (q.districtCode !== undefined) qb.andWhere('b.districtCode = :districtCode', { districtCode: q.districtCode });
    if (after) qb.andWhere('(b.fullName, b.id) > (:k, :id)', { k: after.k, id: after.id });
    const rows = await qb.getMany();
    const names = await this.districtNames(rows.map((b) => b.districtCode));
    return toPage(
      rows.map((b) => this.toView(b, names.get(b.districtCode) ?? null)),
      limit,
      (b) => ({ k: b.fullName, id: b.id }),
    );
  }

  /** The NIK and KK in clear, for the officer who must check them against the card. Every read is audited. */
  async revealIdentity(id: string): Promise<{ nik: string; kk: string | null }> {
    return this.tx.run(async (em) => {
      const row = await em.findOne(Borrower, { where: { id }, select: { id: true, nikEncrypted: true, kkEncrypted: true } });
      if (!row) throw new NotFoundError('Borrower', id);
      await this.audit.record(em, {
        action: 'BORROWER_NIK_READ',
        entityType: 'borrower',
        entityId: id,
        after: { fields: row.kkEncrypted ? ['nik', 'kk'] : ['nik'] },
      });
      return openIdentity(this.cipher, row);
    });
  }

  /**
   * The NIK as typed, checked by the same rules registration applies (against the business date), so a form
   * can say what is wrong before it is sent; when it is valid, what it says (birth date, gender, where it was
   * issued) and the borrower already registered with it, if any. Nothing is stored or audited: the answer
   * tells staff no more than GET /api/borrowers?nik= already does.
   */
  async checkNik(nik: string): Promise<NikCheck> {
    const parsed = parseNik(nik, await this.businessDate.current());
    if (!parsed.ok) return { valid: false, reasons: [{ code: parsed.code, message: parsed.message }], birthDate: null, gender: null, issuedInDistrictCode: null, registeredBorrowerId: null };
    return {
      valid: true,
      reasons: [],
      birthDate: parsed.birthDate,
      gender: parsed.gender,
      issuedInDistrictCode: parsed.districtCode,
      registeredBorrowerId: await this.findIdByNik(nik),
    };
  }

  /** The borrower with this NIK, if one is registered (the seed and other modules use it). */
  async findIdByNik(nik: string, em: EntityManager = this.tx.manager): Promise<string | null> {
    const row = await em.findOne(Borrower, { where: { nikHash: nikBlindIndex(this.cipher, nik) }, select: { id: true } });
    return row?.id ?? null;
  }

  private async nikHashForLookup(nik: string): Promise<string> {
    const parsed = parseNik(nik, await this.businessDate.current());
    if (!parsed.ok) throw ValidationError.field('nik', parsed.code, parsed.message);
    return nikBlindIndex(this.cipher, nik);
  }

  private phoneHashForLookup(phone: string): string {
    const e164 = normalizePhone(phone);
    if (!e164) throw ValidationError.field('phone', 'PHONE_FORMAT', PHONE_FORMAT_MESSAGE);
    return borrowerPhoneIndex(this.cipher, e164);
  }

  private async view(id: string, em: EntityManager = this.tx.manager): Promise<BorrowerView> {
    const b = await em.findOne(Borrower, { where: { id }, relations: { business: true } });
    if (!b) throw new NotFoundError('Borrower', id);
    const names = await this.districtNames([b.districtCode], em);
    return this.toView(b, names.get(b.districtCode) ?? null);
  }

  private toView(b: Borrower, districtName: string | null): BorrowerView {
    return toBorrowerView(b, districtName, openBorrowerPhone(this.cipher, b.id, b.phoneEncrypted));
  }

  /** The borrower's one business, written whole: inserted at registration, replaced by a correction. */
  private async saveBusiness(em: EntityManager, borrowerId: string, business: BusinessInput): Promise<void> {
    await em.upsert(
      Business,
      {
        borrowerId,
        name: business.name.trim(),
        nib: business.nib ?? null,
        sector: business.sector,
        startedOn: business.startedOn,
        monthlyRevenue: business.monthlyRevenue,
        monthlyExpenses: business.monthlyExpenses,
      },
      { conflictPaths: ['borrowerId'] },
    );
  }

  private async districtViolations(em: EntityManager, code: string): Promise<FieldViolation[]> {
    const district = await em.findOneBy(Region, { code });
    if (!district) return [{ field: 'address.districtCode', code: 'DISTRICT_UNKNOWN', message: `address.districtCode ${code} is not a known region` }];
    if (district.level !== 'DISTRICT')
      return [{ field: 'address.districtCode', code: 'NOT_A_DISTRICT', message: `address.districtCode ${district.code} is a ${district.level.toLowerCase()}, not a kecamatan` }];
    return [];
  }

  private async districtNames(codes: string[], em: EntityManager = this.tx.manager): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const regions = await em.findBy(Region, { code: In([...new Set(codes)]) });
    return new Map(regions.map((r) => [r.code, r.name]));
  }
}
