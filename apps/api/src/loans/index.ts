import type { Type } from '@nestjs/common';
import { CLOSE_OF_DAY_CONTROLLERS } from '../close-of-day/index.js';
import { SELF_SERVICE_CONTROLLERS } from '../me/index.js';
import { REPAYMENT_CONTROLLERS } from '../repayments/index.js';
import { REPORT_CONTROLLERS } from '../reports/index.js';
import { SERVICING_CONTROLLERS } from '../servicing/index.js';
import { LoansController } from './loans.controller.js';

export const LOAN_CONTROLLERS: Type[] = [
  LoansController,
  ...REPAYMENT_CONTROLLERS,
  ...CLOSE_OF_DAY_CONTROLLERS,
  ...SERVICING_CONTROLLERS,
  ...REPORT_CONTROLLERS,
  ...SELF_SERVICE_CONTROLLERS,
];
