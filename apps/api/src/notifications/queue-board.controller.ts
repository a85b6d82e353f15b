import { QueueBoardService } from '#notifications';
import { ApiProblems } from '#platform';
import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/auth.decorators.js';

/** The @bull-board dashboard behind the api's guards: a bearer token of an admin. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('admin/queues')
export class QueueBoardController {
  constructor(private readonly board: QueueBoardService) {}

  @All(['', '*path'])
  @Roles('admin')
  @ApiExcludeEndpoint()
  serve(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.board.handle(req, res);
  }
}
