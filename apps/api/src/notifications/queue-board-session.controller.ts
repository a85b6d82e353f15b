import { APP_CONFIG, type AppConfig, ApiProblems, AuthService, type AuthenticatedUser } from '#platform';
import { Controller, Delete, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiProperty, ApiTags, ApiCreatedResponse } from '@nestjs/swagger';
import type { CookieOptions, Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { QUEUE_BOARD_COOKIE } from './queue-board-session.js';

class QueueBoardSessionDto {
  @ApiProperty({ example: '/api/admin/queues', description: 'Open this address in the same browser' })
  url: string;

  @ApiProperty({ example: '2026-11-22T15:00:00.000Z' })
  expiresAt: string;
}

/** Issues and ends the cookie that lets an admin's browser open the queue dashboard. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('admin/queue-board/session')
export class QueueBoardSessionController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Open the queue dashboard in this browser: sets a short-lived HttpOnly cookie for /api/admin/queues' })
  @ApiCreatedResponse({ type: QueueBoardSessionDto })
  async open(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response): Promise<QueueBoardSessionDto> {
    const ttl = this.config.QUEUE_BOARD_SESSION_SECONDS;
    const session = await this.auth.issueScopedSession(user, QUEUE_BOARD_COOKIE.audience, ttl);
    res.cookie(QUEUE_BOARD_COOKIE.name, session.token, { ...this.cookieOptions(), maxAge: ttl * 1000 });
    return { url: QUEUE_BOARD_COOKIE.path, expiresAt: session.expiresAt.toISOString() };
  }

  @Delete()
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the queue dashboard session in this browser' })
  @ApiNoContentResponse()
  close(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(QUEUE_BOARD_COOKIE.name, this.cookieOptions());
  }

  private cookieOptions(): CookieOptions {
    // Secure in production, where the api is behind HTTPS; plain http://localhost would never send it back.
    return { httpOnly: true, sameSite: 'strict', path: QUEUE_BOARD_COOKIE.path, secure: this.config.NODE_ENV === 'production' };
  }
}
