// Loan servicing: restructure, area moratorium, write-off and recoveries, borrower self-service.
import type { Provider, Type } from '@nestjs/common';
import { BorrowerLoansService } from './borrower-loans.service.js';
import { BorrowerPaymentsService } from './borrower-payments.service.js';
import { LoanMoratorium, LoanMoratoriumInstallment } from './loan-moratorium.entity.js';
import { LoanRecovery } from './loan-recovery.entity.js';
import { LoanWriteOff } from './loan-write-off.entity.js';
import { MoratoriumService } from './moratorium.service.js';
import { RecoveriesService } from './recoveries.service.js';
import { RescheduleService } from './reschedule.service.js';
import { WriteOffService } from './write-off.service.js';

export * from '../domain/moratorium.js';
export * from '../domain/reschedule.js';
export * from './borrower-loans.service.js';
export * from './borrower-payments.service.js';
export * from './loan-moratorium.entity.js';
export * from './loan-recovery.entity.js';
export * from './loan-write-off.entity.js';
export * from './moratorium.service.js';
export * from './recoveries.service.js';
export * from './reschedule.service.js';
export * from './write-off-view.js';
export * from './write-off.service.js';

export const SERVICING_ENTITIES: Type[] = [LoanWriteOff, LoanRecovery, LoanMoratorium, LoanMoratoriumInstallment];
export const SERVICING_PROVIDERS: Provider[] = [RescheduleService, MoratoriumService, WriteOffService, RecoveriesService, BorrowerLoansService, BorrowerPaymentsService];
