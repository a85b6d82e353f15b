import { AuditService, decodeCursor, DomainError, NotFoundError, type Page, pageLimit, type PageQuery, toPage, TransactionRunner, ValidationError } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Holiday, type HolidayKind } from './holiday.entity.js';

export interface ListHolidaysInput extends PageQuery {
  year?: number;
  from?: string;
  to?: string;
}

export interface AddHolidayInput {
  date: string;
  name: string;
  kind: HolidayKind;
  regionCode?: string;
}

export interface HolidayView {
  id: string;
  date: string;
  name: string;
  kind: HolidayKind;
  regionCode: string | null;
  createdAt: string;
}

export const toHolidayView = (h: Holiday): HolidayView => ({
  id: h.id,
  date: h.date,
  name: h.name,
  kind: h.kind,
  regionCode: h.regionCode,
  createdAt: h.createdAt.toISOString(),
});

const latest = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
const earliest = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));

@Injectable()
export class HolidaysService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Holidays in date order, within `year` and/or [from, to]. */
  async list(q: ListHolidaysInput): Promise<Page<HolidayView>> {
    if (q.from && q.to && q.from > q.to) throw ValidationError.field('to', 'RANGE_REVERSED', 'to must not be before from');
    // YYYY-MM-DD strings compare as the dates do.
    const from = latest(q.from, q.year === undefined ? undefined : `${q.year}-01-01`);
    const to = earliest(q.to, q.year === undefined ? undefined : `${q.year}-12-31`);
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor);
    const qb = this.tx.manager.createQueryBuilder(Holiday, 'h').orderBy('h.date', 'ASC').addOrderBy('h.id', 'ASC').take(limit + 1);
    if (from) qb.andWhere('h.date >= :from', { from });
    if (to) qb.andWhere('h.date <= :to', { to });
    if (after) qb.andWhere('(h.date, h.id) > (:k, :id)', { k: after.k, id: after.id });
    const rows = await qb.getMany();
    return toPage(rows.map(toHolidayView), limit, (h) => ({ k: h.date, id: h.id }));
  }

  async add(input: AddHolidayInput): Promise<HolidayView> {
    const regional = input.kind === 'REGIONAL';
    if (regional && !input.regionCode) throw ValidationError.field('regionCode', 'REGION_CODE_REQUIRED', 'A REGIONAL holiday must name its regionCode');
    if (!regional && input.regionCode)
      throw ValidationError.field('regionCode', 'REGION_CODE_NOT_ALLOWED', 'regionCode is only for REGIONAL holidays (national ones apply everywhere)');
    return this.tx.run(async (em) => {
      // By table name: regions belong to another intake area and may be seeded by SQL only.
      if (input.regionCode && !(await em.query(`SELECT 1 FROM region WHERE code = $1`, [input.regionCode])).length)
        throw ValidationError.field('regionCode', 'REGION_UNKNOWN', `regionCode ${input.regionCode} is not a known region`);
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(Holiday)
        .values({ date: input.date, name: input.name.trim(), kind: input.kind, regionCode: input.regionCode ?? null })
        .orIgnore()
        .returning('id')
        .execute();
      // ON CONFLICT DO NOTHING: the same date and scope returns no row instead of aborting the transaction.
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id)
        throw new DomainError('CONFLICT', 'HOLIDAY_EXISTS', `A ${regional ? `holiday for region ${input.regionCode}` : 'national holiday'} on ${input.date} already exists`);
      const view = toHolidayView(await em.findOneByOrFail(Holiday, { id }));
      await this.audit.record(em, { action: 'HOLIDAY_ADDED', entityType: 'holiday', entityId: id, after: view });
      return view;
    });
  }

  async remove(id: string): Promise<void> {
    await this.tx.run(async (em) => {
      const holiday = await em.findOne(Holiday, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!holiday) throw new NotFoundError('Holiday', id);
      await em.delete(Holiday, { id });
      await this.audit.record(em, { action: 'HOLIDAY_REMOVED', entityType: 'holiday', entityId: id, before: toHolidayView(holiday) });
    });
  }

  /**
   * The dates in [from, to] that are not working days for someone in `regionCode`: national holidays,
   * cuti bersama, and the regional holidays of that region or any region containing it (a 35.26
   * holiday applies in district 35.26.01). What the schedule engine takes.
   */
  async holidaySet(from: string, to: string, regionCode?: string | null, em: EntityManager = this.tx.manager): Promise<ReadonlySet<string>> {
    const rows: { date: string }[] = await em.query(
      `SELECT DISTINCT date::text AS date FROM holiday
        WHERE date BETWEEN $1::date AND $2::date
          AND (region_code IS NULL OR $3::text = region_code OR $3::text LIKE region_code || '.%')`,
      [from, to, regionCode ?? null],
    );
    return new Set(rows.map((r) => r.date));
  }
}
