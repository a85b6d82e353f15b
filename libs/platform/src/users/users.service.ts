import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password-hasher.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainError, NotFoundError, ValidationError } from '../errors/domain-error.js';
import { decodeCursor, type Page, pageLimit, type PageQuery, toPage } from '../pagination/page.js';
import { type Role, User } from './user.entity.js';

export interface CreateUserInput {
  username: string;
  password: string;
  fullName: string;
  roles: Role[];
  borrowerId?: string;
}

/** What an answer about a user may show: never the password hash. */
export interface UserView {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  borrowerId: string | null;
  isActive: boolean;
  createdAt: string;
}

export const toUserView = (u: User): UserView => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  roles: u.roles,
  borrowerId: u.borrowerId,
  isActive: u.isActive,
  createdAt: u.createdAt.toISOString(),
});

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  findByUsername(username: string): Promise<User | null> {
    return this.tx.manager.findOneBy(User, { username: username.trim().toLowerCase() });
  }

  /**
   * The active user behind a token, read on every authenticated request: one prepared statement and
   * five columns, not an entity (TypeORM's find and hydration cost more than the query itself).
   */
  async findActiveById(id: string): Promise<Pick<User, 'id' | 'username' | 'fullName' | 'roles' | 'borrowerId'> | null> {
    const [row] = (await this.tx.manager.query(`SELECT id, username, full_name, roles, borrower_id FROM app_user WHERE id = $1 AND is_active`, [id])) as {
      id: string;
      username: string;
      full_name: string;
      roles: Role[];
      borrower_id: string | null;
    }[];
    return row ? { id: row.id, username: row.username, fullName: row.full_name, roles: row.roles, borrowerId: row.borrower_id } : null;
  }

  async get(id: string): Promise<UserView> {
    const user = await this.tx.manager.findOneBy(User, { id });
    if (!user) throw new NotFoundError('User', id);
    return toUserView(user);
  }

  async list(q: PageQuery): Promise<Page<UserView>> {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor);
    const qb = this.tx.manager.createQueryBuilder(User, 'u').orderBy('u.username', 'ASC').addOrderBy('u.id', 'ASC').take(limit + 1);
    if (after) qb.where('(u.username, u.id) > (:k, :id)', { k: after.k, id: after.id });
    const rows = await qb.getMany();
    return toPage(rows.map(toUserView), limit, (u) => ({ k: u.username, id: u.id }));
  }

  async create(input: CreateUserInput): Promise<UserView> {
    if (input.roles.includes('borrower') && !input.borrowerId)
      throw ValidationError.field('borrowerId', 'BORROWER_ID_REQUIRED', 'A user with the borrower role must name the borrowerId it may see');
    if (!input.roles.includes('borrower') && input.borrowerId)
      throw ValidationError.field('borrowerId', 'BORROWER_ID_NOT_ALLOWED', 'borrowerId is only for users with the borrower role');
    const passwordHash = await hashPassword(input.password);
    return this.tx.run(async (em) => {
      // By table name: platform sits below intake, which owns the borrower entity.
      if (input.borrowerId && !(await em.query(`SELECT 1 FROM borrower WHERE id = $1`, [input.borrowerId])).length)
        throw new DomainError('UNPROCESSABLE', 'BORROWER_NOT_FOUND', `Borrower ${input.borrowerId} does not exist`);
      const username = input.username.trim().toLowerCase();
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({ username, passwordHash, fullName: input.fullName.trim(), roles: [...new Set(input.roles)], borrowerId: input.borrowerId ?? null })
        .orIgnore()
        .returning('id')
        .execute();
      // ON CONFLICT DO NOTHING: a taken username returns no row instead of aborting the transaction.
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) throw new DomainError('CONFLICT', 'USERNAME_TAKEN', `Username ${username} is already taken`);
      const user = await em.findOneByOrFail(User, { id });
      const view = toUserView(user);
      await this.audit.record(em, { action: 'USER_CREATED', entityType: 'user', entityId: user.id, after: view });
      return view;
    });
  }

  /** The first admin from ADMIN_USERNAME / ADMIN_PASSWORD, created once when no such user exists. */
  async ensureAdmin(em: EntityManager = this.tx.manager): Promise<void> {
    const username = this.config.ADMIN_USERNAME.toLowerCase();
    if (await em.existsBy(User, { username })) return;
    const passwordHash = await hashPassword(this.config.ADMIN_PASSWORD);
    await em
      .createQueryBuilder()
      .insert()
      .into(User)
      .values({ username, passwordHash, fullName: 'Administrator', roles: ['admin'] })
      .orIgnore()
      .execute();
    this.logger.log(`created the first admin user "${username}"`);
  }
}
