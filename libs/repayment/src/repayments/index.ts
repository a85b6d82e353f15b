import type { Provider, Type } from '@nestjs/common';
import { LoanTransaction } from './entities/loan-transaction.entity.js';
import { RepaymentAllocation } from './entities/repayment-allocation.entity.js';
import { TransactionReversalRequest } from './entities/transaction-reversal-request.entity.js';
import { LoanTransactionsService } from './loan-transactions.service.js';
import { RefundsService } from './refunds.service.js';
import { RepaymentHooks } from './repayment-hooks.js';
import { RepaymentsService } from './repayments.service.js';
import { ReversalRequestsService } from './reversal-requests.service.js';
import { ReversalsService } from './reversals.service.js';

export * from '../domain/allocate-repayment.js';
export * from '../domain/replay-allocations.js';
export * from './entities/loan-transaction.entity.js';
export * from './entities/repayment-allocation.entity.js';
export * from './entities/transaction-reversal-request.entity.js';
export { creditBalancesOf, type LoanBalances } from './loan-book.js';
export * from './loan-transactions.service.js';
export * from './refunds.service.js';
export * from './repayment-hooks.js';
export * from './repayments.service.js';
export * from './reversal-requests.service.js';
export * from './reversals.service.js';
export * from './transaction-view.js';

export const REPAYMENT_POSTING_ENTITIES: Type[] = [LoanTransaction, RepaymentAllocation, TransactionReversalRequest];
export const REPAYMENT_POSTING_PROVIDERS: Provider[] = [RepaymentsService, ReversalsService, ReversalRequestsService, RefundsService, LoanTransactionsService, RepaymentHooks];
