// A statement line's identity across imports: the same transaction in two files, or in two
// overlapping statements, gets the same fingerprint, and the unique index refuses it a second time.
import { createHash } from 'node:crypto';
import type { ParsedLine } from './statement.js';

/**
 * sha256 over account, value date, signed amount and reference, plus the line's rank among identical
 * lines of the same file: two real transfers of the same amount with the same reference on one day
 * stay two lines, and a re-import still gives each the fingerprint it had.
 */
export function fingerprintLines(account: string, lines: readonly ParsedLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const identity = [account.trim(), l.valueDate, l.direction, l.amount.toString(), l.reference.trim().toUpperCase()].join('|');
    const rank = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, rank);
    return createHash('sha256').update(`${identity}|${rank}`).digest('hex');
  });
}
