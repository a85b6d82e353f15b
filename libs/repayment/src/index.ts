// Loan accounts, schedules and repayments. The schedule engine (domain/) is used by intake's preview too.
export * from './domain/due-dates.js';
export * from './domain/generate-schedule.js';
