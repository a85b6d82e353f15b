import { Money } from '#money';
import { BorrowersService, type BusinessInput } from '#intake';
import { ApiProblems, type AuthenticatedUser, STAFF_ROLES } from '#platform';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import {
  BorrowerIdentityResponse,
  BorrowerPage,
  BorrowerQuery,
  BorrowerResponse,
  type BusinessRequest,
  CorrectBorrowerRequest,
  CreateBorrowerRequest,
  NikCheckRequest,
  NikCheckResponse,
} from './borrower.dto.js';

const REGISTRATION_400 =
  'VALIDATION_FAILED, one entry per field: nik (NIK_FORMAT, NIK_PROVINCE_UNKNOWN, NIK_REGION_INVALID, NIK_BIRTH_DATE_INVALID, ' +
  'NIK_BIRTH_DATE_IN_FUTURE, NIK_SERIAL_ZERO), birthDate (BIRTH_DATE_CONTRADICTS_NIK), gender (GENDER_CONTRADICTS_NIK), ' +
  'kk (KK_FORMAT), phone (PHONE_FORMAT), address.postalCode (POSTAL_CODE_FORMAT), address.districtCode (DISTRICT_UNKNOWN, ' +
  'NOT_A_DISTRICT), business.nib (NIB_FORMAT), business.startedOn (STARTED_ON_IN_FUTURE, STARTED_ON_BEFORE_BIRTH), ' +
  'consent.version (CONSENT_VERSION_UNKNOWN), consent.givenAt (CONSENT_GIVEN_IN_FUTURE), and the shape of the body';

const CORRECTION_400 =
  'VALIDATION_FAILED, one entry per field: fullName (FULL_NAME_EMPTY), kk (KK_FORMAT), phone (PHONE_FORMAT), address.postalCode ' +
  '(POSTAL_CODE_FORMAT), address.districtCode (DISTRICT_UNKNOWN, NOT_A_DISTRICT), business.nib (NIB_FORMAT), business.startedOn ' +
  '(STARTED_ON_IN_FUTURE, STARTED_ON_BEFORE_BIRTH), reason, and the shape of the body';

/** The amounts of a business arrive as decimal strings. */
const toBusinessInput = (business: BusinessRequest): BusinessInput => ({
  ...business,
  monthlyRevenue: Money.parse(business.monthlyRevenue, 'business.monthlyRevenue'),
  monthlyExpenses: Money.parse(business.monthlyExpenses, 'business.monthlyExpenses'),
});

@ApiTags('borrowers')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('borrowers')
export class BorrowersController {
  constructor(private readonly borrowers: BorrowersService) {}

  @Post()
  @Roles('loan_officer')
  @ApiOperation({ summary: 'Register a business owner and their business; the NIK and KK are stored encrypted' })
  @ApiCreatedResponse({ type: BorrowerResponse })
  @ApiProblems([400, REGISTRATION_400], [409, 'BORROWER_NIK_EXISTS'])
  register(@Body() body: CreateBorrowerRequest, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.borrowers.register({ ...body, business: toBusinessInput(body.business), createdBy: user.id });
  }

  @Patch(':id')
  @Roles('loan_officer', 'admin')
  @ApiOperation({
    summary:
      'Correct a borrower\'s details (name, phone, KK, address, business) with a reason; the NIK never changes. One BORROWER_CORRECTED audit row; ' +
      'sending what is on file changes nothing',
  })
  @ApiOkResponse({ type: BorrowerResponse })
  @ApiProblems(
    [400, `${CORRECTION_400}; body (NOTHING_TO_CORRECT) when none of them is sent`],
    404,
    [409, 'ALREADY_ANONYMISED: an erased borrower has nothing left to correct'],
  )
  correct(@UuidParam('id') id: string, @Body() body: CorrectBorrowerRequest): Promise<unknown> {
    return this.borrowers.correct(id, { ...body, business: body.business && toBusinessInput(body.business) });
  }

  // POST, not GET: a NIK is personal data and must not land in URLs, proxies' logs or browser history.
  @Post('nik-check')
  @HttpCode(200)
  @Roles('loan_officer', 'admin')
  @ApiOperation({ summary: 'Check a NIK as typed (registration forms call it while the officer types): valid or the rule it breaks, what it says, and whether it is registered' })
  @ApiOkResponse({ type: NikCheckResponse })
  @ApiProblems([400, 'VALIDATION_FAILED: nik missing, not a string or over 32 characters'])
  checkNik(@Body() body: NikCheckRequest): Promise<NikCheckResponse> {
    return this.borrowers.checkNik(body.nik);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Borrowers by name; ?name= finds every word of it in the name, ?nik= and ?phone= are exact lookups, ?districtCode= one kecamatan (staff)',
  })
  @ApiOkResponse({ type: BorrowerPage })
  @ApiProblems([400, 'VALIDATION_FAILED: a bad nik (with its NIK_* code), phone (PHONE_FORMAT), name, districtCode, limit or cursor'])
  list(@Query() q: BorrowerQuery): Promise<unknown> {
    return this.borrowers.list(q);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES, 'borrower')
  @ApiOperation({ summary: 'One borrower, NIK masked. A borrower user sees only their own record' })
  @ApiOkResponse({ type: BorrowerResponse })
  @ApiProblems(400, [404, "NOT_FOUND: no such borrower, or another borrower's record"])
  get(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.borrowers.getFor(user, id);
  }

  @Get(':id/nik')
  @Roles('admin', 'loan_officer')
  @ApiOperation({ summary: 'The NIK and KK in clear; each read writes a BORROWER_NIK_READ audit row' })
  @ApiOkResponse({ type: BorrowerIdentityResponse })
  @ApiProblems(400, 404)
  revealIdentity(@UuidParam('id') id: string): Promise<BorrowerIdentityResponse> {
    return this.borrowers.revealIdentity(id);
  }
}
