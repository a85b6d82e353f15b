import { NotificationPreferencesService } from '#notifications';
import { ApiProblems, type AuthenticatedUser } from '#platform';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { NotificationPreferencesRequest, NotificationPreferencesResponse } from './notification-preferences.dto.js';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiProblems(400, 401, 403, 404)
@Controller('borrowers')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get(':id/notification-preferences')
  @Roles('admin', 'loan_officer', 'borrower')
  @ApiOperation({ summary: "The borrower's reminder opt-outs and e-mail; a borrower reads only their own" })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  get(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.preferences.get(id, user);
  }

  @Put(':id/notification-preferences')
  @Roles('admin', 'loan_officer', 'borrower')
  @ApiOperation({ summary: 'Replaces the reminder opt-outs (and the e-mail when given); audited' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  put(@UuidParam('id') id: string, @Body() body: NotificationPreferencesRequest, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.preferences.set(id, body, user);
  }
}
