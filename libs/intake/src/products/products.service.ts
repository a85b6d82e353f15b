import { Money } from '#money';
import {
  AuditService,
  decodeCursor,
  DomainError,
  type FieldViolation,
  NotFoundError,
  type Page,
  pageLimit,
  type PageQuery,
  ProgrammesService,
  toPage,
  TransactionRunner,
  ValidationError,
} from '#platform';
import { generateSchedule, holidayWindow } from '#repayment';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HolidaysService } from '../holidays/holidays.service.js';
import { Product } from './product.entity.js';
import { productRuleViolations } from './product-rules.js';
import { productTermsSnapshot, type ProductTerms, scheduleTermsOf } from './product-terms.js';

/** Every rule of a product, as the admin sends it (api.md "Products"). */
export type ProductRules = Omit<Product, 'id' | 'programmeId' | 'code' | 'name' | 'isActive' | 'version' | 'createdAt' | 'updatedAt'>;

/** Optional rules and their defaults (domain.md: no late fee, reminders 3 days before to 7 after). */
export const PRODUCT_DEFAULTS = {
  lateFee: Money.zero(),
  reminderOffsetsDays: [-3, 0, 1, 7],
  principalGracePeriods: 0,
  validityDays: 30,
};

export interface CreateProductInput extends Omit<ProductRules, keyof typeof PRODUCT_DEFAULTS>, Partial<Pick<ProductRules, keyof typeof PRODUCT_DEFAULTS>> {
  programmeId?: string;
  code: string;
  name: string;
}

export type UpdateProductInput = Partial<ProductRules & { name: string; isActive: boolean }>;

export interface ProductListQuery extends PageQuery {
  programmeId?: string;
}

export interface SchedulePreviewInput {
  amount: Money;
  tenor: number;
  disbursementDate: string;
  firstDueDate?: string;
  /** The borrower's region, for its regional holidays; defaults to the programme's region. */
  regionCode?: string;
}

export interface SchedulePreview {
  installments: { number: number; dueDate: string; principal: Money }[];
  total: Money;
}

@Injectable()
export class ProductsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly programmes: ProgrammesService,
    private readonly holidays: HolidaysService,
  ) {}

  async get(id: string, em: EntityManager = this.tx.manager): Promise<Product> {
    const product = await em.findOneBy(Product, { id });
    if (!product) throw new NotFoundError('Product', id);
    return product;
  }

  /** The frozen terms an application or loan stores (see product-terms.ts). */
  async terms(id: string, em: EntityManager = this.tx.manager): Promise<ProductTerms> {
    return productTermsSnapshot(await this.get(id, em));
  }

  async list(q: ProductListQuery): Promise<Page<Product>> {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor);
    const qb = this.tx.manager.createQueryBuilder(Product, 'p').orderBy('p.code', 'ASC').addOrderBy('p.id', 'ASC').take(limit + 1);
    if (q.programmeId) qb.andWhere('p.programmeId = :programmeId', { programmeId: q.programmeId });
    if (after) qb.andWhere('(p.code, p.id) > (:k, :id)', { k: after.k, id: after.id });
    return toPage(await qb.getMany(), limit, (p) => ({ k: p.code, id: p.id }));
  }

  async create(input: CreateProductInput): Promise<Product> {
    const { programmeId, ...fields } = input;
    const values = {
      ...fields,
      lateFee: fields.lateFee ?? PRODUCT_DEFAULTS.lateFee,
      reminderOffsetsDays: fields.reminderOffsetsDays ?? PRODUCT_DEFAULTS.reminderOffsetsDays,
      principalGracePeriods: fields.principalGracePeriods ?? PRODUCT_DEFAULTS.principalGracePeriods,
      validityDays: fields.validityDays ?? PRODUCT_DEFAULTS.validityDays,
    };
    return this.tx.run(async (em) => {
      await this.assertConsistent(em, values);
      const programme = await this.programmes.resolve(programmeId, em);
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(Product)
        .values({ ...values, programmeId: programme.id })
        .orIgnore()
        .returning('id')
        .execute();
      // ON CONFLICT DO NOTHING: a taken code returns no row instead of aborting the transaction.
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) throw new DomainError('CONFLICT', 'PRODUCT_CODE_TAKEN', `Product code ${input.code} is already taken in programme ${programme.code}`);
      const product = await em.findOneByOrFail(Product, { id });
      await this.audit.record(em, { action: 'PRODUCT_CREATED', entityType: 'product', entityId: id, after: product });
      return product;
    });
  }

  /**
   * Changes rules for applications from now on: the version goes up, and the terms already stored on
   * applications and loans are untouched (they are copies, not references).
   */
  async update(id: string, changes: UpdateProductInput): Promise<Product> {
    return this.tx.run(async (em) => {
      const current = await em.findOne(Product, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundError('Product', id);
      const before = productTermsSnapshot(current);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as UpdateProductInput;
      // Object.assign, not em.merge: merge would deep-merge the eligibility jsonb instead of replacing it.
      const next = Object.assign(current, defined);
      await this.assertConsistent(em, next);
      const saved = await em.save(Product, next);
      await this.audit.record(em, { action: 'PRODUCT_UPDATED', entityType: 'product', entityId: id, before, after: productTermsSnapshot(saved) });
      return em.findOneByOrFail(Product, { id });
    });
  }

  /** What a borrower would repay and when (api.md schedule-preview): the engine loans are booked with. */
  async preview(id: string, input: SchedulePreviewInput): Promise<SchedulePreview> {
    const product = await this.get(id);
    if (input.amount.lt(product.minAmount) || input.amount.gt(product.maxAmount))
      throw new DomainError('UNPROCESSABLE', 'AMOUNT_OUT_OF_RANGE', `amount must be between ${product.minAmount} and ${product.maxAmount} for product ${product.code}`, {
        minAmount: product.minAmount.toString(),
        maxAmount: product.maxAmount.toString(),
      });
    if (input.tenor < product.minTenor || input.tenor > product.maxTenor)
      throw new DomainError('UNPROCESSABLE', 'TENOR_OUT_OF_RANGE', `tenor must be between ${product.minTenor} and ${product.maxTenor} for product ${product.code}`, {
        minTenor: product.minTenor,
        maxTenor: product.maxTenor,
      });
    const terms = scheduleTermsOf(productTermsSnapshot(product), input.amount, input.tenor);
    let holidays: ReadonlySet<string> = new Set();
    if (terms.moveDueDatesOffHolidays) {
      const window = holidayWindow({ ...terms, disbursementDate: input.disbursementDate, firstDueDate: input.firstDueDate });
      const regionCode = input.regionCode ?? (await this.programmes.resolve(product.programmeId)).regionCode;
      holidays = await this.holidays.holidaySet(window.from, window.to, regionCode);
    }
    const installments = generateSchedule({ ...terms, disbursementDate: input.disbursementDate, firstDueDate: input.firstDueDate, holidays });
    return { installments, total: Money.sum(installments.map((i) => i.principal)) };
  }

  /** 400 VALIDATION_FAILED with one entry per inconsistent field, region codes included. */
  private async assertConsistent(em: EntityManager, p: Parameters<typeof productRuleViolations>[0]): Promise<void> {
    const violations: FieldViolation[] = productRuleViolations(p);
    const codes = p.eligibility.regionCodes;
    // By table name: regions are reference data seeded by SQL.
    const known = new Set((await em.query(`SELECT code FROM region WHERE code = ANY($1::text[])`, [codes])).map((r: { code: string }) => r.code));
    codes.forEach((code, i) => {
      if (!known.has(code)) violations.push({ field: `eligibility.regionCodes[${i}]`, code: 'REGION_UNKNOWN', message: `eligibility.regionCodes[${i}] ${code} is not a known region` });
    });
    if (violations.length) {
      const fields = [...new Set(violations.map((v) => v.field))];
      throw new ValidationError(violations, `Inconsistent product rules: ${fields.join(', ')}`);
    }
  }
}
