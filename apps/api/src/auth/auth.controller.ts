import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthService, toUserView } from '#platform';
import { Public } from './auth.decorators.js';
import { LoginRequest, LoginResponse } from './login.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in and get a short-lived bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiProblems(400, [401, 'INVALID_CREDENTIALS'], [429, 'TOO_MANY_REQUESTS: repeated failed sign-ins (Retry-After header)'])
  async login(@Body() body: LoginRequest, @Ip() ip: string): Promise<LoginResponse> {
    const r = await this.auth.login(body.username, body.password, ip);
    return { ...r, user: toUserView(r.user) };
  }
}
