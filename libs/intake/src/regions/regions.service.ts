import { decodeCursor, type Page, pageLimit, type PageQuery, toPage, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Region, type RegionLevel } from './region.entity.js';

export interface ListRegionsInput extends PageQuery {
  parentCode?: string;
  level?: RegionLevel;
}

/** Kemendagri reference regions: read-only here, seeded by the borrowers migration. */
@Injectable()
export class RegionsService {
  constructor(private readonly tx: TransactionRunner) {}

  /** In code order (bytewise, whatever the database's collation), so a regency's kecamatan come out 01, 02, ... */
  async list(q: ListRegionsInput): Promise<Page<Region>> {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor);
    const qb = this.tx.manager.createQueryBuilder(Region, 'r').orderBy('r.code COLLATE "C"', 'ASC').take(limit + 1);
    if (q.parentCode !== undefined) qb.andWhere('r.parentCode = :parentCode', { parentCode: q.parentCode });
    if (q.level !== undefined) qb.andWhere('r.level = :level', { level: q.level });
    if (after) qb.andWhere('r.code COLLATE "C" > :k', { k: after.k });
    return toPage(await qb.getMany(), limit, (r) => ({ k: r.code, id: r.code }));
  }

  find(code: string, em: EntityManager = this.tx.manager): Promise<Region | null> {
    return em.findOneBy(Region, { code });
  }
}
