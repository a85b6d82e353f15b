import { Module } from '@nestjs/common';
import { FundService } from './fund.service.js';
import { LedgerService } from './ledger.service.js';

@Module({ providers: [LedgerService, FundService], exports: [LedgerService, FundService] })
export class LedgerModule {}
