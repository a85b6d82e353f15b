import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainError, NotFoundError } from '../errors/domain-error.js';
import { decodeCursor, type Page, pageLimit, type PageQuery, toPage } from '../pagination/page.js';
import { Programme } from './programme.entity.js';

export interface CreateProgrammeInput {
  code: string;
  name: string;
  regionCode?: string;
  timeZone?: string;
}

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(q: PageQuery): Promise<Page<Programme>> {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor);
    const qb = this.tx.manager.createQueryBuilder(Programme, 'p').orderBy('p.code', 'ASC').addOrderBy('p.id', 'ASC').take(limit + 1);
    if (after) qb.where('(p.code, p.id) > (:k, :id)', { k: after.k, id: after.id });
    return toPage(await qb.getMany(), limit, (p) => ({ k: p.code, id: p.id }));
  }

  async create(input: CreateProgrammeInput): Promise<Programme> {
    return this.tx.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .insert()
        .into(Programme)
        .values({ code: input.code, name: input.name, regionCode: input.regionCode ?? null, timeZone: input.timeZone ?? 'Asia/Jakarta' })
        .orIgnore()
        .returning('id')
        .execute();
      const id = (result.raw as { id: string }[])[0]?.id;
      if (!id) throw new DomainError('CONFLICT', 'PROGRAMME_CODE_TAKEN', `Programme code ${input.code} is already taken`);
      const programme = await em.findOneByOrFail(Programme, { id });
      await this.audit.record(em, { action: 'PROGRAMME_CREATED', entityType: 'programme', entityId: id, after: programme });
      return programme;
    });
  }

  /** The programme a request means: the one it names, else the default one. */
  async resolve(programmeId: string | undefined, em: EntityManager = this.tx.manager): Promise<Programme> {
    const programme = programmeId ? await em.findOneBy(Programme, { id: programmeId }) : await em.findOneBy(Programme, { isDefault: true });
    if (!programme) throw new NotFoundError('Programme', programmeId ?? '(default)');
    return programme;
  }
}
