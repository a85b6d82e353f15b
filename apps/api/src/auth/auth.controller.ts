import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthService, toUserView } from '#platform';
import { Public } from './auth.decorators.js';
import { LoginRequest, LoginResponse } from './login.dto.js';
import { LoginThrottlerGuard } from './login-throttler.guard.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in and get a short-lived bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiProblems(400, [401, 'INVALID_CREDENTIALS'], [429, 'TOO_MANY_REQUESTS: repeated attempts'])
  async login(@Body() body: LoginRequest): Promise<LoginResponse> {
    const r = await this.auth.login(body.username, body.password);
    return { ...r, user: toUserView(r.user) };
  }
}
