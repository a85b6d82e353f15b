import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type AuthenticatedUser, PageQuery, UsersService } from '#platform';
import { AnyRole, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { CreateUserRequest, UserPage, UserResponse } from './user.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems(400, [409, 'USERNAME_TAKEN'])
  create(@Body() body: CreateUserRequest): Promise<UserResponse> {
    return this.users.create(body);
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: UserPage })
  @ApiProblems(400)
  list(@Query() q: PageQuery): Promise<UserPage> {
    return this.users.list(q);
  }

  @Get('me')
  @AnyRole()
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserResponse> {
    return this.users.get(user.id);
  }
}
