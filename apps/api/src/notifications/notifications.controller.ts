import { NotificationHistoryService } from '#notifications';
import { ApiProblems, PageQuery, STAFF_ROLES } from '#platform';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { NotificationPage } from './notification.dto.js';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('loans')
export class NotificationsController {
  constructor(private readonly history: NotificationHistoryService) {}

  @Get(':id/notifications')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "The loan's reminders in send order: scheduled, sent, failed and cancelled" })
  @ApiOkResponse({ type: NotificationPage })
  @ApiProblems(400, 404)
  list(@UuidParam('id') id: string, @Query() q: PageQuery): Promise<unknown> {
    return this.history.list(id, q);
  }
}
