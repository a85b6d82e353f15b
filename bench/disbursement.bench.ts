// The pure halves of disbursement and loan reads: writing a bank batch file (a regency's monthly batch is
// hundreds of transfers; 2,000 is a province's) and a loan's standing on read (GET /api/loans computes
// it for every loan of a page of up to 500 until close-of-day stores it).
import { BANK_JATIM_LAYOUT, type BankFileLine, GENERIC_LAYOUT, renderBankFile } from '#disbursement';
import { Money } from '#money';
import { generateSchedule, type InstallmentAmounts, loanStanding } from '#repayment';
import type { Figure } from './figure.js';

const ROUNDS = 5;
const FILES = 50;
const LINES = 2_000;
const STANDINGS = 50_000;

const lines: BankFileLine[] = Array.from({ length: LINES }, (_, i) => ({
  reference: `DSB-2026-${String(i + 1).padStart(6, '0')}`,
  bankCode: i % 3 ? '114' : '002',
  accountNumber: String(1_000_000_000 + i),
  accountName: i % 7 ? 'Siti Aminah' : 'Batik Tulis, Bu Aminah',
  amount: Money.of(`${(i % 10) + 1}000000`),
  description: `Pencairan pinjaman DSB-2026-${String(i + 1).padStart(6, '0')}`,
}));

const zero = Money.zero();
const installments: InstallmentAmounts[] = generateSchedule({
  principal: Money.of('7500000'),
  tenor: 12,
  frequency: 'MONTHLY',
  roundingUnit: Money.of('1000'),
  roundingMode: 'UP',
  remainderPlacement: 'LAST',
  principalGracePeriods: 0,
  moveDueDatesOffHolidays: false,
  disbursementDate: '2026-01-15',
  holidays: new Set(),
}).map((i, k) => ({ dueDate: i.dueDate, principalDue: i.principal, principalPaid: k < 3 ? i.principal : zero, lateFeeDue: zero, lateFeePaid: zero }));

function seconds(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  // Through the string: the repo bans the Number constructor call (aimed at money), even for durations.
  return Number.parseInt((process.hrtime.bigint() - start).toString(), 10) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function disbursementBench(): Promise<Figure[]> {
  const render = (layout: typeof GENERIC_LAYOUT) => () => {
    for (let i = 0; i < FILES; i++) if (!renderBankFile(layout, lines).endsWith('\r\n')) throw new Error('no file');
  };
  const standing = () => {
    for (let i = 0; i < STANDINGS; i++) if (loanStanding(installments, '2026-06-20', 'BANK').daysPastDue !== 36) throw new Error('wrong standing');
  };
  render(BANK_JATIM_LAYOUT)();
  standing();
  const generic: number[] = [];
  const jatim: number[] = [];
  const standings: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    generic.push(seconds(render(GENERIC_LAYOUT)));
    jatim.push(seconds(render(BANK_JATIM_LAYOUT)));
    standings.push(seconds(standing));
  }
  return [
    { name: 'bank_file.generic_2000_lines', value: Math.round((FILES * LINES) / median(generic)), unit: 'lines/s' },
    { name: 'bank_file.bank_jatim_2000_lines', value: Math.round((FILES * LINES) / median(jatim)), unit: 'lines/s' },
    { name: 'loan_standing.monthly12', value: Math.round(STANDINGS / median(standings)), unit: 'loans/s' },
  ];
}
