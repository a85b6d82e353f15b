import { QueueBoardService } from '#notifications';
import { ApiProblems } from '#platform';
import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsSessionCookie, Roles } from '../auth/auth.decorators.js';
import { QUEUE_BOARD_COOKIE } from './queue-board-session.js';

/**
 * The @bull-board dashboard behind the api's guards: an admin's bearer token, or the dashboard's session
 * cookie that POST /api/admin/queue-board/session gives an admin's browser.
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('admin/queues')
export class QueueBoardController {
  constructor(private readonly board: QueueBoardService) {}

  @All(['', '*path'])
  @Roles('admin')
  @AcceptsSessionCookie(QUEUE_BOARD_COOKIE)
  @ApiExcludeEndpoint()
  serve(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.board.handle(req, res);
  }
}
