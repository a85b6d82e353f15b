// The BANK and BPR tables (classify-collectibility.ts) as one SQL expression, generated from the same
// bands, so that set-based close-of-day and the per-loan view grade a loan alike (an integration spec
// compares them day by day).
import { COLLECTIBILITY_BANDS, COLLECTIBILITY_TABLES } from '../domain/classify-collectibility.js';

/**
 * `tableExpr` is the loan's collectibility_table column, `dpdExpr` a non-negative integer expression.
 * Both are SQL the caller controls (column names), never user input.
 */
export function collectibilitySql(tableExpr: string, dpdExpr: string): string {
  const perTable = COLLECTIBILITY_TABLES.map((table) => {
    const bands = COLLECTIBILITY_BANDS[table];
    const bounded = bands.filter((b) => b.maxDays !== null).map((b) => `WHEN ${dpdExpr} <= ${b.maxDays} THEN ${b.collectibility}`);
    const open = bands.find((b) => b.maxDays === null);
    if (!open) throw new Error(`collectibility table ${table} has no open-ended band`);
    return `WHEN '${table}' THEN CASE ${bounded.join(' ')} ELSE ${open.collectibility} END`;
  });
  // An unknown table makes the CASE NULL, which the NOT NULL column refuses: loud, not a silent grade.
  return `(CASE ${tableExpr} ${perTable.join(' ')} END)`;
}

/** Days past due on `asOfParam` (a date parameter): the business date minus the oldest unpaid due date, when positive. */
export function daysPastDueSql(oldestUnpaidExpr: string, asOfParam: string): string {
  return `(CASE WHEN ${oldestUnpaidExpr} < ${asOfParam} THEN ${asOfParam} - ${oldestUnpaidExpr} ELSE 0 END)`;
}
