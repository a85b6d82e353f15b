// Checks a scorecard definition that arrives as JSON before it becomes a version: the scorer trusts what
// it is given, so everything it relies on (open-ended bands, whole points, a score out of 100) is checked here.
import type { FieldViolation } from '#platform/errors';
import { FACTOR_NAMES, type FactorName, GRADES, KNOCK_OUT_RULES, type ScorecardDefinition } from './scorecard-definition.js';

type Obj = Record<string, unknown>;
type Add = (field: string, code: string, message: string) => void;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const MAX_BANDS = 20;
const SCALE = ['1', '2', '3', '4', '5'];

const FACTOR_KEYS: Record<FactorName, string[]> = {
  REPAYMENT_CAPACITY: ['bands'],
  BUSINESS_AGE: ['bands'],
  SECTOR: ['points', 'otherPoints'],
  FIELD_VISIT: ['points', 'missingPoints'],
  SLIK_COLLECTIBILITY: ['points', 'missingPoints'],
  PROGRAMME_HISTORY: ['firstLoanPoints', 'bands'],
  AMOUNT_TO_BUSINESS_SIZE: ['bands'],
};

function onlyKeys(o: Obj, path: string, allowed: string[], add: Add): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) add(`${path}.${k}`, 'UNKNOWN_FIELD', `${path}.${k} is not an accepted field`);
}

/** Whole points between 0 and maxPoints; returns the value when valid. */
function points(v: unknown, path: string, maxPoints: number, add: Add): number | null {
  if (isInt(v) && v >= 0 && v <= maxPoints) return v;
  add(path, 'SCORECARD_POINTS_INVALID', `${path} must be a whole number of points from 0 to the factor's maxPoints ${maxPoints}`);
  return null;
}

function bands(v: unknown, path: string, maxPoints: number, add: Add): number[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_BANDS) {
    add(path, 'SCORECARD_BANDS_INVALID', `${path} must be a list of 1 to ${MAX_BANDS} bands {max, points}`);
    return [];
  }
  const out: number[] = [];
  let previous: number | null = null;
  v.forEach((b: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(b)) return add(at, 'SCORECARD_BANDS_INVALID', `${at} must be an object {max, points}`);
    onlyKeys(b, at, ['max', 'points'], add);
    const p = points(b.points, `${at}.points`, maxPoints, add);
    if (p !== null) out.push(p);
    const last = i === v.length - 1;
    if (last) {
      if (b.max !== null) add(`${at}.max`, 'SCORECARD_BANDS_NOT_OPEN_ENDED', `${at}.max must be null: the last band takes every value above the others`);
    } else if (!isFiniteNumber(b.max) || b.max < 0) {
      add(`${at}.max`, 'SCORECARD_BAND_BOUND_INVALID', `${at}.max must be a number of at least 0 (only the last band's is null)`);
    } else {
      if (previous !== null && b.max <= previous) add(`${at}.max`, 'SCORECARD_BANDS_NOT_ASCENDING', `${at}.max must be above the previous band's ${previous}`);
      previous = b.max;
    }
  });
  return out;
}

function pointsTable(v: unknown, path: string, keys: readonly string[], exact: boolean, maxPoints: number, add: Add): number[] {
  if (!isObject(v)) {
    add(path, 'SCORECARD_POINTS_INVALID', `${path} must be an object of points by ${exact ? 'value 1-5' : 'sector code'}`);
    return [];
  }
  for (const k of Object.keys(v)) if (!keys.includes(k)) add(`${path}.${k}`, 'SCORECARD_POINTS_KEY_UNKNOWN', `${path}.${k}: ${k} is not one of ${keys.join(', ')}`);
  if (exact) for (const k of keys) if (!(k in v)) add(`${path}.${k}`, 'SCORECARD_POINTS_KEY_MISSING', `${path} must give points for every value 1-5`);
  return Object.entries(v).flatMap(([k, p]) => (keys.includes(k) ? [points(p, `${path}.${k}`, maxPoints, add)].filter((x): x is number => x !== null) : []));
}

/** Validates one factor; returns its maxPoints when usable for the total. */
function factor(f: unknown, path: string, sectors: readonly string[], add: Add): { name: FactorName; maxPoints: number } | null {
  if (!isObject(f)) {
    add(path, 'SCORECARD_FACTOR_INVALID', `${path} must be an object with a name and maxPoints`);
    return null;
  }
  if (typeof f.name !== 'string' || !FACTOR_NAMES.includes(f.name as FactorName)) {
    add(`${path}.name`, 'SCORECARD_FACTOR_UNKNOWN', `${path}.name must be one of ${FACTOR_NAMES.join(', ')}`);
    return null;
  }
  const name = f.name as FactorName;
  onlyKeys(f, path, ['name', 'maxPoints', ...FACTOR_KEYS[name]], add);
  if (!isInt(f.maxPoints) || f.maxPoints < 1 || f.maxPoints > 100) {
    add(`${path}.maxPoints`, 'SCORECARD_POINTS_INVALID', `${path}.maxPoints must be a whole number from 1 to 100`);
    return null;
  }
  const max = f.maxPoints;
  const reachable: number[] = [];
  const single = (key: string) => {
    const p = points(f[key], `${path}.${key}`, max, add);
    if (p !== null) reachable.push(p);
  };
  switch (name) {
    case 'REPAYMENT_CAPACITY':
    case 'BUSINESS_AGE':
    case 'AMOUNT_TO_BUSINESS_SIZE':
      reachable.push(...bands(f.bands, `${path}.bands`, max, add));
      break;
    case 'PROGRAMME_HISTORY':
      single('firstLoanPoints');
      reachable.push(...bands(f.bands, `${path}.bands`, max, add));
      break;
    case 'SECTOR':
      single('otherPoints');
      reachable.push(...pointsTable(f.points, `${path}.points`, sectors, false, max, add));
      break;
    case 'FIELD_VISIT':
    case 'SLIK_COLLECTIBILITY':
      single('missingPoints');
      reachable.push(...pointsTable(f.points, `${path}.points`, SCALE, true, max, add));
      break;
  }
  // Only then does a perfect applicant score 100, and a factor's "of maxPoints" mean what it says.
  if (reachable.length && Math.max(...reachable) !== max)
    add(`${path}.maxPoints`, 'SCORECARD_MAX_POINTS_UNREACHABLE', `${path}.maxPoints ${max} must be the most its bands or table give (${Math.max(...reachable)})`);
  return { name, maxPoints: max };
}

function knockOuts(v: unknown, path: string, add: Add): void {
  if (!Array.isArray(v)) return add(path, 'SCORECARD_KNOCK_OUTS_INVALID', `${path} must be a list of rules (may be empty)`);
  const seen = new Set<string>();
  v.forEach((k: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(k) || typeof k.rule !== 'string' || !KNOCK_OUT_RULES.includes(k.rule as (typeof KNOCK_OUT_RULES)[number]))
      return add(`${at}.rule`, 'SCORECARD_KNOCK_OUT_UNKNOWN', `${at}.rule must be one of ${KNOCK_OUT_RULES.join(', ')}`);
    if (seen.has(k.rule)) add(`${at}.rule`, 'SCORECARD_KNOCK_OUT_REPEATED', `${at}.rule ${k.rule} is listed twice`);
    seen.add(k.rule);
    const valued = k.rule === 'SLIK_COLLECTIBILITY_AT_LEAST' || k.rule === 'PROGRAMME_WORST_DAYS_PAST_DUE_ABOVE';
    onlyKeys(k, at, valued ? ['rule', 'value'] : ['rule'], add);
    if (k.rule === 'SLIK_COLLECTIBILITY_AT_LEAST' && !(isInt(k.value) && k.value >= 1 && k.value <= 5))
      add(`${at}.value`, 'SCORECARD_KNOCK_OUT_VALUE_INVALID', `${at}.value must be a collectibility from 1 to 5`);
    if (k.rule === 'PROGRAMME_WORST_DAYS_PAST_DUE_ABOVE' && !(isInt(k.value) && k.value >= 0 && k.value <= 3650))
      add(`${at}.value`, 'SCORECARD_KNOCK_OUT_VALUE_INVALID', `${at}.value must be a whole number of days from 0 to 3650`);
  });
}

function gradeCutoffs(v: unknown, path: string, add: Add): void {
  if (!isObject(v)) return add(path, 'SCORECARD_GRADE_CUTOFFS_INVALID', `${path} must be {A, B, C, D}: the lowest score of each grade`);
  onlyKeys(v, path, ['A', 'B', 'C', 'D'], add);
  const c = [v.A, v.B, v.C, v.D];
  if (!c.every((x) => isInt(x) && x >= 1 && x <= 100) || !c.every((x, i) => i === 0 || (x as number) < (c[i - 1] as number)))
    add(path, 'SCORECARD_GRADE_CUTOFFS_INVALID', `${path} must be whole scores with 100 >= A > B > C > D >= 1`);
}

function recommendation(v: unknown, path: string, add: Add): void {
  if (!isObject(v)) return add(path, 'SCORECARD_RECOMMENDATION_INVALID', `${path} must be {approveGrades, reviewGrades, atBestWhenOverCap, atBestWhenInputMissing}`);
  onlyKeys(v, path, ['approveGrades', 'reviewGrades', 'atBestWhenOverCap', 'atBestWhenInputMissing'], add);
  const grades = (key: string): string[] => {
    const g = v[key];
    if (Array.isArray(g) && g.every((x) => GRADES.includes(x)) && new Set(g).size === g.length) return g as string[];
    add(`${path}.${key}`, 'SCORECARD_RECOMMENDATION_INVALID', `${path}.${key} must list distinct grades of ${GRADES.join(', ')}`);
    return [];
  };
  const approve = grades('approveGrades');
  const review = grades('reviewGrades');
  if (approve.some((g) => review.includes(g))) add(`${path}.reviewGrades`, 'SCORECARD_RECOMMENDATION_INVALID', `${path}: a grade cannot both approve and need review`);
  for (const key of ['atBestWhenOverCap', 'atBestWhenInputMissing'])
    if (v[key] !== 'REVIEW' && v[key] !== 'REJECT') add(`${path}.${key}`, 'SCORECARD_RECOMMENDATION_INVALID', `${path}.${key} must be REVIEW or REJECT`);
}

/**
 * Every problem of `raw` as a scorecard definition, one entry per field (paths under `root`), or none.
 * `sectors` are the sector codes a SECTOR factor may give points to.
 */
export function scorecardDefinitionViolations(raw: unknown, sectors: readonly string[], root = 'definition'): FieldViolation[] {
  const out: FieldViolation[] = [];
  const add: Add = (field, code, message) => void out.push({ field, code, message });
  if (!isObject(raw)) {
    add(root, 'SCORECARD_INVALID', `${root} must be an object`);
    return out;
  }
  onlyKeys(raw, root, ['installmentCapPercent', 'factors', 'knockOuts', 'gradeCutoffs', 'recommendation'], add);
  if (!isFiniteNumber(raw.installmentCapPercent) || raw.installmentCapPercent <= 0 || raw.installmentCapPercent > 100)
    add(`${root}.installmentCapPercent`, 'SCORECARD_CAP_INVALID', `${root}.installmentCapPercent must be a percentage above 0 and at most 100`);

  if (!Array.isArray(raw.factors) || raw.factors.length === 0 || raw.factors.length > FACTOR_NAMES.length) {
    add(`${root}.factors`, 'SCORECARD_FACTORS_INVALID', `${root}.factors must list 1 to ${FACTOR_NAMES.length} factors`);
  } else {
    const found = raw.factors.map((f: unknown, i) => factor(f, `${root}.factors[${i}]`, sectors, add));
    const names = found.filter((f) => f !== null).map((f) => f.name);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    if (repeated.length) add(`${root}.factors`, 'SCORECARD_FACTOR_REPEATED', `${root}.factors lists ${[...new Set(repeated)].join(', ')} more than once`);
    if (found.every((f) => f !== null)) {
      const total = found.reduce((s, f) => s + f.maxPoints, 0);
      if (total !== 100) add(`${root}.factors`, 'SCORECARD_POINTS_NOT_100', `the factors' maxPoints must add up to 100 (they add up to ${total})`);
    }
  }
  knockOuts(raw.knockOuts, `${root}.knockOuts`, add);
  gradeCutoffs(raw.gradeCutoffs, `${root}.gradeCutoffs`, add);
  recommendation(raw.recommendation, `${root}.recommendation`, add);
  return out;
}

/** Narrows `raw` once scorecardDefinitionViolations found nothing. */
export const isScorecardDefinition = (raw: unknown, sectors: readonly string[]): raw is ScorecardDefinition =>
  scorecardDefinitionViolations(raw, sectors).length === 0;
