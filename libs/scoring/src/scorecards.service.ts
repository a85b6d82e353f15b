// Scorecard versions: published (never edited), listed, and chosen for an application at scoring time.
import { Product, SECTOR_CODES } from '#intake';
import { AuditService, decodeCursor, DomainError, NotFoundError, type Page, pageLimit, type PageQuery, toPage, TransactionRunner, ValidationError } from '#platform';
import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { scorecardDefinitionViolations } from './domain/scorecard-definition-rules.js';
import type { ScorecardDefinition } from './domain/scorecard-definition.js';
import { Scorecard } from './entities/scorecard.entity.js';

export interface PublishScorecardInput {
  code: string;
  name: string;
  /** Omitted: the default scorecard for every product without its own. */
  productId?: string;
  /** Checked here: it arrives as JSON. */
  definition: unknown;
}

export interface ScorecardListQuery extends PageQuery {
  code?: string;
  productId?: string;
}

export interface ScorecardView {
  id: string;
  code: string;
  version: number;
  name: string;
  productId: string | null;
  definition: ScorecardDefinition;
  createdBy: string | null;
  createdAt: string;
}

export const toScorecardView = (s: Scorecard): ScorecardView => ({
  id: s.id,
  code: s.code,
  version: s.version,
  name: s.name,
  productId: s.productId,
  definition: s.definition,
  createdBy: s.createdBy,
  createdAt: s.createdAt.toISOString(),
});

@Injectable()
export class ScorecardsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Publishes the next version of `code` (version 1 for a new code). Runs already scored keep the
   * version they name. Every version of a code scores the same scope (one product, or the default).
   */
  async publish(input: PublishScorecardInput, userId: string): Promise<ScorecardView> {
    const violations = scorecardDefinitionViolations(input.definition, SECTOR_CODES);
    if (violations.length) throw new ValidationError(violations, `The scorecard definition has ${violations.length} problem(s): ${violations[0].message}`);
    const definition = input.definition as ScorecardDefinition;
    const productId = input.productId ?? null;
    return this.tx.run(async (em) => {
      if (productId && !(await em.existsBy(Product, { id: productId }))) throw new NotFoundError('Product', productId);
      // Two publications of one code take turns here, so versions count up without clashing.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('scorecard:' || $1))`, [input.code]);
      const latest = await em.findOne(Scorecard, { where: { code: input.code }, order: { version: 'DESC' } });
      if (latest && latest.productId !== productId)
        throw new DomainError(
          'UNPROCESSABLE',
          'SCORECARD_PRODUCT_MISMATCH',
          `Scorecard ${input.code} scores ${latest.productId ? `product ${latest.productId}` : 'every product without its own'}: a new version must keep that scope (publish another code for another scope)`,
          { productId: latest.productId },
        );
      const inserted = await em.insert(Scorecard, {
        code: input.code,
        version: (latest?.version ?? 0) + 1,
        name: input.name.trim(),
        productId,
        definition,
        createdBy: userId,
      });
      const view = toScorecardView(await em.findOneByOrFail(Scorecard, { id: (inserted.identifiers[0] as { id: string }).id }));
      await this.audit.record(em, { action: 'SCORECARD_PUBLISHED', entityType: 'scorecard', entityId: view.id, after: view });
      return view;
    });
  }

  async get(id: string): Promise<ScorecardView> {
    const s = await this.tx.manager.findOneBy(Scorecard, { id });
    if (!s) throw new NotFoundError('Scorecard', id);
    return toScorecardView(s);
  }

  /** Newest first. */
  async list(q: ScorecardListQuery): Promise<Page<ScorecardView>> {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, 'timestamp');
    // Milliseconds on both sides: the cursor carries a JS Date, the column microseconds.
    const key = `date_trunc('milliseconds', s.created_at)`;
    const qb = this.tx.manager.createQueryBuilder(Scorecard, 's').orderBy(key, 'DESC').addOrderBy('s.id', 'DESC').take(limit + 1);
    if (q.code) qb.andWhere('s.code = :code', { code: q.code });
    if (q.productId) qb.andWhere('s.product_id = :productId', { productId: q.productId });
    if (after) qb.andWhere(`(${key}, s.id) < (:k::timestamptz, :id)`, { k: after.k, id: after.id });
    const rows = await qb.getMany();
    return toPage(rows.map(toScorecardView), limit, (s) => ({ k: s.createdAt, id: s.id }));
  }

  /** The version that scores an application of `productId` now: the product's newest, else the newest default. */
  async resolveFor(em: EntityManager, productId: string): Promise<Scorecard> {
    const order = { createdAt: 'DESC', version: 'DESC' } as const;
    const found = (await em.findOne(Scorecard, { where: { productId }, order })) ?? (await em.findOne(Scorecard, { where: { productId: IsNull() }, order }));
    if (!found) throw new DomainError('UNPROCESSABLE', 'NO_SCORECARD', `No scorecard scores product ${productId}, and there is no default one`);
    return found;
  }
}
