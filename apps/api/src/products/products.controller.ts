import { ProductsService } from '#intake';
import { ApiProblems, STAFF_ROLES } from '#platform';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import {
  CreateProductRequest,
  ProductPage,
  ProductQuery,
  ProductResponse,
  SchedulePreviewRequest,
  SchedulePreviewResponse,
  toCreateProductInput,
  toSchedulePreviewInput,
  toUpdateProductInput,
  UpdateProductRequest,
} from './product.dto.js';

const INCONSISTENT =
  'VALIDATION_FAILED, one entry per bad field, for malformed fields and for rules that contradict each other: ' +
  'maxAmount below minAmount, maxTenor below minTenor, a roundingUnit outside 1/100/500/1000/5000, reminderOffsetsDays ' +
  'not ascending or repeated, committeeThreshold outside [minAmount, maxAmount], maxAgeAtMaturity not above minAge, an unknown region code';

// Responses are the entities themselves: Money serialises as a decimal string, dates as ISO text.
@ApiTags('products')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: "Create a product: a programme's lending rules" })
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiProblems([400, INCONSISTENT], 404, [409, 'PRODUCT_CODE_TAKEN: the code exists in the programme'])
  create(@Body() body: CreateProductRequest): Promise<unknown> {
    return this.products.create(toCreateProductInput(body));
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: ProductPage })
  @ApiProblems(400)
  list(@Query() q: ProductQuery): Promise<unknown> {
    return this.products.list(q);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: ProductResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<unknown> {
    return this.products.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change rules for new applications; bumps version. Terms stored on applications and loans stay as they were' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiProblems([400, INCONSISTENT], 404)
  update(@UuidParam('id') id: string, @Body() body: UpdateProductRequest): Promise<unknown> {
    return this.products.update(id, toUpdateProductInput(body));
  }

  @Post(':id/schedule-preview')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'What a borrower would repay and when: the schedule a loan with these terms gets' })
  @ApiOkResponse({ type: SchedulePreviewResponse })
  @ApiProblems(
    400,
    404,
    [
      422,
      'AMOUNT_OUT_OF_RANGE, TENOR_OUT_OF_RANGE (outside the product), SCHEDULE_UNIT_TOO_LARGE (the rounding unit leaves an installment at or below zero), ' +
        'FIRST_DUE_DATE_NOT_AFTER_DISBURSEMENT',
    ],
  )
  preview(@UuidParam('id') id: string, @Body() body: SchedulePreviewRequest): Promise<unknown> {
    return this.products.preview(id, toSchedulePreviewInput(body));
  }
}
