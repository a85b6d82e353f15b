// Each factor of a scorecard: what it measures, the points its bands give, and the sentence that explains them.
import { Decimal } from 'decimal.js';
import type { Measures } from './measures.js';
import type { Band, FactorDefinition, FactorName, ScalePoints } from './scorecard-definition.js';
import type { ScoringInput } from './scoring-input.js';
import { type Bilingual, COLLECTIBILITY_NAMES, count, percent, rupiah } from './wording.js';

export interface FactorScore {
  name: FactorName;
  label: string;
  labelEn: string;
  points: number;
  maxPoints: number;
  /** Indonesian: what the officer reads out. */
  reason: string;
  reasonEn: string;
}

export const FACTOR_LABELS: Record<FactorName, Bilingual> = {
  REPAYMENT_CAPACITY: { id: 'Kemampuan bayar', en: 'Repayment capacity' },
  BUSINESS_AGE: { id: 'Lama usaha', en: 'Business age' },
  SECTOR: { id: 'Sektor usaha', en: 'Business sector' },
  FIELD_VISIT: { id: 'Kunjungan lapangan', en: 'Field visit' },
  SLIK_COLLECTIBILITY: { id: 'Kolektibilitas SLIK', en: 'SLIK collectibility' },
  PROGRAMME_HISTORY: { id: 'Riwayat di program ini', en: 'History in this programme' },
  AMOUNT_TO_BUSINESS_SIZE: { id: 'Pinjaman dibanding omzet', en: 'Loan against business size' },
};

/** The points of the first band whose inclusive `max` the value does not exceed. */
export function bandPoints(bands: readonly Band[], value: Decimal | number): number {
  const v = new Decimal(value);
  const band = bands.find((b) => b.max === null || v.lte(b.max));
  return band ? band.points : 0;
}

const scalePoints = (points: ScalePoints, value: number): number => points[String(value) as keyof ScalePoints] ?? 0;

type Evaluation = { points: number; reason: Bilingual };

const NO_BUSINESS: Bilingual = { id: 'Tidak ada data usaha', en: 'No business on record' };

function repaymentCapacity(bands: Band[], input: ScoringInput, m: Measures): Evaluation {
  if (!input.business || m.netIncome === null) return { points: bandPoints(bands, Infinity), reason: NO_BUSINESS };
  const cap = { id: percent(m.capPercent, 'id'), en: percent(m.capPercent, 'en') };
  if (m.installmentPercent === null)
    return {
      points: bandPoints(bands, Infinity),
      reason: {
        id: `Laba bersih bulanan tidak positif (omzet ${rupiah(input.business.monthlyRevenue, 'id')} dikurangi biaya ${rupiah(input.business.monthlyExpenses, 'id')}): tidak ada kemampuan bayar`,
        en: `Monthly net income is not positive (revenue ${rupiah(input.business.monthlyRevenue, 'en')} less expenses ${rupiah(input.business.monthlyExpenses, 'en')}): no repayment capacity`,
      },
    };
  const p = m.installmentPercent;
  const over = m.overCap;
  return {
    points: bandPoints(bands, p),
    reason: {
      id: `Angsuran ${rupiah(m.installment, 'id')} = ${percent(p, 'id')} dari laba bersih bulanan ${rupiah(m.netIncome, 'id')} (${over ? 'melebihi ' : ''}batas ${cap.id})`,
      en: `Installment ${rupiah(m.installment, 'en')} is ${percent(p, 'en')} of monthly net income ${rupiah(m.netIncome, 'en')} (${over ? 'above the ' : ''}cap ${cap.en})`,
    },
  };
}

function businessAge(bands: Band[], input: ScoringInput): Evaluation {
  if (!input.business) return { points: bandPoints(bands, 0), reason: NO_BUSINESS };
  const months = Math.max(0, input.business.ageMonths);
  return {
    points: bandPoints(bands, months),
    reason: { id: `Usaha berjalan ${months} bulan (sejak ${input.business.startedOn})`, en: `Business running for ${count(months, 'month')} (since ${input.business.startedOn})` },
  };
}

function sector(f: Extract<FactorDefinition, { name: 'SECTOR' }>, input: ScoringInput): Evaluation {
  if (!input.business) return { points: f.otherPoints, reason: NO_BUSINESS };
  const b = input.business;
  return {
    points: Object.hasOwn(f.points, b.sector) ? f.points[b.sector] : f.otherPoints,
    reason: { id: `Sektor ${b.sectorLabel.toLowerCase()}`, en: `Sector: ${b.sectorLabelEn.toLowerCase()}` },
  };
}

function fieldVisit(f: Extract<FactorDefinition, { name: 'FIELD_VISIT' }>, input: ScoringInput): Evaluation {
  const r = input.fieldVisitRating;
  if (r === null) return { points: f.missingPoints, reason: { id: 'Kunjungan lapangan belum dinilai', en: 'No field-visit rating yet' } };
  return { points: scalePoints(f.points, r), reason: { id: `Penilaian kunjungan lapangan ${r} dari 5`, en: `Field visit rated ${r} of 5` } };
}

function slik(f: Extract<FactorDefinition, { name: 'SLIK_COLLECTIBILITY' }>, input: ScoringInput): Evaluation {
  const k = input.slikCollectibility;
  if (k === null) return { points: f.missingPoints, reason: { id: 'SLIK belum diperiksa', en: 'SLIK not checked' } };
  const name = COLLECTIBILITY_NAMES[k];
  return { points: scalePoints(f.points, k), reason: { id: `Kolektibilitas SLIK ${k} (${name.id})`, en: `SLIK collectibility ${k} (${name.en})` } };
}

function programmeHistory(f: Extract<FactorDefinition, { name: 'PROGRAMME_HISTORY' }>, input: ScoringInput): Evaluation {
  const h = input.history;
  if (h.earlierLoans === 0)
    return { points: f.firstLoanPoints, reason: { id: 'Peminjam baru di program ini: nilai netral', en: 'First loan in this programme: neutral score' } };
  const banded = bandPoints(f.bands, h.worstDaysPastDue);
  const id = `${h.earlierLoans} pinjaman sebelumnya, ${h.loansRepaid} lunas, tunggakan terburuk ${h.worstDaysPastDue} hari`;
  const en = `${count(h.earlierLoans, 'earlier loan')}, ${h.loansRepaid} repaid, worst ${count(h.worstDaysPastDue, 'day')} past due`;
  if (h.loansRepaid === 0 && banded > f.firstLoanPoints)
    return { points: f.firstLoanPoints, reason: { id: `${id}; belum ada yang lunas: nilai netral`, en: `${en}; none repaid yet: neutral score` } };
  return { points: banded, reason: { id, en } };
}

function amountToBusinessSize(bands: Band[], input: ScoringInput, m: Measures): Evaluation {
  if (!input.business) return { points: bandPoints(bands, Infinity), reason: NO_BUSINESS };
  const p = m.amountPercentOfAnnualRevenue;
  if (p === null) return { points: bandPoints(bands, Infinity), reason: { id: 'Omzet tidak tercatat', en: 'No revenue on record' } };
  const annual = input.business.monthlyRevenue.times(12);
  return {
    points: bandPoints(bands, p),
    reason: {
      id: `Pinjaman ${rupiah(input.amount, 'id')} = ${percent(p, 'id')} dari omzet setahun ${rupiah(annual, 'id')}`,
      en: `Loan ${rupiah(input.amount, 'en')} is ${percent(p, 'en')} of a year's revenue ${rupiah(annual, 'en')}`,
    },
  };
}

function evaluate(f: FactorDefinition, input: ScoringInput, m: Measures): Evaluation {
  switch (f.name) {
    case 'REPAYMENT_CAPACITY':
      return repaymentCapacity(f.bands, input, m);
    case 'BUSINESS_AGE':
      return businessAge(f.bands, input);
    case 'SECTOR':
      return sector(f, input);
    case 'FIELD_VISIT':
      return fieldVisit(f, input);
    case 'SLIK_COLLECTIBILITY':
      return slik(f, input);
    case 'PROGRAMME_HISTORY':
      return programmeHistory(f, input);
    case 'AMOUNT_TO_BUSINESS_SIZE':
      return amountToBusinessSize(f.bands, input, m);
  }
}

export function scoreFactor(f: FactorDefinition, input: ScoringInput, m: Measures): FactorScore {
  const { points, reason } = evaluate(f, input, m);
  const label = FACTOR_LABELS[f.name];
  return { name: f.name, label: label.id, labelEn: label.en, points, maxPoints: f.maxPoints, reason: reason.id, reasonEn: reason.en };
}
