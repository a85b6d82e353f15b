// Matching a statement's lines against the open items, as a pure function: every lookup is a Map,
// so the cost is linear in lines + items. Debits are disbursements going out; credits are borrowers
// paying in.
import type { Money } from '#money';
import type { Direction } from './statement.js';

export type MatchStatus = 'MATCHED' | 'MISMATCHED' | 'UNMATCHED';
export const MATCH_STATUSES: readonly MatchStatus[] = ['MATCHED', 'MISMATCHED', 'UNMATCHED'];

export interface LineToMatch {
  direction: Direction;
  amount: Money;
  valueDate: string;
  reference: string;
  description: string;
}

export interface OpenDisbursement {
  id: string;
  reference: string;
  bankReference: string | null;
  amount: Money;
  status: 'PENDING' | 'DISBURSED' | 'CANCELLED';
  orderedOn: string;
}

export interface OpenLoan {
  id: string;
  number: string;
  virtualAccount: string;
  status: 'ACTIVE' | 'CLOSED' | 'WRITTEN_OFF';
}

export type MatchReason = 'NO_MATCH' | 'AMOUNT_DIFFERS' | 'LOAN_CLOSED' | 'DISBURSEMENT_CANCELLED';

export interface LineMatch {
  status: MatchStatus;
  reason: MatchReason | null;
  loanId: string | null;
  disbursementId: string | null;
  /** A credit to a WRITTEN_OFF loan: booked as a recovery, not a repayment. */
  recovery: boolean;
}

/** Days after the order within which an unreferenced debit of the same amount is taken as its transfer. */
export const DISBURSEMENT_WINDOW_DAYS = 7;

/** The words of a reference or description that could be a VA number, loan number or bank reference. */
export function tokensOf(text: string): string[] {
  return text.toUpperCase().match(/[A-Z0-9][A-Z0-9-]*[A-Z0-9]|[A-Z0-9]/g) ?? [];
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const unmatched = (reason: MatchReason): LineMatch => ({ status: 'UNMATCHED', reason, loanId: null, disbursementId: null, recovery: false });

/**
 * One outcome per line, in the lines' order.
 * - Debit: a disbursement whose bank reference, then whose own reference, appears in the line;
 *   failing that, the oldest PENDING order of exactly that amount ordered within the window before
 *   the line's date. Found with the same amount: MATCHED; found with another amount: MISMATCHED
 *   (the bank paid something other than the order; a person must look).
 * - Credit: the loan whose virtual account number, then whose loan number, appears in the line. A
 *   credit to an ACTIVE loan is MATCHED whatever its amount: the repayment service allocates any
 *   amount (short, exact or overpaid), so a credit is never MISMATCHED. A credit to a WRITTEN_OFF
 *   loan is MATCHED as a recovery; one to a CLOSED loan is UNMATCHED (LOAN_CLOSED), for a person.
 * An item is matched by at most one line: a second line naming the same disbursement is UNMATCHED.
 */
export function matchLines(lines: readonly LineToMatch[], disbursements: readonly OpenDisbursement[], loans: readonly OpenLoan[]): LineMatch[] {
  const byBankRef = new Map<string, OpenDisbursement>();
  const byRef = new Map<string, OpenDisbursement>();
  const pendingByAmount = new Map<string, OpenDisbursement[]>();
  for (const d of disbursements) {
    if (d.bankReference) byBankRef.set(d.bankReference.toUpperCase(), d);
    byRef.set(d.reference.toUpperCase(), d);
    if (d.status === 'PENDING') {
      const key = d.amount.toString();
      const list = pendingByAmount.get(key);
      if (list) list.push(d);
      else pendingByAmount.set(key, [d]);
    }
  }
  for (const list of pendingByAmount.values()) list.sort((a, b) => (a.orderedOn < b.orderedOn ? -1 : a.orderedOn > b.orderedOn ? 1 : 0));
  const byVa = new Map(loans.map((l) => [l.virtualAccount.toUpperCase(), l]));
  const byNumber = new Map(loans.map((l) => [l.number.toUpperCase(), l]));
  const taken = new Set<string>();
  // Each amount's queue is consumed from the front: a cursor per amount keeps the scan linear.
  const queueStart = new Map<string, number>();

  const find = <T>(tokens: string[], map: Map<string, T>): T | undefined => {
    for (const t of tokens) {
      const hit = map.get(t);
      if (hit) return hit;
    }
    return undefined;
  };

  const byAmountAndDate = (line: LineToMatch): OpenDisbursement | undefined => {
    const key = line.amount.toString();
    const list = pendingByAmount.get(key);
    if (!list) return undefined;
    let i = queueStart.get(key) ?? 0;
    while (i < list.length && (taken.has(list[i].id) || addDays(list[i].orderedOn, DISBURSEMENT_WINDOW_DAYS) < line.valueDate)) i++;
    queueStart.set(key, i);
    const d = list[i];
    return d && d.orderedOn <= line.valueDate ? d : undefined;
  };

  return lines.map((line): LineMatch => {
    const tokens = [...tokensOf(line.reference), ...tokensOf(line.description)];
    if (line.direction === 'DEBIT') {
      const named = find(tokens, byBankRef) ?? find(tokens, byRef);
      const d = named ?? byAmountAndDate(line);
      if (!d || taken.has(d.id)) return unmatched('NO_MATCH');
      taken.add(d.id);
      if (d.status === 'CANCELLED') return { status: 'UNMATCHED', reason: 'DISBURSEMENT_CANCELLED', loanId: null, disbursementId: d.id, recovery: false };
      return d.amount.eq(line.amount)
        ? { status: 'MATCHED', reason: null, loanId: null, disbursementId: d.id, recovery: false }
        : { status: 'MISMATCHED', reason: 'AMOUNT_DIFFERS', loanId: null, disbursementId: d.id, recovery: false };
    }
    const loan = find(tokens, byVa) ?? find(tokens, byNumber);
    if (!loan) return unmatched('NO_MATCH');
    if (loan.status === 'CLOSED') return { status: 'UNMATCHED', reason: 'LOAN_CLOSED', loanId: loan.id, disbursementId: null, recovery: false };
    return { status: 'MATCHED', reason: null, loanId: loan.id, disbursementId: null, recovery: loan.status === 'WRITTEN_OFF' };
  });
}
