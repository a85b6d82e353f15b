// One business event = one database transaction. Nested calls (an idempotent request wrapping a
// service call that itself asks for a transaction) join the outer one through AsyncLocalStorage.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class TransactionRunner {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in the surrounding transaction, or in a new one that commits when `work` resolves. */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer);
    return this.dataSource.transaction((em) => this.current.run(em, () => work(em)));
  }

  /** The transaction's manager when inside one, else the pool's (for reads). */
  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }
}
