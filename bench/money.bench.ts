// What the Money wrapper costs over bare decimal.js: the same parse -> roundTo(1000, UP) -> add
// over the same 200,000 decimal strings. The wrapper adds input validation (regex, range) and a
// range check per result, so the ratio (money / decimal.js) is expected to be below 1.
import { Decimal } from 'decimal.js';
import { Money } from '#money';
import type { Figure } from './figure.js';

const COUNT = 200_000;
const ROUNDS = 5;

// Deterministic data: the same strings on every run and machine, so runs are comparable.
function generate(count: number): string[] {
  let seed = 0x4c554d42; // mulberry32
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const rupiah = String(Math.floor(next() * 999_999_999) + 1);
    const kind = next();
    // Mostly whole rupiah, as in the programme, with some sen to exercise the decimal path.
    out[i] = kind < 0.7 ? rupiah : kind < 0.85 ? `${rupiah}.${Math.floor(next() * 10)}` : `${rupiah}.${String(Math.floor(next() * 100)).padStart(2, '0')}`;
  }
  return out;
}

function runMoney(data: string[]): string {
  const unit = Money.of('1000');
  let acc = Money.zero();
  for (const s of data) acc = acc.plus(Money.parse(s).roundTo(unit, 'UP'));
  return acc.toString();
}

function runDecimal(data: string[]): string {
  const unit = new Decimal(1000);
  let acc = new Decimal(0);
  for (const s of data) acc = acc.plus(new Decimal(s).toNearest(unit, Decimal.ROUND_CEIL));
  return acc.toFixed(2);
}

function time(fn: () => string): { seconds: number; result: string } {
  const start = process.hrtime.bigint();
  const result = fn();
  const ns = process.hrtime.bigint() - start;
  // Through the string: the repo bans the Number constructor call (aimed at money), even for durations.
  return { seconds: Number.parseInt(ns.toString(), 10) / 1e9, result };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function moneyBench(): Promise<Figure[]> {
  const data = generate(COUNT);

  // Warm-up: let both paths reach optimised code before anything is timed.
  for (let i = 0; i < 2; i++) {
    runMoney(data);
    runDecimal(data);
  }

  const moneySeconds: number[] = [];
  const decimalSeconds: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate, so drift (thermal, GC, other load) hits both sides alike.
    const m = time(() => runMoney(data));
    const d = time(() => runDecimal(data));
    if (m.result !== d.result) throw new Error(`Money and decimal.js disagree: ${m.result} vs ${d.result}`);
    moneySeconds.push(m.seconds);
    decimalSeconds.push(d.seconds);
  }

  const moneyOps = COUNT / median(moneySeconds);
  const decimalOps = COUNT / median(decimalSeconds);
  return [
    {
      name: 'money.parse_roundTo_add',
      value: Math.round(moneyOps),
      unit: 'ops/s',
      ratio: Math.round((moneyOps / decimalOps) * 1000) / 1000,
      baseline: 'decimaljs.parse_roundTo_add',
    },
    { name: 'decimaljs.parse_roundTo_add', value: Math.round(decimalOps), unit: 'ops/s' },
  ];
}
