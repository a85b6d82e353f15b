import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { APP_CONFIG, type AppConfig, NotFoundError, QUEUES } from '#platform';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Bull from 'bull';

type Handler = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;

/** Where the dashboard answers; the api's controller route for it is the same path. */
export const QUEUE_BOARD_PATH = '/api/admin/queues';

/**
 * @bull-board over every queue, as an express router the api calls from a Nest controller route,
 * so that the global guards (signed in, admin) decide before bull-board sees the request: mounted as
 * express middleware it would bypass them. Built on first use: the worker never builds it.
 */
@Injectable()
export class QueueBoardService implements OnApplicationShutdown {
  private router?: Handler;
  private readonly queues: Bull.Queue[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  handle(req: { url: string; originalUrl: string }, res: unknown): Promise<void> {
    const router = this.build();
    // The router resolves paths below its base, as if it were mounted there.
    req.url = req.originalUrl.slice(QUEUE_BOARD_PATH.length) || '/';
    // next() without an error means no page of the dashboard matched: answer 404 (problem+json), never leave
    // the request hanging (the authorization matrix found GET /api/admin/queues/x open for ever).
    return new Promise<void>((_resolve, reject) =>
      router(req, res, (err?: unknown) => reject(err ? (err instanceof Error ? err : new Error(String(err))) : new NotFoundError('Queue dashboard page', req.url))),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
  }

  private build(): Handler {
    if (this.router) return this.router;
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
    for (const name of Object.values(QUEUES)) this.queues.push(new Bull(name, this.config.REDIS_URL, { prefix: this.config.QUEUE_PREFIX }));
    // @bull-board/express pins its own copy of @bull-board/api: same shape, separate declarations.
    createBullBoard({
      queues: this.queues.map((q) => new BullAdapter(q)),
      serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'Lumbung queues' } },
    });
    this.router = serverAdapter.getRouter() as Handler;
    return this.router;
  }
}
