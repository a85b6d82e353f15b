import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import { BusinessDate } from './business-date.entity.js';

@Injectable()
export class BusinessDateService {
  constructor(private readonly tx: TransactionRunner) {}

  /** Today for the books. Domain code asks this, never the wall clock. */
  async current(em: EntityManager = this.tx.manager): Promise<string> {
    const row = await em.findOneByOrFail(BusinessDate, { id: 1 });
    return row.date;
  }

  /** Reads the date and locks the row, for changes that must not race close-of-day. */
  async currentForUpdate(em: EntityManager): Promise<string> {
    const row = await em.findOneOrFail(BusinessDate, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
    return row.date;
  }
}
