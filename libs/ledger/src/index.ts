import { JournalEntry } from './entities/journal-entry.entity.js';
import { JournalLine } from './entities/journal-line.entity.js';
import { LedgerAccount } from './entities/ledger-account.entity.js';

export * from './domain/chart-of-accounts.js';
export * from './domain/journal-entry.js';
export * from './entities/journal-entry.entity.js';
export * from './entities/journal-line.entity.js';
export * from './entities/ledger-account.entity.js';
export * from './fund.service.js';
export * from './ledger.module.js';
export * from './ledger.service.js';

export const LEDGER_ENTITIES = [LedgerAccount, JournalEntry, JournalLine];
